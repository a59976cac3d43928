import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { MAX_REPRINT_SELECTION } from '../../shared/domain/reprint-reasons';
import { keys } from '../api/queries';
import { useReprintLabels } from '../api/reports';
import { toProblem } from '../api/problem';
import { ProblemBox } from '../ui/ProblemBox';
import { ReprintReasonDialog } from '../ui/ReprintReasonDialog';
import { sounds } from '../ui/sounds';

/**
 * "Reprint selected" for History's list: asks one reason for the whole selection, reprints the
 * labels one after another in the order given (on the default printer), then says how each went.
 * The list owns the selection and passes it in.
 */
export function ReprintSelectedButton({ labelIds, orderOf }: { labelIds: string[]; orderOf?: (labelId: string) => string | undefined }) {
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const reprint = useReprintLabels();
  const count = labelIds.length;
  const tooMany = count > MAX_REPRINT_SELECTION;
  const results = reprint.data ?? [];
  const printed = results.filter((r) => r.outcome?.ok).length;
  const waiting = results.filter((r) => r.outcome?.queued).length;
  const notPrinted = results.filter((r) => !r.outcome?.ok && !r.outcome?.queued);
  return (
    <div className="reprint-selected">
      <button
        className="button button-small"
        type="button"
        disabled={count === 0 || tooMany || reprint.isPending}
        onClick={() => setAsking(true)}
        data-testid="reprint-selected"
        title={tooMany ? `Reprint at most ${MAX_REPRINT_SELECTION} labels at once.` : undefined}
      >
        {reprint.isPending ? `Reprinting ${count}…` : `Reprint selected (${count})`}
      </button>
      {reprint.isSuccess && (
        <p className={notPrinted.length ? 'text-bad' : 'text-good'} role="status" data-testid="reprint-selected-result">
          {printed} reprinted{waiting ? `, ${waiting} waiting for the printer` : ''}
          {notPrinted.length ? `, ${notPrinted.length} not printed:` : '.'}
        </p>
      )}
      {notPrinted.length > 0 && (
        <ul className="reprint-selected-problems">
          {notPrinted.map((r) => (
            <li key={r.labelId}>
              <span className="mono">{r.orderId ?? orderOf?.(r.labelId) ?? r.labelId}</span> —{' '}
              {(r.problem ?? r.outcome?.problem)?.message ?? 'not printed'}
            </li>
          ))}
        </ul>
      )}
      {reprint.isError && <ProblemBox problem={toProblem(reprint.error)} />}
      {asking && (
        <ReprintReasonDialog
          title={`Reprint ${count} label${count === 1 ? '' : 's'}`}
          subject={`${count} selected label${count === 1 ? '' : 's'}, printed one after another on the default printer`}
          confirmText={`Reprint ${count}`}
          onCancel={() => setAsking(false)}
          onConfirm={(reason) => {
            setAsking(false);
            reprint.mutate(
              { labelIds, reason },
              {
                onSuccess: (done) => (done.every((r) => r.outcome?.ok) ? sounds.success() : sounds.error()),
                onError: () => sounds.error(),
                onSettled: () => {
                  void queryClient.invalidateQueries({ queryKey: keys.historyAll });
                  void queryClient.invalidateQueries({ queryKey: keys.printQueue });
                },
              },
            );
          }}
        />
      )}
    </div>
  );
}
