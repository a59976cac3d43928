/** The top bar's signed-in operator (name, SUPERVISOR when one; a demo user's name says DEMO) and the Sign out key. */
import { useQueryClient } from '@tanstack/react-query';
import { operatorKeys, useOperatorSession } from '../api/operators';
import { station } from '../api/station';

export function OperatorBadge() {
  const queryClient = useQueryClient();
  const operator = useOperatorSession().data?.operator;
  if (!operator) return null;
  const signOut = async () => queryClient.setQueryData(operatorKeys.session, await station.signOut({}));
  return (
    <div className="operator-badge" data-testid="signed-in-operator">
      <span className="operator-name" title={operator.name}>
        {operator.name}
      </span>
      {/* Only the role that can do more is marked: the bar has no room for words that change nothing. */}
      {operator.role === 'supervisor' && <span className="role-tag role-supervisor">supervisor</span>}
      <button className="button button-small button-secondary" type="button" onClick={() => void signOut()} data-testid="sign-out">
        Sign out
      </button>
    </div>
  );
}
