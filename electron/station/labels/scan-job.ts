/**
 * One scan, start to finish: resolve the order -> settle what the history already holds for it
 * (a label to print, a label already printed, a purchase still being checked) -> buy once -> print.
 * A label bought or adopted but never printed is printed by the next scan of its order.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { PackingCheck, ScanOutcome } from '../../../shared/contract';
import { checkProblem } from '../../../shared/domain/packing-check';
import type { OrderDetails } from '../../../shared/domain/orders';
import type { Parcel } from '../../../shared/domain/parcels';
import { needsSplitter, unitsOf } from '../../../shared/domain/shipment-rules';
import { isUncertain, type CheckOverride, type JobStep } from '../../../shared/domain/labels';
import type { Settings } from '../../../shared/domain/settings';
import type { Problem } from '../../../shared/errors';
import { StationError } from '../../../shared/errors';
import { parcelSetOf, toPublic, type StoredLabel } from '../history';
import { printFirstTime } from './first-print';
import { labelFileType } from './label-printing';
import { resolveOrder } from '../orders';
import { PROVIDER_TITLES } from '../../../shared/domain/providers';
import type { LabelProvider, LabelRequest } from '../providers';
import { askProvider } from './ask-provider';
import { checkingWindowOpen, DEFAULT_CHECK_EVERY_MS } from './checking-window';
import { buyLabel, labelChecking } from './purchase';
import { withOrder } from './order-claim';
import type { ScanJobDeps } from './scan-job-deps';

export type { ScanJobDeps };

/** Single-parcel purchases use this parcel key; split shipments will key by their box set. */
export const SINGLE_PARCEL = '1of1';

type Progress = (step: JobStep, message: string, orderId?: string) => void;

/** What the history already holds for the scanned order decides what the scan does. */
type Settled = { next: 'print'; label: StoredLabel; note: string } | { next: 'buy' } | { next: 'stop'; outcome: ScanOutcome };

/** How a caller that runs many scans at once (a batch) takes part in one scan. */
export interface ScanJobOptions {
  /**
   * Awaited once the label is bought and its file is at hand, just before it goes to the print
   * queue: a batch buys several orders at once but prints them in list order.
   */
  beforePrint?: () => Promise<void>;
  /** Called once the label is in the durable print queue (the next one in a batch may follow). */
  printQueued?: () => void;
}

/**
 * `weigh`: this parcel's box and weight (the packer's, or the scale's read now), undefined for the
 * station's default package. Called only just before buying, so a scan that first asks for the
 * packing check is not weighed before its items are in the box; it throws (nothing bought) when the
 * parcel cannot be weighed.
 */
export type WeighParcel = () => Parcel | undefined;

export async function runScanJob(
  deps: ScanJobDeps,
  scan: string,
  weigh: WeighParcel = () => undefined,
  check?: PackingCheck,
  options: ScanJobOptions = {},
): Promise<ScanOutcome> {
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

  const busy = new StationError(
    'order_busy',
    `A label for order ${orderId} is being bought right now.`,
    'Wait for it to finish; do not scan it again.',
  );
  try {
    return await withOrder(deps, orderId, busy, () => labelOrder(deps, order, { weigh, check }, warnings, jobId, progress, fail, options));
  } catch (error) {
    // Busy, or a history that cannot be reached (a fleet's database away): nothing was bought.
    if (error instanceof StationError) return fail(error.toProblem(), orderId);
    throw error;
  }
}

async function labelOrder(
  deps: ScanJobDeps,
  order: OrderDetails,
  { weigh, check }: { weigh: WeighParcel; check: PackingCheck | undefined },
  warnings: string[],
  jobId: string,
  progress: Progress,
  fail: (problem: Problem, orderId?: string, label?: StoredLabel) => ScanOutcome,
  options: ScanJobOptions,
): Promise<ScanOutcome> {
  const { orderId } = order;
  const settings = deps.settings();
  let label: StoredLabel;
  let note = '';
  const live = await deps.history.listLive(orderId);
  const split = live.filter((l) => parcelSetOf(l.parcelKey) !== SINGLE_PARCEL);
  if (split.length > 0) return splitAlreadyLabelled(split, jobId, progress);
  const existing = live.find((l) => l.parcelKey === SINGLE_PARCEL);
  const settled: Settled = existing ? await settleExisting(deps, existing, jobId, progress, fail) : { next: 'buy' };
  if (settled.next === 'stop') return settled.outcome;
  if (settled.next === 'print') {
    ({ label, note } = settled);
  } else if (needsSplitter(order.lineItems, settings.packing)) {
    const units = unitsOf(order.lineItems);
    const message = `Order ${order.displayName ?? orderId} has ${units} items, more than this station packs in one box (${settings.packing.maxUnitsPerBox}); nothing was bought. A supervisor splits it into boxes.`;
    progress('done', message, orderId);
    return { outcome: 'split_needed', jobId, order, message };
  } else if (settings.packing.checkItems && itemCheckMissing(deps, order, check)) {
    const message = itemCheckMissing(deps, order, check)!;
    progress('done', message, orderId);
    return { outcome: 'check_needed', jobId, order, message };
  } else {
    let provider: LabelProvider;
    let parcel: Parcel | undefined;
    try {
      provider = deps.providers.forSettings(settings);
      parcel = weigh();
    } catch (error) {
      if (error instanceof StationError) return fail(error.toProblem(), orderId);
      throw error;
    }
    const purchase = await buyLabel(
      deps,
      provider,
      labelRequest(settings, order, parcel),
      SINGLE_PARCEL,
      (message) => progress('buying', message, orderId),
      [],
      settings.packing.checkItems ? checkOverrideOf(deps, check) : undefined,
    );
    if (purchase.state === 'refused' || purchase.state === 'uncertain') return fail(purchase.problem, orderId, purchase.label);
    label = purchase.label;
    if (purchase.state === 'adopted')
      note = `${provider.title} already had a label for this order; it was adopted and nothing was bought again.`;
  }
  return await printScanned(deps, label, [note, ...warnings].filter(Boolean).join(' '), jobId, progress, options);
}

