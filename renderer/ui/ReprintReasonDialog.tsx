import { useRef, useState } from 'react';
import { REPRINT_REASONS, ReprintReason } from '../../shared/domain/reprint-reasons';
import { Modal } from './Modal';

const OTHER = REPRINT_REASONS.length + 1;

/**
 * Asks why a label is printed again, without a mouse: 1–3 pick a reason and reprint at once, 4 (or
 * "Other…") opens a field for the reason in words, ↑/↓ move, Enter confirms, Escape cancels.
 */
export function ReprintReasonDialog({
  title,
  subject,
  confirmText = 'Reprint',
  onConfirm,
  onCancel,
}: {
  title: string;
  /** What is reprinted, e.g. "Order 576… — box 2 of 3". */
  subject: string;
  confirmText?: string;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const options = useRef<Array<HTMLButtonElement | null>>([]);
  const other = useRef<HTMLInputElement>(null);
  /** 1-based: which choice has the focus; OTHER is "Other…". */
  const [picked, setPicked] = useState(1);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const pick = (n: number) => {
    setPicked(n);
    setProblem(null);
    if (n === OTHER) other.current?.focus();
    else options.current[n - 1]?.focus();
  };
  const confirmOther = () => {
    const parsed = ReprintReason.safeParse(typed);
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'Say why the label is printed again.');
      other.current?.focus();
      return;
    }
    onConfirm(parsed.data);
  };
  const confirm = (n: number) => (n === OTHER ? confirmOther() : onConfirm(REPRINT_REASONS[n - 1]!));

  return (
    <Modal
      className="reason-dialog"
      testId="reprint-reason-dialog"
      labelledBy="reason-title"
      onOpen={() => options.current[0]?.focus()}
      onCancel={onCancel}
      onKey={(e) => {
        const inField = e.target === other.current;
        if (!inField && /^[1-9]$/.test(e.key) && Number(e.key) <= OTHER) {
          e.preventDefault();
          const n = Number(e.key);
          if (n === OTHER) pick(n);
          else confirm(n);
        } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          pick(((picked - 1 + (e.key === 'ArrowDown' ? 1 : OTHER - 1)) % OTHER) + 1);
        } else if (e.key === 'Enter' && inField) {
          e.preventDefault();
          confirmOther();
        }
        // Keys stay in the dialog: the screen behind must not act on them (F-keys, the scan field).
        e.stopPropagation();
      }}
    >
      <h2 id="reason-title">{title}</h2>
      <p className="reason-subject">{subject}</p>
      <p className="muted">Why is it printed again? Press a number.</p>
      <div className="reason-options" role="radiogroup" aria-label="Reason">
        {REPRINT_REASONS.map((reason, i) => (
          <button
            key={reason}
            ref={(el) => {
              options.current[i] = el;
            }}
            type="button"
            role="radio"
            aria-checked={picked === i + 1}
            className={picked === i + 1 ? 'reason-option reason-option-picked' : 'reason-option'}
            onClick={() => confirm(i + 1)}
            onFocus={() => setPicked(i + 1)}
            data-testid="reprint-reason"
          >
            <kbd>{i + 1}</kbd> {reason}
          </button>
        ))}
        <div className={picked === OTHER ? 'reason-option reason-option-picked reason-other' : 'reason-option reason-other'}>
          <kbd>{OTHER}</kbd>
          <label htmlFor="reason-other-text">Other…</label>
          <input
            id="reason-other-text"
            ref={other}
            className="text-input"
            data-testid="reprint-reason-other"
            placeholder="Type the reason, then Enter"
            maxLength={200}
            value={typed}
            onFocus={() => setPicked(OTHER)}
            onChange={(e) => {
              setTyped(e.target.value);
              setProblem(null);
            }}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'reason-problem' : undefined}
          />
        </div>
        {problem && (
          <p id="reason-problem" className="text-bad" role="alert" data-testid="reprint-reason-problem">
            {problem}
          </p>
        )}
      </div>
      <div className="confirm-actions">
        <button className="button button-secondary" type="button" onClick={onCancel} data-testid="reprint-reason-cancel">
          Cancel <kbd>Esc</kbd>
        </button>
        <button className="button" type="button" onClick={() => confirm(picked)} data-testid="reprint-reason-ok">
          {confirmText} <kbd>Enter</kbd>
        </button>
      </div>
    </Modal>
  );
}
