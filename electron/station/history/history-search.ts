/**
 * How a History search is asked of each database (see HistoryStore.search).
 *
 * SQLite: a query of 3+ characters is looked up in labels_search (FTS5, trigram tokenizer), which
 * answers "which labels contain this" in well under a millisecond for a rare string but lists a
 * million keys for a common one ("576", which every TikTok order starts with). So at most
 * CANDIDATE_CAP keys are read from it: when the string is rarer than that, the page is built from
 * those keys; when it is more common, walking the newest-first index and testing each row finds a
 * page of matches after a few hundred rows. PostgreSQL's planner makes the same choice itself from
 * its statistics over the pg_trgm index (labels_words).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { UNCERTAIN_STATUSES } from '../../../shared/domain/labels';
import { SUBSTRING_MIN_LENGTH, type HistoryCursor, type HistorySearch } from '../../../shared/domain/history-search';
import type { Dialect } from './migrations';
import type { HistorySchema } from './schema';

/** Above this many trigram matches, a newest-first walk finds a page sooner than the matches do. */
export const CANDIDATE_CAP = 2000;

type Condition = RawBuilder<unknown>;

export interface SearchPlan {
  /** The FROM clause: `labels AS l`, or the trigram candidates joined to it. */
  from: RawBuilder<unknown>;
  where: Condition[];
  /** The query alone already matches more rows than a total counts (no filter narrows it). */
  knownMore: boolean;
}

const LABELS = sql`labels AS l`;

export async function planSearch(db: Kysely<HistorySchema>, dialect: Dialect, input: HistorySearch): Promise<SearchPlan> {
  const filters = filterConditions(dialect, input);
  const q = input.query.trim();
  if (q === '') return { from: LABELS, where: filters, knownMore: false };
  if ([...q].length < SUBSTRING_MIN_LENGTH) return { from: LABELS, where: [...filters, prefixMatch(dialect, q)], knownMore: false };
  if (dialect === 'postgres') {
    return {
      from: LABELS,
      where: [...filters, sql`${POSTGRES_WORDS} LIKE ${`%${escapeLike(q.toLowerCase())}%`} ESCAPE '\\'`],
      knownMore: false,
    };
  }
  const candidates = await sql<{ k: number }>`
    SELECT rowid AS k FROM labels_search WHERE labels_search MATCH ${ftsPhrase(q)} LIMIT ${CANDIDATE_CAP + 1}`.execute(db);
  if (candidates.rows.length <= CANDIDATE_CAP) {
    const keys = JSON.stringify(candidates.rows.map((r) => r.k));
    // CROSS JOIN: SQLite keeps this order, so each candidate is one lookup by key (never a walk of every label).
    return { from: sql`json_each(${keys}) AS c CROSS JOIN labels AS l ON l.search_key = c.value`, where: filters, knownMore: false };
  }
  const pattern = `%${escapeLike(q)}%`;
  const anyPart = sql`(l.order_id LIKE ${pattern} ESCAPE '\\' OR l.tracking_numbers LIKE ${pattern} ESCAPE '\\' OR l.scanned LIKE ${pattern} ESCAPE '\\' OR l.operator LIKE ${pattern} ESCAPE '\\')`;
  return { from: LABELS, where: [...filters, anyPart], knownMore: filters.length === 0 };
}

/** The words labels_words indexes: the same expression, so the planner can use it. */
const POSTGRES_WORDS = sql`lower(l.order_id || ' ' || l.scanned || ' ' || l.operator || ' ' || l.tracking_numbers)`;

function filterConditions(dialect: Dialect, input: HistorySearch): Condition[] {
  const f = input.filters ?? {};
  const where: Condition[] = [];
  if (input.filter === 'uncertain') where.push(sql`l.status IN (${sql.join(UNCERTAIN_STATUSES)})`);
  if (f.status) where.push(sql`l.status = ${f.status}`);
  if (f.provider) where.push(sql`l.provider = ${f.provider}`);
  if (f.printer) where.push(sql`l.printer = ${f.printer}`);
  if (f.station) where.push(sql`l.station = ${f.station}`);
  if (f.operator) {
    where.push(
      dialect === 'postgres' ? sql`lower(l.operator) = ${f.operator.toLowerCase()}` : sql`l.operator COLLATE NOCASE = ${f.operator}`,
    );
  }
  // Stored times are ISO text in UTC (sorts as time): the bounds are written the same way.
  if (f.from) where.push(sql`l.created_at >= ${new Date(f.from).toISOString()}`);
  if (f.to) where.push(sql`l.created_at < ${new Date(f.to).toISOString()}`);
  return where;
}

/** The start of an order ID, a tracking number, the order number scanned or the operator (any case). */
function prefixMatch(dialect: Dialect, q: string): Condition {
  const pattern = `${escapeLike(q)}%`;
  if (dialect === 'postgres') {
    return sql`(l.order_id ILIKE ${pattern} ESCAPE '\\' OR l.scanned ILIKE ${pattern} ESCAPE '\\' OR l.operator ILIKE ${pattern} ESCAPE '\\'
      OR l.id IN (SELECT label_id FROM label_tracking WHERE upper(tracking_number) LIKE ${pattern.toUpperCase()} ESCAPE '\\'))`;
  }
  return sql`(l.order_id LIKE ${pattern} ESCAPE '\\' OR l.scanned LIKE ${pattern} ESCAPE '\\' OR l.operator LIKE ${pattern} ESCAPE '\\'
    OR l.id IN (SELECT label_id FROM label_tracking WHERE tracking_number LIKE ${pattern} ESCAPE '\\'))`;
}

/** Rows after the cursor in newest-first order (a row value: both databases walk the index to it). */
export function keysetAfter(cursor: HistoryCursor | null | undefined): Condition[] {
  if (!cursor) return [];
  return [sql`(l.created_at, l.id) < (${new Date(cursor.createdAt).toISOString()}, ${cursor.id})`];
}

export function and(conditions: Condition[]): Condition {
  return conditions.length ? sql`${sql.join(conditions, sql` AND `)}` : sql`1 = 1`;
}

/** The query as one FTS5 phrase: the trigram tokenizer then matches it as a substring. */
function ftsPhrase(q: string): string {
  return `"${q.replace(/"/g, '""')}"`;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
