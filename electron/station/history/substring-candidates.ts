/**
 * Which labels may contain a string, from SQLite's trigram index (labels_search), reading as little
 * of it as the string allows.
 *
 * FTS5 answers a phrase by stepping through the list of every trigram in it. Some trigrams are in
 * most labels (a USPS mailer ID's, "576" of every TikTok order): their lists hold a million entries,
 * so a long string made mostly of them (13 digits of a tracking number that no label holds) read
 * about 60 ms of lists. The string's rarest trigram is found first (each trigram's newest matches
 * say how common it is), and the part of the string read from the index grows from there, one
 * character at a time toward the rarer side, until it names few enough labels to test each one.
 */
import { sql, type Kysely } from 'kysely';
import type { HistorySchema } from './schema';

/** Above this many labels the whole string names, a newest-first walk finds a page sooner. */
export const CANDIDATE_CAP = 2000;
/** A part of the string that names at most this many labels is tested on each of them. */
const TESTED_CAP = 300;
/** How many of a trigram's newest matches tell how common it is. */
const SAMPLE = 64;
/** Longer strings are read whole (a part that long is rare enough by itself). */
const WINDOW_MAX_TRIGRAMS = 40;

export type Candidates =
  /** The labels with the whole string (exact) or with a rare part of it (each to be tested). */
  | { keys: number[]; exact: boolean }
  /** More than CANDIDATE_CAP labels hold the whole string. */
  | { many: true };

export async function substringCandidates(db: Kysely<HistorySchema>, q: string): Promise<Candidates> {
  const chars = [...q];
  const trigrams = chars.length - 2;
  if (trigrams <= 1 || trigrams > WINDOW_MAX_TRIGRAMS) return whole(db, q);

  const newest = Number((await sql<{ k: number | null }>`SELECT max(search_key) AS k FROM labels`.execute(db)).rows[0]?.k ?? 0);
  const rarity = new Map<string, number>();
  const share = async (at: number): Promise<number> => {
    const trigram = chars.slice(at, at + 3).join('');
    let known = rarity.get(trigram);
    if (known === undefined) {
      const sampled = await sql<{ n: number; oldest: number | null }>`
        SELECT count(*) AS n, min(k) AS oldest FROM (
          SELECT rowid AS k FROM labels_search WHERE labels_search MATCH ${phrase(trigram)} ORDER BY rowid DESC LIMIT ${SAMPLE})`.execute(
        db,
      );
      const { n, oldest } = sampled.rows[0] ?? { n: 0, oldest: null };
      // Fewer than SAMPLE matches is every match: the share of all labels, not of the newest.
      known = oldest === null ? 0 : Number(n) < SAMPLE ? Number(n) / Math.max(1, newest) : Number(n) / (newest - Number(oldest) + 1);
      rarity.set(trigram, known);
    }
    return known;
  };

  let rarest = 0;
  for (let at = 1; at < trigrams; at++) if ((await share(at)) < (await share(rarest))) rarest = at;
  if ((await share(rarest)) === 0) return { keys: [], exact: true };

  let [from, to] = [rarest, rarest + 3];
  for (;;) {
    if (from === 0 && to === chars.length) return whole(db, q);
    const part = chars.slice(from, to).join('');
    const keys = await matches(db, part, TESTED_CAP + 1);
    if (keys.length <= TESTED_CAP) return { keys, exact: false };
    const left = from > 0 ? await share(from - 1) : Infinity;
    const right = to < chars.length ? await share(to - 2) : Infinity;
    if (left <= right) from -= 1;
    else to += 1;
  }
}

async function whole(db: Kysely<HistorySchema>, q: string): Promise<Candidates> {
  const keys = await matches(db, q, CANDIDATE_CAP + 1);
  return keys.length > CANDIDATE_CAP ? { many: true } : { keys, exact: true };
}

async function matches(db: Kysely<HistorySchema>, part: string, limit: number): Promise<number[]> {
  const found = await sql<{
    k: number;
  }>`SELECT rowid AS k FROM labels_search WHERE labels_search MATCH ${phrase(part)} LIMIT ${limit}`.execute(db);
  return found.rows.map((r) => r.k);
}

/** The string as one FTS5 phrase: the trigram tokenizer then matches it as a substring. */
function phrase(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}
