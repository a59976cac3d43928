import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { focusScanField } from '../state/scan-focus';

/**
 * A native modal <dialog>: shown on mount (the focus stays inside, the page behind is inert), closed
 * on unmount with the focus given back to the scan field when it fell to the page. Escape calls
 * `onCancel` and goes no further (the History details panel behind must not close too).
 * `onOpen` puts the focus where the dialog wants it; `onKey` sees every other key.
 */
export function Modal({
  className,
  testId,
  labelledBy,
  onOpen,
  onCancel,
  onKey,
  children,
}: {
  className: string;
  testId: string;
  labelledBy: string;
  onOpen: () => void;
  onCancel: () => void;
  onKey?: (e: KeyboardEvent<HTMLDialogElement>) => void;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opened = useRef(onOpen);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    opened.current();
    return () => {
      d?.close();
      // Closed together with what opened it (a print job that left the queue): the focus fell to the page.
      if (!document.activeElement || document.activeElement === document.body) focusScanField();
    };
  }, []);
  return (
    <dialog
      ref={dialog}
      className={className}
      data-testid={testId}
      aria-labelledby={labelledBy}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          e.preventDefault();
          onCancel();
          return;
        }
        onKey?.(e);
      }}
    >
      {children}
    </dialog>
  );
}
