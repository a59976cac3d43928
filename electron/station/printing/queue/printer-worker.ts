/**
 * One printer's worker: takes that printer's oldest unfinished job, sends it, and only then the
 * next (FIFO). A transport failure keeps the job at the head ('retrying') and waits along the retry
 * schedule; a fault reported after the send holds the job ('held') until the printer is ready.
 *
 * Every wait is preceded by a fresh read of the database, so a wake-up that arrives while the
 * worker is busy (new job, cancel) is never lost: the worker re-reads before it sleeps again.
 */
import { formatWait } from '../timeout-wording';
import type { PrintJob } from './print-job';
import type { PrintJobStore } from './print-job-store';
import type { PrinterQueueState, SendFn, StatusFn } from './queue-types';
import { retryDelay } from './retry-schedule';
import { describeSendFailure, ShortWriteError } from './send-failure';
import { checkPrinterStatus, holdReason } from './status-check';
import { WakeSignal } from './wake-signal';

export interface WorkerContext {
  store: PrintJobStore;
  send: SendFn;
  status: StatusFn | undefined;
  stamp: () => string;
  retryDelaysMs: readonly number[];
  statusPollMs: number;
  statusTimeoutMs: number;
  jobChanged: (job: PrintJob) => void;
  printerChanged: (printer: string, state: PrinterQueueState, message: string) => void;
  log: (line: string) => void;
}

const READY = 'The printer is ready.';

/** Answers that say nothing certain about the printer: the label is sent, and the check after it decides. */
const UNKNOWN_STATE = new Set(['no_answer', 'unreachable', 'bad_answer', 'unreadable_status']);

function waitingWords(n: number): string {
  return n === 1 ? '1 label waits in the queue' : `${n} labels wait in the queue`;
}

export class PrinterWorker {
  private stopping = false;
  private failures = 0;
  private readonly signal = new WakeSignal();
  private readonly finished: Promise<void>;

  constructor(
    readonly printer: string,
    private readonly ctx: WorkerContext,
  ) {
    this.finished = this.run();
  }

  /** Something changed for this printer (a job was added or cancelled): look again now. */
  wake(): void {
    this.signal.wake();
  }

