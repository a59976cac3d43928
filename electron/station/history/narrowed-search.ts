/**
 * A reading of a History query on its indexes (search-readings.ts) made into a plan: few labels are
 * taken by key; many are walked newest first, or read off an index that holds their time.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { HistorySearch } from '../../../shared/domain/history-search';
import type { Dialect } from './migrations';
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
  /** What a walk reads newest first: SQLite's rarest filter's index where two filters or more are set. */
  walked: RawBuilder<unknown>,
  page: PageAsked,
): Promise<SearchPlan | null> {
  const counted = await sql<
    Record<string, number | string>
  >`SELECT ${sql.join(narrowing.map((source, n) => sql`${sourceCount(source)} AS ${sql.ref(`n${n}`)}`))}`.execute(db);
  const counts = narrowing.map((_, n) => Number(counted.rows[0]?.[`n${n}`] ?? 0));
  const live = narrowing.filter((_, n) => counts[n]! > 0);
  if (live.length === 0) return null;
  if (counts.reduce((a, b) => a + b, 0) <= CANDIDATE_CAP) return keyedPlan(dialect, await idsOf(db, live.map(sourceIds)), filters);
  const eachRow = live.length === 1 ? sourceRowTest(live[0]!) : sql`(${sql.join(live.map(sourceRowTest), sql` OR `)})`;
  const walk: SearchPlan = { from: walked, where: [...filters, eachRow], knownMore: filters.length === 0 };
  // Many labels match, and a walk finds a page of them at once unless they are all old ("#2" when
  // the shop's numbers have reached #90000: 600,000 newer labels walked, 0.5-1 s). Where each
  // source with many is on an index that holds created_at, the newest of them are read off it
  // instead, once a short walk has found too few (a sort of every match costs more than a walk of
  // a few hundred labels when new labels match too).
  const sortable = filters.length === 0 && live.every((source) => source.newestOn || counts[narrowing.indexOf(source)]! <= CANDIDATE_CAP);
  if (!sortable || (await walkFindsPage(db, walk, page))) return walk;
  const newest = live.map((source) =>
    counts[narrowing.indexOf(source)]! <= CANDIDATE_CAP ? sourceIds(source) : newestOf(dialect, source, page),
  );
  return { ...keyedPlan(dialect, await idsOf(db, newest), filters), total: undefined, knownMore: true };
}

/** The page a search asks for: the newest `limit` after `cursor`. */
type PageAsked = Pick<HistorySearch, 'cursor' | 'limit'>;

/** Labels a walk reads before a source's index is asked for the newest of its labels instead. */
const WALK_PROBE_LABELS = 2000;

/**
 * Whether the newest WALK_PROBE_LABELS labels after the cursor hold a page of the walk's matches (a
 * walk with no filter: its test reads the searched fields alone).
 */
async function walkFindsPage(db: Kysely<HistorySchema>, walk: SearchPlan, page: PageAsked): Promise<boolean> {
  const columns = sql.join(['l.id', 'l.created_at', ...SEARCHED_FIELDS].map((c) => sql.ref(c)));
  const newestFirst = sql`ORDER BY l.created_at DESC, l.id DESC`;
  const probed = await sql<{ n: number }>`
    SELECT count(*) AS n FROM (SELECT 1 FROM (SELECT ${columns} FROM ${walk.from} WHERE ${and(keysetAfter(page.cursor))} ${newestFirst} LIMIT ${WALK_PROBE_LABELS}) AS l
    WHERE ${and(walk.where)} LIMIT ${page.limit + 1}) AS p`.execute(db);
  return Number(probed.rows[0]?.n ?? 0) > page.limit;
}

/** The newest labels a source names after the cursor, read off its index (newestOn) alone: a page and one more. */
function newestOf(dialect: Dialect, source: Source, page: PageAsked): RawBuilder<unknown> {
  const on = dialect === 'sqlite' ? sql`labels AS l INDEXED BY ${sql.raw(source.newestOn!)}` : sql`labels AS l`;
  // PostgreSQL: ordered by an expression, so the planner does not walk labels_newest to the first
  // match (which it expects at once, from a share of labels it cannot place in time).
  const createdAt = dialect === 'sqlite' ? sql`l.created_at` : sql`(l.created_at || '')`;
  return sql`SELECT * FROM (SELECT l.id FROM ${on} WHERE ${and([source.where, ...keysetAfter(page.cursor)])}
    ORDER BY ${createdAt} DESC, l.id DESC LIMIT ${page.limit + 1}) AS newest`;
}

async function idsOf(db: Kysely<HistorySchema>, sources: RawBuilder<unknown>[]): Promise<string[]> {
  const found = await sql<{ id: string }>`SELECT DISTINCT id FROM (${sql.join(sources, sql` UNION ALL `)}) AS m`.execute(db);
  return found.rows.map((r) => r.id);
}
