/**
 * The history's reading side for reports: the export's rows a page at a time (keyset on the
 * labels_created index, so a year is read in bounded pages, never at once), and a day's labels and
 * print attempts for the end-of-day summary. Same queries on SQLite and PostgreSQL.
 */
import { sql, type RawBuilder } from 'kysely';
import type { CheckOverride, LabelStatus } from '../../../shared/domain/labels';
import { checkOverrideOf } from './check-override';
import { UNCERTAIN_STATUSES } from '../../../shared/domain/labels';
import type { ProviderName } from '../../../shared/domain/providers';
import type { HistoryExportFilter } from '../../../shared/domain/reports';
import type { HistoryDatabase } from './database';

/** One label as the CSV export writes it. */
export interface ExportRow {
  id: string;
  createdAt: string;
  orderId: string;
  /** The Shopify order number that was scanned, where the history keeps it ('' otherwise). */
  shopifyOrder: string;
  trackingNumbers: string[];
  provider: ProviderName;
  sandbox: boolean;
  status: LabelStatus;
  cost: number | null;
  currency: string | null;
  operator: string;
  printer: string;
  station: string;
  /** Print attempts that printed (first print and reprints). */
  prints: number;
  reprints: number;
  /** A supervisor bought it without the packing check; null otherwise. */
  checkOverride?: CheckOverride | null;
}

/** Where the previous page ended (newest first): its last row's creation time and id. */
export interface ExportCursor {
  createdAt: string;
  id: string;
}

export interface DayLabel {
  createdAt: string;
  status: LabelStatus;
  operator: string;
  /** The station that bought it (its name). */
  station: string;
  /** Boxes the label covers (1 for a single parcel). */
  boxes: number;
  cost: number | null;
  currency: string | null;
}

export interface DayAttempt {
  at: string;
  ok: boolean;
  reprint: boolean;
  operator: string;
  reason: string | null;
  /** The station that printed ('' when not recorded: attempts from before stations were kept). */
  station: string;
}

/**
 * The labels a filter selects, as one SQL condition: the single place where History's filter
 * fields become SQL for reports (the query matches the start of an order ID or of a tracking number).
 */
export function labelFilterWhere(dialect: HistoryDatabase['dialect'], filter: HistoryExportFilter): RawBuilder<boolean> {
  const like = sql.raw(dialect === 'postgres' ? 'ilike' : 'like');
  const conditions: RawBuilder<boolean>[] = [];
  const q = filter.query.trim();
  if (q !== '') {
    const pattern = `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      sql<boolean>`(l.order_id ${like} ${pattern} ESCAPE '\\' OR l.id IN (SELECT label_id FROM label_tracking WHERE tracking_number ${like} ${pattern} ESCAPE '\\'))`,
    );
  }
  if (filter.filter === 'uncertain') conditions.push(sql<boolean>`l.status IN (${sql.join(UNCERTAIN_STATUSES)})`);
  return conditions.length ? sql<boolean>`${sql.join(conditions, sql` AND `)}` : sql<boolean>`1 = 1`;
}

/** One page of the export, newest first, after `cursor` (none: the first page). */
export async function exportPage(
  history: HistoryDatabase,
  filter: HistoryExportFilter,
  cursor: ExportCursor | null,
  limit: number,
): Promise<ExportRow[]> {
  let query = history.db
    .selectFrom('labels as l')
    // Only what the CSV writes: whole rows (request bodies, boxes) would make each page several times slower.
    .select([
      'l.id',
      'l.created_at',
      'l.order_id',
      'l.tracking_numbers',
      'l.provider',
      'l.sandbox',
      'l.status',
      'l.cost_amount',
      'l.cost_currency',
      'l.operator',
      'l.printer',
      'l.station',
      'l.check_override',
    ])
    .where(labelFilterWhere(history.dialect, filter))
    .orderBy('l.created_at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(limit);
  if (cursor) {
    // `created_at <= c` alone bounds the index range (an OR of the two cases would read every row each page).
    query = query
      .where('l.created_at', '<=', cursor.createdAt)
      .where((eb) => eb.or([eb('l.created_at', '<', cursor.createdAt), eb('l.id', '<', cursor.id)]));
  }
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const counts = await history.db
    .selectFrom('print_attempts')
    .select([
      'label_id',
      sql<number>`cast(sum(case when ok = 1 then 1 else 0 end) as integer)`.as('prints'),
      sql<number>`cast(sum(case when ok = 1 and reprint = 1 then 1 else 0 end) as integer)`.as('reprints'),
    ])
    .where(
      'label_id',
      'in',
      rows.map((r) => r.id),
    )
    .groupBy('label_id')
    .execute();
  const byLabel = new Map(counts.map((c) => [c.label_id, c]));
  return rows.map((row) => {
    const count = byLabel.get(row.id);
    return {
      id: row.id,
      createdAt: row.created_at,
      orderId: row.order_id,
      // The history keeps no Shopify order number yet (History's search work adds it): filled here once it does.
      shopifyOrder: '',
      trackingNumbers: JSON.parse(row.tracking_numbers) as string[],
      provider: row.provider,
      sandbox: Number(row.sandbox) === 1,
      status: row.status,
      cost: row.cost_amount === null ? null : Number(row.cost_amount),
      currency: row.cost_currency,
      operator: row.operator,
      printer: row.printer,
      station: row.station,
      prints: Number(count?.prints ?? 0),
      reprints: Number(count?.reprints ?? 0),
      checkOverride: checkOverrideOf(row.check_override),
    };
  });
}

/** The labels created and the print attempts made in [from, to) (ISO times). */
export async function dayActivity(
  history: HistoryDatabase,
  from: string,
  to: string,
): Promise<{ labels: DayLabel[]; attempts: DayAttempt[] }> {
  const labels = await history.db
    .selectFrom('labels')
    .select(['created_at', 'status', 'operator', 'station', 'boxes', 'cost_amount', 'cost_currency'])
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .execute();
  const attempts = await history.db
    .selectFrom('print_attempts')
    .select(['at', 'ok', 'reprint', 'operator', 'reason', 'station'])
    .where('at', '>=', from)
    .where('at', '<', to)
    .execute();
  return {
    labels: labels.map((l) => ({
      createdAt: l.created_at,
      status: l.status,
      operator: l.operator,
      station: l.station,
      boxes: Math.max(1, (JSON.parse(l.boxes) as unknown[]).length),
      cost: l.cost_amount === null ? null : Number(l.cost_amount),
      currency: l.cost_currency,
    })),
    attempts: attempts.map((a) => ({
      at: a.at,
      ok: Number(a.ok) === 1,
      reprint: Number(a.reprint) === 1,
      operator: a.operator,
      reason: a.reason ?? null,
      station: a.station,
    })),
  };
}
