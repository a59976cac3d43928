/**
 * The history log: one row per label, one per print attempt. Source of truth for "never buy twice",
 * on the station's SQLite or, in a fleet, on the warehouse's PostgreSQL: the same typed queries.
 */
import { sql, type RawBuilder, type Selectable, type Updateable } from 'kysely';
import type { LabelDetail, LabelFormat, LabelRecord, LabelStatus, PrintAttempt } from '../../../shared/domain/labels';
import type { ProviderName } from '../../../shared/domain/providers';
import type { LabelBox } from '../../../shared/domain/shipments';
import { SOLD_STATUSES, UNCERTAIN_STATUSES, type CheckOverride, type PurchasedLabel } from '../../../shared/domain/labels';
import { checkOverrideOf } from './check-override';
import type { HistoryDatabase } from './database';
import type { LabelsTable, PrintAttemptsTable } from './schema';
import { isUniqueViolation } from './unique-violation';
import type { HistoryExportFilter } from '../../../shared/domain/reports';
import { dayActivity, exportPage, type DayAttempt, type DayLabel, type ExportCursor, type ExportRow } from './history-reports';
import { planSearch } from './history-search';
import { and, keysetAfter, type SearchPlan } from './search-plan';
import { fleetCompleteSince } from './fleet-restore';
import { HISTORY_TOTAL_CAP, type HistoryPage, type HistorySearch } from '../../../shared/domain/history-search';

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
  /** The station's name (shown) and its id (which rows are its own after a restart). */
  station: string;
  stationId: string;
  /** Until when a lost answer is waited for (ISO): the claim holds at least this long. */
  checkUntil: string;
  /** The boxes of a split shipment this label covers, in box order; none for a single parcel. */
  boxes?: LabelBox[];
  /** The Shopify order number the order was scanned by ("#1001"); none for a TikTok order ID. */
  scanned?: string;
  /** A supervisor chose to buy without the packing check. */
  checkOverride?: CheckOverride;
}

/** What a HistoryStore hands to a reader thread (history-reader.ts). */
export interface HistoryReads {
  search(search: HistorySearch): Promise<HistoryPage>;
  listMissingFiles(since?: string): Promise<StoredLabel[]>;
}

/** A stored label with the fields the station needs but the renderer does not see. */
export interface StoredLabel extends LabelRecord {
  reference: string;
  labelUrl: string | null;
  request: string | null;
  stationId: string;
  parcelKey: string;
  generation: number;
  clearedBy: string | null;
}

type LabelRow = Selectable<LabelsTable> & { print_count: number | null };
/** A row of a History page's statement: `k` is where pageRows finds the label (SQLite's search_key, PostgreSQL's ctid as text). */
type PageRow = { id: string; created_at: string; k: number | string | null };

/** A print attempt to record; `operator` is '' when nobody is named (attempts from before sign-in existed). */
export type NewPrintAttempt = Omit<PrintAttempt, 'id' | 'at' | 'operator' | 'reason' | 'station'> & {
  operator?: string;
  reason?: string | null;
  /** The station that printed (its name); '' when not known. */
  station?: string;
};

/** How far along its life a label is: see importLabel. */
function statusRank(status: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`(case ${status} when 'printed' then 4 when 'queued' then 3 when 'print_failed' then 3 when 'bought' then 2 when 'failed' then 1 else 0 end)`;
}

type UncertainOrFailed = (typeof UNCERTAIN_STATUSES)[number] | 'failed';

/** Statuses a label reaches once it was sent to a printer: adopting it again must not undo them. */
const SOLD_AFTER_PRINTING = ['queued', 'printed', 'print_failed'] as const satisfies readonly LabelStatus[];
/** A search asked not to count its total (countTotal: false). */
const NOT_COUNTED = -1;

export class HistoryStore {
  private readonly db: HistoryDatabase['db'];
  private readonly dialect: HistoryDatabase['dialect'];
  /** The fleet's database keeps the label files too, so any station reprints any label. */
  private readonly storesFiles: boolean;
  /** SQLite: a reader thread that answers the slow reads off the station's event loop (see useReader). */
  private reader: HistoryReads | undefined;

