/**
 * Buys one label, never twice: the order and parcel set are claimed in the history (the database
 * refuses a second live claim), the provider is asked whether a label already exists (another
 * station, a lost data folder; unless the history alone can tell, see history-answers.ts), and only
 * then is one bought. A purchase without a clear answer
 * holds its claim for the checking window: a label created late is adopted, never bought again.
 */
import { randomUUID } from 'node:crypto';
import type { Problem } from '../../../shared/errors';
import { defaultPrinter } from '../../../shared/domain/printers';
import { StationError } from '../../../shared/errors';
import { parcelSetOf, type StoredLabel } from '../history';
import type { LabelBox } from '../../../shared/domain/shipments';
import type { CheckOverride } from '../../../shared/domain/labels';
import { ProviderError, type LabelProvider, type LabelRequest } from '../providers';
import { askProvider } from './ask-provider';
import { historyAnswersAlone } from './history-answers';
import { checkingWindowMs, clockTime } from './checking-window';
import { purchaseReference } from './purchase-reference';
import type { ScanJobDeps } from './scan-job-deps';

export type Purchase =
  | { state: 'bought' | 'adopted'; label: StoredLabel }
  /** Nothing was bought (refused, or could not be asked first); `label` is the settled claim. */
  | { state: 'refused'; problem: Problem; label?: StoredLabel }
  /** No clear answer: the claim holds while the station keeps asking; the parcel is set aside. */
  | { state: 'uncertain'; problem: Problem; label: StoredLabel };

export async function buyLabel(
  deps: ScanJobDeps,
  provider: LabelProvider,
  draft: Omit<LabelRequest, 'reference'>,
  parcelKey: string,
  onStep: (message: string) => void,
  boxes: LabelBox[] = [],
  checkOverride?: CheckOverride,
): Promise<Purchase> {
  const settings = deps.settings();
  const window = checkingWindowMs(provider, settings, deps.checks);
  const generation = await deps.history.nextGeneration(draft.orderId, parcelKey);
  const request: LabelRequest = { ...draft, reference: purchaseReference(draft.orderId, parcelKey, generation) };
  const claim = await claimOrder(deps, provider, request, { parcelKey, generation, boxes, checkOverride }, window);
  if ('problem' in claim) return { state: 'refused', problem: claim.problem };
  let row = claim.row;

  if (provider.capabilities.lookup && !(await historyAnswersAlone(deps, provider, row))) {
    onStep(`Asking ${provider.title} whether order ${request.orderId} already has a label…`);
    const before = await askProvider(deps, row);
    if (before.state === 'found') return { state: 'adopted', label: before.label };
    if (before.state === 'cannot_tell') {
      const message = `Nothing was bought for order ${request.orderId}. ${before.reason}.`;
      return {
        state: 'refused',
        problem: { code: 'cannot_check_before_buying', message, nextStep: before.nextStep ?? 'Scan the order again in a minute.' },
        label: await deps.history.settlePurchase(row.id, 'failed', message),
      };
    }
  }

  onStep(`Buying the label from ${provider.title}…`);
  try {
    const purchased = await provider.createLabel(request);
    const label = await deps.history.markBought(row.id, purchased);
    deps.log(`label ${label.id} bought for order ${request.orderId} (${provider.name}, ${purchased.trackingNumbers.join(' ')})`);
    return { state: 'bought', label };
  } catch (error) {
    if (error instanceof ProviderError && !error.ambiguous) {
      return { state: 'refused', problem: error.toProblem(), label: await deps.history.settlePurchase(row.id, 'failed', error.message) };
    }
    if (!(error instanceof StationError)) deps.log(`purchase for order ${request.orderId} ended unexpectedly: ${(error as Error).name}`);
  }

  onStep(`No clear answer from ${provider.title}: checking whether the label was made…`);
  row = (await deps.history.get(row.id)) ?? row;
  const after = await askProvider(deps, row);
  if (after.state === 'found') return { state: 'adopted', label: after.label };
  if (!provider.capabilities.lookup || (after.state === 'cannot_tell' && after.unsupported)) {
    const message = `No clear answer from ${provider.title}, and it cannot be asked whether the label was made.`;
    return {
      state: 'uncertain',
      problem: {
        code: 'purchase_unknown',
        message,
        nextStep:
          'Set the parcel aside and do not scan it again. A supervisor must check it in the provider’s dashboard, then settle it in History.',
      },
      label: await deps.history.settlePurchase(row.id, 'unknown', message),
    };
  }
  // The provider may still be creating it: no conclusion before the window has passed.
  const until = new Date(Math.max(Date.parse(row.checkUntil ?? '') || 0, deps.now().getTime() + window));
  const label = await deps.history.markChecking(
    row.id,
    until.toISOString(),
    `No clear answer from ${provider.title}; a label may still be created. Checking until ${clockTime(until.toISOString())}.`,
  );
  deps.printWhenFound.add(label.id);
  deps.log(`label ${label.id} for order ${request.orderId}: no clear answer, checking until ${until.toISOString()}`);
  return { state: 'uncertain', problem: labelChecking(request.orderId, provider.title, until.toISOString()), label };
}

