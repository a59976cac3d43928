import type { ReactNode } from 'react';

/** A labelled settings row; when an environment variable sets the field, shows it read-only. */
export function SettingsField({
  label,
  htmlFor,
  lockedBy,
  hint,
  problems = [],
  children,
}: {
  label: string;
  htmlFor?: string;
  lockedBy?: string;
  hint?: string;
  /** Problems the station reported for this field, shown right under it. */
  problems?: string[];
  children: ReactNode;
}) {
  return (
    <div className={['field', lockedBy ? 'field-locked' : '', problems.length ? 'field-invalid' : ''].join(' ')}>
      <label htmlFor={htmlFor} className="field-label">
        {label}
      </label>
      <div className="field-control">
        {children}
        {lockedBy && (
          <span className="locked-note" data-testid="locked-note">
            Locked: set by {lockedBy}
          </span>
        )}
        {hint && !lockedBy && <span className="hint">{hint}</span>}
        {problems.map((p) => (
          <span key={p} className="field-problem" role="alert">
            {p}
          </span>
        ))}
      </div>
    </div>
  );
}
