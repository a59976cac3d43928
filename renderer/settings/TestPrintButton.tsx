import { useMutation } from '@tanstack/react-query';
import type { MethodInput } from '../../shared/contract';
import { station } from '../api/station';
import { toProblem } from '../api/problem';
import { ProblemBox } from '../ui/ProblemBox';

/**
 * Prints a test label on one printer: the saved one by its ID, or (`draft`) the settings typed in the
 * form and not saved yet. `unsaved` says which, so nobody takes a test of typed values for the saved set-up.
 */
export function TestPrintButton({ input, unsaved = false }: { input: MethodInput<'testPrint'>; unsaved?: boolean }) {
  const test = useMutation({ mutationFn: () => station.testPrint(input) });
  return (
    <div className="test-print">
      <button
        className="button button-secondary"
        type="button"
        onClick={() => test.mutate()}
        disabled={test.isPending}
        data-testid="test-print"
      >
        {test.isPending ? 'Printing test label…' : 'Test print'}
      </button>
      {unsaved && !test.isSuccess && <span className="hint">Prints with the values typed here (not saved yet).</span>}
      {test.isSuccess && test.data.ok && (
        <span className="saved-note" role="status" data-testid="test-print-ok">
          ✓ Test label sent to {test.data.printer}
        </span>
      )}
      {test.isSuccess && !test.data.ok && (
        <ProblemBox
          problem={
            test.data.problem ?? {
              code: 'print_failed',
              message: `The printer ${test.data.printer} did not print.`,
              nextStep: 'Check the printer and its address.',
            }
          }
        />
      )}
      {test.isError && <ProblemBox problem={toProblem(test.error)} />}
    </div>
  );
}
