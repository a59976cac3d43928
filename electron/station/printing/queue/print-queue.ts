/**
 * The durable print queue: payload bytes in, one worker per printer address sending them in order.
 *
 * - enqueue() commits the job (payload included) before anything is sent, so a crash after the
 *   label was bought never loses it.
 * - A job leaves the queue only as 'done' (every byte written and, when a status function is
 *   given, the printer reports ready afterwards) or 'cancelled' (by cancel()). Never dropped.
 * - Crash recovery: a job found 'sending' when the queue is constructed was maybe, maybe not
 *   printed. It goes back to 'queued' and is sent again: a duplicate label can be thrown away, a
 *   lost one means a parcel that does not ship. One queue object owns a database at a time.
 *
 * Generic on purpose: the send and status functions are injected (the station wires them to
 * sendToPrinter and the printer-status code).
 */
import type Database from 'better-sqlite3';
import { describeZodError } from '../../../../shared/errors';
import type { PrintJob, PrintJobState } from './print-job';
import { PrintJobStore } from './print-job-store';
import { PrintQueueError } from './print-queue-error';
import { PrinterWorker, type WorkerContext } from './printer-worker';
import {
  EnqueueInputSchema,
  QueueTimingSchema,
  type EnqueueInput,
  type PrinterQueueState,
  type PrinterQueueStatus,
  type SendFn,
  type StatusFn,
} from './queue-types';
import { DEFAULT_RETRY_DELAYS_MS } from './retry-schedule';
import type { PrintRecorder } from './print-recorder';

export interface PrintQueueOptions {
  db: Database.Database;
  send: SendFn;
  status?: StatusFn;
  now?: () => Date;
  /** Waits after 1, 2, 3… consecutive transport failures; the last repeats. Default 1 s, 2 s, 5 s, 10 s, 30 s. */
  retryDelaysMs?: number[];
  /** How often a held printer is asked whether it is ready again. Default 2 s. */
  statusPollMs?: number;
  /** A status check without an answer in this time counts as a fault. Default 10 s. */
  statusTimeoutMs?: number;
  log?: (line: string) => void;
  /** Told each finished label and each printer state change (the Health panel's figures). */
  recorder?: PrintRecorder;
}

export interface PrintQueueEvents {
  job: (job: PrintJob) => void;
  printer: (status: PrinterQueueStatus) => void;
}

type Waiter = { resolve: (job: PrintJob) => void; reject: (error: PrintQueueError) => void };

const cancelledError = (job: PrintJob): PrintQueueError =>
  new PrintQueueError(
    'job_cancelled',
    `Print job ${job.id} was cancelled; the label was not printed by the queue.`,
    'Reprint the label from History if it is still needed.',
  );

export class PrintQueue {
  private readonly store: PrintJobStore;
  private readonly ctx: WorkerContext;
  private readonly workers = new Map<string, PrinterWorker>();
  private readonly printerStates = new Map<string, PrinterQueueStatus>();
  private readonly waiters = new Map<number, Waiter[]>();
  private readonly redirects = new Map<string, string>();
  private readonly listeners: { [K in keyof PrintQueueEvents]: Set<PrintQueueEvents[K]> } = { job: new Set(), printer: new Set() };
  private readonly now: () => Date;
  private readonly log: (line: string) => void;
  private running = false;
  private readonly recorder: PrintRecorder | undefined;

  constructor(options: PrintQueueOptions) {
    const timing = QueueTimingSchema.safeParse({
      retryDelaysMs: options.retryDelaysMs,
      statusPollMs: options.statusPollMs,
      statusTimeoutMs: options.statusTimeoutMs,
    });
    if (!timing.success) throw new RangeError(`print queue options: ${describeZodError(timing.error)}`);
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? (() => undefined);
    this.recorder = options.recorder;
    this.store = new PrintJobStore(options.db);
    this.ctx = {
      store: this.store,
      send: options.send,
      status: options.status,
      stamp: () => this.now().toISOString(),
      retryDelaysMs: timing.data.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
      statusPollMs: timing.data.statusPollMs ?? 2_000,
      statusTimeoutMs: timing.data.statusTimeoutMs ?? 10_000,
      jobChanged: (job) => this.jobChanged(job),
      printerChanged: (printer, state, message) => this.printerChanged(printer, state, message),
      log: this.log,
    };
    for (const job of this.store.requeueInterrupted(this.ctx.stamp())) {
      this.log(`print job ${job.id} on ${job.printer} was being sent when the station stopped; it will be sent again`);
    }
  }

