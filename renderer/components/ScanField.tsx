import { useEffect, useRef, useState } from 'react';

/**
 * The huge scan field. It keeps the focus while mounted: on blur, on window focus and after every job;
 * printable keys typed while something else has focus are routed into it. A scanner types a burst
 * then Enter; Enter hands the text to onScan (empty Enter is ignored).
 */
export function ScanField({ onScan, busy, jobCount }: { onScan: (scan: string) => void; busy: boolean; jobCount: number }) {
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState('');
  const [windowFocused, setWindowFocused] = useState(() => document.hasFocus());

  useEffect(() => {
    let mounted = true;
    const refocus = () => {
      if (mounted && input.current && document.activeElement !== input.current) input.current.focus();
    };
    const onWindowFocus = () => {
      setWindowFocused(true);
      refocus();
    };
    const onWindowBlur = () => setWindowFocused(false);
    const onKeyDown = (e: KeyboardEvent) => {
      const field = input.current;
      if (!field || e.target === field || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key.length === 1) {
        e.preventDefault();
        field.focus();
        setValue((v) => v + e.key);
      } else if (e.key === 'Enter' && field.value.trim() !== '') {
        e.preventDefault();
        field.focus();
        submit(field.value);
      }
    };
    const blurHandler = () => setTimeout(refocus, 0);
    const field = input.current;
    field?.addEventListener('blur', blurHandler);
    window.addEventListener('focus', onWindowFocus);
    window.addEventListener('blur', onWindowBlur);
    window.addEventListener('keydown', onKeyDown);
    refocus();
    return () => {
      mounted = false;
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

  function submit(text: string) {
    setValue('');
    if (text.trim() === '') return;
    onScanRef.current(text);
  }
  const onScanRef = useRef(onScan);
  onScanRef.current = onScan;

  return (
    <div className={windowFocused ? 'scan-field' : 'scan-field scan-field-away'}>
      <label htmlFor="scan-input" className="scan-label">
        {busy ? 'Working on the label…' : windowFocused ? 'Scan the order barcode' : 'Click here, then scan'}
      </label>
      <input
        id="scan-input"
        ref={input}
        data-testid="scan-input"
        className="scan-input"
        value={value}
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="off"
        spellCheck={false}
        placeholder="TikTok order ID"
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            submit(e.currentTarget.value);
          }
        }}
      />
    </div>
  );
}
