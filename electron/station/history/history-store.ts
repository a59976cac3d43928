/** The history log: one row per label, one per print attempt. Source of truth for "never buy twice". */
import type { LabelDetail, LabelFormat, LabelRecord, LabelStatus, PrintAttempt } from '../../../shared/domain/labels';
import type { ProviderName } from '../../../shared/domain/providers';
import type { StationDatabase } from './database';
import { SOLD_STATUSES, UNCERTAIN_STATUSES, type PurchasedLabel } from '../../../shared/domain/labels';

interface LabelRow {
  id: string;
  order_id: string;
  parcel_key: string;
  reference: string;
  provider: ProviderName;
  sandbox: number;
  provider_label_id: string | null;
  tracking_numbers: string;
  cost_amount: number | null;
  cost_currency: string | null;
  status: LabelStatus;
  created_at: string;
  updated_at: string;
  operator: string;
  printer: string;
  label_url: string | null;
  format: LabelFormat | null;
  file_path: string | null;
  error: string | null;
  request: string | null;
  generation: number;
  station: string;
  check_until: string | null;
  cleared_by: string | null;
  print_count: number;
}

interface AttemptRow {
  id: number;
  label_id: string;
  at: string;
  printer: string;
  ok: number;
  reprint: number;
  bytes: number;
  error: string | null;
}

export interface NewLabel {
  /** The provider request as JSON, kept for reconciliation. */
  request: string;
  id: string;
  orderId: string;
  parcelKey: string;
  reference: string;
  provider: ProviderName;
  sandbox: boolean;
  operator: string;
  printer: string;
  /** Bumped only when a supervisor confirmed that no label exists: see nextGeneration. */
  generation: number;
  station: string;
  /** Until when a lost answer is waited for (ISO): the claim holds at least this long. */
  checkUntil: string;
}

/** A stored label with the fields the station needs but the renderer does not see. */
export interface StoredLabel extends LabelRecord {
  reference: string;
  labelUrl: string | null;
  request: string | null;
}

/** Status lists as SQL: the rules live in shared/domain/labels, the queries only spell them. */
const sqlList = (statuses: readonly LabelStatus[]): string => statuses.map((s) => `'${s}'`).join(', ');
const UNCERTAIN_SQL = sqlList(UNCERTAIN_STATUSES);
const SOLD_SQL = sqlList(SOLD_STATUSES);

const SELECT_LABEL = `
  SELECT l.*, (SELECT COUNT(*) FROM print_attempts p WHERE p.label_id = l.id AND p.ok = 1) AS print_count
  FROM labels l`;

