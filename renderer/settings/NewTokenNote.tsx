/** A token just created, shown this once with Copy: the station keeps only its hash and cannot show it again. */
import { useState } from 'react';

export function NewTokenNote({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="new-token" role="status" data-testid="new-api-token">
      <p>
        Token for <strong>{name}</strong>. Copy it into the system now: it is shown only this once.
      </p>
      <code className="new-token-value" data-testid="new-api-token-value">
        {secret}
      </code>
      <div className="save-row">
        <button type="button" className="button" onClick={() => void copy()} data-testid="copy-api-token">
          Copy
        </button>
        <button type="button" className="button button-secondary" onClick={onDone} data-testid="hide-api-token">
          Done, hide it
        </button>
        {copied === 'yes' && <span className="saved-note">✓ Copied</span>}
        {copied === 'failed' && <span className="text-bad small">Could not copy: select the token and copy it by hand.</span>}
      </div>
    </div>
  );
}
