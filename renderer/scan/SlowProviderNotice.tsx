import { useEffect, useState } from 'react';

/**
 * While a slow provider (Shipium) works on a label: the seconds so far, and why to wait. The worker
 * must not walk away or rescan: the answer is still coming.
 */
export function SlowProviderNotice({ since, providerName }: { since: number; providerName: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - since) / 1000));
  return (
    <div className="slow-notice" role="status" data-testid="slow-notice">
      <span className="slow-elapsed" data-testid="elapsed">
        {seconds} s
      </span>
      <span>
        <strong>Buying label — still waiting for {providerName}.</strong> {providerName} can take up to a minute — keep the parcel here.
      </span>
    </div>
  );
}
