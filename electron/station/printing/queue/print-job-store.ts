/** The print_jobs table: every state change of a job is one committed statement. */
import type Database from 'better-sqlite3';
import { jobFromRow, PENDING_STATES, type PrintJob, type PrintJobRow, type PrintJobState } from './print-job';

const COLUMNS =
  'id, label_id, printer, size, reprint, state, attempts, bytes_sent, last_error, created_at, updated_at, done_at, operator, cancelled_by, reason';
const PENDING_SQL = `(${PENDING_STATES.map((s) => `'${s}'`).join(', ')})`;

export interface NewPrintJob {
  labelId: string | null;
  printer: string;
  payload: Uint8Array;
  reprint: boolean;
  /** Who printed it ('' when nobody is named, e.g. a test label). */
  operator?: string;
  /** Why a reprint was made (kept on the print attempts the job records). */
  reason?: string | null;
}

export class PrintJobStore {
  constructor(private readonly db: Database.Database) {
    const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'print_jobs'").get();
    if (!table) throw new Error('The print queue needs the print_jobs table: open the database with openDatabase() so migrations run.');
  }

  isOpen(): boolean {
    return this.db.open;
  }

  insert(job: NewPrintJob, at: string): PrintJob {
    const payload = Buffer.from(job.payload.buffer, job.payload.byteOffset, job.payload.byteLength);
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO print_jobs (label_id, printer, payload, size, reprint, state, created_at, updated_at, operator, reason)
         VALUES (?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?)`,
      )
      .run(job.labelId, job.printer, payload, payload.byteLength, job.reprint ? 1 : 0, at, at, job.operator ?? '', job.reason ?? null);
    return this.require(Number(lastInsertRowid));
  }

  get(id: number): PrintJob | null {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM print_jobs WHERE id = ?`).get(id) as PrintJobRow | undefined;
    return row ? jobFromRow(row) : null;
  }

  require(id: number): PrintJob {
    const job = this.get(id);
    if (!job) throw new Error(`print job ${id} is not in the database`);
    return job;
  }

  payload(id: number): Buffer {
    const row = this.db.prepare('SELECT payload FROM print_jobs WHERE id = ?').get(id) as { payload: Buffer } | undefined;
    if (!row) throw new Error(`print job ${id} is not in the database`);
    return row.payload;
  }

  /** The oldest unfinished job of a printer: the only one its worker may act on (FIFO). */
  head(printer: string): PrintJob | null {
    const row = this.db
      .prepare(`SELECT ${COLUMNS} FROM print_jobs WHERE printer = ? AND state IN ${PENDING_SQL} ORDER BY id LIMIT 1`)
      .get(printer) as PrintJobRow | undefined;
    return row ? jobFromRow(row) : null;
  }

  pendingPrinters(): string[] {
    const rows = this.db.prepare(`SELECT DISTINCT printer FROM print_jobs WHERE state IN ${PENDING_SQL}`).all() as { printer: string }[];
    return rows.map((r) => r.printer);
  }

  pendingCount(printer: string): number {
    const row = this.db.prepare(`SELECT COUNT(*) AS n FROM print_jobs WHERE printer = ? AND state IN ${PENDING_SQL}`).get(printer) as {
      n: number;
    };
    return row.n;
  }

  list(filter: { printer?: string; states?: readonly PrintJobState[] } = {}): PrintJob[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.printer !== undefined) {
      where.push('printer = ?');
      params.push(filter.printer);
    }
    if (filter.states) {
      if (filter.states.length === 0) return [];
      where.push(`state IN (${filter.states.map(() => '?').join(', ')})`);
      params.push(...filter.states);
    }
    const sql = `SELECT ${COLUMNS} FROM print_jobs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id`;
    return (this.db.prepare(sql).all(...params) as PrintJobRow[]).map(jobFromRow);
  }

  markSending(id: number, at: string): PrintJob {
    this.db
      .prepare("UPDATE print_jobs SET state = 'sending', attempts = attempts + 1, bytes_sent = 0, updated_at = ? WHERE id = ?")
      .run(at, id);
    return this.require(id);
  }

  markRetrying(id: number, error: string, bytesSent: number, at: string): PrintJob {
    this.db
      .prepare(
        "UPDATE print_jobs SET state = 'retrying', last_error = ?, bytes_sent = ?, updated_at = ? WHERE id = ? AND state = 'sending'",
      )
      .run(error, bytesSent, at, id);
    return this.require(id);
  }

  /**
   * The printer reported a fault before anything was sent (issue 13): the job stays in the station's
   * queue, not sent, with the printer's reason. Nothing is recorded as a print attempt.
   */
  markWaiting(id: number, reason: string, at: string): PrintJob {
    this.db
      .prepare("UPDATE print_jobs SET state = 'queued', last_error = ?, updated_at = ? WHERE id = ? AND state IN ('queued', 'retrying')")
      .run(reason, at, id);
    return this.require(id);
  }

  /** The printer took every byte but reports a fault: the job waits for the fault to clear. */
  markHeld(id: number, reason: string, bytesSent: number, at: string): PrintJob {
    this.db
      .prepare(
        "UPDATE print_jobs SET state = 'held', last_error = ?, bytes_sent = ?, updated_at = ? WHERE id = ? AND state IN ('sending', 'held')",
      )
      .run(reason, bytesSent, at, id);
    return this.require(id);
  }

  /** Completes a job being sent or held; null when it is not (cancelled or completed meanwhile). */
  markDone(id: number, bytesSent: number, at: string): PrintJob | null {
    const { changes } = this.db
      .prepare(
        `UPDATE print_jobs SET state = 'done', bytes_sent = ?, payload = x'', updated_at = ?, done_at = ?
         WHERE id = ? AND state IN ('sending', 'held')`,
      )
      .run(bytesSent, at, at, id);
    return changes === 1 ? this.require(id) : null;
  }

  /** Cancels a job that is not being sent right now; false when it is sending or already final. */
  cancel(id: number, at: string, by: string | null = null): boolean {
    const { changes } = this.db
      .prepare(
        `UPDATE print_jobs SET state = 'cancelled', payload = x'', updated_at = ?, done_at = ?, cancelled_by = ?
         WHERE id = ? AND state IN ('queued', 'retrying', 'held')`,
      )
      .run(at, at, by, id);
    return changes === 1;
  }

  /**
   * Jobs not yet taken by `from` (queued or retrying) go to `to` instead, keeping their order by id.
   * Held jobs stay: that printer already has the bytes.
   */
  redirect(from: string, to: string, at: string): PrintJob[] {
    const rows = this.db
      .prepare(
        `UPDATE print_jobs SET printer = ?, updated_at = ? WHERE printer = ? AND state IN ('queued', 'retrying') RETURNING ${COLUMNS}`,
      )
      .all(to, at, from) as PrintJobRow[];
    return rows.map(jobFromRow);
  }

  /** The history heard how this finished job ended. */
  markRecorded(id: number, at: string): void {
    this.db.prepare('UPDATE print_jobs SET recorded_at = ? WHERE id = ? AND recorded_at IS NULL').run(at, id);
  }

  /** Finished jobs whose end the history never heard (the station stopped in between), oldest first. */
  unrecorded(): PrintJob[] {
    const rows = this.db
      .prepare(`SELECT ${COLUMNS} FROM print_jobs WHERE recorded_at IS NULL AND state IN ('done', 'cancelled') ORDER BY id`)
      .all() as PrintJobRow[];
    return rows.map(jobFromRow);
  }

  /** Jobs a crash left 'sending' go back to 'queued': they will be sent again. */
  requeueInterrupted(at: string): PrintJob[] {
    const rows = this.db
      .prepare(`UPDATE print_jobs SET state = 'queued', updated_at = ? WHERE state = 'sending' RETURNING ${COLUMNS}`)
      .all(at) as PrintJobRow[];
    return rows.map(jobFromRow);
  }
}