export class HistoryStore {
  constructor(
    private readonly db: StationDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Written before the provider is asked, so a crash mid-purchase leaves a trace. */
  insertBuying(label: NewLabel): StoredLabel {
    const at = this.now().toISOString();
    this.db
      .prepare(
        `INSERT INTO labels (id, order_id, parcel_key, reference, provider, sandbox, status, created_at, updated_at, operator, printer,
           request, generation, station, check_until)
         VALUES (@id, @orderId, @parcelKey, @reference, @provider, @sandbox, 'buying', @at, @at, @operator, @printer,
           @request, @generation, @station, @checkUntil)`,
      )
      .run({ ...label, sandbox: label.sandbox ? 1 : 0, at });
    return this.require(label.id);
  }

  markBought(id: string, bought: PurchasedLabel): StoredLabel {
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE labels SET status = 'bought', provider_label_id = ?, tracking_numbers = ?, cost_amount = ?,
             cost_currency = ?, label_url = ?, error = NULL, check_until = NULL, updated_at = ? WHERE id = ?`,
        )
        .run(
          bought.providerLabelId,
          JSON.stringify(bought.trackingNumbers),
          bought.cost?.amount ?? null,
          bought.cost?.currency ?? null,
          bought.labelUrl,
          this.stamp(),
          id,
        );
      const insert = this.db.prepare('INSERT OR IGNORE INTO label_tracking (label_id, tracking_number) VALUES (?, ?)');
      for (const tracking of bought.trackingNumbers) insert.run(id, tracking);
    })();
    return this.require(id);
  }

  attachFile(id: string, file: { format: LabelFormat; filePath: string }): StoredLabel {
    this.db
      .prepare('UPDATE labels SET format = ?, file_path = ?, updated_at = ? WHERE id = ?')
      .run(file.format, file.filePath, this.stamp(), id);
    return this.require(id);
  }

  setStatus(id: string, status: LabelStatus, error: string | null = null): StoredLabel {
    this.db.prepare('UPDATE labels SET status = ?, error = ?, updated_at = ? WHERE id = ?').run(status, error, this.stamp(), id);
    return this.require(id);
  }

  /** A purchase without a clear answer: nobody buys this order again before `checkUntil`. */
  markChecking(id: string, checkUntil: string, message: string): StoredLabel {
    this.db
      .prepare("UPDATE labels SET status = 'checking', check_until = ?, error = ?, updated_at = ? WHERE id = ?")
      .run(checkUntil, message, this.stamp(), id);
    return this.require(id);
  }

  /** A supervisor's word that the provider has no label: the order may be bought again, under a new reference. */
  clearNoLabel(id: string, who: string, message: string): StoredLabel {
    this.db
      .prepare("UPDATE labels SET status = 'failed', cleared_by = ?, check_until = NULL, error = ?, updated_at = ? WHERE id = ?")
      .run(who, message, this.stamp(), id);
    return this.require(id);
  }

  /**
   * The generation of the next purchase of this order and parcel set: the latest one, plus one
   * when a supervisor cleared it. Automatic "none" conclusions keep the generation, so a label
   * that still turns up late is found under the same reference.
   */
  nextGeneration(orderId: string, parcelKey: string): number {
    const row = this.db
      .prepare(
        `SELECT generation, MAX(cleared_by IS NOT NULL) AS cleared FROM labels
         WHERE order_id = ? AND parcel_key = ? GROUP BY generation ORDER BY generation DESC LIMIT 1`,
      )
      .get(orderId, parcelKey) as { generation: number; cleared: number } | undefined;
    if (!row) return 1;
    return row.generation + (row.cleared ? 1 : 0);
  }

  recordPrintAttempt(attempt: Omit<PrintAttempt, 'id' | 'at'>): PrintAttempt {
    const at = this.stamp();
    const result = this.db
      .prepare('INSERT INTO print_attempts (label_id, at, printer, ok, reprint, bytes, error) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(attempt.labelId, at, attempt.printer, attempt.ok ? 1 : 0, attempt.reprint ? 1 : 0, attempt.bytes, attempt.error);
    return { ...attempt, id: Number(result.lastInsertRowid), at };
  }

  /** The live label (bought or possibly bought) for this order and parcel set, if any. */
  findLive(orderId: string, parcelKey: string): StoredLabel | undefined {
    const row = this.db
      .prepare(`${SELECT_LABEL} WHERE l.order_id = ? AND l.parcel_key = ? AND l.status <> 'failed' ORDER BY l.created_at DESC LIMIT 1`)
      .get(orderId, parcelKey) as LabelRow | undefined;
    return row && toStored(row);
  }

  /** Labels whose purchase got no clear answer, oldest first. */
  listUncertain(): StoredLabel[] {
    return (this.db.prepare(`${SELECT_LABEL} WHERE l.status IN (${UNCERTAIN_SQL}) ORDER BY l.created_at`).all() as LabelRow[]).map(
      toStored,
    );
  }

  /** Bought labels whose file was never saved (the station stopped between purchase and download). */
  listMissingFiles(): StoredLabel[] {
    return (
      this.db
        .prepare(
          `${SELECT_LABEL} WHERE l.status IN (${SOLD_SQL}) AND l.file_path IS NULL AND l.label_url IS NOT NULL ORDER BY l.created_at`,
        )
        .all() as LabelRow[]
    ).map(toStored);
  }

  /** Bought (or adopted) but never sent to a printer, oldest first. */
  listUnprinted(): StoredLabel[] {
    return (this.db.prepare(`${SELECT_LABEL} WHERE l.status = 'bought' ORDER BY l.created_at`).all() as LabelRow[]).map(toStored);
  }

  listByStatus(status: LabelStatus): StoredLabel[] {
    return (this.db.prepare(`${SELECT_LABEL} WHERE l.status = ? ORDER BY l.created_at`).all(status) as LabelRow[]).map(toStored);
  }

  get(id: string): StoredLabel | undefined {
    const row = this.db.prepare(`${SELECT_LABEL} WHERE l.id = ?`).get(id) as LabelRow | undefined;
    return row && toStored(row);
  }

  getDetail(id: string): LabelDetail | undefined {
    const label = this.get(id);
    if (!label) return undefined;
    const attempts = this.db.prepare('SELECT * FROM print_attempts WHERE label_id = ? ORDER BY id DESC').all(id) as AttemptRow[];
    return { ...toPublic(label), printAttempts: attempts.map(toAttempt) };
  }

  /** Newest first. A query matches the start of an order ID or of a tracking number. */
  search(query: string, limit: number, offset: number, filter: 'all' | 'uncertain' = 'all'): { labels: LabelRecord[]; total: number } {
    const conditions: string[] = [];
    const q = query.trim();
    if (q !== '') {
      conditions.push(`(l.order_id LIKE @pattern ESCAPE '\\'
        OR l.id IN (SELECT label_id FROM label_tracking WHERE tracking_number LIKE @pattern ESCAPE '\\'))`);
    }
    if (filter === 'uncertain') conditions.push(`l.status IN (${UNCERTAIN_SQL})`);
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const params = { pattern: `${escapeLike(q)}%`, limit, offset };
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM labels l ${where}`).get(params) as { n: number }).n;
    const rows = this.db
      .prepare(`${SELECT_LABEL} ${where} ORDER BY l.created_at DESC, l.rowid DESC LIMIT @limit OFFSET @offset`)
      .all(params) as LabelRow[];
    return { labels: rows.map((r) => toPublic(toStored(r))), total };
  }

  private require(id: string): StoredLabel {
    const label = this.get(id);
    if (!label) throw new Error(`label ${id} vanished from the history`);
    return label;
  }

  private stamp(): string {
    return this.now().toISOString();
  }
}

export function toPublic(label: StoredLabel): LabelRecord {
  const { reference: _reference, labelUrl: _labelUrl, request: _request, ...publicFields } = label;
  return publicFields;
}

function toStored(row: LabelRow): StoredLabel {
  return {
    id: row.id,
    orderId: row.order_id,
    provider: row.provider,
    sandbox: row.sandbox === 1,
    providerLabelId: row.provider_label_id,
    trackingNumbers: JSON.parse(row.tracking_numbers) as string[],
    cost: row.cost_amount === null || row.cost_currency === null ? null : { amount: row.cost_amount, currency: row.cost_currency },
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    operator: row.operator,
    printer: row.printer,
    format: row.format,
    filePath: row.file_path,
    error: row.error,
    printCount: row.print_count,
    station: row.station,
    checkUntil: row.check_until,
    reference: row.reference,
    labelUrl: row.label_url,
    request: row.request,
  };
}

function toAttempt(row: AttemptRow): PrintAttempt {
  return {
    id: row.id,
    labelId: row.label_id,
    at: row.at,
    printer: row.printer,
    ok: row.ok === 1,
    reprint: row.reprint === 1,
    bytes: row.bytes,
    error: row.error,
  };
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
