import { useEffect, useState } from 'react';

/**
 * While a bought label's file downloads: the seconds so far against the most the scan waits. After
 * that the scan answers "file pending" and the label prints by itself when the file arrives.
 */
export function DownloadNotice({ since, deadlineSeconds }: { since: number; deadlineSeconds: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.min(deadlineSeconds, Math.max(0, Math.floor((now - since) / 1000)));
  return (
    <div className="slow-notice" role="status" data-testid="download-notice">
      <span className="slow-elapsed" data-testid="download-elapsed">
        {seconds} s
      </span>
      <span className="download-words">
        <strong>Label bought — downloading its file.</strong> The label is saved: keep the parcel here. After {deadlineSeconds} s the file
        keeps downloading and prints by itself.
        <progress className="download-progress" max={deadlineSeconds} value={seconds} aria-label="Download wait" />
      </span>
    </div>
  );
}
