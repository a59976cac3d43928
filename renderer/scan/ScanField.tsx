import { useEffect, useRef, useState } from 'react';
import { claimEarlyKeys, releaseEarlyKeys } from '../app/early-keys';

/*
 * The field is uncontrolled on purpose: a scanner's burst arrives faster than React re-renders, and a
 * controlled value would let a key routed in from elsewhere be overwritten by the next keystroke.
 */

/**
 * The huge scan field. It keeps the focus while mounted: on blur, on window focus and after every job;
 * printable keys typed while something else has focus are routed into it. A scanner types a burst
 * then Enter (or Tab); Enter or Tab hands the text to onScan (empty Enter is ignored); Escape clears it; when onScan returns false the
 * scan was not sent and its text stays in the field. A field marked `data-own-focus` (the parcel's
 * weight) keeps the focus and its keys while the packer types in it.
 */
export function ScanField({
  onScan,
  busy,
  jobCount,
  onEscape,
}: {
  onScan: (scan: string) => boolean | void;
  busy: boolean;
  jobCount: number;
  /** Escape pressed (after clearing the field; `hadText`: it held a half-read scan). */
  onEscape?: (hadText: boolean) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [windowFocused, setWindowFocused] = useState(() => document.hasFocus());

  useEffect(() => {
    let mounted = true;
    const refocus = () => {
      if (!mounted || !input.current || document.activeElement === input.current) return;
      if (document.activeElement?.closest('[data-own-focus]')) return;
      input.current.focus();
    };
    const onWindowFocus = () => {
      setWindowFocused(true);
      refocus();
    };
    const onWindowBlur = () => setWindowFocused(false);
    const onKeyDown = (e: KeyboardEvent) => {
      const field = input.current;
      if (!field || e.target === field || e.ctrlKey || e.metaKey || e.altKey) return;
      // A dialog's own fields (a supervisor's badge or PIN) keep their keys.
      if (e.target instanceof Element && e.target.closest('dialog, [data-own-focus]')) return;
      if (e.key.length === 1) {
        e.preventDefault();
        field.focus();
        field.value += e.key;
      } else if ((e.key === 'Enter' || e.key === 'Tab') && field.value.trim() !== '') {
        e.preventDefault();
        field.focus();
        submit(field.value);
      } else if (e.key === 'Escape') {
        const hadText = field.value !== '';
        field.value = '';
        field.focus();
        onEscapeRef.current?.(hadText);
      }
    };
    const blurHandler = () => setTimeout(refocus, 0);
    const field = input.current;
    field?.addEventListener('blur', blurHandler);
    window.addEventListener('focus', onWindowFocus);
    window.addEventListener('blur', onWindowBlur);
    window.addEventListener('keydown', onKeyDown);
    refocus();
    takeEarlyKeys();
    return () => {
      mounted = false;
      releaseEarlyKeys();
      field?.removeEventListener('blur', blurHandler);
      window.removeEventListener('focus', onWindowFocus);
      window.removeEventListener('blur', onWindowBlur);
      window.removeEventListener('keydown', onKeyDown);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    input.current?.focus();
  }, [jobCount, busy]);

  /** Keys typed before this field existed: a completed scan is submitted, the rest stays in the field. */
  function takeEarlyKeys() {
    const field = input.current;
    if (!field) return;
    const early = claimEarlyKeys();
    const enter = early.lastIndexOf('\n');
    if (enter >= 0) {
      const scans = early
        .slice(0, enter)
        .split('\n')
        .filter((s) => s.trim() !== '');
      if (scans.length > 0) submit(scans[scans.length - 1]!);
    }
    field.value += early.slice(enter + 1);
  }

  function submit(text: string) {
    if (input.current) input.current.value = '';
    if (text.trim() === '') return;
    if (onScanRef.current(text) === false && input.current) input.current.value = text;
  }
  const onScanRef = useRef(onScan);
  onScanRef.current = onScan;
  const onEscapeRef = useRef(onEscape);
  onEscapeRef.current = onEscape;

  return (
    <div className={windowFocused ? 'scan-field' : 'scan-field scan-field-away'}>
      <label htmlFor="scan-input" className="scan-label">
        {busy
          ? 'Working on the label — keep scanning, the next scans wait their turn'
          : windowFocused
            ? 'Scan the order barcode'
            : 'Click here, then scan'}
      </label>
      <input
        id="scan-input"
        ref={input}
        data-testid="scan-input"
        className="scan-input"
        defaultValue=""
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="off"
        spellCheck={false}
        placeholder="TikTok order ID"
        onKeyDown={(e) => {
          // Scanners end a scan with Enter, some with Tab: Tab never takes the focus out of a scan.
          if (e.key === 'Enter' || (e.key === 'Tab' && e.currentTarget.value.trim() !== '')) {
            e.preventDefault();
            submit(e.currentTarget.value);
          } else if (e.key === 'Escape') {
            // A half-read scan is cleared, not glued to the next one.
            const hadText = e.currentTarget.value !== '';
            e.currentTarget.value = '';
            onEscapeRef.current?.(hadText);
          }
        }}
      />
    </div>
  );
}
