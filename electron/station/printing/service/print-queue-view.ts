/** The print queue as the renderer sees it: jobs with their order and tracking, printers by name. */
import { printerAtAddress } from '../../../../shared/domain/printers';
import type { PrintJobView, PrintQueueView, PrinterQueueView } from '../../../../shared/domain/print-queue';
import type { PrinterSetup } from '../../../../shared/domain/printers';
import type { PrintableLabel, PrintRecords } from './print-records';
import { PENDING_STATES, type PrintJob, type PrintQueue } from '../queue';

/** More waiting jobs than a screen can show are counted, not listed. */
const MAX_LISTED_JOBS = 200;

export function printJobView(job: PrintJob, label: PrintableLabel | undefined, printers: PrinterSetup): PrintJobView {
  const printer = printerAtAddress(printers, job.printer);
  return {
    id: job.id,
    labelId: job.labelId,
    orderId: label?.orderId ?? null,
    trackingNumber: label?.trackingNumbers[0] ?? null,
    printerId: printer?.id ?? null,
    printerName: printer?.name ?? job.printer,
    address: job.printer,
    state: job.state,
    attempts: job.attempts,
    lastError: job.lastError,
    reprint: job.reprint,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
  };
}

export async function printQueueView(
  queue: PrintQueue,
  history: Pick<PrintRecords, 'getMany'>,
  printers: PrinterSetup,
): Promise<PrintQueueView> {
  const pending = queue.jobs({ states: [...PENDING_STATES] });
  const waiting = new Map<string, number>();
  for (const job of pending) waiting.set(job.printer, (waiting.get(job.printer) ?? 0) + 1);
  const states = new Map(queue.printers().map((p) => [p.printer, p]));
  const addresses = new Set([...waiting.keys(), ...[...states.values()].filter((s) => s.state !== 'ok').map((s) => s.printer)]);
  const printerViews: PrinterQueueView[] = [...addresses].map((address) => {
    const profile = printerAtAddress(printers, address);
    const status = states.get(address);
    const count = waiting.get(address) ?? 0;
    return {
      printerId: profile?.id ?? null,
      name: profile?.name ?? address,
      address,
      state: status?.state ?? 'ok',
      message: status && status.state !== 'ok' ? status.message : count ? 'Printing…' : 'The printer is ready.',
      waiting: count,
    };
  });
  const listed = pending.slice(0, MAX_LISTED_JOBS);
  const ids = [...new Set(listed.flatMap((job) => (job.labelId ? [job.labelId] : [])))];
  const labels = new Map((ids.length ? await history.getMany(ids) : []).map((label) => [label.id, label]));
  return {
    printers: printerViews,
    jobs: listed.map((job) => printJobView(job, job.labelId ? labels.get(job.labelId) : undefined, printers)),
  };
}
