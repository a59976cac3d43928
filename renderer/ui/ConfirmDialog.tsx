import { useRef, type ReactNode } from 'react';
import { Modal } from './Modal';

/**
 * A modal question with a safe default: Cancel has the focus, Escape cancels. Native <dialog> keeps
 * the focus inside and the page behind inert.
 */
export function ConfirmDialog({
  title,
  children,
  confirmText,
  cancelText = 'Cancel',
  onConfirm,
  onCancel,
  busy = false,
}: {
  title: string;
  children: ReactNode;
  confirmText: string;
  /** The safe choice's words; "Cancel" unless that would be confusing (e.g. when the action itself cancels something). */
  cancelText?: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  return (
    <Modal
      className="confirm-dialog"
      testId="confirm-dialog"
      labelledBy="confirm-title"
      onOpen={() => cancel.current?.focus()}
      onCancel={onCancel}
    >
      <h2 id="confirm-title">{title}</h2>
      <div className="confirm-body">{children}</div>
      <div className="confirm-actions">
        <button ref={cancel} className="button button-secondary" type="button" onClick={onCancel} data-testid="confirm-cancel">
          {cancelText}
        </button>
        <button className="button button-danger-solid" type="button" onClick={onConfirm} disabled={busy} data-testid="confirm-ok">
          {busy ? 'Saving…' : confirmText}
        </button>
      </div>
    </Modal>
  );
}