  constructor(
    history: HistoryDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.db = history.db;
    this.dialect = history.dialect;
    this.storesFiles = history.dialect === 'postgres';
  }

  /** Searches and the missing-file pass go to this reader (a worker thread on the same SQLite file). */
  useReader(reader: HistoryReads): this {
    this.reader = reader;
    return this;
  }

  /** Answers when the database can be reached; throws its connection error otherwise. */
  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  /**
   * Claims the order and parcel set, written before the provider is asked so a crash mid-purchase
   * leaves a trace. Undefined when another live claim exists: the database refused a second one.
   */
  async insertBuying(label: NewLabel): Promise<StoredLabel | undefined> {
    const at = this.stamp();
    try {
      const claimed = await this.db.transaction().execute(async (trx) => {
        // One packing per order: a live label of another parcel set (one parcel, or another split)
        // refuses this claim. The order's lock makes the check and the insert one step on
        // PostgreSQL; SQLite has one writer at a time already.
        if (this.dialect === 'postgres') {
          await sql`select pg_advisory_xact_lock(hashtextextended(${`label-station order ${label.orderId}`}, 0))`.execute(trx);
        }
        const set = parcelSetOf(label.parcelKey);
        const other = await trx
          .selectFrom('labels')
          .select('id')
          .where('order_id', '=', label.orderId)
          .where('status', '<>', 'failed')
          .where((eb) => eb.and([eb('parcel_key', '<>', set), eb('parcel_key', 'not like', `${set}.%`)]))
          .limit(1)
          .executeTakeFirst();
        if (other) return false;
        await this.insertBuyingRow(trx, label, at);
        return true;
      });
      if (!claimed) return undefined;
    } catch (error) {
      if (isUniqueViolation(error)) return undefined;
      throw error;
    }
    return this.require(label.id);
  }

  private async insertBuyingRow(trx: HistoryDatabase['db'], label: NewLabel, at: string): Promise<void> {
    await trx
      .insertInto('labels')
      .values({
        id: label.id,
        order_id: label.orderId,
        parcel_key: label.parcelKey,
        reference: label.reference,
        provider: label.provider,
        sandbox: label.sandbox ? 1 : 0,
        status: 'buying',
        created_at: at,
        updated_at: at,
        operator: label.operator,
        printer: label.printer,
        request: label.request,
        generation: label.generation,
        station: label.station,
        station_id: label.stationId,
        check_until: label.checkUntil,
        boxes: JSON.stringify(label.boxes ?? []),
        scanned: label.scanned ?? '',
        check_override: label.checkOverride ? JSON.stringify(label.checkOverride) : null,
        prints: 0,
      })
      .execute();
  }

  /**
   * One statement (the tracking index follows by trigger), so a label is never half recorded. A
   * label another station already printed stays as it is (two stations may adopt the same label).
   */
  async markBought(id: string, bought: PurchasedLabel): Promise<StoredLabel> {
    await this.db
      .updateTable('labels')
      .set({
        status: 'bought',
        provider_label_id: bought.providerLabelId,
        tracking_numbers: JSON.stringify(bought.trackingNumbers),
        cost_amount: bought.cost?.amount ?? null,
        cost_currency: bought.cost?.currency ?? null,
        label_url: bought.labelUrl,
        error: null,
        check_until: null,
        updated_at: this.stamp(),
      })
      .where('id', '=', id)
      .where('status', 'not in', SOLD_AFTER_PRINTING)
      .execute();
    return this.require(id);
  }

  async attachFile(id: string, file: { format: LabelFormat; filePath: string }): Promise<StoredLabel> {
    await this.db
      .updateTable('labels')
      .set({ format: file.format, file_path: file.filePath, file_pruned_at: null, updated_at: this.stamp() })
      .where('id', '=', id)
      .execute();
    return this.require(id);
  }

  async setStatus(id: string, status: LabelStatus, error: string | null = null): Promise<StoredLabel> {
    await this.db.updateTable('labels').set({ status, error, updated_at: this.stamp() }).where('id', '=', id).execute();
    return this.require(id);
  }

