import { useEffect } from 'react';
import { useScanNotice, type ScanNotice } from '../state/scan-notice';

const SHOWN_MS = 20_000;

/** Says what became of a scan made on another screen, on the screen it led to; goes after a while. */
export function ScanNoticeBar({ on }: { on: ScanNotice['on'] }) {
  const notice = useScanNotice((s) => s.notice);
  const dismiss = useScanNotice((s) => s.dismiss);
  const shown = notice?.on === on ? notice : null;
  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(dismiss, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [shown, dismiss]);
  if (!shown) return null;
  return (
    <div className="scan-notice" role="status" data-testid="scan-notice">
      <span>{shown.text}</span>
      <button className="button button-small button-secondary" type="button" onClick={dismiss}>
        OK
      </button>
    </div>
  );
}
