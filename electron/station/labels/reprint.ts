/** Reprints a label the provider sold, from its cached file, on the printer asked for (or the default). */
import type { PrintOutcome } from '../../../shared/contract';
import { canReprint } from '../../../shared/domain/labels';
import { StationError } from '../../../shared/errors';
import { printStoredLabel, type LabelPrintingDeps } from './label-printing';
import { requireLabel } from './stored-label';

export async function reprintLabel(deps: LabelPrintingDeps, labelId: string, printerId?: string, box?: number): Promise<PrintOutcome> {
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
  return (await printStoredLabel(deps, label, { reprint: true, ...(printerId && { printerId }), ...(box && { box }) })).outcome;
}
