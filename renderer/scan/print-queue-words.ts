/** The print queue in a packer's words, and which parts of it the Scan screen shows. Pure. */
import type { PrintJobState, PrintJobView, PrintQueueView, PrinterQueueView } from '../../shared/domain/print-queue';

/** What each job state means at the packing table. */
export const JOB_STATE_WORDS: Record<PrintJobState, string> = {
  queued: 'Waiting its turn',
  sending: 'Sending to the printer now',
  retrying: 'Printer not reached — trying again',
  held: 'In the printer — not printed yet',
  done: 'Printed',
  cancelled: 'Cancelled',
};

/**
 * What a job's state means for this job: a queued job with a reason was not sent because the
 * printer reported a fault first (it waits here, in the station, not in the printer).
 */
export function jobStateWords(job: Pick<PrintJobView, 'state' | 'lastError'>): string {
  if (job.state === 'queued' && job.lastError) return 'Not sent — waiting for the printer to be ready';
  return JOB_STATE_WORDS[job.state];
}

/** Printers the packer must know about: one that is held or retrying, or one with labels waiting. */
export function printersToShow(view: PrintQueueView | undefined): PrinterQueueView[] {
  return (view?.printers ?? []).filter((p) => p.state !== 'ok' || p.waiting > 0);
}

/** Whether a job, a printer status or a queue row is about this queue printer (by ID, or by address when the ID is unknown). */
export function isSamePrinter(
  printer: Pick<PrinterQueueView, 'printerId' | 'address'>,
  other: { printerId: string | null; address: string },
): boolean {
  if (printer.printerId !== null && other.printerId !== null) return printer.printerId === other.printerId;
  return printer.address === other.address;
}

/**
 * Whether a label's job waits for its printer (held, retrying, or behind a printer that is not
 * ready), as opposed to one being printed right now on a printer that is fine.
 */
export function jobWaits(view: PrintQueueView | undefined, job: PrintJobView): boolean {
  if (job.state === 'held' || job.state === 'retrying' || (job.state === 'queued' && job.lastError)) return true;
  const printer = view?.printers.find((p) => isSamePrinter(p, job));
  return printer !== undefined && printer.state !== 'ok';
}

export function jobsOf(view: PrintQueueView | undefined, printer: PrinterQueueView): PrintJobView[] {
  return (view?.jobs ?? []).filter((j) => isSamePrinter(printer, j));
}

/**
 * Why the printer's labels wait, in one sentence: the stuck job's own reason when there is one (the
 * printer's message repeats the count and the retry timing), else the printer's message.
 */
export function waitReason(printer: PrinterQueueView, jobs: PrintJobView[]): string {
  const stuck = jobs.find((j) => (j.state === 'held' || j.state === 'retrying' || j.state === 'queued') && j.lastError);
  return stuck?.lastError ?? printer.message;
}

/** The panel's headline for one printer. */
export function printerHeadline(printer: PrinterQueueView): string {
  if (printer.state === 'held') return `Printer "${printer.name}" is not printing`;
  if (printer.state === 'retrying') return `Printer "${printer.name}" cannot be reached`;
  return `Printer "${printer.name}" is printing waiting labels`;
}

/** "N labels waiting — they print by themselves when the printer is ready", or what happens to the next ones. */
export function waitingLine(waiting: number): string {
  if (waiting === 0) return 'No labels waiting. Labels bought now wait here and print by themselves when the printer is ready.';
  if (waiting === 1) return '1 label waiting — it prints by itself when the printer is ready. Do not scan it again or reprint it.';
  return `${waiting} labels waiting — they print by themselves when the printer is ready. Do not scan them again or reprint them.`;
}

/**
 * Whether every waiting job is in the view's list (the station lists a bounded number): only then
 * does a job missing from it mean the job finished.
 */
export function viewListsEveryJob(view: PrintQueueView): boolean {
  const waiting = view.printers.reduce((n, p) => n + p.waiting, 0);
  return view.jobs.length >= waiting;
}

/** A short fingerprint of the printers' states: it changes when a printer becomes held, retrying or ok. */
export function printerStatesKey(view: PrintQueueView | undefined): string {
  return (view?.printers ?? [])
    .map((p) => `${p.printerId ?? p.address}:${p.state}`)
    .sort()
    .join('|');
}
