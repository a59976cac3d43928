/**
 * History or Settings left without a key, a click or a scroll for the set time goes back to the Scan
 * screen, where the next scan is expected. Settings with unsaved changes stay where they are.
 */
import { useEffect } from 'react';
import { useNav, type Screen } from '../state/nav';

const AWAY_SCREENS: ReadonlySet<Screen> = new Set(['history', 'settings', 'health']);

export function useReturnToScan(screen: Screen, seconds: number): void {
  useEffect(() => {
    if (!AWAY_SCREENS.has(screen) || seconds <= 0) return;
    let timer: ReturnType<typeof setTimeout>;
    const back = () => {
      if (document.querySelector('[data-unsaved="true"]')) return restart();
      useNav.getState().go('scan');
    };
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(back, seconds * 1000);
    };
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    for (const event of events) window.addEventListener(event, restart, true);
    restart();
    return () => {
      clearTimeout(timer);
      for (const event of events) window.removeEventListener(event, restart, true);
    };
  }, [screen, seconds]);
}