  /** Lets a send in progress finish (and be recorded), then ends the worker. */
  stop(): Promise<void> {
    this.stopping = true;
    this.signal.wake();
    return this.finished;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        const job = this.ctx.store.head(this.printer);
        if (!job) {
          this.ctx.printerChanged(this.printer, 'ok', READY);
          await this.signal.sleep(Infinity);
        } else if (job.state === 'held' && job.bytesSent >= job.size) {
          await this.holdUntilReady(job, { checkFirst: true });
        } else if (await this.readyToSend(job)) {
          await this.sendJob(job);
        }
      } catch (error) {
        // Not a printer problem (e.g. the database is busy): say so, pause, try again.
        this.ctx.log(`print queue ${this.printer}: ${(error as Error).message}`);
        if (!this.ctx.store.isOpen()) return; // the station closed the database without stop()
        if (!this.stopping) await this.signal.sleep(this.ctx.retryDelaysMs[0]!);
      }
    }
  }

  /**
   * Asks a printer that answers status before a label is sent (issue 13): one that reports a fault
   * (out of labels, head open, paused...) gets nothing, because a label in its buffer is lost when it
   * is switched off and on. The job waits in the station's queue with the printer's reason, and the
   * printer is asked again every poll. A printer that does not answer, or cannot be reached, is sent
   * the label as before: the send and the check after it tell what is wrong.
   */
  private async readyToSend(job: PrintJob): Promise<boolean> {
    if (!this.ctx.status) return true;
    const report = await checkPrinterStatus(this.ctx.status, this.printer, this.ctx.statusTimeoutMs);
    if (report.ok || !report.faults.some((f) => !UNKNOWN_STATE.has(f))) return true;
    const { store } = this.ctx;
    const current = store.get(job.id);
    if (!current || (current.state !== 'queued' && current.state !== 'retrying')) return false; // cancelled meanwhile
    const reason = holdReason(report);
    if (current.state !== 'queued' || current.lastError !== reason) {
      const waiting = store.markWaiting(job.id, reason, this.ctx.stamp());
      this.ctx.log(`print job ${job.id} on ${this.printer}: not sent, the printer is not ready: ${reason}`);
      this.ctx.jobChanged(waiting);
    }
    // No count here: a scan that waits behind this one repeats the printer's message.
    this.ctx.printerChanged(this.printer, 'held', `${reason} Nothing is sent to it until it is ready.`);
    if (!this.stopping) await this.signal.sleep(this.ctx.statusPollMs);
    return false;
  }

  private async sendJob(job: PrintJob): Promise<void> {
    const { store, stamp } = this.ctx;
    const sending = store.markSending(job.id, stamp());
    this.ctx.jobChanged(sending);
    const payload = store.payload(job.id);
    let written = 0;
    try {
      written = (await this.ctx.send(this.printer, payload)).bytes;
      if (!(written >= payload.byteLength)) throw new ShortWriteError(written, payload.byteLength);
    } catch (error) {
      this.failures++;
      const wait = retryDelay(this.ctx.retryDelaysMs, this.failures);
      const reason = describeSendFailure(error);
      const retrying = store.markRetrying(job.id, reason, Math.min(written, payload.byteLength), stamp());
      this.ctx.log(`print job ${job.id} on ${this.printer}: attempt ${retrying.attempts} failed: ${reason}`);
      this.ctx.jobChanged(retrying);
      this.ctx.printerChanged(
        this.printer,
        'retrying',
        `${reason} Trying again in ${formatWait(wait)}; ${waitingWords(store.pendingCount(this.printer))}.`,
      );
      if (!this.stopping) await this.signal.sleep(wait);
      return;
    }
    this.failures = 0;
    if (!this.ctx.status) {
      this.complete(job.id, written);
      return;
    }
    const report = await checkPrinterStatus(this.ctx.status, this.printer, this.ctx.statusTimeoutMs);
    if (report.ok) {
      this.complete(job.id, written);
      return;
    }
    this.hold(job.id, holdReason(report), written);
    await this.holdUntilReady(store.require(job.id), { checkFirst: false });
  }

  /**
   * The printer took the whole label but is not ready (paused, out of paper, head open, silent).
   * The label is in the printer's buffer and prints once the fault is cleared, so it is not sent
   * again: the job completes when the printer reports ready.
   */
  private async holdUntilReady(job: PrintJob, opts: { checkFirst: boolean }): Promise<void> {
    const { store } = this.ctx;
    if (!this.ctx.status) {
      this.complete(job.id, job.bytesSent);
      return;
    }
    let checkNow = opts.checkFirst;
    while (!this.stopping) {
      if (!checkNow) {
        await this.signal.sleep(this.ctx.statusPollMs);
        if (this.stopping) return;
      }
      checkNow = false;
      const current = store.get(job.id);
      if (!current || current.state !== 'held') return; // cancelled meanwhile
      const report = await checkPrinterStatus(this.ctx.status, this.printer, this.ctx.statusTimeoutMs);
      if (report.ok) {
        this.complete(job.id, current.bytesSent);
        return;
      }
      const reason = holdReason(report);
      if (reason !== current.lastError) this.hold(job.id, reason, current.bytesSent);
    }
  }

  private hold(jobId: number, reason: string, written: number): void {
    const { store } = this.ctx;
    const held = store.markHeld(jobId, reason, written, this.ctx.stamp());
    if (held.state !== 'held') return;
    this.ctx.log(`print job ${jobId} on ${this.printer}: held: ${reason}`);
    this.ctx.jobChanged(held);
    this.ctx.printerChanged(
      this.printer,
      'held',
      `${reason} Printing continues by itself once the printer is ready; ${waitingWords(store.pendingCount(this.printer))}.`,
    );
  }

  private complete(jobId: number, written: number): void {
    const done = this.ctx.store.markDone(jobId, written, this.ctx.stamp());
    if (!done) return; // cancelled, or confirmed printed by the packer, while held: nothing more to record
    this.ctx.jobChanged(done);
    this.ctx.printerChanged(this.printer, 'ok', READY);
  }
}
