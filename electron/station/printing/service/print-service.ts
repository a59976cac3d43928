/**
 * Every label print goes through here: rendered for the chosen printer, committed to the durable
 * queue before a byte is sent, and recorded in History as the queue reports. The caller gets
 * "printed" or "waiting for the printer, and why": never a label silently dropped.
 */
import type { PrintOutcome } from '../../../../shared/contract';
import type { PrintJobView, PrintQueueView } from '../../../../shared/domain/print-queue';
import type { PrinterProfile } from '../../../../shared/domain/printers';
import type { Settings } from '../../../../shared/domain/settings';
import type { Log } from '../../../../shared/domain/log';
import { StationError, type Problem } from '../../../../shared/errors';
import type Database from 'better-sqlite3';
import type { PrintableLabel, PrintRecords } from './print-records';
import { recordQueueEvent } from './print-history-sync';
import { queueStatusCheck } from './print-queue-status';
import { printJobView, printQueueView } from './print-queue-view';
import { awaitPrintSettled } from './print-settle';
import { renderForPrinter } from '../render/render';
import { sendToPrinter } from '../transports/send';
import { PrintQueue, type PrintJob, type PrintQueueOptions, type PrintRecorder } from '../queue';

export interface PrintTiming {
  /** How long a print waits for "printed" before it is reported as waiting in the queue (default 20 s). */
  settleWaitMs?: number;
  retryDelaysMs?: number[];
  statusPollMs?: number;
  statusTimeoutMs?: number;
}

export interface PrintServiceDeps<L extends PrintableLabel> {
  db: Database.Database;
  history: PrintRecords<L>;
  settings: () => Settings;
  log: Log;
  timing?: PrintTiming;
  /** Told each finished label and printer state change (the Health panel's figures). */
  recorder?: PrintRecorder;
  /** This station's name, kept on every print attempt (a fleet's summary counts per station). */
  station?: string;
}

export class PrintService<L extends PrintableLabel = PrintableLabel> {
  private readonly queue: PrintQueue;
  private readonly settleWaitMs: number;
  private readonly listeners = new Set<(view: PrintQueueView) => void>();
  private viewPending = false;
  /** History updates from queue events, in the order the queue reported them. */
  private records: Promise<void> = Promise.resolve();

  constructor(private readonly deps: PrintServiceDeps<L>) {
    const { timing = {} } = deps;
    this.settleWaitMs = timing.settleWaitMs ?? 20_000;
    const options: PrintQueueOptions = {
      db: deps.db,
      send: (address, payload) => sendToPrinter(address, payload),
      status: (address) => queueStatusCheck(deps.settings(), address),
      log: deps.log,
      ...(deps.recorder && { recorder: deps.recorder }),
      ...(timing.retryDelaysMs && { retryDelaysMs: timing.retryDelaysMs }),
      ...(timing.statusPollMs && { statusPollMs: timing.statusPollMs }),
      ...(timing.statusTimeoutMs && { statusTimeoutMs: timing.statusTimeoutMs }),
    };
    this.queue = new PrintQueue(options);
    this.queue.on('job', (job) => {
      this.record(job);
      this.changed();
      // The view again once History has followed the job: a screen that reads History on a view read
      // the label's status from before (a reprint showed "Waiting for printer" after it printed).
      void this.records.then(() => this.changed());
    });
    this.queue.on('printer', () => this.changed());
  }

  /**
   * Starts sending: jobs left by the last run (even one cut off mid-send) go out first, and jobs
   * that finished while the history could not hear it are told to it now.
   */
  start(): void {
    for (const job of this.queue.unrecorded()) this.record(job);
    this.queue.start();
  }

  /** History updates from queue events, one after another in the order the queue reported them. */
  private record(job: PrintJob): void {
    const final = job.state === 'done' || job.state === 'cancelled';
    this.deps.log(`print job ${job.id}: ${job.state}`, {
      event: 'print',
      job: job.id,
      labelId: job.labelId,
      printer: job.printer,
      state: job.state,
      attempts: job.attempts,
      reprint: job.reprint,
      error: job.lastError,
    });
    this.records = this.records
      .then(async () => {
        await recordQueueEvent(this.deps.history, job, this.deps.station ?? '');
        if (final) this.queue.markRecorded(job.id);
      })
      .catch((error: unknown) => this.deps.log(`print job ${job.id}: history not updated (${(error as Error).message})`));
  }

  async stop(): Promise<void> {
    await this.queue.stop();
    await this.records;
  }

