/**
 * A reading of a History query on its indexes (search-readings.ts) made into a plan: few labels are
 * taken by key; many are walked newest first, or read off an index that holds their time.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { HISTORY_TOTAL_CAP, type HistorySearch } from '../../../shared/domain/history-search';
import { SCANNED_START_LENGTH, type Dialect } from './migrations';
import type { HistorySchema } from './schema';
import { and, keysetAfter, keyedPlan, type Condition, type SearchPlan } from './search-plan';
import { SEARCHED_FIELDS, sourceCount, sourceIds, sourceRowTest, type Narrowing, type Source } from './search-readings';
import { CANDIDATE_CAP } from './substring-candidates';

/** The plan for the labels a reading names, or null when its sources name none (then the query is read otherwise). */
export async function narrowTo(
  db: Kysely<HistorySchema>,
  dialect: Dialect,
  narrowing: Narrowing,
  filters: Condition[],
  /** What a walk reads newest first (SQLite's rarest filter's index where two filters or more are set), read when a plan walks. */
  walked: () => Promise<RawBuilder<unknown>>,
  page: PageAsked,
  /** Its sources' entries, counted already with other readings' (countEntries). */
  counted?: number[],
): Promise<SearchPlan | null> {
  const counts = counted ?? (await countEntries(db, [narrowing]))[0]!;
  const live = narrowing.filter((_, n) => counts[n]! > 0);
  if (live.length === 0) return null;
  if (counts.reduce((a, b) => a + b, 0) <= CANDIDATE_CAP) return keyedPlan(dialect, await idsOf(db, live.map(sourceIds)), filters);
  const eachRow = live.length === 1 ? sourceRowTest(live[0]!) : sql`(${sql.join(live.map(sourceRowTest), sql` OR `)})`;
  const from = await walked();
  const walk: SearchPlan = { from, where: [...filters, eachRow], knownMore: filters.length === 0 };
  // Many labels match, and a walk finds a page of them at once unless they are all old ("#2" when
  // the shop's numbers have reached #90000: 600,000 newer labels walked, 0.5-1 s; with a station's
  // filter as long). Where the one source is on an index that holds each label's time and the
  // filtered columns, the newest of them are read off it instead, once a short walk has found too
  // few (a sort of every match costs more than a walk of a few hundred labels when new ones match).
  const [only] = live;
  if (live.length > 1 || !only!.newestOn || (await walkFindsPage(db, from, filters, eachRow, page))) return walk;
  return newestOffIndex(db, dialect, only!, filters, page);
}

/**
 * Each reading's sources' entries, in one statement: a query is read several ways before one names
 * labels (whole, beginning, end), and on the fleet's PostgreSQL each statement is a round trip.
 */
export async function countEntries(db: Kysely<HistorySchema>, readings: Narrowing[]): Promise<number[][]> {
  const sources = readings.flatMap((reading, r) => reading.map((source, n) => sql`${sourceCount(source)} AS ${sql.ref(`n${r}_${n}`)}`));
  if (sources.length === 0) return readings.map(() => []);
  const counted = await sql<Record<string, number | string>>`SELECT ${sql.join(sources)}`.execute(db);
  return readings.map((reading, r) => reading.map((_, n) => Number(counted.rows[0]?.[`n${r}_${n}`] ?? 0)));
}

/** The page a search asks for: the newest `limit` after `cursor`. */
type PageAsked = Pick<HistorySearch, 'cursor' | 'limit'>;

/** Labels a walk reads before a source's index is asked for the newest of its labels instead. */
const WALK_PROBE_LABELS = 2000;
/** What a walk's tests read: the searched fields and the filtered columns. */
const WALKED_COLUMNS = ['l.id', 'l.created_at', ...SEARCHED_FIELDS, 'l.status', 'l.provider', 'l.printer', 'l.station'];

