/**
 * One scan, start to finish: resolve -> (already labelled? offer reprint) -> buy once -> save -> print.
 * The history row is written before the provider is asked; an unanswered purchase is never retried
 * blindly: the order is blocked until someone checks, so a label is never bought twice.
 */
import { randomUUID } from 'node:crypto';
import type { ScanOutcome } from '../../shared/contract';
import type { JobStep, Problem } from '../../shared/schemas';
import { resolveScan } from '../../shared/scan';
import { StationError } from '../../shared/rpc';
import { toPublic, type HistoryStore, type StoredLabel } from './history/history-store';
import type { JobEvents } from './job-events';
import { ensureLabelFile, printStoredLabel, type LabelPrintingDeps } from './label-printing';
import { ProviderError } from './providers/provider';

export interface ScanJobDeps extends LabelPrintingDeps {
  history: HistoryStore;
  events: JobEvents;
  stationId: string;
  /** Orders whose purchase is running in this process right now. */
  inFlight: Set<string>;
}

/** Single-parcel purchases use this parcel key; split shipments will key by their box set. */
export const SINGLE_PARCEL = '1of1';

export async function runScanJob(deps: ScanJobDeps, scan: string): Promise<ScanOutcome> {
  const jobId = randomUUID();
  const progress = (step: JobStep, message: string, orderId?: string) =>
    deps.events.emit('jobProgress', { jobId, step, message, ...(orderId && { orderId }) });
  const fail = (problem: Problem, orderId?: string, label?: StoredLabel): ScanOutcome => {
    progress('failed', problem.message, orderId);
    return { outcome: 'failed', jobId, problem, ...(label && { label: toPublic(label) }) };
  };

  progress('resolving', 'Reading the scan…');
  const resolved = resolveScan(scan);
  if (resolved.kind === 'rejected') return fail({ code: resolved.code, message: resolved.message, nextStep: resolved.nextStep });
  const { orderId } = resolved;

  if (deps.inFlight.has(orderId)) {
    return fail({ code: 'order_busy', message: `A label for order ${orderId} is being bought right now.`, nextStep: 'Wait for it to finish; do not scan it again.' }, orderId);
  }
  const existing = deps.history.findLive(orderId, SINGLE_PARCEL);
  if (existing) return alreadyLabelled(jobId, existing, fail, progress);

  const settings = deps.settings();
  let provider;
  try {
    provider = deps.providers.forSettings(settings);
  } catch (error) {
    if (error instanceof StationError) return fail(error.toProblem(), orderId);
    throw error;
  }

  deps.inFlight.add(orderId);
  try {
    const row = insertBuyingRow(deps, orderId, provider.name, provider.sandbox, settings.operator, settings.printer.address);
    if (!row) return alreadyLabelled(jobId, deps.history.findLive(orderId, SINGLE_PARCEL)!, fail, progress);

    progress('buying', `Buying the label from ${provider.title}…`, orderId);
    let purchased;
    try {
      purchased = await provider.createLabel({ orderId, parcels: [settings.defaultParcel], reference: row.reference });
    } catch (error) {
      return fail(recordPurchaseFailure(deps, row, provider.title, error), orderId, deps.history.get(row.id));
    }
    let label = deps.history.markBought(row.id, purchased);
    deps.log(`label ${label.id} bought for order ${orderId} (${provider.name}, ${purchased.trackingNumbers.join(' ')})`);

    progress('printing', `Printing tracking ${purchased.trackingNumbers[0] ?? ''}…`, orderId);
    try {
      label = (await ensureLabelFile(deps, label)).label;
    } catch (error) {
      const problem = downloadProblem(error);
      label = deps.history.setStatus(label.id, 'print_failed', problem.message);
      progress('failed', problem.message, orderId);
      return { outcome: 'print_failed', jobId, label: toPublic(label), problem };
    }
    const printed = await printStoredLabel(deps, label, { reprint: false });
    if (!printed.outcome.ok) {
      const problem = printed.outcome.problem!;
      progress('failed', `Label bought and saved, but not printed: ${problem.message}`, orderId);
      return { outcome: 'print_failed', jobId, label: toPublic(printed.label), problem };
    }
    progress('done', `Printed order ${orderId}`, orderId);
    return { outcome: 'printed', jobId, label: toPublic(printed.label), ...(resolved.warning && { warning: resolved.warning }) };
  } finally {
    deps.inFlight.delete(orderId);
  }
}

function alreadyLabelled(
  jobId: string,
  existing: StoredLabel,
  fail: (problem: Problem, orderId?: string, label?: StoredLabel) => ScanOutcome,
  progress: (step: JobStep, message: string, orderId?: string) => void,
): ScanOutcome {
  if (existing.status === 'buying' || existing.status === 'unknown') {
    return fail(
      {
        code: 'label_may_exist',
        message: `Order ${existing.orderId} has a purchase that never got an answer: a label may already exist.`,
        nextStep: 'Do not buy again. A supervisor must check the order in the provider’s dashboard first.',
      },
      existing.orderId,
      existing,
    );
  }
  const message = `Order ${existing.orderId} already has a label (tracking ${existing.trackingNumbers.join(', ') || 'unknown'}). Nothing was bought.`;
  progress('done', message, existing.orderId);
  return { outcome: 'already_labelled', jobId, label: toPublic(existing), message };
}

function insertBuyingRow(
  deps: ScanJobDeps,
  orderId: string,
  provider: StoredLabel['provider'],
  sandbox: boolean,
  operator: string,
  printer: string,
): StoredLabel | undefined {
  try {
    return deps.history.insertBuying({
      id: randomUUID(),
      orderId,
      parcelKey: SINGLE_PARCEL,
      reference: `ls-${deps.stationId}-${orderId}-${SINGLE_PARCEL}`,
      provider,
      sandbox,
      operator,
      printer,
    });
  } catch (error) {
    // Another station process sharing this history got there first: the database refused a second live label.
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return undefined;
    throw error;
  }
}

function recordPurchaseFailure(deps: ScanJobDeps, row: StoredLabel, providerTitle: string, error: unknown): Problem {
  if (error instanceof ProviderError && !error.ambiguous) {
    deps.history.setStatus(row.id, 'failed', error.message);
    return error.toProblem();
  }
  // No clear answer: the provider may have sold the label. Block the order instead of guessing.
  const detail = error instanceof StationError ? error.message : 'the request ended without an answer';
  const message = `No clear answer from ${providerTitle} (${detail}). The label may have been bought.`;
  deps.history.setStatus(row.id, 'unknown', message);
  deps.log(`label ${row.id} for order ${row.orderId}: purchase outcome unknown`);
  return {
    code: 'purchase_unknown',
    message,
    nextStep: 'Do not scan this order again. A supervisor must check it in the provider’s dashboard.',
  };
}

function downloadProblem(error: unknown): Problem {
  const reason = error instanceof StationError ? error.message : 'the download failed';
  return {
    code: 'label_download_failed',
    message: `The label was bought but its file could not be downloaded (${reason}).`,
    nextStep: 'Press Reprint to try the download again. Do not scan the order again.',
  };
}
