/** One operator's fields: name, role, active, a new PIN typed twice, a badge scanned. No <form>: it sits beside Settings' own. */
import { useState } from 'react';
import type { Role } from '../../shared/domain/operators';
import type { Problem } from '../../shared/errors';
import { toProblem } from '../api/problem';
import { ProblemBox } from '../ui/ProblemBox';

export interface OperatorFormValues {
  name: string;
  role: Role;
  active: boolean;
  pin: string;
  badge: string;
  removeBadge: boolean;
}

export function OperatorForm({
  title,
  initial,
  existing,
  onSubmit,
  onCancel,
}: {
  title: string;
  initial: { name: string; role: Role; active: boolean };
  /** Set when editing: what the operator already has (a blank PIN or badge keeps it). */
  existing?: { hasPin: boolean; hasBadge: boolean };
  onSubmit: (values: OperatorFormValues) => Promise<void>;
  onCancel: () => void;
}) {
  const [name, setName] = useState(initial.name);
  const [role, setRole] = useState<Role>(initial.role);
  const [active, setActive] = useState(initial.active);
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const [badge, setBadge] = useState('');
  const [removeBadge, setRemoveBadge] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    if (pin !== pinAgain) {
      setProblem({
        code: 'invalid_input',
        message: 'The two PINs are not the same.',
        nextStep: 'Type the new PIN twice, the same both times.',
      });
      return;
    }
    setBusy(true);
    try {
      await onSubmit({ name: name.trim(), role, active, pin: pin.trim(), badge: badge.trim(), removeBadge });
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
      e.preventDefault();
      void save();
    } else if (e.key === 'Escape') onCancel();
  };

  return (
    <div className="operator-form" data-testid="operator-form" onKeyDown={onKeyDown}>
      <h3>{title}</h3>
      {problem && <ProblemBox problem={problem} />}
      <div className="operator-form-grid">
        <label>
          Name
          <input
            className="text-input"
            data-testid="operator-name"
            autoFocus
            maxLength={60}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label>
          Role
          <select className="select" data-testid="operator-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <option value="operator">operator</option>
            <option value="supervisor">supervisor</option>
          </select>
        </label>
        <label>
          {existing?.hasPin ? 'New PIN (blank: keep)' : 'PIN'}
          <input
            className="text-input short"
            data-testid="operator-pin"
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            value={pin}
            onChange={(e) => setPin(e.target.value)}
          />
        </label>
        <label>
          PIN again
          <input
            className="text-input short"
            data-testid="operator-pin-again"
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            value={pinAgain}
            onChange={(e) => setPinAgain(e.target.value)}
          />
        </label>
        <label>
          {existing?.hasBadge ? 'New badge (blank: keep)' : 'Badge (scan it)'}
          <input
            className="text-input"
            data-testid="operator-badge"
            data-accepts-scan
            type="password"
            autoComplete="off"
            value={badge}
            onChange={(e) => setBadge(e.target.value)}
          />
        </label>
        {existing?.hasBadge && (
          <label className="checkbox">
            <input type="checkbox" checked={removeBadge} onChange={(e) => setRemoveBadge(e.target.checked)} /> Take the badge away
          </label>
        )}
        {existing && (
          <label className="checkbox">
            <input type="checkbox" data-testid="operator-active" checked={active} onChange={(e) => setActive(e.target.checked)} /> Active
            (may sign in)
          </label>
        )}
      </div>
      <div className="confirm-actions">
        <button className="button button-secondary" type="button" onClick={onCancel}>
          Cancel
        </button>
        <button className="button" type="button" disabled={busy} onClick={() => void save()} data-testid="operator-save">
          Save operator
        </button>
      </div>
    </div>
  );
}
