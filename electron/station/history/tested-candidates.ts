/**
 * SQLite: a page and its total from labels that may hold a string (a rare part of it was looked up),
 * testing as few of them as the page and the total need.
 *
 * A first page tests the candidates from the highest key down (keys follow the labels' times, but for
 * the few labels_out_of_order lists) until the page is full; a later one puts them newest first from
 * labels_key_newest alone (no label read) and tests them in that order. The total is counted on from
 * the untested ones, in key order, only until it passes HISTORY_TOTAL_CAP. "1118992014", in 2,161
 * labels of a million (warm): every candidate read and tested, then the page ordered, took 9 ms of
 * statements; ordering them all first, then a page and 1,001 of them, 3; a page in key order, 1.6.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { HISTORY_TOTAL_CAP, type HistorySearch } from '../../../shared/domain/history-search';
import { amongKeys, keysPast, keysRead, newestMatchesByKey, notListed } from './newest-by-key';
import type { HistorySchema } from './schema';
import { and, keysetAfter, type Condition, type SearchPlan } from './search-plan';

/** Candidates tested by one statement while a page fills (most hold the string: a page is 51). */
const PAGE_CHUNK = 128;
/** Candidates tested by one statement besides a first page's (listed out of order). */
const COUNT_CHUNK = 512;

/**
 * The labels of these keys, each looked up on the index that also holds its time (CROSS JOIN: SQLite
 * keeps this order, so each key is one lookup, never a walk of every label): a page with no filter is
 * ordered from that index alone.
 */
export function byKey(keys: readonly number[]): RawBuilder<unknown> {
  return sql`json_each(${JSON.stringify(keys)}) AS c CROSS JOIN labels AS l INDEXED BY labels_key_newest ON l.search_key = c.value`;
}

/** The searched fields of the labels of these keys (label_words), each one lookup by key: what a test with no filter reads. */
function wordsByKey(keys: readonly number[]): RawBuilder<unknown> {
  return sql`json_each(${JSON.stringify(keys)}) AS c CROSS JOIN label_words AS l ON l.search_key = c.value`;
}

/** Each candidate tested so far: whether it holds the string (and passes the filters). */
type Matched = Map<number, boolean>;
/** Tests these candidates, notes each in Matched, and says how many hold the string. */
type TestEach = (chunk: readonly number[]) => Promise<number>;

/** `test`: the whole string in any searched field; `filters`: History's filters. */
export async function testedCandidatesPlan(
  db: Kysely<HistorySchema>,
  keys: readonly number[],
  test: Condition,
  filters: Condition[],
  input: HistorySearch,
): Promise<SearchPlan> {
  const matched: Matched = new Map();
  // The test alone reads only the searched fields; History's filters need the labels' rows.
  const tested = filters.length === 0 ? wordsByKey : byKey;
  const testEach: TestEach = async (chunk) => {
    const held = await sql<{ k: number }>`SELECT l.search_key AS k FROM ${tested(chunk)} WHERE ${and([test, ...filters])}`.execute(db);
    for (const key of chunk) matched.set(key, false);
    for (const { k } of held.rows) matched.set(k, true);
    return held.rows.length;
  };

  const search: PageSearch = { db, keys, input, testEach, matched };
  const page = input.cursor ? await pageInTimeOrder(search) : await firstPageInKeyOrder(search);
  const plan: SearchPlan = { from: byKey(page), where: [], knownMore: false };
  const found = [...matched.values()].filter(Boolean).length;
  const untested = keys.filter((key) => !matched.has(key));
  if (untested.length === 0 || found > HISTORY_TOTAL_CAP) return { ...plan, total: Math.min(found, HISTORY_TOTAL_CAP + 1) };
  // The total is counted on from the untested ones, in key order, by one statement that stops at 1,001.
  return { ...plan, countFrom: tested(untested), countWhere: [test, ...filters], countedBefore: found };
}

/** What a page is found from: the candidates, the search, and the tests made so far. */
interface PageSearch {
  db: Kysely<HistorySchema>;
  keys: readonly number[];
  input: HistorySearch;
  testEach: TestEach;
  matched: Matched;
}

/**
 * A first page: the candidates not listed out of order are tested from the highest key down until
 * the page is full (any left are older than each of those), and the listed ones are all tested
 * besides. The page's statement puts them in time order.
 */
async function firstPageInKeyOrder(search: PageSearch): Promise<number[]> {
  const { keys, testEach, matched } = search;
  const page = await newestMatchesByKey(
    search.db,
    {
      highestPast: (listed) => testUntilPage(search, keysPast(keys, listed)),
      amongListed: async (listed) => {
        const others = keys.filter((key) => listed.has(key));
        for (let at = 0; at < others.length; at += COUNT_CHUNK) await testEach(others.slice(at, at + COUNT_CHUNK));
        return others.filter((key) => matched.get(key));
      },
    },
    search.input.limit + 1,
  );
  return page ?? pageInTimeOrder(search);
}

/** Of labels found by key, those the newest `wanted` are among (all of them when too many are listed out of order). */
export async function newestByKey(db: Kysely<HistorySchema>, keys: readonly number[], wanted: number): Promise<readonly number[]> {
  if (keys.length <= wanted) return keys;
  return (await newestMatchesByKey(db, amongKeys(keys), wanted)) ?? keys;
}

/**
 * The keys of labels whose searched fields pass `test` (no filter) that the newest `wanted` of them
 * are among, read on label_words from the highest key down. Undefined when too many labels are listed
 * out of order to set apart.
 */
export async function newestHoldingByKey(db: Kysely<HistorySchema>, test: Condition, wanted: number): Promise<number[] | undefined> {
  return newestMatchesByKey(
    db,
    {
      highestPast: (listed, limit) =>
        keysRead(
          db,
          sql`SELECT l.search_key AS k FROM label_words AS l
            WHERE ${test} AND ${notListed(sql`l.search_key`, listed)}
            ORDER BY l.search_key DESC LIMIT ${limit}`,
        ),
      amongListed: (listed) => keysRead(db, sql`SELECT l.search_key AS k FROM ${wordsByKey([...listed])} WHERE ${test}`),
    },
    wanted,
  );
}

/** Any page: the candidates after the cursor put newest first from labels_key_newest alone (no label read), tested in that order. */
async function pageInTimeOrder(search: PageSearch): Promise<number[]> {
  const newestFirst = await sql<{ k: number }>`
    SELECT l.search_key AS k FROM ${byKey(search.keys)} WHERE ${and(keysetAfter(search.input.cursor))}
    ORDER BY l.created_at DESC, l.id DESC`.execute(search.db);
  return testUntilPage(
    search,
    newestFirst.rows.map((r) => r.k),
  );
}

/** The candidates that hold the string, tested in the order given until a page and one more are found. */
async function testUntilPage({ input, testEach, matched }: PageSearch, ordered: readonly number[]): Promise<number[]> {
  const found: number[] = [];
  for (let at = 0; at < ordered.length && found.length <= input.limit; at += PAGE_CHUNK) {
    const chunk = ordered.slice(at, at + PAGE_CHUNK);
    await testEach(chunk);
    found.push(...chunk.filter((key) => matched.get(key)));
  }
  return found;
}