/**
 * Why the scan cannot buy yet under the packing check (every unit scanned first), or null: the check
 * holds exactly the order's units, or a supervisor chose to buy without it (logged with the reason).
 */
function itemCheckMissing(deps: ScanJobDeps, order: OrderDetails, check: PackingCheck | undefined): string | null {
  const name = order.displayName ?? order.orderId;
  if (!check) {
    if (order.lineItems.length === 0)
      return `Order ${name}: its items must be checked before the label is bought, but the order source lists none. A supervisor can buy it without the check.`;
    return `Scan each item of order ${name} before its label is bought (${unitsOf(order.lineItems)} to check). Nothing was bought yet.`;
  }
  if ('override' in check) {
    deps.log(`packing check skipped for order ${order.orderId} by ${deps.operator ?? 'unknown'}: ${check.override}`);
    return null;
  }
  const problem = checkProblem(order.lineItems, check.itemIds);
  return problem && `Order ${name}: ${problem} Nothing was bought yet.`;
}

/** A supervisor's "buy without the check", as the label keeps it; undefined when the items were checked. */
function checkOverrideOf(deps: ScanJobDeps, check: PackingCheck | undefined): CheckOverride | undefined {
  if (!check || !('override' in check)) return undefined;
  return { by: deps.operator, byId: deps.operatorId ?? '', reason: check.override, at: deps.now().toISOString() };
}

/** A supervisor split this order into boxes: its labels are in History; a scan buys nothing. */
function splitAlreadyLabelled(labels: StoredLabel[], jobId: string, progress: Progress): ScanOutcome {
  const first = labels[0]!;
  const count = first.boxes[0]?.count ?? labels.length;
  const tracking = labels.flatMap((l) => l.trackingNumbers);
  const message = `Order ${first.orderId} was split into ${count} boxes and has their labels (tracking ${tracking.join(', ') || 'not known yet'}). Nothing was bought. Reprint a box from History if one is missing.`;
  progress('done', message, first.orderId);
  return { outcome: 'already_labelled', jobId, label: toPublic(first), message };
}

