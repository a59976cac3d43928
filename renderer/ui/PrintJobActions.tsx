import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PrintJobView } from '../../shared/domain/print-queue';
import { station } from '../api/station';
import { SUPERVISOR_ACTION_WORDS } from '../../shared/domain/operators';
import { useApprovedCall } from '../operators/use-supervisor-approval';

import { keys } from '../api/queries';
import { toProblem } from '../api/problem';
import { focusScanField } from '../state/scan-focus';
import { ConfirmDialog } from './ConfirmDialog';
import { ProblemBox } from './ProblemBox';
import { Kbd, useHotkey } from './hotkey';

type Action = 'cancel' | 'printed';

/**
 * A waiting print job's two ways out, each asked first: take it out of the queue (the label stays in
 * History for a reprint), or, for a job held at the printer, confirm the label did come out.
 */
export function PrintJobActions({
  job,
  size = 'small',
  hotkeys,
}: {
  job: PrintJobView;
  size?: 'small' | 'normal';
  /** Keys that press Cancel and "It printed" (shown on them): the Scan screen's first waiting label. */
  hotkeys?: { cancel: string; printed: string };
}) {
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<Action | null>(null);
  const approved = useApprovedCall();
  const resolve = useMutation({
    mutationFn: (action: Action) =>
      action === 'cancel'
        ? approved(SUPERVISOR_ACTION_WORDS.cancelPrint, (approval) =>
            station.resolvePrintJob({ printJobId: job.id, action, ...(approval && { approval }) }),
          )
        : station.resolvePrintJob({ printJobId: job.id, action }),
    onSettled: () => {
      close();
      void queryClient.invalidateQueries({ queryKey: keys.printQueue });
      void queryClient.invalidateQueries({ queryKey: keys.historyAll });
      if (job.labelId) void queryClient.invalidateQueries({ queryKey: keys.label(job.labelId) });
    },
  });
  const order = job.orderId ?? 'this order';
  useHotkey(hotkeys?.cancel, () => setAsking('cancel'), !resolve.isPending && asking === null);
  useHotkey(hotkeys?.printed, () => setAsking('printed'), job.state === 'held' && !resolve.isPending && asking === null);
  const buttonClass = size === 'small' ? 'button button-small' : 'button';

  function close() {
    setAsking(null);
    focusScanField();
  }

  return (
    <div className="job-actions">
      {job.state === 'held' && (
        <button
          className={`${buttonClass} button-secondary`}
          type="button"
          onClick={() => setAsking('printed')}
          disabled={resolve.isPending}
          data-testid="job-printed"
        >
          It printed <Kbd keyName={hotkeys?.printed} />
        </button>
      )}
      <button
        className={`${buttonClass} button-danger`}
        type="button"
        onClick={() => setAsking('cancel')}
        disabled={resolve.isPending}
        data-testid="job-cancel"
      >
        Cancel <Kbd keyName={hotkeys?.cancel} />
      </button>
      {resolve.isError && <ProblemBox problem={toProblem(resolve.error)} />}
      {asking === 'cancel' && (
        <ConfirmDialog
          title="Stop waiting to print this label?"
          confirmText="Yes, take it out of the queue"
          cancelText="No, keep it waiting"
          busy={resolve.isPending}
          onCancel={close}
          onConfirm={() => resolve.mutate('cancel')}
        >
          <p className="confirm-warning">
            The label for order <span className="mono">{order}</span> will NOT print by itself when printer "{job.printerName}" is ready.
          </p>
          <p>It stays saved in History: reprint it from there when you need it. Nothing is bought again.</p>
        </ConfirmDialog>
      )}
      {asking === 'printed' && (
        <ConfirmDialog
          title="Did this label come out of the printer?"
          confirmText="Yes, I have the label"
          cancelText="No, keep it waiting"
          busy={resolve.isPending}
          onCancel={close}
          onConfirm={() => resolve.mutate('printed')}
        >
          <p className="confirm-warning">
            Only if you are holding the label for order <span className="mono">{order}</span>
            {job.trackingNumber ? (
              <>
                {' '}
                (tracking <span className="mono">{job.trackingNumber}</span>)
              </>
            ) : null}
            .
          </p>
          <p>The station then counts it as printed and stops waiting for printer "{job.printerName}" to confirm it.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
