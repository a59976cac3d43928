/**
 * SQLite: the keys a first page with no filter is among. Keys follow the labels' times except for
 * the labels labels_out_of_order lists (a copy from the fleet, a time set back), so a search's newest
 * `wanted` matches are among its `wanted` highest keys past the listed ones, and the listed ones that
 * match. Every first page read by key (candidates tested, exact keys, a phrase of pieces, a walk of
 * label_words) asks those two things its own way, and this puts them together.
 */
import { sql, type Expression, type Kysely, type RawBuilder } from 'kysely';
import type { HistorySchema } from './schema';

/** More labels listed than this: too many to set apart, so key order is not used. */
const OUT_OF_ORDER_CAP = 5000;

/** How one search's matches are read by key. */
export interface MatchesByKey {
  /** Its matches not listed, from the highest key down: at least the `wanted` highest, or all of them. */
  highestPast(listed: ReadonlySet<number>, wanted: number): Promise<readonly number[]>;
  /** Which of the listed labels match (asked only when some are listed). */
  amongListed(listed: ReadonlySet<number>): Promise<readonly number[]>;
}

/** The keys the newest `wanted` matches are among; undefined when too many labels are listed to set apart. */
export async function newestMatchesByKey(db: Kysely<HistorySchema>, matches: MatchesByKey, wanted: number): Promise<number[] | undefined> {
  // Read once, and handed to each statement: the list read again by a later statement could have
  // gained a label (written meanwhile) that neither part of the page would then hold.
  const listed = await keysRead(db, sql`SELECT search_key AS k FROM labels_out_of_order LIMIT ${OUT_OF_ORDER_CAP + 1}`);
  if (listed.length > OUT_OF_ORDER_CAP) return undefined;
  const keys = new Set(listed);
  const highest = await matches.highestPast(keys, wanted);
  const others = keys.size ? await matches.amongListed(keys) : [];
  return [...highest, ...others];
}

/** The keys (column `k`) a statement reads. */
export async function keysRead(db: Kysely<HistorySchema>, statement: RawBuilder<unknown>): Promise<number[]> {
  return (await sql<{ k: number }>`${statement}`.execute(db)).rows.map((row) => row.k);
}

/** Matches among keys already found (a string's exact keys). */
export function amongKeys(keys: readonly number[]): MatchesByKey {
  return {
    highestPast: async (listed, wanted) => keysPast(keys, listed).slice(0, wanted),
    amongListed: async (listed) => keys.filter((key) => listed.has(key)),
  };
}

/** These keys but the listed ones, highest first. */
export function keysPast(keys: readonly number[], listed: ReadonlySet<number>): number[] {
  return keys.filter((key) => !listed.has(key)).sort((a, b) => b - a);
}

/** SQL: a key is none of the listed ones. */
export function notListed(key: Expression<unknown> | RawBuilder<unknown>, listed: ReadonlySet<number>): RawBuilder<unknown> {
  return listed.size ? sql`${key} NOT IN (SELECT value FROM json_each(${JSON.stringify([...listed])}))` : sql`1`;
}

/** The listed keys, as a statement's table `c` of `value`s. */
export function listedKeys(listed: ReadonlySet<number>): RawBuilder<unknown> {
  return sql`json_each(${JSON.stringify([...listed])}) AS c`;
}