  /** A purchase without a clear answer: nobody buys this order again before `checkUntil`. */
  async markChecking(id: string, checkUntil: string, message: string): Promise<StoredLabel> {
    return this.updateUncertain(id, { status: 'checking', check_until: checkUntil, error: message });
  }

  /**
   * A purchase still under way or without a clear answer ends (failed: nothing was bought, the order
   * may be bought again) or waits for a supervisor (unknown), or only its note changes. Only while
   * it is still uncertain: another station may have adopted its label meanwhile.
   */
  async settlePurchase(id: string, status: UncertainOrFailed, message: string): Promise<StoredLabel> {
    return this.updateUncertain(id, { status, error: message, ...(status === 'failed' && { check_until: null }) });
  }

  /** A supervisor's word that the provider has no label: the order may be bought again, under a new reference. */
  async clearNoLabel(id: string, who: string, message: string): Promise<StoredLabel> {
    return this.updateUncertain(id, { status: 'failed', cleared_by: who, check_until: null, error: message });
  }

  /** Changes a purchase only while it is still uncertain (another station may have settled it). */
  private async updateUncertain(id: string, changes: Updateable<LabelsTable>): Promise<StoredLabel> {
    await this.db
      .updateTable('labels')
      .set({ ...changes, updated_at: this.stamp() })
      .where('id', '=', id)
      .where('status', 'in', UNCERTAIN_STATUSES)
      .execute();
    return this.require(id);
  }

  /**
   * The generation of the next purchase of this order and parcel set: the latest one, plus one
   * when a supervisor cleared it. Automatic "none" conclusions keep the generation, so a label
   * that still turns up late is found under the same reference.
   */
  /** Since when this history holds every label its stations bought (ISO); null when it cannot say. */
  async completeSince(): Promise<string | null> {
    if (this.dialect === 'postgres') return fleetCompleteSince(this.db);
    const row = await this.db.selectFrom('history_epoch').select('complete_since').where('id', '=', 1).executeTakeFirst();
    return row?.complete_since ?? null;
  }