async function settleExisting(
  deps: ScanJobDeps,
  existing: StoredLabel,
  jobId: string,
  progress: Progress,
  fail: (problem: Problem, orderId?: string, label?: StoredLabel) => ScanOutcome,
): Promise<Settled> {
  const { orderId } = existing;
  const stop = (outcome: ScanOutcome): Settled => ({ next: 'stop', outcome });
  if (existing.status === 'bought') {
    return { next: 'print', label: existing, note: 'This label was bought earlier but never printed; it is printed now (not a reprint).' };
  }
  if (!isUncertain(existing.status)) {
    const waits = existing.status === 'queued' ? ' It is waiting for the printer and prints by itself once the printer is ready.' : '';
    const where = existing.station ? ` at ${existing.station}` : '';
    const message = `Order ${orderId} already has a label (tracking ${existing.trackingNumbers.join(', ') || 'unknown'}), bought${where}. Nothing was bought.${waits}`;
    progress('done', message, orderId);
    return stop({ outcome: 'already_labelled', jobId, label: toPublic(existing), message });
  }
  const windowOpen = checkingWindowOpen(existing, deps.now());
  if (existing.status === 'buying' && windowOpen) {
    const where = existing.station ? ` at ${existing.station}` : ' on another station';
    return stop(
      fail(
        {
          code: 'order_busy',
          message: `A label for order ${orderId} is being bought${where} right now.`,
          nextStep: 'Wait for it to finish; do not scan it again.',
        },
        orderId,
        existing,
      ),
    );
  }

  const title = PROVIDER_TITLES[existing.provider];
  progress('buying', `An earlier purchase of this order got no clear answer: asking ${title} whether the label exists…`, orderId);
  const adopted = (label: StoredLabel): Settled => ({
    next: 'print',
    label,
    note: `The label of the earlier purchase was found at ${title}; nothing was bought again.`,
  });
  let answer = await askProvider(deps, existing);
  if (answer.state === 'found') return adopted(answer.label);
  if (windowOpen) {
    // This station now holds the parcel: the label prints here when it turns up.
    deps.printWhenFound.add(existing.id);
    return stop(fail(labelChecking(orderId, title, existing.checkUntil!), orderId, existing));
  }
  if (answer.state === 'none') {
    // After the window: "none" counts only when the provider says it twice.
    await delay(Math.min(deps.checks.everyMs ?? DEFAULT_CHECK_EVERY_MS, 1000));
    answer = await askProvider(deps, existing);
    if (answer.state === 'found') return adopted(answer.label);
  }
  if (answer.state === 'none') {
    await deps.history.settlePurchase(
      existing.id,
      'failed',
      `${title} confirmed twice after the checking window that it made no label: nothing was bought.`,
    );
    deps.printWhenFound.delete(existing.id);
    deps.log(`label ${existing.id} for order ${orderId}: ${title} confirms no label exists after the checking window`);
    return { next: 'buy' };
  }
  const reason = answer.reason;
  const label = await deps.history.settlePurchase(
    existing.id,
    'unknown',
    `${title} could not confirm whether the label exists (${reason}).`,
  );
  return stop(fail(labelMayExist(orderId, reason), orderId, label));
}

async function printScanned(
  deps: ScanJobDeps,
  bought: StoredLabel,
  warning: string,
  jobId: string,
  progress: Progress,
  options: ScanJobOptions,
): Promise<ScanOutcome> {
  const { orderId } = bought;
  progress('printing', `Printing tracking ${bought.trackingNumbers[0] ?? ''}…`, orderId);
  const downloading = (seconds: number): void =>
    deps.events.emit('jobProgress', {
      jobId,
      step: 'printing',
      orderId,
      message: `Downloading the label file (the scan waits up to ${seconds} s)…`,
      downloadDeadlineSeconds: seconds,
    });
  const printed = await printFirstTime({ ...deps, downloading }, bought, {
    ...(options.beforePrint && { wait: options.beforePrint }),
    ...(options.printQueued && { queued: options.printQueued }),
    // The file came after the scan had answered "file pending": said like a label that turned up late.
    arrived: (late, result) =>
      deps.events.emit('jobProgress', {
        jobId: `late-${late.id}`,
        step: 'done',
        orderId: late.orderId,
        message:
          result.state === 'print_failed'
            ? `The file for order ${late.orderId} arrived but the label did not print: ${result.problem.message}`
            : `The file for order ${late.orderId} arrived and the label was ${result.state === 'printed' ? 'printed' : 'sent to the print queue'}: put it on the parcel you set aside.`,
      }),
  });
  const label = toPublic(printed.label);
  if (printed.state === 'queued') {
    const message = `Label bought and saved. ${printed.problem.message} It prints by itself once the printer is ready.`;
    progress('done', message, orderId);
    return { outcome: 'queued', jobId, label, printJobId: printed.printJobId, message };
  }
  if (printed.state === 'print_failed') {
    const { problem } = printed;
    progress(
      problem.code === 'label_file_pending' ? 'done' : 'failed',
      problem.code === 'label_download_failed' || problem.code === 'label_file_pending' || problem.code === 'label_file_unusable'
        ? problem.message
        : `Label bought and saved, but not printed: ${problem.message}`,
      orderId,
    );
    return { outcome: 'print_failed', jobId, label, problem };
  }
  progress('done', `Printed order ${orderId}`, orderId);
  return { outcome: 'printed', jobId, label, ...(warning && { warning }) };
}

function labelRequest(settings: Settings, order: OrderDetails, parcel: Parcel | undefined): Omit<LabelRequest, 'reference'> {
  const { dimension, weight } = parcel ?? settings.defaultParcel;
  return {
    orderId: order.orderId,
    parcels: [{ dimension, weight, itemIds: [] }],
    fileType: labelFileType(settings),
    order,
  };
}

function labelMayExist(orderId: string, reason: string): Problem {
  return {
    code: 'label_may_exist',
    message: `Order ${orderId} has a purchase that never got a clear answer, and the provider could not confirm whether a label exists (${reason}).`,
    nextStep: 'Do not buy again. A supervisor must check the order in the provider’s dashboard, then settle it in History.',
  };
}
