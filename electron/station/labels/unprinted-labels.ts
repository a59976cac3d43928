/**
 * Labels bought (or adopted after a lost answer) that never reached a printer: listed on the Scan
 * screen and printed with one key. That first print is not a reprint.
 */
import type { PrintOutcome } from '../../../shared/contract';
import { isUnprinted, type LabelRecord } from '../../../shared/domain/labels';
import { StationError } from '../../../shared/errors';
import { toPublic, type LabelHistory } from '../history';
import type { LabelDownloads } from './label-downloads';
import { printStoredLabel } from './label-printing';
import type { ScanJobDeps } from './scan-job-deps';
import { withOrder } from './order-claim';
import { requireLabel } from './stored-label';

/**
 * A label whose file is still downloading is left out: it prints by itself when the file arrives, and
 * the Scan screen says "do not reprint it" — a Print button beside that would say the opposite.
 */
export async function unprintedLabels(history: LabelHistory, downloads?: Pick<LabelDownloads, 'isPending'>): Promise<LabelRecord[]> {
  return (await history.listUnprinted()).filter((label) => !downloads?.isPending(label.id)).map(toPublic);
}

export async function printUnprintedLabel(deps: ScanJobDeps, labelId: string, printerId?: string): Promise<PrintOutcome> {
  const label = await requireLabel(deps.history, labelId);
  if (!isUnprinted(label)) throw alreadyPrinted(label.orderId);
  const busy = new StationError('order_busy', `Order ${label.orderId} is being labelled right now.`, 'Wait for it to finish.');
  return withOrder(deps, label.orderId, busy, async () => {
    const latest = await requireLabel(deps.history, labelId); // the background check may have printed it meanwhile
    if (!isUnprinted(latest)) throw alreadyPrinted(latest.orderId);
    return (await printStoredLabel(deps, latest, { reprint: false, ...(printerId && { printerId }) })).outcome;
  });
}

function alreadyPrinted(orderId: string): StationError {
  return new StationError(
    'already_printed',
    `The label for order ${orderId} has already been sent to a printer.`,
    'To print it again, use Reprint in History.',
  );
}