/** Whether the newest WALK_PROBE_LABELS labels after the cursor that pass the filters hold a page of labels that pass `test`. */
async function walkFindsPage(
  db: Kysely<HistorySchema>,
  walked: RawBuilder<unknown>,
  filters: Condition[],
  test: Condition,
  page: PageAsked,
): Promise<boolean> {
  const columns = sql.join(WALKED_COLUMNS.map((c) => sql.ref(c)));
  const probed = await sql<{ n: number }>`
    SELECT count(*) AS n FROM (SELECT 1 FROM (
      SELECT ${columns} FROM ${walked} WHERE ${and([...filters, ...keysetAfter(page.cursor)])}
      ORDER BY l.created_at DESC, l.id DESC LIMIT ${WALK_PROBE_LABELS}) AS l
    WHERE ${test} LIMIT ${page.limit + 1}) AS p`.execute(db);
  return Number(probed.rows[0]?.n ?? 0) > page.limit;
}

/**
 * The newest labels a source names after the cursor (a page and one more) and how many it names,
 * each read off its index (newestOn) alone: it holds the filtered columns too.
 */
async function newestOffIndex(
  db: Kysely<HistorySchema>,
  dialect: Dialect,
  source: Source,
  filters: Condition[],
  page: PageAsked,
): Promise<SearchPlan> {
  const { start } = source.newestOn!;
  const named = [source.where, ...filters];
  const after = [...named, ...keysetAfter(page.cursor)];
  const ids =
    dialect === 'postgres'
      ? await newestByStart(db, start, after, page.limit + 1)
      : ((await newestByStartSqlite(db, start, after, page.limit + 1)) ?? (await newestOfAll(db, SCANNED_ENTRIES, after, page.limit + 1)));
  const keyed = keyedPlan(dialect, ids, filters);
  // With no filter, narrowTo's count of the source (over CANDIDATE_CAP) already says "more than 1,000".
  if (filters.length === 0) return { ...keyed, total: undefined, knownMore: true };
  const counted = await sql<{ n: number }>`
    SELECT count(*) AS n FROM (SELECT 1 FROM ${dialect === 'sqlite' ? SCANNED_ENTRIES : sql`labels AS l`} WHERE ${and(named)}
    LIMIT ${HISTORY_TOTAL_CAP + 1}) AS c`.execute(db);
  return { ...keyed, total: Number(counted.rows[0]?.n ?? 0) };
}

/** SQLite: every shop number, with each label's time and filtered columns. */
const SCANNED_ENTRIES = sql`labels AS l INDEXED BY labels_scanned_newest`;

/** A shop number's first characters as labels_scanned_start_newest keys it (PostgreSQL). */
const SCANNED_START = sql`(left(lower(l.scanned), ${sql.lit(SCANNED_START_LENGTH)}) COLLATE "C")`;

/**
 * PostgreSQL: the `wanted` newest labels `where` names (shop numbers that begin with `start` and
 * more), read off labels_scanned_start_newest: each first SCANNED_START_LENGTH characters under
 * `start` is found by a skip along the index ("#2" has "#20" to "#29" and "#2" itself), and the
 * newest of each are read from the end of its entries, which are in time order. Exact whatever the
 * numbers' order in time (a shop whose numbers shrink too), where reading the highest numbers and
 * checking that no other is newer read all 37,000 entries of "#2" (4.7 ms of a 10 ms search).
 */
async function newestByStart(db: Kysely<HistorySchema>, start: string, where: Condition[], wanted: number): Promise<string[]> {
  const under = sql`starts_with(s.v, lower(${start}) COLLATE "C")`;
  const found = await sql<{ id: string }>`
    WITH RECURSIVE starts AS (
      (SELECT ${SCANNED_START} AS v FROM labels AS l WHERE l.scanned <> '' AND ${SCANNED_START} >= lower(${start}) COLLATE "C" ORDER BY 1 LIMIT 1)
      UNION ALL
      SELECT (SELECT ${SCANNED_START} FROM labels AS l WHERE l.scanned <> '' AND ${SCANNED_START} > s.v ORDER BY 1 LIMIT 1)
      FROM starts AS s WHERE ${under})
    SELECT n.id FROM starts AS s CROSS JOIN LATERAL (
      SELECT l.id, l.created_at FROM labels AS l WHERE l.scanned <> '' AND ${SCANNED_START} = s.v AND ${and(where)}
      ORDER BY l.created_at DESC, l.id DESC LIMIT ${wanted}) AS n
    WHERE ${under}
    ORDER BY n.created_at DESC, n.id DESC LIMIT ${wanted}`.execute(db);
  return found.rows.map((r) => r.id);
}

