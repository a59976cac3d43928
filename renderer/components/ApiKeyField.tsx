import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { station } from '../station';
import { keys } from '../queries';
import { toProblem } from '../problem';
import { ProblemBox } from './ProblemBox';

/**
 * Write-only API key: the key goes to the station and is never shown or read back. The page only
 * knows whether a key is set.
 */
export function ApiKeyField({ apiKeySet, lockedBy }: { apiKeySet: boolean; lockedBy?: string }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [notice, setNotice] = useState('');
  const save = useMutation({
    mutationFn: (apiKey: string) => station.setApiKey({ apiKey }),
    onSuccess: (settings) => {
      queryClient.setQueryData(keys.settings, settings);
      setDraft('');
      setEditing(false);
      setNotice('Key saved.');
      save.reset(); // drop the key from the mutation's remembered variables
    },
  });
  const remove = useMutation({
    mutationFn: () => station.clearApiKey({}),
    onSuccess: (settings) => {
      queryClient.setQueryData(keys.settings, settings);
      setNotice('Key removed.');
    },
  });

  if (lockedBy) {
    return (
      <div className="apikey" data-testid="apikey">
        <span className="key-state">{apiKeySet ? 'Key is set' : 'No key'}</span>
        <span className="locked-note">Locked: set by {lockedBy}</span>
      </div>
    );
  }

  const submit = () => {
    if (draft.trim() === '' || save.isPending) return;
    setNotice('');
    save.mutate(draft);
  };
  const showInput = !apiKeySet || editing;
  const problem = save.error ?? remove.error;
  return (
    <div className="apikey" data-testid="apikey">
      {showInput ? (
        // Not a <form>: it sits inside the settings form, and forms cannot nest.
        <div className="apikey-form">
          <input
            type="password"
            data-testid="apikey-input"
            className="text-input"
            autoComplete="new-password"
            placeholder="Paste the AfterShip API key"
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
            {save.isPending ? 'Saving…' : 'Save key'}
          </button>
          {editing && (
            <button className="button button-secondary" type="button" onClick={() => { setEditing(false); setDraft(''); save.reset(); }}>
              Cancel
            </button>
          )}
        </div>
      ) : (
        <div className="apikey-set">
          <span className="key-state key-state-set" data-testid="key-is-set">✓ Key is set</span>
          <button className="button button-secondary" type="button" onClick={() => { setNotice(''); setEditing(true); }}>
            Replace
          </button>
          <button className="button button-danger" type="button" onClick={() => { setNotice(''); remove.mutate(); }} disabled={remove.isPending}>
            Remove
          </button>
        </div>
      )}
      {notice && <span className="saved-note" role="status">{notice}</span>}
      {problem && <ProblemBox problem={toProblem(problem)} />}
    </div>
  );
}
