import { useMutation, useQueryClient } from '@tanstack/react-query';
import { station } from '../station';
import { keys } from '../queries';
import { toProblem } from '../problem';
import { sounds } from '../sounds';
import { ProblemBox } from './ProblemBox';

/** Reprints a saved label (nothing is bought) and shows the result right next to the button. */
export function ReprintButton({ labelId, size = 'normal', label = 'Reprint label' }: { labelId: string; size?: 'normal' | 'big' | 'small'; label?: string }) {
  const queryClient = useQueryClient();
  const reprint = useMutation({
    mutationFn: () => station.reprintLabel({ labelId }),
    onSuccess: (result) => (result.ok ? sounds.success() : sounds.error()),
    onError: () => sounds.error(),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: keys.historyAll });
      void queryClient.invalidateQueries({ queryKey: keys.label(labelId) });
    },
  });
  return (
    <div className={`reprint reprint-${size}`}>
      <button className={`button button-${size}`} onClick={() => reprint.mutate()} disabled={reprint.isPending} data-testid="reprint">
        {reprint.isPending ? 'Printing…' : label}
      </button>
      {reprint.isSuccess && reprint.data.ok && (
        <span className="reprint-ok" role="status">
          ✓ Sent to printer
        </span>
      )}
      {reprint.isSuccess && !reprint.data.ok && reprint.data.problem && <ProblemBox problem={reprint.data.problem} />}
      {reprint.isSuccess && !reprint.data.ok && !reprint.data.problem && (
        <ProblemBox problem={{ code: 'print_failed', message: `The printer ${reprint.data.printer} did not print.`, nextStep: 'Check the printer, then try again.' }} />
      )}
      {reprint.isError && <ProblemBox problem={toProblem(reprint.error)} />}
    </div>
  );
}
