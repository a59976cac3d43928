import type { ProgressStep } from '../state/scan-store';

const STEPS: Array<{ step: ProgressStep; label: string }> = [
  { step: 'resolving', label: 'Reading scan' },
  { step: 'buying', label: 'Buying label' },
  { step: 'printing', label: 'Printing' },
  { step: 'done', label: 'Done' },
];

/** A step that waits: for the printer (the label is in the print queue), or for a label the provider may still make. */
const WAITING_LABELS: Partial<Record<ProgressStep, string>> = {
  buying: 'Label may still come',
  printing: 'Waiting for printer',
};

/** What a step that did not happen says (an order that already has a label). */
const SKIPPED_LABELS: Record<ProgressStep, string> = {
  resolving: 'Reading scan',
  buying: 'Has a label',
  printing: 'Not printed',
  done: 'Not bought',
};

/**
 * resolving -> buying -> printing -> done, the current step highlighted, a failed step in red, a step
 * that waits (a label waiting for the printer or still to come from the provider) in amber.
 */
export function StepTracker({
  step,
  failedAt,
  waitingAt,
  skippedFrom,
  message,
  running,
  waitingFor,
}: {
  /** What the waiting step waits for, when not its usual ("Waiting for file" while a label's file downloads). */
  waitingFor?: string;
  step?: ProgressStep;
  failedAt?: ProgressStep;
  waitingAt?: ProgressStep;
  skippedFrom?: ProgressStep;
  message: string;
  running: boolean;
}) {
  const current = STEPS.findIndex((s) => s.step === (failedAt ?? step));
  const skipped = skippedFrom ? STEPS.findIndex((s) => s.step === skippedFrom) : STEPS.length;
  return (
    <div className="steps" data-testid="steps">
      <ol>
        {STEPS.map((s, i) => {
          const state =
            i >= skipped
              ? 'skipped'
              : failedAt === s.step
                ? 'failed'
                : waitingAt === s.step
                  ? 'waiting'
                  : i < current || (s.step === 'done' && step === 'done')
                    ? 'complete'
                    : i === current
                      ? 'current'
                      : 'pending';
          return (
            <li key={s.step} className={`step step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="step-mark">
                {state === 'complete' ? '✓' : state === 'failed' ? '✕' : state === 'waiting' ? '…' : state === 'skipped' ? '–' : i + 1}
              </span>
              {state === 'skipped' ? SKIPPED_LABELS[s.step] : (state === 'waiting' && (waitingFor ?? WAITING_LABELS[s.step])) || s.label}
            </li>
          );
        })}
      </ol>
      {running && message && (
        <p className="step-message" role="status">
          <span className="spinner" aria-hidden="true" />
          {message}
        </p>
      )}
    </div>
  );
}
