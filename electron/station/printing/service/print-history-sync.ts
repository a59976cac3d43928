/**
 * Keeps History in step with the print queue: a failed send is a failed print attempt, a finished
 * job a printed label, a cancelled one a label to reprint. Runs for jobs finishing after a restart too.
 */
import type { PrintRecords } from './print-records';
import type { PrintJob } from '../queue';

/** `station`: the name of the station whose queue this is (kept on every print attempt). */
export async function recordQueueEvent(history: PrintRecords, job: PrintJob, station: string): Promise<void> {
  if (!job.labelId) return;
  const label = await history.get(job.labelId);
  if (!label) return;
  const attempt = { labelId: label.id, printer: job.printer, reprint: job.reprint, operator: job.operator, reason: job.reason, station };
  const printedBefore = label.status === 'printed';
  switch (job.state) {
    case 'queued':
      // A reason on a queued job: the printer reported a fault before it was sent (it waits, unsent).
      if (!printedBefore) await history.setStatus(label.id, 'queued', job.lastError);
      return;
    case 'retrying':
      await history.recordPrintAttempt({ ...attempt, ok: false, bytes: job.bytesSent, error: job.lastError });
      if (label.status === 'queued') await history.setStatus(label.id, 'queued', job.lastError);
      return;
    case 'held':
      if (label.status === 'queued') await history.setStatus(label.id, 'queued', job.lastError);
      return;
    case 'done':
      await history.recordPrintAttempt({ ...attempt, ok: true, bytes: job.bytesSent, error: null });
      await history.setStatus(label.id, 'printed');
      return;
    case 'cancelled':
      if (!printedBefore)
        await history.setStatus(
          label.id,
          'print_failed',
          `The print was cancelled before the label came out${job.cancelledBy ? ` (cancelled by ${job.cancelledBy})` : ''}: reprint it when it is needed.`,
        );
      return;
    case 'sending':
      return;
  }
}
