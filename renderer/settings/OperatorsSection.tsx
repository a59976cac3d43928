/**
 * Settings' operator list, for a supervisor: add an operator, change name, role, PIN (typed twice)
 * or badge, make inactive, unlock a PIN locked after wrong tries. PINs and badges are only ever
 * sent, never shown: the list says whether one is set.
 */
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { OperatorView, Role } from '../../shared/domain/operators';
import type { Problem } from '../../shared/errors';
import { operatorKeys, useOperatorSession, useOperators } from '../api/operators';
import { toProblem } from '../api/problem';
import { station } from '../api/station';
import { ProblemBox } from '../ui/ProblemBox';
import { formatTime } from '../ui/format';
import { OperatorForm, type OperatorFormValues } from './OperatorForm';

export function OperatorsSection() {
  const session = useOperatorSession().data;
  const isSupervisor = session?.operator?.role === 'supervisor';
  const operators = useOperators(isSupervisor);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);

  return (
    <section className="operators-section" data-testid="operators-section">
      <h2>Operators</h2>
      {!isSupervisor ? (
        <p className="section-note">Only a supervisor manages operators: sign out, and sign in as a supervisor.</p>
      ) : operators.isError ? (
        <ProblemBox problem={toProblem(operators.error)} />
      ) : (
        <>
          <table className="operators-table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Role</th>
                <th>Signs in with</th>
                <th>State</th>
                <th>Last changed</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {(operators.data ?? []).map((o) =>
                editing === o.id ? (
                  <tr key={o.id}>
                    <td colSpan={6}>
                      <EditOperator operator={o} onDone={() => setEditing(null)} />
                    </td>
                  </tr>
                ) : (
                  <OperatorRow key={o.id} operator={o} onEdit={() => setEditing(o.id)} />
                ),
              )}
            </tbody>
          </table>
          {adding ? (
            <AddOperator onDone={() => setAdding(false)} />
          ) : (
            <button className="button" type="button" onClick={() => setAdding(true)} data-testid="add-operator">
              Add operator
            </button>
          )}
        </>
      )}
    </section>
  );
}

function OperatorRow({ operator: o, onEdit }: { operator: OperatorView; onEdit: () => void }) {
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<Problem | null>(null);
  const unlock = async () => {
    try {
      await station.unlockOperator({ operatorId: o.id });
      void queryClient.invalidateQueries({ queryKey: operatorKeys.list });
    } catch (error) {
      setProblem(toProblem(error));
    }
  };
  return (
    <tr data-testid="operator-row" className={o.active ? '' : 'inactive'}>
      <td>{o.name}</td>
      <td>{o.role}</td>
      <td>{[o.hasBadge && 'badge', o.hasPin && 'PIN'].filter(Boolean).join(' or ') || '—'}</td>
      <td>
        {!o.active ? (
          'inactive'
        ) : o.lockedUntil ? (
          <strong className="locked">PIN locked until {formatTime(o.lockedUntil)}</strong>
        ) : (
          'active'
        )}
        {problem && <ProblemBox problem={problem} />}
      </td>
      <td>
        {formatTime(o.updatedAt)} by {o.updatedBy}
      </td>
      <td className="operator-actions">
        {o.lockedUntil && (
          <button className="button button-small" type="button" onClick={() => void unlock()} data-testid="unlock-operator">
            Unlock
          </button>
        )}
        <button className="button button-small button-secondary" type="button" onClick={onEdit} data-testid="edit-operator">
          Edit
        </button>
      </td>
    </tr>
  );
}

function AddOperator({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const submit = async (v: OperatorFormValues) => {
    await station.addOperator({
      operator: { name: v.name, role: v.role, ...(v.pin && { pin: v.pin }), ...(v.badge && { badge: v.badge }) },
    });
    void queryClient.invalidateQueries({ queryKey: operatorKeys.list });
    void queryClient.invalidateQueries({ queryKey: operatorKeys.signInOptions });
    onDone();
  };
  return (
    <OperatorForm title="Add operator" initial={{ name: '', role: 'operator' as Role, active: true }} onSubmit={submit} onCancel={onDone} />
  );
}

function EditOperator({ operator: o, onDone }: { operator: OperatorView; onDone: () => void }) {
  const queryClient = useQueryClient();
  const submit = async (v: OperatorFormValues) => {
    await station.updateOperator({
      changes: {
        operatorId: o.id,
        ...(v.name !== o.name && { name: v.name }),
        ...(v.role !== o.role && { role: v.role }),
        ...(v.active !== o.active && { active: v.active }),
        ...(v.pin && { pin: v.pin }),
        ...(v.badge && { badge: v.badge }),
        ...(v.removeBadge && { badge: null }),
      },
    });
    void queryClient.invalidateQueries({ queryKey: operatorKeys.list });
    void queryClient.invalidateQueries({ queryKey: operatorKeys.signInOptions });
    onDone();
  };
  return (
    <OperatorForm
      title={`Change ${o.name}`}
      initial={{ name: o.name, role: o.role, active: o.active }}
      existing={{ hasPin: o.hasPin, hasBadge: o.hasBadge }}
      onSubmit={submit}
      onCancel={onDone}
    />
  );
}
