/**
 * The splitter's keys on the whole window while it is shown. In a typed field only the function keys
 * (and Alt+digit) are commands, and Escape leaves the field. Keys a scanner typed just before the
 * splitter opened are taken over from the early-key buffer, as the Scan screen's field does.
 */
import { useEffect, useRef } from 'react';
import { claimEarlyKeys, releaseEarlyKeys } from '../app/early-keys';
import { globalCommand, SplitKeyReader, type SplitCommand } from './split-keys';

function isEditable(target: EventTarget | null): target is HTMLElement {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function useSplitKeys(run: (command: SplitCommand) => void): void {
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => {
    const reader = new SplitKeyReader((command) => latest.current(command));
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || document.querySelector('dialog[open]')) return;
      if (isEditable(e.target)) {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.target.blur();
          return;
        }
        const command = globalCommand(e);
        if (command) {
          e.preventDefault();
          latest.current(command);
        }
        return;
      }
      if (reader.key(e)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    // Keys typed while the splitter was opening (e.g. right after F6) are the splitter's.
    const early = claimEarlyKeys();
    const lastEnter = early.lastIndexOf('\n');
    const scans = early
      .slice(0, Math.max(0, lastEnter))
      .split('\n')
      .filter((s) => s.trim() !== '');
    if (scans.length > 0) latest.current({ kind: 'scan', text: scans[scans.length - 1]! });
    return () => {
      window.removeEventListener('keydown', onKey);
      reader.dispose();
      releaseEarlyKeys();
    };
  }, []);
}
