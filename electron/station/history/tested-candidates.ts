/**
 * SQLite: a page and its total from labels that may hold a string (a rare part of it was looked up),
 * testing as few of them as the page and the total need.
 *
 * The candidates are put newest first from labels_key_newest alone (no label read), then tested in
 * that order until the page is full; the total is counted on from the untested ones, in key order,
 * only until it passes HISTORY_TOTAL_CAP. "1118992041", in 2,200 labels of a million: every
 * candidate read and tested, then the page ordered, took 9 ms; a page and 1,001 of them, 5.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { HISTORY_TOTAL_CAP, type HistorySearch } from '../../../shared/domain/history-search';
import type { HistorySchema } from './schema';
import { and, keysetAfter, type Condition, type SearchPlan } from './search-plan';

/** Candidates tested by one statement while a page fills (most hold the string: a page is 51). */
const PAGE_CHUNK = 128;
/** Candidates tested by one statement while the total is counted. */
const COUNT_CHUNK = 512;

/**
 * The labels of these keys, each looked up on the index that also holds its time (CROSS JOIN: SQLite
 * keeps this order, so each key is one lookup, never a walk of every label): a page with no filter is
 * ordered from that index alone.
 */
export function byKey(keys: readonly number[]): RawBuilder<unknown> {
  return sql`json_each(${JSON.stringify(keys)}) AS c CROSS JOIN labels AS l INDEXED BY labels_key_newest ON l.search_key = c.value`;
}

/** `test`: the whole string in any searched field; `filters`: History's filters. */
export async function testedCandidatesPlan(
  db: Kysely<HistorySchema>,
  keys: readonly number[],
  test: Condition,
  filters: Condition[],
  input: HistorySearch,
): Promise<SearchPlan> {
  const matched = new Map<number, boolean>();
  const testEach = async (chunk: readonly number[]): Promise<number> => {
    const held = await sql<{ k: number }>`SELECT l.search_key AS k FROM ${byKey(chunk)} WHERE ${and([test, ...filters])}`.execute(db);
    for (const key of chunk) matched.set(key, false);
    for (const { k } of held.rows) matched.set(k, true);
    return held.rows.length;
  };

  const newestFirst = await sql<{ k: number }>`
    SELECT l.search_key AS k FROM ${byKey(keys)} WHERE ${and(keysetAfter(input.cursor))}
    ORDER BY l.created_at DESC, l.id DESC`.execute(db);
  const page: number[] = [];
  for (let at = 0; at < newestFirst.rows.length && page.length <= input.limit; at += PAGE_CHUNK) {
    const chunk = newestFirst.rows.slice(at, at + PAGE_CHUNK).map((r) => r.k);
    await testEach(chunk);
    page.push(...chunk.filter((key) => matched.get(key)));
  }
  const plan: SearchPlan = { from: byKey(page.slice(0, input.limit + 1)), where: [], knownMore: false };
  if (input.countTotal === false) return plan;

  let found = [...matched.values()].filter(Boolean).length;
  const untested = keys.filter((key) => !matched.has(key));
  for (let at = 0; at < untested.length && found <= HISTORY_TOTAL_CAP; at += COUNT_CHUNK) {
    found += await testEach(untested.slice(at, at + COUNT_CHUNK));
  }
  return { ...plan, total: Math.min(found, HISTORY_TOTAL_CAP + 1) };
}
