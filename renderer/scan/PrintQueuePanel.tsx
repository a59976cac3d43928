import { useState } from 'react';
import type { PrintJobView, PrintQueueView, PrinterQueueView } from '../../shared/domain/print-queue';
import { jobStateWords, jobsOf, printerHeadline, waitingLine, waitReason } from './print-queue-words';
import { PrintJobActions } from '../ui/PrintJobActions';

/** More rows than this push the scan result off the screen: the rest are one click away. */
const ROWS_SHOWN = 3;

/**
 * The Scan screen's print queue: for each printer that is held, retrying or has labels waiting, why
 * and how many, and the waiting labels with Cancel / "It printed". Nothing in it takes the focus on
 * its own: the scan field keeps it (buttons hand it back, dialogs return it).
 */
export function PrintQueuePanel({ view, printers }: { view: PrintQueueView | undefined; printers: PrinterQueueView[] }) {
  if (printers.length === 0) return null;
  return (
    <div className="print-queue" data-testid="print-queue">
      {printers.map((printer, i) => (
        <PrinterQueue key={printer.printerId ?? printer.address} printer={printer} jobs={jobsOf(view, printer)} withKeys={i === 0} />
      ))}
    </div>
  );
}

/** The first waiting label's actions by key (the first printer's): F10 Cancel, F4 It printed. */
const JOB_KEYS = { cancel: 'F10', printed: 'F4' };

function PrinterQueue({ printer, jobs, withKeys }: { printer: PrinterQueueView; jobs: PrintJobView[]; withKeys: boolean }) {
  const [showAll, setShowAll] = useState(false);
  const reason = waitReason(printer, jobs);
  const shown = showAll ? jobs : jobs.slice(0, ROWS_SHOWN);
  const hidden = jobs.length - shown.length;
  const fault = printer.state !== 'ok';
  return (
    <section
      className={`queue-printer ${fault ? 'queue-printer-fault' : 'queue-printer-busy'}`}
      data-testid="print-queue-printer"
      data-state={printer.state}
      role={fault ? 'alert' : 'status'}
    >
      <div className="queue-head">
        <div className="queue-head-text">
          <h2 className="queue-title">{printerHeadline(printer)}</h2>
          <p className="queue-reason" data-testid="queue-reason">
            {reason}
          </p>
        </div>
        <div className="queue-count" data-testid="queue-waiting" aria-label={`${printer.waiting} waiting`}>
          <span className="queue-count-number">{printer.waiting}</span>
          <span className="queue-count-word">waiting</span>
        </div>
      </div>
      <p className="queue-next" data-testid="queue-next">
        {waitingLine(printer.waiting)}
      </p>
      {shown.length > 0 && (
        <ol className="queue-jobs">
          {shown.map((job, i) => (
            <li key={job.id} className={`queue-job queue-job-${job.state}`} data-testid="queue-job" data-job-id={job.id}>
              <div className="queue-job-facts">
                <span className="queue-job-order mono" data-testid="queue-job-order">
                  {job.orderId ?? 'Unknown order'}
                </span>
                <span className="queue-job-tracking mono">{job.trackingNumber ?? 'no tracking'}</span>
                <span className="queue-job-state" data-testid="queue-job-state">
                  {jobStateWords(job)}
                  {job.reprint ? ' · reprint' : ''}
                  {job.attempts > 0 ? ` · ${job.attempts} ${job.attempts === 1 ? 'try' : 'tries'}` : ''}
                </span>
                {job.lastError && job.lastError !== reason && <span className="queue-job-error">{job.lastError}</span>}
              </div>
              <PrintJobActions job={job} {...(withKeys && i === 0 && { hotkeys: JOB_KEYS })} />
            </li>
          ))}
        </ol>
      )}
      {(hidden > 0 || showAll) && jobs.length > ROWS_SHOWN && (
        <button className="button button-small button-secondary queue-more" type="button" onClick={() => setShowAll(!showAll)}>
          {showAll ? 'Show fewer' : `Show all ${jobs.length} waiting labels`}
        </button>
      )}
    </section>
  );
}
