import { useEffect, useRef, type ReactNode } from 'react';
import { focusScanField } from '../state/scan-focus';

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
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    cancel.current?.focus();
    return () => {
      d?.close();
      // Closed together with what opened it (a print job that left the queue): the focus fell to the page, give it to the scan field.
      if (!document.activeElement || document.activeElement === document.body) focusScanField();
    };
  }, []);
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      data-testid="confirm-dialog"
      aria-labelledby="confirm-title"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      onKeyDown={(e) => {
        // Keep Escape from also closing what is behind the dialog (the History details panel).
        if (e.key === 'Escape') {
          e.stopPropagation();
          e.preventDefault();
          onCancel();
        }
      }}
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
    </dialog>
  );
}
