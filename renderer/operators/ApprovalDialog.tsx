/**
 * The supervisor approval dialog, mounted once in App and opened by useSupervisorApproval /
 * useApprovedCall (see use-supervisor-approval.ts). Keyboard only: the badge field has the focus (a
 * scanner types the badge and Enter), Tab reaches the supervisor's name and PIN (Enter approves),
 * Escape cancels. The signed-in operator stays signed in.
 */
import { useRef, useState } from 'react';
import { useSignInOptions } from '../api/operators';
import { Modal } from '../ui/Modal';
import { ProblemBox } from '../ui/ProblemBox';
import { useApprovalStore } from './approval-store';

/** The supervisor chosen last: after a wrong PIN the dialog asks again with the same name chosen. */
let lastSupervisorId = '';

export function ApprovalDialog() {
  const pending = useApprovalStore((s) => s.pending);
  if (!pending) return null;
  // Keyed by the request: each question starts with empty fields.
  return <ApprovalForm key={`${pending.action}:${pending.problem?.message ?? ''}`} />;
}

function ApprovalForm() {
  const pending = useApprovalStore((s) => s.pending)!;
  const options = useSignInOptions();
  const supervisors = (options.data?.operators ?? []).filter((o) => o.role === 'supervisor' && o.hasPin);
  const badgeField = useRef<HTMLInputElement>(null);
  const pinField = useRef<HTMLInputElement>(null);
  const [badge, setBadge] = useState('');
  const [supervisorId, setSupervisorId] = useState(lastSupervisorId);
  const [pin, setPin] = useState('');
  const chosen = supervisorId || supervisors[0]?.id || '';

  const cancel = () => pending.answer(null);
  const approveByBadge = () => badge.trim() && pending.answer({ badge: badge.trim() });
  const approveByPin = () => {
    if (!chosen || !pin.trim()) return;
    lastSupervisorId = chosen;
    pending.answer({ operatorId: chosen, pin: pin.trim() });
  };

  return (
    <Modal
      className="confirm-dialog approval-dialog"
      testId="approval-dialog"
      labelledBy="approval-title"
      // After a wrong PIN the PIN field has the focus again; otherwise the badge field (a scanner types there).
      onOpen={() => (pending.problem?.fields?.pin ? pinField : badgeField).current?.focus()}
      onCancel={cancel}
    >
      <h2 id="approval-title">A supervisor must approve</h2>
      <p className="approval-action" data-testid="approval-action">
        {pending.action[0]!.toUpperCase() + pending.action.slice(1)}
      </p>
      {pending.problem && <ProblemBox problem={pending.problem} />}
      <label className="approval-label" htmlFor="approval-badge">
        Supervisor: scan your badge
      </label>
      <input
        id="approval-badge"
        ref={badgeField}
        className="text-input wide"
        data-testid="approval-badge"
        type="password"
        autoComplete="off"
        value={badge}
        onChange={(e) => setBadge(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            approveByBadge();
          }
        }}
      />
      <p className="approval-or">or choose your name and type your PIN</p>
      <div className="approval-pin-row">
        <select
          className="text-input"
          data-testid="approval-supervisor"
          aria-label="Supervisor"
          value={chosen}
          onChange={(e) => setSupervisorId(e.target.value)}
        >
          {supervisors.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <input
          ref={pinField}
          className="text-input short"
          data-testid="approval-pin"
          aria-label="PIN"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          placeholder="PIN"
          value={pin}
          onChange={(e) => setPin(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              approveByPin();
            }
          }}
        />
      </div>
      <div className="confirm-actions">
        <button className="button button-secondary" type="button" onClick={cancel} data-testid="approval-cancel">
          Cancel <kbd>Esc</kbd>
        </button>
        <button className="button" type="button" onClick={() => (pin ? approveByPin() : approveByBadge())} data-testid="approval-ok">
          Approve <kbd>Enter</kbd>
        </button>
      </div>
    </Modal>
  );
}
