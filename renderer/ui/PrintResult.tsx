import type { PrintOutcome } from '../../shared/contract';
import { ProblemBox } from './ProblemBox';

/** The station says `The label waits for printer "NAME": REASON`; the name is shown already, so the reason alone. */
function waitReason(message: string | undefined): string {
  if (!message) return 'The printer is not ready yet.';
  return message.replace(/^The label waits for printer "[^"]*":\s*/, '');
}

/**
 * What a print or reprint came to, next to its button: sent, waiting for the printer (not an error:
 * it prints by itself), or the problem and what to do.
 */
export function PrintResult({ outcome, printerName, named }: { outcome: PrintOutcome; printerName: string | undefined; named: boolean }) {
  if (outcome.ok) {
    return (
      <span className="reprint-ok" role="status">
        ✓ Sent to printer{named && printerName ? ` "${printerName}"` : ''}
      </span>
    );
  }
  if (outcome.queued) {
    // Not an error: the label is in the print queue and prints by itself once the printer is ready.
    return (
      <div className="reprint-waiting" role="status" data-testid="reprint-waiting">
        <p className="reprint-waiting-message">
          <strong>Waiting for printer{printerName ? ` "${printerName}"` : ''}:</strong> {waitReason(outcome.problem?.message)}
        </p>
        <p className="reprint-waiting-next">
          {outcome.problem?.nextStep ?? 'It prints by itself once the printer is ready. Do not reprint it.'}
        </p>
      </div>
    );
  }
  return (
    <ProblemBox
      problem={
        outcome.problem ?? {
          code: 'print_failed',
          message: `The printer ${outcome.printer} did not print.`,
          nextStep: 'Check the printer, then try again.',
        }
      }
    />
  );
}
