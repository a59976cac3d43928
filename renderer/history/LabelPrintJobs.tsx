import { usePrintQueue } from '../api/print-queue-state';
import { isSamePrinter, jobStateWords, jobsOf, jobWaits, waitReason } from '../scan/print-queue-words';
import { PrintJobActions } from '../ui/PrintJobActions';

/**
 * In a label's details: its print jobs still waiting in the queue, on which printer and why, with
 * Cancel (to reprint it elsewhere, say) and "It printed". Nothing when none waits.
 */
export function LabelPrintJobs({ labelId }: { labelId: string }) {
  const queue = usePrintQueue();
  const jobs = (queue.data?.jobs ?? []).filter((j) => j.labelId === labelId && jobWaits(queue.data, j));
  if (jobs.length === 0) return null;
  return (
    <div className="label-jobs" data-testid="label-print-jobs">
      {jobs.map((job) => {
        const printer = queue.data?.printers.find((p) => isSamePrinter(p, job));
        const reason = job.lastError ?? (printer ? waitReason(printer, jobsOf(queue.data, printer)) : 'It waits for the labels before it.');
        return (
          <div key={job.id} className="label-job" data-testid="label-print-job">
            <p className="label-job-title">
              Waiting for printer "{job.printerName}"{job.reprint ? ' (reprint)' : ''}
            </p>
            <p className="label-job-reason">{reason}</p>
            <p className="label-job-state">
              {jobStateWords(job)}
              {job.attempts > 0 ? ` · ${job.attempts} ${job.attempts === 1 ? 'try' : 'tries'}` : ''}. It prints by itself once the printer
              is ready: do not reprint it.
            </p>
            <PrintJobActions job={job} size="normal" />
          </div>
        );
      })}
    </div>
  );
}
