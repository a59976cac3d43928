import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SecretName } from '../../shared/domain/settings';
import { station } from '../api/station';
import { SUPERVISOR_ACTION_WORDS } from '../../shared/domain/operators';
import { useApprovedCall } from '../operators/use-supervisor-approval';

import { keys } from '../api/queries';
import { toProblem } from '../api/problem';
import { ProblemBox } from '../ui/ProblemBox';

/** What each secret is called on screen: "Key is set", "Paste the Shipium API key". */
export const SECRET_WORDS: Record<SecretName, { noun: string; placeholder: string }> = {
  aftershipApiKey: { noun: 'Key', placeholder: 'Paste the AfterShip API key' },
  tiktokAppSecret: { noun: 'App secret', placeholder: 'Paste the TikTok app secret' },
  shipiumApiKey: { noun: 'Key', placeholder: 'Paste the Shipium API key' },
  shopifyAdminToken: { noun: 'Token', placeholder: 'Paste the Shopify Admin API access token' },
};

/**
 * A write-only secret (API key, app secret, access token): the value goes to the station and is
 * never shown or read back. The page only knows whether it is set.
 */
export function SecretField({ secret, isSet, lockedBy }: { secret: SecretName; isSet: boolean; lockedBy?: string }) {
  const queryClient = useQueryClient();
  const approved = useApprovedCall();
  const words = SECRET_WORDS[secret];
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [notice, setNotice] = useState('');
  // The station removed the secret (its provider address moved to another host): "saved" is stale.
  const [wasSet, setWasSet] = useState(isSet);
  if (wasSet !== isSet) {
    setWasSet(isSet);
    if (!isSet && notice.endsWith('saved.')) setNotice('');
  }
  const save = useMutation({
    mutationFn: (value: string) =>
      approved(SUPERVISOR_ACTION_WORDS.setSecret, (approval) => station.setSecret({ secret, value, ...(approval && { approval }) })),
    onSuccess: (settings) => {
      if (!settings) return;
      queryClient.setQueryData(keys.settings, settings);
      void queryClient.invalidateQueries({ queryKey: keys.info });
      setDraft('');
      setEditing(false);
      setNotice(`${words.noun} saved.`);
      save.reset(); // drop the value from the mutation's remembered variables
    },
  });
  const remove = useMutation({
    mutationFn: () =>
      approved(SUPERVISOR_ACTION_WORDS.clearSecret, (approval) => station.clearSecret({ secret, ...(approval && { approval }) })),
    onSuccess: (settings) => {
      if (!settings) return;
      queryClient.setQueryData(keys.settings, settings);
      void queryClient.invalidateQueries({ queryKey: keys.info });
      setNotice(`${words.noun} removed.`);
    },
  });

  if (lockedBy) {
    return (
      <div className="apikey" data-testid={`secret-${secret}`}>
        <span className="key-state">{isSet ? `${words.noun} is set` : `No ${words.noun.toLowerCase()}`}</span>
        <span className="locked-note" data-testid="locked-note">
          Locked: set by {lockedBy}
        </span>
      </div>
    );
  }

  const submit = () => {
    if (draft.trim() === '' || save.isPending) return;
    setNotice('');
    save.mutate(draft);
  };
  const showInput = !isSet || editing;
  const problem = save.error ?? remove.error;
  return (
    <div className="apikey" data-testid={`secret-${secret}`}>
      {showInput ? (
        // Not a <form>: it sits inside the settings form, and forms cannot nest.
        <div className="apikey-form">
          <input
            id={`secret-${secret}-input`}
            type="password"
            data-testid="secret-input"
            className="text-input"
            autoComplete="new-password"
            placeholder={words.placeholder}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                submit();
              }
            }}
          />
          <button className="button" type="button" onClick={submit} disabled={save.isPending || draft.trim() === ''}>
            {save.isPending ? 'Saving…' : `Save ${words.noun.toLowerCase()}`}
          </button>
          {editing && (
            <button
              className="button button-secondary"
              type="button"
              onClick={() => {
                setEditing(false);
                setDraft('');
                save.reset();
              }}
            >
              Cancel
            </button>
          )}
        </div>
      ) : (
        <div className="apikey-set">
          <span className="key-state key-state-set" data-testid="key-is-set">
            ✓ {words.noun} is set
          </span>
          <button
            className="button button-secondary"
            type="button"
            onClick={() => {
              setNotice('');
              setEditing(true);
            }}
          >
            Replace
          </button>
          <button
            className="button button-danger"
            type="button"
            onClick={() => {
              setNotice('');
              remove.mutate();
            }}
            disabled={remove.isPending}
          >
            Remove
          </button>
        </div>
      )}
      {notice && (
        <span className="saved-note" role="status">
          {notice}
        </span>
      )}
      {problem && <ProblemBox problem={toProblem(problem)} />}
    </div>
  );
}
