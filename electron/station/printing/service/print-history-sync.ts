/**
 * Keeps History in step with the print queue: a failed send is a failed print attempt, a finished
 * job a printed label, a cancelled one a label to reprint. Runs for jobs finishing after a restart too.
 */
import type { PrintRecords } from './print-records';
import type { PrintJob } from '../queue';

export function recordQueueEvent(history: PrintRecords, job: PrintJob): void {
  if (!job.labelId) return;
  const label = history.get(job.labelId);
  if (!label) return;
  const attempt = { labelId: label.id, printer: job.printer, reprint: job.reprint };
  const printedBefore = label.status === 'printed';
  switch (job.state) {
    case 'queued':
      if (!printedBefore) history.setStatus(label.id, 'queued');
      return;
    case 'retrying':
      history.recordPrintAttempt({ ...attempt, ok: false, bytes: job.bytesSent, error: job.lastError });
      if (label.status === 'queued') history.setStatus(label.id, 'queued', job.lastError);
      return;
    case 'held':
      if (label.status === 'queued') history.setStatus(label.id, 'queued', job.lastError);
      return;
    case 'done':
      history.recordPrintAttempt({ ...attempt, ok: true, bytes: job.bytesSent, error: null });
      history.setStatus(label.id, 'printed');
      return;
    case 'cancelled':
      if (!printedBefore)
        history.setStatus(label.id, 'print_failed', 'The print was cancelled before the label came out: reprint it when it is needed.');
      return;
    case 'sending':
      return;
  }
}