export function labelChecking(orderId: string, providerTitle: string, untilIso: string): Problem {
  return {
    code: 'label_checking',
    message: `No clear answer from ${providerTitle} for order ${orderId}: a label may still be created. The station keeps checking until ${clockTime(untilIso)} and prints it here as soon as it appears.`,
    nextStep: `Set this parcel aside and go on with the next order. Do not scan it again before ${clockTime(untilIso)}.`,
  };
}

async function claimOrder(
  deps: ScanJobDeps,
  provider: LabelProvider,
  request: LabelRequest,
  {
    parcelKey,
    generation,
    boxes,
    checkOverride,
  }: { parcelKey: string; generation: number; boxes: LabelBox[]; checkOverride?: CheckOverride },
  windowMs: number,
): Promise<{ row: StoredLabel } | { problem: Problem }> {
  const settings = deps.settings();
  const now = deps.now().getTime();
  const row = await deps.history.insertBuying({
    id: randomUUID(),
    orderId: request.orderId,
    parcelKey,
    reference: request.reference,
    provider: provider.name,
    sandbox: provider.sandbox,
    operator: deps.operator,
    printer: defaultPrinter(settings.printers).address,
    request: JSON.stringify(request),
    // What the packer scanned when it was not the TikTok ID (a Shopify "#1001"): History finds it by that.
    scanned: request.order?.displayName ?? '',
    generation,
    station: deps.stationName,
    stationId: deps.stationId,
    // A station that dies mid-purchase leaves this: nobody buys the order before it has passed.
    checkUntil: new Date(now + provider.requestTimeoutMs + windowMs).toISOString(),
    boxes,
    ...(checkOverride && { checkOverride }),
  });
  if (row) return { row };
  const packedOtherwise = (await deps.history.listLive(request.orderId)).find((l) => parcelSetOf(l.parcelKey) !== parcelSetOf(parcelKey));
  if (packedOtherwise) return { problem: packedDifferently(request.orderId, packedOtherwise) };
  // Another station or process sharing this history got there first: the database refused a second live claim.
  return {
    problem: {
      code: 'order_busy',
      message: `Another station started buying a label for order ${request.orderId} at the same moment.`,
      nextStep: 'Scan the order again in a moment to see its label.',
    },
  };
}

/** The order already has a label for another packing (one parcel, or other boxes): nothing is bought. */
export function packedDifferently(orderId: string, existing: StoredLabel): Problem {
  const count = existing.boxes[0]?.count ?? 1;
  const packing = count > 1 ? `split into ${count} boxes` : 'in one parcel';
  const where = existing.station ? ` at ${existing.station}` : '';
  return {
    code: 'order_packed_otherwise',
    message: `Order ${orderId} already has a label for shipping it ${packing} (bought${where}); nothing was bought.`,
    nextStep: 'Reprint its labels from History. TikTok labels cannot be voided, so the order cannot be packed another way.',
  };
}
