import { useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PublicSettings } from '../../shared/domain/settings';
import { station, stationMode } from '../api/station';
import { SUPERVISOR_ACTION_WORDS } from '../../shared/domain/operators';
import { useApprovedCall } from '../operators/use-supervisor-approval';

import { keys } from '../api/queries';
import { toProblem } from '../api/problem';
import { formatTime } from '../ui/format';
import { ProblemBox } from '../ui/ProblemBox';

/**
 * TikTok Shop authorization: the station makes the seller's approval address; the seller opens it,
 * approves the app, and pastes back the code (or the whole address TikTok sent them to). The
 * exchange for tokens happens in the station; no token ever reaches this page.
 */
export function TikTokAuthorization({
  status,
  lockedBy,
  blockedReason,
}: {
  status: PublicSettings['tiktokAuthorization'];
  lockedBy?: string;
  /** Why authorizing cannot start yet (unsaved TikTok fields, no app key), if so. */
  blockedReason?: string;
}) {
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const approved = useApprovedCall();
  const start = useMutation({
    mutationFn: () =>
      approved(SUPERVISOR_ACTION_WORDS.authorizeTikTok, (approval) => station.startTikTokAuthorization({ ...(approval && { approval }) })),
  });
  const finish = useMutation({
    mutationFn: (codeOrRedirectUrl: string) =>
      approved(SUPERVISOR_ACTION_WORDS.authorizeTikTok, (approval) =>
        station.finishTikTokAuthorization({ codeOrRedirectUrl, ...(approval && { approval }) }),
      ),
    onSuccess: (settings) => {
      if (!settings) return;
      queryClient.setQueryData(keys.settings, settings);
      void queryClient.invalidateQueries({ queryKey: keys.info });
      setCode('');
      start.reset();
      finish.reset(); // drop the code from the mutation's remembered variables
    },
  });

  const submit = () => {
    if (code.trim().length < 4 || finish.isPending) return;
    finish.mutate(code.trim());
  };

  return (
    <div className="tiktok-auth" data-testid="tiktok-auth">
      <AuthorizationStatus status={status} />
      {lockedBy ? (
        <span className="locked-note" data-testid="locked-note">
          Locked: set by {lockedBy}
        </span>
      ) : (
        <>
          {!start.data && (
            <div className="auth-row">
              <button
                className="button"
                type="button"
                data-testid="tiktok-authorize"
                onClick={() => start.mutate()}
                disabled={start.isPending || blockedReason !== undefined}
              >
                {start.isPending ? 'Preparing…' : status.authorized ? 'Authorize again' : 'Authorize TikTok Shop'}
              </button>
              {blockedReason && <span className="hint">{blockedReason}</span>}
            </div>
          )}
          {start.data && (
            <ol className="auth-steps">
              <li>
                <span className="auth-step-title">Open this address, sign in as the shop owner and approve Label Station:</span>
                <AuthorizeAddress url={start.data.authorizeUrl} />
              </li>
              <li>
                <label className="auth-step-title" htmlFor="tiktok-code">
                  Paste the code, or the whole address TikTok sent you to afterwards:
                </label>
                <div className="auth-row">
                  <input
                    id="tiktok-code"
                    data-testid="tiktok-code"
                    className="text-input wide"
                    autoComplete="off"
                    spellCheck={false}
                    value={code}
                    onChange={(e) => setCode(e.target.value)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') {
                        e.preventDefault();
                        submit();
                      }
                    }}
                  />
                  <button
                    className="button"
                    type="button"
                    data-testid="tiktok-finish"
                    onClick={submit}
                    disabled={finish.isPending || code.trim().length < 4}
                  >
                    {finish.isPending ? 'Checking…' : 'Finish authorization'}
                  </button>
                  <button
                    className="button button-secondary"
                    type="button"
                    onClick={() => {
                      start.reset();
                      finish.reset();
                      setCode('');
                    }}
                  >
                    Cancel
                  </button>
                </div>
              </li>
            </ol>
          )}
        </>
      )}
      {start.isError && <ProblemBox problem={toProblem(start.error)} />}
      {finish.isError && <ProblemBox problem={toProblem(finish.error)} />}
    </div>
  );
}

function AuthorizationStatus({ status }: { status: PublicSettings['tiktokAuthorization'] }) {
  if (!status.authorized) {
    return (
      <span className="key-state text-bad" data-testid="tiktok-auth-status">
        Not authorized — TikTok labels cannot be bought yet
      </span>
    );
  }
  return (
    <span className="key-state key-state-set" data-testid="tiktok-auth-status">
      ✓ Authorized{status.shopName ? ` for ${status.shopName}` : ''}
      {status.accessTokenExpiresAt && (
        <span className="hint"> · access renews automatically; current one expires {formatTime(status.accessTokenExpiresAt)}</span>
      )}
    </span>
  );
}

/**
 * Electron refuses to open new windows from the page, so there the address is text to copy into a
 * browser; in the browser shell it is also a normal link that opens a new tab.
 */
function AuthorizeAddress({ url }: { url: string }) {
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      field.current?.select();
      setCopied(document.execCommand('copy') ? 'yes' : 'select');
    }
  };
  return (
    <div className="auth-address">
      <div className="auth-row">
        <input
          ref={field}
          className="text-input wide mono"
          readOnly
          value={url}
          data-testid="tiktok-authorize-url"
          aria-label="TikTok authorization address"
          onFocus={(e) => e.currentTarget.select()}
        />
        <button className="button button-secondary" type="button" onClick={() => void copy()} data-testid="copy-authorize-url">
          Copy
        </button>
        {stationMode !== 'electron' && (
          <a
            className="button button-secondary link-button"
            href={url}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="open-authorize-url"
          >
            Open in a new tab
          </a>
        )}
      </div>
      {copied === 'yes' && (
        <span className="saved-note" role="status">
          ✓ Copied — paste it into a web browser
        </span>
      )}
      {copied === 'select' && <span className="hint">The address is selected: press Ctrl+C to copy it.</span>}
      {stationMode === 'electron' && copied === null && <span className="hint">Copy the address and open it in a web browser.</span>}
    </div>
  );
}
