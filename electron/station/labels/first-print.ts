/**
 * The first print of a label just bought or adopted (or bought earlier and never printed): its file
 * fetched if needed, then every box it covers through the print queue. A file that cannot be
 * fetched leaves the label saved and marked "not printed", with Reprint as the next step.
 */
import type { Problem } from '../../../shared/errors';
import { StationError } from '../../../shared/errors';
import type { StoredLabel } from '../history';
import { ensureLabelFile, printStoredLabel, type LabelPrintingDeps } from './label-printing';

export type FirstPrint =
  | { state: 'printed'; label: StoredLabel }
  | { state: 'queued'; label: StoredLabel; printJobId: number; problem: Problem }
  | { state: 'print_failed'; label: StoredLabel; problem: Problem };

/**
 * `turn`: a batch's place in line: `wait` is awaited with the file at hand, just before the print
 * queue; `queued` is called once the job is in the durable queue.
 */
export async function printFirstTime(
  deps: LabelPrintingDeps,
  bought: StoredLabel,
  turn: { wait?: () => Promise<void>; queued?: () => void; arrived?: (label: StoredLabel, printed: FirstPrint) => void } = {},
): Promise<FirstPrint> {
  let label = bought;
  deps.downloads?.takeOver(label.id);
  try {
    label = (await ensureLabelFile(deps, label)).label;
  } catch (error) {
    if (error instanceof StationError && error.code === 'label_file_pending' && deps.downloads) {
      // Bought, file on its way: the scan answers now; the label prints by itself when the file arrives.
      deps.log(`label ${label.id} for order ${label.orderId}: file still downloading; it prints when it arrives`);
      deps.downloads.whenArrived(
        label.id,
        async () => {
          const now = (await deps.history.get(label.id)) ?? label;
          if (now.status === 'bought' || now.status === 'print_failed') turn.arrived?.(now, await printFirstTime(deps, now));
        },
        async (failure) => {
          const problem = downloadProblem(failure);
          deps.log(`label ${label.id} for order ${label.orderId}: file download failed in the background: ${problem.message}`);
          await deps.history.setStatus(label.id, 'print_failed', problem.message);
        },
      );
      return { state: 'print_failed', label, problem: error.toProblem() };
    }
    const problem = downloadProblem(error);
    return { state: 'print_failed', label: await deps.history.setStatus(label.id, 'print_failed', problem.message), problem };
  }
  await turn.wait?.();
  const printed = await printStoredLabel(deps, label, { reprint: false, ...(turn.queued && { onQueued: turn.queued }) });
  if (printed.outcome.queued) {
    return { state: 'queued', label: printed.label, printJobId: printed.outcome.queued.printJobId, problem: printed.outcome.problem! };
  }
  if (!printed.outcome.ok) return { state: 'print_failed', label: printed.label, problem: printed.outcome.problem! };
  return { state: 'printed', label: printed.label };
}

/**
 * The problem of a file that could not be fetched, said once: the provider's words already say what
 * failed, so they are not wrapped in another "could not be downloaded (…)"; and the next step is the
 * provider's own, which offers a reprint only where a reprint can work (not for a file too large or
 * not a label, where only the provider's dashboard helps).
 */
export function downloadProblem(error: unknown): Problem {
  const reason = error instanceof StationError ? error.message.trim() : 'The download failed.';
  const message = /^The label was bought/i.test(reason)
    ? reason
    : /could not be downloaded/i.test(reason)
      ? `The label was bought and saved. ${reason}`
      : `The label was bought and saved, but its file could not be fetched: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`;
  const nextStep = error instanceof StationError && error.nextStep ? error.nextStep : 'Press Reprint to try the download again.';
  // A file too large, not a label or without a web address: a reprint would fetch the same; said so.
  const unusable = error instanceof StationError && (error.code === 'label_file_unusable' || error.code === 'label_file_unreadable');
  return {
    code: unusable ? 'label_file_unusable' : 'label_download_failed',
    message,
    nextStep: `${nextStep.replace(/\.?$/, '.')} Do not scan the order again.`,
  };
}