  /** Whether the history has any row for the order besides `besides` (a claim just made): tried, bought or settled before. */
  async orderSeenBefore(orderId: string, besides: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('labels')
      .select('id')
      .where('order_id', '=', orderId)
      .where('id', '<>', besides)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async nextGeneration(orderId: string, parcelKey: string): Promise<number> {
    const latest = await this.db
      .selectFrom('labels')
      .select(['generation', sql<number>`max(case when cleared_by is null then 0 else 1 end)`.as('cleared')])
      .where('order_id', '=', orderId)
      .where('parcel_key', '=', parcelKey)
      .groupBy('generation')
      .orderBy('generation', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!latest) return 1;
    return latest.generation + (Number(latest.cleared) ? 1 : 0);
  }

  async recordPrintAttempt(attempt: NewPrintAttempt): Promise<PrintAttempt> {
    const at = this.stamp();
    const operator = attempt.operator ?? '';
    const reason = attempt.reprint ? (attempt.reason ?? null) : null;
    const station = attempt.station ?? '';
    const { id } = await this.db
      .insertInto('print_attempts')
      .values({
        label_id: attempt.labelId,
        at,
        printer: attempt.printer,
        ok: attempt.ok ? 1 : 0,
        reprint: attempt.reprint ? 1 : 0,
        bytes: attempt.bytes,
        error: attempt.error,
        operator,
        reason,
        station,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { ...attempt, operator, reason, station, id: Number(id), at };
  }

  /** Every live label of an order (any parcel set), in box order: what a rescan or a split finds. */
  async listLive(orderId: string): Promise<StoredLabel[]> {
    const rows = await this.labels().where('l.order_id', '=', orderId).where('l.status', '<>', 'failed').orderBy('l.parcel_key').execute();
    return rows.map(toStored).sort((a, b) => (a.boxes[0]?.index ?? 0) - (b.boxes[0]?.index ?? 0));
  }

  /** Labels whose purchase is under way or got no clear answer, oldest first. */
  async listUncertain(): Promise<StoredLabel[]> {
    return (await this.labels().where('l.status', 'in', UNCERTAIN_STATUSES).orderBy('l.created_at').execute()).map(toStored);
  }

  /** Sold labels whose file was never downloaded; `since`: only those bought from then on (ISO time). */
  async listMissingFiles(since?: string): Promise<StoredLabel[]> {
    if (this.reader) return this.reader.listMissingFiles(since);
    let query = this.labels();
    if (since) query = query.where('l.created_at', '>=', since);
    // `+status` on SQLite: its planner would take the status index (every printed label) over the
    // partial index labels_missing_file, which holds only the few labels this pass is about.
    const status = this.dialect === 'sqlite' ? sql<LabelStatus>`+l.status` : sql<LabelStatus>`l.status`;
    const rows = await query
      .where(status, 'in', SOLD_STATUSES)
      .where('l.file_path', 'is', null)
      .where('l.label_url', 'is not', null)
      .orderBy('l.created_at')
      .execute();
    return rows.map(toStored);
  }

  /** Bought (or adopted) but never sent to a printer, oldest first. */
  async listUnprinted(): Promise<StoredLabel[]> {
    return (await this.labels().where('l.status', '=', 'bought').orderBy('l.created_at').execute()).map(toStored);
  }

  /** This station's labels in one status (all stations' when no id is given). */
  async listByStatus(status: LabelStatus, stationId?: string): Promise<StoredLabel[]> {
    let query = this.labels().where('l.status', '=', status);
    if (stationId !== undefined) query = query.where('l.station_id', 'in', [stationId, '']);
    return (await query.orderBy('l.created_at').execute()).map(toStored);
  }

  async get(id: string): Promise<StoredLabel | undefined> {
    const row = await this.labels().where('l.id', '=', id).executeTakeFirst();
    return row && toStored(row);
  }

  async getMany(ids: readonly string[]): Promise<StoredLabel[]> {
    if (ids.length === 0) return [];
    return (await this.labels().where('l.id', 'in', ids).execute()).map(toStored);
  }

  async getDetail(id: string): Promise<LabelDetail | undefined> {
    const label = await this.get(id);
    if (!label) return undefined;
    const attempts = await this.db.selectFrom('print_attempts').selectAll().where('label_id', '=', id).orderBy('id', 'desc').execute();
    return { ...toPublic(label), printAttempts: attempts.map(toAttempt) };
  }

  /**
   * One page of History, newest first by (created_at, id), after the cursor. A query of three
   * characters or more matches any part of an order ID, a tracking number (of any box), the Shopify
   * order number scanned or the operator; a shorter one the start of them. The total is counted up
   * to HISTORY_TOTAL_CAP + 1 rows: a person needs "more than 1,000", not the exact figure.
   */
  async search(input: HistorySearch): Promise<HistoryPage> {
    if (this.reader) return this.reader.search(input);
    const plan = await planSearch(this.db, this.dialect, input);
    const key = this.dialect === 'sqlite' ? sql`l.search_key` : plan.rowAt ? sql`${plan.rowAt}::text` : sql`NULL`;
    let known = input.countTotal === false ? NOT_COUNTED : (plan.total ?? (plan.knownMore ? HISTORY_TOTAL_CAP + 1 : undefined));
    // PostgreSQL counts the total on another of the pool's connections while the page is found and
    // its labels read (the count needs neither): a search then takes the longer of the two, not both.
    // A page shorter than the limit is its own total, and the count started for it is dropped.
    const countingAlongside = known === undefined && this.dialect === 'postgres' ? this.countMatches(plan) : undefined;
    countingAlongside?.catch(() => undefined);
    const pageFrom = (from: RawBuilder<unknown>) =>
      sql<PageRow>`
        SELECT l.id, l.created_at, ${key} AS k FROM ${from}
        WHERE ${and([...plan.where, ...keysetAfter(input.cursor)])}
        ORDER BY l.created_at DESC, l.id DESC LIMIT ${input.limit + 1}`.execute(this.db);
    let rows = plan.recentFrom ? await pageFrom(plan.recentFrom) : undefined;
    if (!rows || rows.rows.length <= input.limit) rows = await pageFrom(plan.from);
    const page = rows.rows.slice(0, input.limit);
    const last = page.at(-1);
    const nextCursor = rows.rows.length > input.limit && last ? { createdAt: last.created_at, id: last.id } : null;
    if (known === undefined && !input.cursor && !nextCursor) known = page.length;
    const [found, countedAlongside] = await Promise.all([page.length ? this.pageRows(page) : [], known ?? countingAlongside]);
    const counted = countedAlongside ?? (await this.countMatches(plan));
    const byId = new Map(found.map((row) => [row.id, row]));
    const labels = page.flatMap((r) => {
      const row = byId.get(r.id);
      return row ? [toPublic(toStored(row))] : [];
    });
    if (counted === NOT_COUNTED) return { labels, nextCursor, total: null, totalIsMore: false };
    return { labels, nextCursor, total: Math.min(counted, HISTORY_TOTAL_CAP), totalIsMore: counted > HISTORY_TOTAL_CAP };
  }

  /** The plan's labels counted up to HISTORY_TOTAL_CAP + 1 (a person needs "more than 1,000", not the figure). */
  private async countMatches(plan: SearchPlan): Promise<number> {
    const countIn = async (from: RawBuilder<unknown>) => Number((await this.countStatement(plan, from).execute(this.db)).rows[0]?.n ?? 0);
    const recent = plan.recentCountFrom ? await countIn(plan.recentCountFrom) : 0;
    return recent > HISTORY_TOTAL_CAP ? recent : countIn(plan.countFrom ?? plan.from);
  }

  /** The statement counting the plan's labels in `from`, with those it found before, up to HISTORY_TOTAL_CAP + 1. */
  private countStatement(plan: SearchPlan, from: RawBuilder<unknown>): RawBuilder<{ n: number }> {
    // PostgreSQL counts in the page's order, so it walks the index the page just read: unordered, the
    // planner often chose to read the table from its oldest row (on a million labels, 500 pages
    // that PostgreSQL's ring buffer reads again every time: 7 ms where the walk takes 1.5). A plan
    // that names its labels by keys says where to count them in no order (SearchPlan.countFrom).
    const newestFirst = this.dialect === 'postgres' && !plan.countFrom ? sql`ORDER BY l.created_at DESC, l.id DESC` : sql``;
    const before = plan.countedBefore ?? 0;
    return sql<{ n: number }>`
      SELECT ${before ? sql`${sql.lit(before)} + ` : sql``}cast(count(*) as integer) AS n FROM (
        SELECT 1 FROM ${from} WHERE ${and(plan.countWhere ?? plan.where)} ${newestFirst} LIMIT ${HISTORY_TOTAL_CAP + 1 - before}) AS capped`;
  }

  /** The label's file as the shared database keeps it; undefined where the history keeps no files. */
  async readFile(id: string): Promise<{ format: LabelFormat; bytes: Uint8Array } | undefined> {
    if (!this.storesFiles) return undefined;
    const row = await this.db.selectFrom('label_files').select(['format', 'bytes']).where('label_id', '=', id).executeTakeFirst();
    return row && { format: row.format, bytes: new Uint8Array(row.bytes) };
  }

  async saveFile(id: string, format: LabelFormat, bytes: Uint8Array): Promise<void> {
    if (!this.storesFiles) return;
    await this.db
      .insertInto('label_files')
      .values({ label_id: id, format, bytes: Buffer.from(bytes), saved_at: this.stamp() })
      .onConflict((oc) => oc.column('label_id').doNothing())
      .execute();
  }

  /**
   * Writes a label exactly as another copy of the history holds it (the fleet's cache, or the
   * cache's writes replayed into the shared database). A label only moves forward in its life
   * (checking -> bought -> printed): a copy that is further along wins, the newer one among equals,
   * so a station that worked from a stale copy while the database was away never undoes a print.
   */
  async importLabel(label: StoredLabel, options: { supersede?: boolean } = {}): Promise<void> {
    try {
      await this.upsertLabel(label);
    } catch (error) {
      if (!options.supersede || !isUniqueViolation(error)) throw error;
      // A station's copy may still hold a purchase of this order that the shared database has since
      // settled (and another claim replaced): the shared database's word wins in the copy.
      await this.db
        .updateTable('labels')
        .set({ status: 'failed', check_until: null, error: 'Settled in the warehouse database.' })
        .where('order_id', '=', label.orderId)
        .where('parcel_key', '=', label.parcelKey)
        .where('status', '<>', 'failed')
        .where('id', '<>', label.id)
        .execute();
      await this.upsertLabel(label);
    }
  }

  private async upsertLabel(label: StoredLabel): Promise<void> {
    const row = {
      id: label.id,
      order_id: label.orderId,
      parcel_key: label.parcelKey,
      reference: label.reference,
      provider: label.provider,
      sandbox: label.sandbox ? 1 : 0,
      provider_label_id: label.providerLabelId,
      tracking_numbers: JSON.stringify(label.trackingNumbers),
      cost_amount: label.cost?.amount ?? null,
      cost_currency: label.cost?.currency ?? null,
      status: label.status,
      created_at: label.createdAt,
      updated_at: label.updatedAt,
      operator: label.operator,
      printer: label.printer,
      label_url: label.labelUrl,
      format: label.format,
      file_path: label.filePath,
      error: label.error,
      request: label.request,
      generation: label.generation,
      station: label.station,
      station_id: label.stationId,
      check_until: label.checkUntil,
      cleared_by: label.clearedBy,
      boxes: JSON.stringify(label.boxes),
      scanned: label.scanned ?? '',
      check_override: label.checkOverride ? JSON.stringify(label.checkOverride) : null,
    };
    const { id: _id, ...changes } = row;
    // The copy's own attempts raise its count (by trigger): a label arriving from another copy starts at 0.
    await this.db
      .insertInto('labels')
      .values({ ...row, prints: 0 })
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet(changes)
          .where((eb) => {
            const stored = statusRank(sql.ref('labels.status'));
            const incoming = statusRank(sql.val(row.status));
            return eb.or([
              eb(stored, '<', incoming),
              eb.and([eb(stored, '=', incoming), eb(sql.ref('labels.updated_at'), '<=', row.updated_at)]),
            ]);
          }),
      )
      .execute();
  }

  /** A print attempt recorded elsewhere (another copy of the history), with its own time. */
  async importAttempt(attempt: Omit<NewPrintAttempt, 'at'> & { at: string }): Promise<void> {
    await this.db
      .insertInto('print_attempts')
      .values({
        label_id: attempt.labelId,
        at: attempt.at,
        printer: attempt.printer,
        ok: attempt.ok ? 1 : 0,
        reprint: attempt.reprint ? 1 : 0,
        bytes: attempt.bytes,
        error: attempt.error,
        operator: attempt.operator ?? '',
        reason: attempt.reprint ? (attempt.reason ?? null) : null,
        station: attempt.station ?? '',
      })
      .execute();
  }

  /** One page of the CSV export, newest first, after `cursor` (see history-reports.ts). */
  exportPage(filter: HistoryExportFilter, cursor: ExportCursor | null, limit: number): Promise<ExportRow[]> {
    return exportPage({ db: this.db, dialect: this.dialect }, filter, cursor, limit);
  }

  /** The labels created and print attempts made in [from, to): what an end-of-day summary counts. */
  dayActivity(from: string, to: string): Promise<{ labels: DayLabel[]; attempts: DayAttempt[] }> {
    return dayActivity({ db: this.db, dialect: this.dialect }, from, to);
  }

  /**
   * A page's labels, found by keys that sit together for a page's rows, where their random IDs put
   * each on its own index page. SQLite: by search_key, which follows the order labels were added in.
   * PostgreSQL: where the page's statement read each row, when it read them (by pieces or by key; a
   * label changed since is read again by ID); otherwise by created_at, on labels_newest_words, whose
   * pages the page's walk has just read (by ID, 50 pages of labels_pkey read from a cold disk: 4.4 ms
   * p50 where this takes 2.1). `|| ''` keeps labels_pkey out of the planner's choice: on a smaller
   * history it costs the ID index lower.
   */
  private async pageRows(page: PageRow[]): Promise<LabelRow[]> {
    const ids = page.map((r) => r.id);
    if (this.dialect === 'sqlite') {
      const keys = page.map((r) => r.k);
      return keys.every((k) => typeof k === 'number')
        ? this.labels().where('l.search_key', 'in', keys).execute()
        : this.labels().where('l.id', 'in', ids).execute();
    }
    if (page.every((r) => typeof r.k === 'string')) {
      const found = await this.labels()
        .where(sql<boolean>`l.ctid = ANY(${page.map((r) => r.k)}::tid[])`)
        .execute();
      // A row updated since (a print counted, a status) has moved: the old place holds a version this read does not see.
      const read = new Set(found.map((row) => row.id));
      const moved = ids.filter((id) => !read.has(id));
      return moved.length ? [...found, ...(await this.labels().where('l.id', 'in', moved).execute())] : found;
    }
    return this.labels()
      .where(
        'l.created_at',
        'in',
        page.map((r) => r.created_at),
      )
      .where(sql<string>`l.id || ''`, 'in', ids)
      .execute();
  }

  private labels() {
    return this.db
      .selectFrom('labels as l')
      .selectAll('l')
      .select((eb) => {
        const counted = eb
          .selectFrom('print_attempts as p')
          .whereRef('p.label_id', '=', 'l.id')
          .where('p.ok', '=', 1)
          .select(sql<number>`cast(count(*) as integer)`.as('n'));
        // Both databases evaluate coalesce lazily: only a label from before its count was kept is counted.
        return sql<number>`coalesce(${sql.ref('l.prints')}, (${counted}))`.as('print_count');
      });
  }

  private async require(id: string): Promise<StoredLabel> {
    const label = await this.get(id);
    if (!label) throw new Error(`label ${id} vanished from the history`);
    return label;
  }

  private stamp(): string {
    return this.now().toISOString();
  }
}

export function toPublic(label: StoredLabel): LabelRecord {
  const {
    reference: _reference,
    labelUrl: _labelUrl,
    request: _request,
    stationId: _stationId,
    parcelKey: _parcelKey,
    generation: _generation,
    clearedBy: _clearedBy,
    ...publicFields
  } = label;
  return publicFields;
}

function toStored(row: LabelRow): StoredLabel {
  return {
    id: row.id,
    orderId: row.order_id,
    provider: row.provider,
    sandbox: Number(row.sandbox) === 1,
    providerLabelId: row.provider_label_id,
    trackingNumbers: JSON.parse(row.tracking_numbers) as string[],
    cost: row.cost_amount === null || row.cost_currency === null ? null : { amount: Number(row.cost_amount), currency: row.cost_currency },
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    operator: row.operator,
    printer: row.printer,
    format: row.format,
    filePath: row.file_path,
    error: row.error,
    printCount: Number(row.print_count ?? 0),
    station: row.station,
    checkUntil: row.check_until,
    boxes: boxesWithTracking(JSON.parse(row.boxes) as LabelBox[], JSON.parse(row.tracking_numbers) as string[]),
    scanned: row.scanned ?? '',
    checkOverride: checkOverrideOf(row.check_override),
    reference: row.reference,
    labelUrl: row.label_url,
    request: row.request,
    stationId: row.station_id,
    parcelKey: row.parcel_key,
    generation: row.generation,
    clearedBy: row.cleared_by,
  };
}

/** The parcel set a parcel key belongs to: `s3-…` for `s3-….b2` (one box of a split bought alone). */
export function parcelSetOf(parcelKey: string): string {
  const dot = parcelKey.indexOf('.');
  return dot === -1 ? parcelKey : parcelKey.slice(0, dot);
}

/** A label's tracking numbers go to its boxes in order (the provider answers one per box). */
function boxesWithTracking(boxes: LabelBox[], trackingNumbers: string[]): LabelBox[] {
  return boxes.map((box, position) => ({ ...box, trackingNumber: box.trackingNumber ?? trackingNumbers[position] ?? null }));
}

function toAttempt(row: Selectable<PrintAttemptsTable>): PrintAttempt {
  return {
    id: Number(row.id),
    labelId: row.label_id,
    at: row.at,
    printer: row.printer,
    ok: Number(row.ok) === 1,
    reprint: Number(row.reprint) === 1,
    bytes: Number(row.bytes),
    error: row.error,
    operator: row.operator,
    reason: row.reason ?? null,
    station: row.station,
  };
}
