/**
 * One scan, start to finish: resolve the order -> (already labelled? offer a reprint) -> buy once ->
 * save -> print. The history row is written before the provider is asked. When a purchase gets no
 * clear answer, the provider is asked whether the label exists; only its confirmed "none" allows
 * another purchase, and a label that exists is adopted: never bought twice, never lost.
 */
import { randomUUID } from 'node:crypto';
import type { ScanOutcome } from '../../../shared/contract';
import type { OrderDetails } from '../../../shared/domain/orders';
import type { JobStep } from '../../../shared/domain/labels';
import type { Settings } from '../../../shared/domain/settings';
import type { Problem } from '../../../shared/errors';
import { defaultPrinter } from '../../../shared/domain/printers';
import { StationError } from '../../../shared/errors';
import type { EventName, EventPayload } from '../../../shared/contract';
import { toPublic, type HistoryStore, type StoredLabel } from '../history';
import { ensureLabelFile, printStoredLabel, type LabelPrintingDeps } from './label-printing';
import { resolveOrder, type OrderSources } from '../orders';
import { ProviderError, type LabelProvider, type LabelRequest } from '../providers';
import { reconcileLabel } from './reconcile';

export interface ScanJobDeps extends LabelPrintingDeps {
  history: HistoryStore;
  events: { emit<E extends EventName>(event: E, payload: EventPayload<E>): void };
  orderSources: OrderSources;
  stationId: string;
  /** Orders whose purchase is running in this process right now. */
  inFlight: Set<string>;
}

/** Single-parcel purchases use this parcel key; split shipments will key by their box set. */
export const SINGLE_PARCEL = '1of1';
/** A provider that twice confirms "no label" after lost answers is not asked a third time in one scan. */
const MAX_PURCHASE_ATTEMPTS = 3;

type Progress = (step: JobStep, message: string, orderId?: string) => void;

export async function runScanJob(deps: ScanJobDeps, scan: string): Promise<ScanOutcome> {
  const jobId = randomUUID();
  const progress: Progress = (step, message, orderId) =>
    deps.events.emit('jobProgress', { jobId, step, message, ...(orderId && { orderId }) });
  const fail = (problem: Problem, orderId?: string, label?: StoredLabel): ScanOutcome => {
    progress('failed', problem.message, orderId);
    return { outcome: 'failed', jobId, problem, ...(label && { label: toPublic(label) }) };
  };

  progress('resolving', 'Reading the scan…');
  const settings = deps.settings();
  let order: OrderDetails;
  let warnings: string[];
  try {
    ({ order, warnings } = await resolveOrder(scan, deps.orderSources.configured(settings), deps.log));
  } catch (error) {
    if (error instanceof StationError) return fail(error.toProblem());
    throw error;
  }
  const { orderId } = order;

  if (deps.inFlight.has(orderId)) {
    return fail(
      {
        code: 'order_busy',
        message: `A label for order ${orderId} is being bought right now.`,
        nextStep: 'Wait for it to finish; do not scan it again.',
      },
      orderId,
    );
  }
  deps.inFlight.add(orderId);
  try {
    let label: StoredLabel | undefined;
    const existing = deps.history.findLive(orderId, SINGLE_PARCEL);
    if (existing && existing.status !== 'buying' && existing.status !== 'unknown') {
      const waits = existing.status === 'queued' ? ' It is waiting for the printer and prints by itself once the printer is ready.' : '';
      const message = `Order ${orderId} already has a label (tracking ${existing.trackingNumbers.join(', ') || 'unknown'}). Nothing was bought.${waits}`;
      progress('done', message, orderId);
      return { outcome: 'already_labelled', jobId, label: toPublic(existing), message };
    }
    if (existing) {
      progress('buying', 'An earlier purchase of this order got no answer: asking the provider whether the label exists…', orderId);
      const checked = await reconcileLabel(deps, existing);
      if (checked.state === 'unknown') return fail(labelMayExist(existing.orderId, checked.reason), orderId, checked.label);
      if (checked.state === 'found') label = checked.label;
    }

    if (!label) {
      let provider: LabelProvider;
      try {
        provider = deps.providers.forSettings(settings);
      } catch (error) {
        if (error instanceof StationError) return fail(error.toProblem(), orderId);
        throw error;
      }
      const bought = await buyOnce(deps, provider, labelRequest(deps, settings, order), settings, progress);
      if ('problem' in bought) return fail(bought.problem, orderId, bought.label);
      label = bought.label;
    }

    progress('printing', `Printing tracking ${label.trackingNumbers[0] ?? ''}…`, orderId);
    try {
      label = (await ensureLabelFile(deps, label)).label;
    } catch (error) {
      const problem = downloadProblem(error);
      label = deps.history.setStatus(label.id, 'print_failed', problem.message);
      progress('failed', problem.message, orderId);
      return { outcome: 'print_failed', jobId, label: toPublic(label), problem };
    }
    const printed = await printStoredLabel(deps, label, { reprint: false });
    const warning = warnings.join(' ');
    if (printed.outcome.queued) {
      const message = `Label bought and saved. ${printed.outcome.problem!.message} It prints by itself once the printer is ready.`;
      progress('done', message, orderId);
      return { outcome: 'queued', jobId, label: toPublic(printed.label), printJobId: printed.outcome.queued.printJobId, message };
    }
    if (!printed.outcome.ok) {
      const problem = printed.outcome.problem!;
      progress('failed', `Label bought and saved, but not printed: ${problem.message}`, orderId);
      return { outcome: 'print_failed', jobId, label: toPublic(printed.label), problem };
    }
    progress('done', `Printed order ${orderId}`, orderId);
    return { outcome: 'printed', jobId, label: toPublic(printed.label), ...(warning && { warning }) };
  } finally {
    deps.inFlight.delete(orderId);
  }
}

