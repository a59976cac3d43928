/** One key for an action on screen (F8: Reprint …), so a packer never needs the mouse; shown on its button. */
import { useEffect, useRef } from 'react';

/** Runs `action` on `key` (a KeyboardEvent.key such as 'F8') while `enabled`; a dialog's keys stay its own. */
export function useHotkey(key: string | undefined, action: () => void, enabled = true): void {
  const latest = useRef(action);
  latest.current = action;
  useEffect(() => {
    if (!key || !enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== key || e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
      if (e.target instanceof Element && e.target.closest('dialog')) return;
      e.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [key, enabled]);
}

export function Kbd({ keyName }: { keyName: string | undefined }) {
  return keyName ? <kbd className="hotkey">{keyName}</kbd> : null;
}
