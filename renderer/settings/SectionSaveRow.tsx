import type { ReactNode } from 'react';

/** "✓ Saved", read out by screen readers, after a section saved. */
export function SavedNote() {
  return (
    <span className="saved-note" role="status">
      ✓ Saved
    </span>
  );
}

/** A Settings section's own Save button (`children`: more buttons after it), then "✓ Saved" once saved. */
export function SectionSaveRow(props: {
  onSave: () => void;
  pending: boolean;
  /** What the button says while saving ("Checking…" where saving first checks the folder). */
  pendingText?: string;
  saved: boolean;
  testId: string;
  children?: ReactNode;
}) {
  return (
    <div className="save-row">
      <button type="button" className="button" onClick={props.onSave} disabled={props.pending} data-testid={props.testId}>
        {props.pending ? (props.pendingText ?? 'Saving…') : 'Save'}
      </button>
      {props.children}
      {props.saved && <SavedNote />}
    </div>
  );
}
