/** The top bar's signed-in operator (name and role; a demo user's name says DEMO) and the Sign out key. */
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
      <span className="operator-name">{operator.name}</span>
      <span className={operator.role === 'supervisor' ? 'role-tag role-supervisor' : 'role-tag'}>{operator.role}</span>
      <button className="button button-small button-secondary" type="button" onClick={() => void signOut()} data-testid="sign-out">
        Sign out
      </button>
    </div>
  );
}
