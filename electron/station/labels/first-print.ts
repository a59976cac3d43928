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
  turn: { wait?: () => Promise<void>; queued?: () => void } = {},
): Promise<FirstPrint> {
  let label = bought;
  try {
    label = (await ensureLabelFile(deps, label)).label;
  } catch (error) {
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

function downloadProblem(error: unknown): Problem {
  const reason = error instanceof StationError ? error.message : 'the download failed';
  // The provider's own words may already say that the label was bought: not twice in one sentence.
  const message = reason.startsWith('The label was bought')
    ? reason
    : `The label was bought but its file could not be downloaded (${reason}).`;
  return {
    code: 'label_download_failed',
    message,
    nextStep: 'Press Reprint to try the download again. Do not scan the order again.',
  };
}
