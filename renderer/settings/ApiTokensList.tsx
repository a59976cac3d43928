/**
 * The Station API's tokens: name, what each may do, when created and last used; Create shows the new
 * token once (with Copy); Revoke refuses it from the next call. Both are a supervisor's actions.
 */
import { useState } from 'react';
import type { ApiScope, ApiTokenView } from '../../shared/domain/systems-api';
import { toProblem } from '../api/problem';
import { useCreateApiToken, useRevokeApiToken } from '../api/systems-api';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ProblemBox } from '../ui/ProblemBox';
import { formatTime } from '../ui/format';
import { NewTokenNote } from './NewTokenNote';

const SCOPES: Array<{ scope: ApiScope; words: string }> = [
  { scope: 'read', words: 'Read labels, history, health' },
  { scope: 'print', words: 'Reprint' },
  { scope: 'buy', words: 'Buy labels' },
];

export function ApiTokensList({ tokens }: { tokens: ApiTokenView[] }) {
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiScope[]>(['read', 'print', 'buy']);
  const [shown, setShown] = useState<{ name: string; secret: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiTokenView | null>(null);
  const toggle = (scope: ApiScope, on: boolean) => setScopes((s) => (on ? [...s, scope] : s.filter((x) => x !== scope)));
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    create.mutate(
      { name, scopes },
      {
        onSuccess: (result) => {
          if (!result) return;
          setShown({ name: result.token.name, secret: result.secret });
          setName('');
        },
      },
    );
  };
  const problem = create.error ? toProblem(create.error) : revoke.error ? toProblem(revoke.error) : undefined;

  return (
    <div className="api-tokens" data-testid="api-tokens">
      <h3>Tokens</h3>
      {tokens.length === 0 ? (
        <p className="muted small">No tokens yet: create one for each system that calls the station.</p>
      ) : (
        <table className="operators-table" data-testid="api-token-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>May</th>
              <th>Created</th>
              <th>Last used</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id} data-testid="api-token-row" className={t.revokedAt ? 'muted' : undefined}>
                <td>{t.name}</td>
                <td>{t.scopes.join(', ')}</td>
                <td>
                  {formatTime(t.createdAt)}
                  {t.createdBy && <span className="muted small"> by {t.createdBy}</span>}
                </td>
                <td>{t.lastUsedAt ? formatTime(t.lastUsedAt) : 'never'}</td>
                <td>
                  {t.revokedAt ? (
                    <span className="muted small">revoked {formatTime(t.revokedAt)}</span>
                  ) : (
                    <button
                      type="button"
                      className="button button-secondary"
                      disabled={revoke.isPending}
                      onClick={() => setRevoking(t)}
                      data-testid="revoke-api-token"
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {revoking && (
        <ConfirmDialog
          title={`Revoke the token "${revoking.name}"?`}
          confirmText="Revoke"
          busy={revoke.isPending}
          onCancel={() => setRevoking(null)}
          onConfirm={() => revoke.mutate(revoking.id, { onSettled: () => setRevoking(null) })}
        >
          <p>The system that uses it is refused from its next call. This cannot be undone: it needs a new token afterwards.</p>
        </ConfirmDialog>
      )}
      {shown && <NewTokenNote name={shown.name} secret={shown.secret} onDone={() => setShown(null)} />}
      <form className="api-token-form" onSubmit={submit} data-testid="create-api-token">
        <label htmlFor="api-token-name">New token for</label>
        <input
          id="api-token-name"
          className="text-input"
          placeholder="e.g. WMS production"
          value={name}
          onChange={(e) => setName(e.target.value)}
          data-testid="api-token-name"
        />
        {SCOPES.map(({ scope, words }) => (
          <label key={scope} className="inline-group">
            <input
              type="checkbox"
              checked={scopes.includes(scope)}
              onChange={(e) => toggle(scope, e.target.checked)}
              data-testid={`api-scope-${scope}`}
            />
            {words}
          </label>
        ))}
        <button type="submit" className="button" disabled={create.isPending} data-testid="create-api-token-button">
          {create.isPending ? 'Creating…' : 'Create token'}
        </button>
      </form>
      {problem && <ProblemBox problem={problem} />}
    </div>
  );
}