/** A shop number's first characters as SQLite's labels_scanned_start_newest keys it (lower() of ASCII, as NOCASE compares). */
const SQLITE_SCANNED_START = sql`lower(substr(l.scanned, 1, ${sql.lit(SCANNED_START_LENGTH)}))`;
/** Starts read at most, each a SELECT of one compound statement (SQLite allows 500). */
const MAX_STARTS = 400;

/**
 * SQLite: as newestByStart, in two statements (SQLite has no LATERAL): the starts under `start`, by a
 * skip along labels_scanned_start_newest, then the newest of each, read from the end of its entries.
 * "#2" read its highest numbers, then counted all 37,000 entries under it to check that none was
 * newer (6.6 ms of a search, 3 with this). Undefined when more than MAX_STARTS starts are under
 * `start` (one character): then every entry is sorted.
 */
async function newestByStartSqlite(
  db: Kysely<HistorySchema>,
  start: string,
  where: Condition[],
  wanted: number,
): Promise<string[] | undefined> {
  const under = (v: Condition) => sql`substr(${v}, 1, length(lower(${start}))) = lower(${start})`;
  const starts = await sql<{ v: string }>`
    WITH RECURSIVE starts(v) AS (
      SELECT (SELECT ${SQLITE_SCANNED_START} FROM labels AS l WHERE l.scanned <> '' AND ${SQLITE_SCANNED_START} >= lower(${start}) ORDER BY 1 LIMIT 1)
      UNION ALL
      SELECT (SELECT ${SQLITE_SCANNED_START} FROM labels AS l WHERE l.scanned <> '' AND ${SQLITE_SCANNED_START} > s.v ORDER BY 1 LIMIT 1)
      FROM starts AS s WHERE ${under(sql`s.v`)} LIMIT ${MAX_STARTS + 2})
    SELECT v FROM starts WHERE ${under(sql`v`)}`.execute(db);
  if (starts.rows.length > MAX_STARTS) return undefined;
  if (starts.rows.length === 0) return [];
  const newestOfEach = starts.rows.map(
    ({ v }) => sql`SELECT * FROM (
      SELECT l.id, l.created_at FROM labels AS l INDEXED BY labels_scanned_start_newest
      WHERE l.scanned <> '' AND ${SQLITE_SCANNED_START} = ${v} AND ${and(where)}
      ORDER BY l.created_at DESC, l.id DESC LIMIT ${wanted})`,
  );
  const found = await sql<{ id: string }>`
    SELECT id FROM (${sql.join(newestOfEach, sql` UNION ALL `)}) ORDER BY created_at DESC, id DESC LIMIT ${wanted}`.execute(db);
  return found.rows.map((r) => r.id);
}

/** SQLite: the `wanted` newest labels `where` names, every entry of the index sorted by time. */
async function newestOfAll(db: Kysely<HistorySchema>, on: RawBuilder<unknown>, where: Condition[], wanted: number): Promise<string[]> {
  const found = await sql<{ id: string }>`
    SELECT l.id FROM ${on} WHERE ${and(where)} ORDER BY l.created_at DESC, l.id DESC LIMIT ${wanted}`.execute(db);
  return found.rows.map((r) => r.id);
}

async function idsOf(db: Kysely<HistorySchema>, sources: RawBuilder<unknown>[]): Promise<string[]> {
  const found = await sql<{ id: string }>`SELECT DISTINCT id FROM (${sql.join(sources, sql` UNION ALL `)}) AS m`.execute(db);
  return found.rows.map((r) => r.id);
}