  /** Stores the job (committed) and, when the queue is running, wakes that printer's worker. */
  enqueue(input: EnqueueInput): PrintJob {
    const parsed = EnqueueInputSchema.safeParse(input);
    if (!parsed.success) {
      throw new PrintQueueError(
        'invalid_print_job',
        `The label could not be queued: ${describeZodError(parsed.error)}.`,
        'Check the printer address in Settings and print the label again from History.',
      );
    }
    const job = this.store.insert(parsed.data, this.ctx.stamp());
    this.emit('job', job);
    if (this.running) this.workerFor(job.printer).wake();
    return job;
  }

  /** Starts a worker for every printer with unfinished jobs (and for new printers as jobs arrive). */
  start(): void {
    if (this.running) return;
    this.running = true;
    for (const printer of this.store.pendingPrinters()) this.workerFor(printer);
  }

  /** Lets every send in progress finish and be recorded, then stops. Unfinished jobs stay queued. */
  async stop(): Promise<void> {
    this.running = false;
    const workers = [...this.workers.values()];
    this.workers.clear();
    await Promise.all(workers.map((w) => w.stop()));
    const stopped = new PrintQueueError(
      'queue_stopped',
      'The print queue stopped before this label printed; it stays queued.',
      'It prints when the station starts again.',
    );
    for (const list of this.waiters.values()) for (const w of list) w.reject(stopped);
    this.waiters.clear();
  }

  /** Cancels a job that is waiting, retrying or held. A job being sent right now cannot be stopped. */
  cancel(jobId: number, by: string | null = null): PrintJob {
    const job = this.requireJob(jobId);
    if (job.state === 'cancelled') return job;
    if (job.state === 'done') {
      throw new PrintQueueError(
        'job_already_done',
        `Print job ${jobId} already printed.`,
        'Nothing to cancel: if the label is not needed, throw it away.',
      );
    }
    if (!this.store.cancel(jobId, this.ctx.stamp(), by)) {
      throw new PrintQueueError(
        'job_sending',
        `Print job ${jobId} is being sent to the printer right now and cannot be stopped.`,
        'Let it print, then throw the label away if it is not needed.',
      );
    }
    const cancelled = this.store.require(jobId);
    this.log(`print job ${jobId} on ${cancelled.printer} cancelled`);
    this.jobChanged(cancelled);
    this.workers.get(cancelled.printer)?.wake();
    return cancelled;
  }

  /**
   * The packer saw a held label come out (e.g. a printer that never answers status checks): the job
   * is done. Only a held job: one still to be sent or being sent has not reached the printer.
   */
  confirmPrinted(jobId: number): PrintJob {
    const job = this.requireJob(jobId);
    if (job.state === 'done') return job;
    if (job.state !== 'held') {
      throw new PrintQueueError(
        'job_not_held',
        `Print job ${jobId} has not reached the printer yet, so it cannot have printed.`,
        'Wait for it to be sent, or cancel it and reprint from History.',
      );
    }
    // Held a moment ago in this same synchronous turn, so the update cannot miss.
    const done = this.store.markDone(jobId, job.bytesSent, this.ctx.stamp())!;
    this.log(`print job ${jobId} on ${done.printer} confirmed printed by the packer`);
    this.jobChanged(done);
    this.workers.get(done.printer)?.wake();
    return done;
  }

