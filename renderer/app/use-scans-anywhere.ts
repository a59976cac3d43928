/**
 * No scan is lost on another screen: a scanner's burst (fast keys ending in Enter or Tab) made on
 * History or Settings is taken out of whatever field it landed in and made on the Scan screen. On
 * History a burst typed into the search box is what the search box is for: when History has labels
 * for it, it stays a search; when it has none, the scan goes to the Scan screen. The Scan screen and
 * the splitter read scans themselves; a dialog's or a badge field's own scans stay theirs.
 */
import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { station } from '../api/station';
import { useNav } from '../state/nav';
import { useScanNotice } from '../state/scan-notice';
import { submitScan } from '../scan/submit-scan';
import { BurstDetector } from './scanner-burst';

const SCREEN_NAMES = { history: 'History', settings: 'Settings', batch: 'Batch', health: 'Health', reports: 'Reports' } as const;

export function useScansAnywhere(signedIn: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!signedIn) return;
    const detector = new BurstDetector<EventTarget | null>();
    const onKey = (e: KeyboardEvent) => {
      const screen = useNav.getState().screen;
      if (screen === 'scan' || screen === 'split' || e.ctrlKey || e.metaKey || e.altKey) return detector.reset();
      if (e.target instanceof Element && e.target.closest('dialog, [data-accepts-scan]')) return detector.reset();
      const burst = detector.key({ key: e.key, at: e.timeStamp, target: e.target, valueBefore: valueOf(e.target) });
      if (!burst) return;
      e.preventDefault();
      e.stopPropagation();
      const scan = burst.text.trim();
      const inSearch = screen === 'history' && burst.target instanceof HTMLElement && burst.target.dataset.testid === 'history-search';
      if (inSearch) {
        void keepAsSearchOrScan(scan, () => restore(burst.target, burst.valueBefore));
        return;
      }
      restore(burst.target, burst.valueBefore);
      useNav.getState().go('scan');
      useScanNotice.getState().say(`Scanned on ${SCREEN_NAMES[screen]}: “${scan}” was made here.`, 'scan');
      submitScan(scan, queryClient);
    };

    async function keepAsSearchOrScan(scan: string, takeBack: () => void): Promise<void> {
      const found = await station.searchHistory({ query: scan, limit: 1 }).then(
        (page) => page.total ?? page.labels.length,
        () => 0,
      );
      if (found > 0) {
        useScanNotice
          .getState()
          .say(`Scanned into the search: History has ${found === 1 ? 'a label' : 'labels'} for “${scan}”.`, 'history');
        return;
      }
      takeBack();
      useNav.getState().go('scan');
      useScanNotice.getState().say(`Scanned on History: no label for “${scan}” there, so it was made here.`, 'scan');
      submitScan(scan, queryClient);
    }

    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [signedIn, queryClient]);
}

function valueOf(target: EventTarget | null): string | null {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ? target.value : null;
}

/** Puts a field's text back as it was before the burst, so React's state follows (a native input event). */
function restore(target: EventTarget | null, value: string | null): void {
  if (value === null || !(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) return;
  const prototype = target instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(target, value);
  target.dispatchEvent(new Event('input', { bubbles: true }));
}