function labelRequest(deps: ScanJobDeps, settings: Settings, order: OrderDetails): LabelRequest {
  const printer = defaultPrinter(settings.printers);
  return {
    orderId: order.orderId,
    parcels: [{ ...settings.defaultParcel, itemIds: [] }],
    reference: `ls-${deps.stationId}-${order.orderId}-${SINGLE_PARCEL}`,
    // A carrier's ZPL is made for 203 dpi and prints as is on a 203 dpi ZPL printer; anything else
    // gets PDF, rasterized at the printer's dpi into its language (or passed to an OS queue).
    fileType: printer.language === 'zpl' && printer.dpi === 203 ? 'zpl' : 'pdf',
    order,
  };
}

async function buyOnce(
  deps: ScanJobDeps,
  provider: LabelProvider,
  request: LabelRequest,
  settings: Settings,
  progress: Progress,
): Promise<{ label: StoredLabel } | { problem: Problem; label?: StoredLabel }> {
  for (let attempt = 1; attempt <= MAX_PURCHASE_ATTEMPTS; attempt++) {
    const row = insertBuyingRow(deps, provider, request, settings);
    if (!row) {
      return {
        problem: {
          code: 'order_busy',
          message: `Another purchase for order ${request.orderId} was recorded at the same moment.`,
          nextStep: 'Scan the order again to see its label.',
        },
      };
    }
    progress('buying', `Buying the label from ${provider.title}…`, request.orderId);
    try {
      const purchased = await provider.createLabel(request);
      const label = deps.history.markBought(row.id, purchased);
      deps.log(`label ${label.id} bought for order ${request.orderId} (${provider.name}, ${purchased.trackingNumbers.join(' ')})`);
      return { label };
    } catch (error) {
      if (error instanceof ProviderError && !error.ambiguous) {
        return { problem: error.toProblem(), label: deps.history.setStatus(row.id, 'failed', error.message) };
      }
      if (!(error instanceof StationError)) deps.log(`purchase for order ${request.orderId} ended unexpectedly: ${(error as Error).name}`);
      progress('buying', `No clear answer from ${provider.title}: checking whether the label was made…`, request.orderId);
      const checked = await reconcileLabel(deps, deps.history.get(row.id)!);
      if (checked.state === 'found') return { label: checked.label };
      if (checked.state === 'unknown') {
        return {
          problem: {
            code: 'purchase_unknown',
            message: `No clear answer from ${provider.title}, and it could not confirm whether the label was made (${checked.reason}).`,
            nextStep: 'Do not scan this order again. A supervisor must check it in the provider’s dashboard, then settle it in History.',
          },
          label: checked.label,
        };
      }
      // The provider confirmed there is no label: buying again is safe.
    }
  }
  return {
    problem: {
      code: 'provider_failing',
      message: `${provider.title} failed ${MAX_PURCHASE_ATTEMPTS} times for order ${request.orderId} without making a label.`,
      nextStep: 'Wait a minute and scan the order again. Nothing was bought.',
    },
  };
}

function insertBuyingRow(deps: ScanJobDeps, provider: LabelProvider, request: LabelRequest, settings: Settings): StoredLabel | undefined {
  try {
    return deps.history.insertBuying({
      id: randomUUID(),
      orderId: request.orderId,
      parcelKey: SINGLE_PARCEL,
      reference: request.reference,
      provider: provider.name,
      sandbox: provider.sandbox,
      operator: settings.operator,
      printer: defaultPrinter(settings.printers).address,
      request: JSON.stringify(request),
    });
  } catch (error) {
    // Another process sharing this history got there first: the database refused a second live label.
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return undefined;
    throw error;
  }
}

function labelMayExist(orderId: string, reason: string): Problem {
  return {
    code: 'label_may_exist',
    message: `Order ${orderId} has a purchase that never got an answer, and the provider could not confirm whether a label exists (${reason}).`,
    nextStep: 'Do not buy again. A supervisor must check the order in the provider’s dashboard, then settle it in History.',
  };
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
