import { useMutation } from '@tanstack/react-query';
import type { Dpi } from '../../shared/schemas';
import { station } from '../station';
import { toProblem } from '../problem';
import { ProblemBox } from './ProblemBox';

/** Prints a test label on the address/dpi in the form (saved or not). */
export function TestPrintButton({ address, dpi }: { address: string; dpi: Dpi }) {
  const test = useMutation({
    mutationFn: () => station.testPrint(address.trim() ? { address: address.trim(), dpi } : { dpi }),
  });
  return (
    <div className="test-print">
      <button className="button button-secondary" type="button" onClick={() => test.mutate()} disabled={test.isPending} data-testid="test-print">
        {test.isPending ? 'Printing test label…' : 'Test print'}
      </button>
      {test.isSuccess && test.data.ok && (
        <span className="saved-note" role="status">
          ✓ Test label sent to {test.data.printer}
        </span>
      )}
      {test.isSuccess && !test.data.ok && (
        <ProblemBox problem={test.data.problem ?? { code: 'print_failed', message: `The printer ${test.data.printer} did not print.`, nextStep: 'Check the printer and its address.' }} />
      )}
      {test.isError && <ProblemBox problem={toProblem(test.error)} />}
    </div>
  );
}
