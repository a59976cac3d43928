/**
 * A printer card's top line: which printer, whether scans print on it (Default), and the buttons to
 * make it the default or remove it (left out when it cannot be done; a lock says why).
 */
export function PrinterCardHeader({
  number,
  name,
  isDefault,
  defaultLockedBy,
  canRemove,
  onMakeDefault,
  onRemove,
}: {
  number: number;
  name: string;
  isDefault: boolean;
  /** The variable that fixes which printer is the default, if the environment does. */
  defaultLockedBy?: string;
  /** False for the only printer, and for a default printer the environment sets. */
  canRemove: boolean;
  onMakeDefault: () => void;
  onRemove: () => void;
}) {
  return (
    <div className="printer-card-head">
      <div className="printer-card-title">
        <span className="printer-card-number">Printer {number}</span>
        <span className="printer-card-name">{name.trim() || 'No name yet'}</span>
      </div>
      <div className="printer-card-actions">
        {isDefault ? (
          <span className="default-marker" data-testid="default-marker">
            ★ Default — scans print here
          </span>
        ) : defaultLockedBy ? null : (
          <button type="button" className="button button-secondary button-small" onClick={onMakeDefault} data-testid="make-default">
            Make default
          </button>
        )}
        {canRemove && (
          <button type="button" className="button button-danger button-small" onClick={onRemove} data-testid="remove-printer">
            Remove
          </button>
        )}
      </div>
      {isDefault && defaultLockedBy && (
        <span className="printer-card-lock" data-testid="default-locked-note">
          Default printer set by {defaultLockedBy}: it cannot be changed or removed here.
        </span>
      )}
    </div>
  );
}