  /** Renders the label for `printer`, queues it and waits until it printed or clearly waits. */
  async print(
    label: L,
    bytes: Uint8Array,
    printer: PrinterProfile,
    reprint: boolean,
    pages?: number[],
    operator = '',
    /** Called as soon as the job is in the durable queue (before it has printed). */
    onQueued?: () => void,
    /** Why a reprint is made: kept on every print attempt it records. */
    reason: string | null = null,
  ): Promise<{ outcome: PrintOutcome; label: L }> {
    const { history } = this.deps;
    let payload: Buffer;
    try {
      const media = printer.media;
      payload = (await renderForPrinter(bytes, { dpi: printer.dpi, language: printer.language, media, ...(pages && { pages }) })).payload;
    } catch (error) {
      // The label is bought and saved whatever went wrong here: say so, never lose the outcome.
      if (!(error instanceof StationError))
        this.deps.log(`label ${label.id}: could not be prepared for the printer (${(error as Error).name})`);
      const problem: Problem =
        error instanceof StationError
          ? error.toProblem()
          : {
              code: 'print_error',
              message: 'The label could not be prepared for the printer.',
              nextStep: 'Check the printer settings and press Reprint.',
            };
      await history.recordPrintAttempt({
        labelId: label.id,
        printer: printer.address,
        ok: false,
        reprint,
        bytes: 0,
        error: problem.message,
        operator,
        reason,
        station: this.deps.station ?? '',
      });
      const updated = label.status === 'printed' ? label : await history.setStatus(label.id, 'print_failed', problem.message);
      return { outcome: { ok: false, printer: printer.address, bytes: 0, problem }, label: updated };
    }
    const job = this.queue.enqueue({
      labelId: label.id,
      printer: printer.address,
      payload,
      reprint,
      operator,
      reason: reprint ? reason : null,
    });
    onQueued?.();
    const settled = await awaitPrintSettled(this.queue, job, this.settleWaitMs);
    await this.records;
    const latest = (await history.get(label.id)) ?? label;
    if (settled.state === 'done') {
      return { outcome: { ok: true, printer: printer.address, bytes: settled.job.bytesSent }, label: latest };
    }
    if (settled.state === 'cancelled') {
      const problem: Problem = {
        code: 'print_cancelled',
        message: 'The print was cancelled before the label came out.',
        nextStep: 'Reprint it from History when it is needed.',
      };
      return { outcome: { ok: false, printer: printer.address, bytes: 0, problem }, label: latest };
    }
    const problem: Problem = {
      code: 'print_queued',
      message: `The label waits for printer "${printer.name}": ${settled.reason}`,
      nextStep: 'It prints by itself once the printer is ready. Do not reprint it.',
    };
    return { outcome: { ok: false, printer: printer.address, bytes: 0, queued: { printJobId: job.id }, problem }, label: latest };
  }

  /** Settings changed printer addresses: waiting labels follow their printer to its new address. */
  followMovedPrinters(before: Settings['printers'], after: Settings['printers']): void {
    for (const old of before.list) {
      const now = after.list.find((p) => p.id === old.id);
      if (!now || now.address === old.address) continue;
      if (now.language !== old.language || now.dpi !== old.dpi || now.media !== old.media) continue; // rendered for the old printer: stays visible to cancel
      this.queue.redirect(old.address, now.address);
    }
  }

  view(): Promise<PrintQueueView> {
    return printQueueView(this.queue, this.deps.history, this.deps.settings().printers);
  }

  /** `by`: who cancelled or confirmed it (named in the history). */
  async resolve(printJobId: number, action: 'cancel' | 'printed', by: string | null = null): Promise<PrintJobView> {
    const job = action === 'cancel' ? this.queue.cancel(printJobId, by) : this.queue.confirmPrinted(printJobId);
    await this.records;
    const label = job.labelId ? await this.deps.history.get(job.labelId) : undefined;
    return printJobView(job, label, this.deps.settings().printers);
  }

  /** The whole queue view after every change, at most once per tick. */
  onChange(listener: (view: PrintQueueView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    if (this.viewPending || this.listeners.size === 0) return;
    this.viewPending = true;
    setImmediate(() => {
      this.viewPending = false;
      if (!this.deps.db.open) return;
      void this.view().then(
        (view) => {
          for (const listener of this.listeners) listener(view);
        },
        (error: unknown) => this.deps.log(`print queue view failed: ${(error as Error).message}`),
      );
    });
  }
}
