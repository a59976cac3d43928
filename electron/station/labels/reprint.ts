/** Reprints a label the provider sold, from its cached file, on the printer asked for (or the default). */
import { canReprint } from '../../../shared/domain/labels';
import type { PrintOutcome, ReprintSelectionResult } from '../../../shared/contract';
import { StationError } from '../../../shared/errors';
import { printStoredLabel, type LabelPrintingDeps } from './label-printing';
import { requireLabel } from './stored-label';

/** `reason`: why it is printed again (kept on every print attempt of this reprint). */
export async function reprintLabel(
  deps: LabelPrintingDeps,
  labelId: string,
  printerId?: string,
  box?: number,
  reason?: string,
): Promise<PrintOutcome> {
  const label = await requireLabel(deps.history, labelId);
  if (label.status === 'queued') {
    throw new StationError(
      'label_waiting_for_printer',
      `The label for order ${label.orderId} is waiting for its printer and prints by itself once the printer is ready.`,
      'To print it on another printer, cancel it in the print queue first, then reprint it.',
    );
  }
  if (!canReprint(label.status)) {
    throw new StationError(
      'not_printable',
      `No label was bought for order ${label.orderId} in this attempt, so there is nothing to print.`,
      'Check the order’s other history entries.',
    );
  }
  return (
    await printStoredLabel(deps, label, {
      reprint: true,
      ...(printerId && { printerId }),
      ...(box && { box }),
      ...(reason && { reason }),
    })
  ).outcome;
}

/**
 * Reprints a selection, one label after another in the order given (each through the same print
 * path as a single reprint, every box of a split label in box order), with one reason for all. A
 * label that cannot be reprinted is reported and the next one still prints. The same label twice
 * in the selection prints once.
 */
export async function reprintLabels(
  deps: LabelPrintingDeps,
  labelIds: readonly string[],
  reason: string,
  printerId?: string,
): Promise<ReprintSelectionResult[]> {
  const results: ReprintSelectionResult[] = [];
  for (const labelId of new Set(labelIds)) {
    const label = await deps.history.get(labelId);
    try {
      const outcome = await reprintLabel(deps, labelId, printerId, undefined, reason);
      results.push({ labelId, orderId: label?.orderId ?? null, outcome });
    } catch (error) {
      if (!(error instanceof StationError)) throw error;
      results.push({ labelId, orderId: label?.orderId ?? null, problem: error.toProblem() });
    }
  }
  return results;
}