  /**
   * The printer moved (its address was corrected in Settings): its waiting jobs follow it, in order.
   * A job held by the old address stays (that printer already has the bytes). While a job is being
   * sent to the old address, nothing moves yet (it would overtake that job): everything follows as
   * soon as that send ends. Returns how many jobs moved now.
   */
  redirect(from: string, to: string): number {
    if (from === to) return 0;
    this.redirects.set(from, to);
    this.redirects.delete(to);
    if (this.store.list({ printer: from, states: ['sending'] }).length > 0) return 0;
    this.redirects.delete(from);
    const moved = this.store.redirect(from, to, this.ctx.stamp());
    if (moved.length === 0) return 0;
    this.log(`${moved.length} print job(s) moved from ${from} to ${to}`);
    for (const job of moved) this.emit('job', job);
    if (this.running) {
      this.workers.get(from)?.wake();
      this.workerFor(to).wake();
    }
    return moved.length;
  }

  /** The history heard how this finished job ended: it is not told again at the next start. */
  markRecorded(jobId: number): void {
    this.store.markRecorded(jobId, this.ctx.stamp());
  }

  /** Finished jobs whose end the history never heard (the station stopped in between), oldest first. */
  unrecorded(): PrintJob[] {
    return this.store.unrecorded();
  }

  job(jobId: number): PrintJob | null {
    return this.store.get(jobId);
  }

  jobs(filter: { printer?: string; states?: PrintJobState[] } = {}): PrintJob[] {
    return this.store.list(filter);
  }

  /** The last state reported for each printer this queue has worked with. */
  printers(): PrinterQueueStatus[] {
    return [...this.printerStates.values()];
  }

  /** Resolves with the job once it is done; rejects if it is cancelled or the queue stops first. */
  waitFor(jobId: number): Promise<PrintJob> {
    let job: PrintJob;
    try {
      job = this.requireJob(jobId);
    } catch (error) {
      return Promise.reject(error);
    }
    if (job.state === 'done') return Promise.resolve(job);
    if (job.state === 'cancelled') return Promise.reject(cancelledError(job));
    return new Promise((resolve, reject) => {
      const list = this.waiters.get(jobId) ?? [];
      list.push({ resolve, reject });
      this.waiters.set(jobId, list);
    });
  }

  /** Subscribes to an event; returns the unsubscribe function. */
  on<K extends keyof PrintQueueEvents>(event: K, listener: PrintQueueEvents[K]): () => void {
    this.listeners[event].add(listener);
    return () => this.off(event, listener);
  }

  off<K extends keyof PrintQueueEvents>(event: K, listener: PrintQueueEvents[K]): void {
    this.listeners[event].delete(listener);
  }

  private requireJob(jobId: number): PrintJob {
    const job = Number.isSafeInteger(jobId) ? this.store.get(jobId) : null;
    if (!job) throw new PrintQueueError('job_not_found', `There is no print job ${String(jobId)}.`, 'Refresh the print queue view.');
    return job;
  }

  private workerFor(printer: string): PrinterWorker {
    let worker = this.workers.get(printer);
    if (!worker) {
      worker = new PrinterWorker(printer, this.ctx);
      this.workers.set(printer, worker);
    }
    return worker;
  }

  private jobChanged(job: PrintJob): void {
    if (job.state === 'done') this.recorder?.jobDone(job.printer);
    this.emit('job', job);
    const movedTo = this.redirects.get(job.printer);
    if (movedTo && job.state !== 'sending') this.redirect(job.printer, movedTo);
    if (job.state !== 'done' && job.state !== 'cancelled') return;
    const list = this.waiters.get(job.id);
    if (!list) return;
    this.waiters.delete(job.id);
    for (const w of list) {
      if (job.state === 'done') w.resolve(job);
      else w.reject(cancelledError(job));
    }
  }

  private printerChanged(printer: string, state: PrinterQueueState, message: string): void {
    const last = this.printerStates.get(printer);
    if (last?.state !== state) this.recorder?.printerState(printer, state);
    if (last && last.state === state && last.message === message) return;
    const status = { printer, state, message };
    this.printerStates.set(printer, status);
    this.emit('printer', status);
  }

  private emit<K extends keyof PrintQueueEvents>(event: K, payload: Parameters<PrintQueueEvents[K]>[0]): void {
    for (const listener of this.listeners[event]) {
      try {
        (listener as (p: typeof payload) => void)(payload);
      } catch (error) {
        this.log(`print queue ${event} listener failed: ${(error as Error).message}`);
      }
    }
  }
}
