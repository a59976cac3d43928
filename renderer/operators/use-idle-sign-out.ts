/**
 * Signs the operator out after the minutes set in Settings without a key, a click or a scan, so a
 * station left alone does not print under someone else's name. 0 turns it off.
 */
import { useEffect } from 'react';
import { station } from '../api/station';

const ACTIVITY = ['keydown', 'pointerdown', 'wheel'] as const;

export function useIdleSignOut(minutes: number, signedIn: boolean): void {
  useEffect(() => {
    if (!signedIn || minutes <= 0) return;
    let timer = 0;
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void station.signOut({}), minutes * 60_000);
    };
    restart();
    for (const event of ACTIVITY) window.addEventListener(event, restart, { capture: true, passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const event of ACTIVITY) window.removeEventListener(event, restart, { capture: true });
    };
  }, [minutes, signedIn]);
}
