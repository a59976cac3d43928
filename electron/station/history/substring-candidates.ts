/**
 * Which labels may contain a string, from SQLite's search indexes, reading as little of them as the
 * string allows.
 *
 * A string of 4 characters or more is looked up by its rarest pieces (word-pieces.ts): of 8 characters
 * in labels_long_pieces when it has rare ones, else of 4 in labels_pieces; lists of label keys only,
 * a tenth as long as a trigram's or shorter. Otherwise, or when its pieces name too many labels, the
 * trigram index (labels_search): FTS5 answers a phrase by stepping
 * through the list of every trigram in it, and some trigrams are in most labels (a USPS mailer ID's,
 * "576" of every TikTok order), so the string's rarest trigram is found first (each trigram's newest
 * matches say how common it is) and the part read from the index grows from there, one character
 * at a time toward the rarer side, until it names few enough labels to test each one.
 */
import { sql, type Kysely } from 'kysely';
import type { HistorySchema } from './schema';
import { LONG_PIECE_LENGTH, PIECE_LENGTH, piecesOf, placedPieces, rarestPieces } from './word-pieces';

/** Above this many labels the whole string names, a newest-first walk finds a page sooner. */
export const CANDIDATE_CAP = 2000;
/** A part of the string that names at most this many labels is tested on each of them. */
const TESTED_CAP = 300;
/**
 * Labels found by pieces are tested for the whole string up to this many (1-2 µs each): more, and the
 * trigram index is asked, whose lists are longer ("1118992041", in 2,200 of a million labels,
 * took 30 ms there and 15 more to walk to a page of it).
 */
const PIECES_TESTED_CAP = 5000;
/**
 * A string that is one whole piece names its labels by that piece's list alone, read up to this
 * many: each is then looked up by key for the page (about 1 µs each), where a walk newest first
 * tests 51 / share labels to fill a page ("18992041", in 0.2 % of a million labels: 25,000, 35 ms).
 */
const PIECE_KEYED_CAP = 5000;
/**
 * A string is found by the phrase of its 8-character pieces when none is in more than this share of
 * labels. On a million: "1118992168" (pieces in 22 %, 2 % and 0.2 % of labels) 2-3 ms, where its
 * candidates were tested; "940011189920410" (pieces in 75 %) 6-8 ms, where they take 2.
 */
const PHRASE_PIECE_SHARE = 0.25;
/** How many of a term's newest matches tell how common it is. */
const SAMPLE = 64;
/** Longer strings are read whole (a part that long is rare enough by itself). */
const WINDOW_MAX_TRIGRAMS = 40;

export type NamedCandidates =
  /** The labels with the whole string (exact) or with a rare part of it (each to be tested). */
  | { keys: number[]; exact: boolean }
  /** More labels hold the whole string than are read by key: CANDIDATE_CAP, or PIECE_KEYED_CAP when it is one piece. */
  | { many: true };
export type Candidates =
  | NamedCandidates
  /** labels_long_pieces names exactly the labels holding the string: the phrase of these pieces (see phraseHolding). */
  | { phrase: string };

export async function substringCandidates(db: Kysely<HistorySchema>, q: string): Promise<Candidates> {
  const newest = Number((await sql<{ k: number | null }>`SELECT max(search_key) AS k FROM labels`.execute(db)).rows[0]?.k ?? 0);
  const byPieces = await pieceCandidates(db, q, newest);
  if ('candidates' in byPieces) return byPieces.candidates;

  const chars = [...q];
  const trigrams = chars.length - 2;
  // Every part short of the whole string is common: only the whole can name few labels.
  if (trigrams <= 1 || trigrams > WINDOW_MAX_TRIGRAMS || byPieces.commonUpTo >= chars.length - 1) return whole(db, q);
  const trigramAt = (at: number) => chars.slice(at, at + 3).join('');
  const shares = await sampledShares(
    db,
    'labels_search',
    Array.from({ length: trigrams }, (_, at) => trigramAt(at)),
    newest,
  );
  const share = (at: number) => shares.get(trigramAt(at))!;

  let rarest = 0;
  for (let at = 1; at < trigrams; at++) if (share(at) < share(rarest)) rarest = at;
  if (share(rarest) === 0) return { keys: [], exact: true };

  let [from, to] = [rarest, rarest + 3];
  for (;;) {
    if (from === 0 && to === chars.length) return whole(db, q);
    if (to - from > byPieces.commonUpTo) {
      const keys = await matches(db, 'labels_search', phrase(chars.slice(from, to).join('')), TESTED_CAP + 1);
      if (keys.length <= TESTED_CAP) return { keys, exact: false };
    }
    const left = from > 0 ? share(from - 1) : Infinity;
    const right = to < chars.length ? share(to - 2) : Infinity;
    if (left <= right) from -= 1;
    else to += 1;
  }
}

/** FTS5 tables of pieces without positions, the longest pieces first (a rare one names a handful of labels). */
const PIECE_TABLES = [
  ['labels_long_pieces', LONG_PIECE_LENGTH],
  ['labels_pieces', PIECE_LENGTH],
] as const;
type PieceTable = (typeof PIECE_TABLES)[number][0];

/**
 * What the pieces say of a string: the labels that may hold it, or else the length up to which every
 * part of it is known to be in more labels than TESTED_CAP (0 when not known): such a part lies
 * within one of its pieces, so each label holding that piece holds the part.
 */
type PiecesAnswer = { candidates: Candidates } | { commonUpTo: number };

/**
 * The labels holding the string's rarest pieces, when it has pieces and they name few enough.
 * Its 8-character pieces are asked first: "76111899" is in 4 of a million labels, and each of its
 * 4-character pieces in thousands (the three rarest together in 2,600).
 */
async function pieceCandidates(db: Kysely<HistorySchema>, q: string, newest: number): Promise<PiecesAnswer> {
  const words = q.toLowerCase();
  let commonUpTo = 0;
  for (const [table, length] of PIECE_TABLES) {
    const found = await rarePiecesLabels(db, table, words, length, newest);
    if ('candidates' in found) return found;
    commonUpTo = Math.max(commonUpTo, found.commonUpTo);
  }
  return { commonUpTo };
}

async function rarePiecesLabels(
  db: Kysely<HistorySchema>,
  table: PieceTable,
  words: string,
  length: number,
  newest: number,
): Promise<PiecesAnswer> {
  // The piece tables hold only pieces of ASCII letters and digits (their tokenizer folds their case).
  const every = piecesOf(words, length);
  const pieces = every.filter((piece) => /^[0-9a-z]+$/.test(piece));
  if (pieces.length === 0) return { commonUpTo: 0 };
  const shares = await sampledShares(db, table, pieces, newest);
  const asked = rarestPieces(pieces, (piece) => shares.get(piece)!);
  const rarest = shares.get(asked[0]!)!;
  if (rarest === 0) return { candidates: { keys: [], exact: true } };
  // Every part of `length` or less lies in one of the pieces, when each piece was sampled.
  const commonUpTo = pieces.length === every.length && rarest * newest > TESTED_CAP ? length : 0;
  // labels_long_pieces keeps each piece's place: a string of letters and digits is in a label exactly
  // where its pieces lie one after another, a phrase of them (migrations.ts: sqlitePlacedPieces).
  // FTS5 steps through every piece's list for it, so it is asked when none is common.
  if (table === 'labels_long_pieces' && /^[0-9a-z]+$/.test(words) && pieces.every((piece) => shares.get(piece)! <= PHRASE_PIECE_SHARE))
    return { candidates: { phrase: placedPieces(words, length).join(' ') } };
  // A piece lies within one field: labels holding a string that is one whole piece hold it as it is searched.
  if (pieces.length === 1 && pieces[0] === words) return { candidates: await holding(db, table, words, PIECE_KEYED_CAP) };
  // One piece alone, in many more labels than are tested: its list need not be read to know.
  if (asked.length === 1 && rarest * newest > 2 * PIECES_TESTED_CAP) return { commonUpTo };
  const keys = await matches(db, table, asked.map(phrase).join(' AND '), PIECES_TESTED_CAP + 1);
  if (keys.length > PIECES_TESTED_CAP) return { commonUpTo };
  return { candidates: { keys, exact: false } };
}

/** Each term's share of labels in an FTS5 table keyed by search_key, from its newest SAMPLE matches (one statement for all). */
async function sampledShares(
  db: Kysely<HistorySchema>,
  table: 'labels_search' | PieceTable,
  terms: string[],
  newest: number,
): Promise<Map<string, number>> {
  const distinct = [...new Set(terms)];
  const fts = sql.table(table);
  const sampled = await sql<{ at: number; n: number; oldest: number | null }>`${sql.join(
    distinct.map(
      (term, at) => sql`
        SELECT ${at} AS at, count(*) AS n, min(k) AS oldest FROM (
          SELECT rowid AS k FROM ${fts} WHERE ${fts} MATCH ${phrase(term)} ORDER BY rowid DESC LIMIT ${SAMPLE})`,
    ),
    sql` UNION ALL `,
  )}`.execute(db);
  const shares = new Map<string, number>();
  for (const { at, n, oldest } of sampled.rows) {
    // Fewer than SAMPLE matches is every match: the share of all labels, not of the newest.
    const share = oldest === null ? 0 : Number(n) < SAMPLE ? Number(n) / Math.max(1, newest) : Number(n) / (newest - Number(oldest) + 1);
    shares.set(distinct[Number(at)]!, share);
  }
  return shares;
}

/** The labels a phrase of labels_long_pieces' pieces names (all of them hold its string): their keys, or many. */
export function phraseHolding(db: Kysely<HistorySchema>, pieces: string): Promise<NamedCandidates> {
  return holding(db, 'labels_long_pieces', pieces, PIECE_KEYED_CAP);
}

/** The labels holding the whole string, by the trigram index. */
function whole(db: Kysely<HistorySchema>, q: string): Promise<Candidates> {
  return holding(db, 'labels_search', q, CANDIDATE_CAP);
}

/** The labels an FTS5 table says hold `s` as it is searched: their keys, or many when more than `cap`. */
async function holding(db: Kysely<HistorySchema>, table: 'labels_search' | PieceTable, s: string, cap: number): Promise<NamedCandidates> {
  const keys = await matches(db, table, phrase(s), cap + 1);
  return keys.length > cap ? { many: true } : { keys, exact: true };
}

/** The keys of up to `limit` labels an FTS5 table matches for `match` (a phrase, or phrases joined by AND). */
async function matches(db: Kysely<HistorySchema>, table: 'labels_search' | PieceTable, match: string, limit: number): Promise<number[]> {
  const fts = sql.table(table);
  const found = await sql<{ k: number }>`SELECT rowid AS k FROM ${fts} WHERE ${fts} MATCH ${match} LIMIT ${limit}`.execute(db);
  return found.rows.map((r) => r.k);
}

/** The string as one FTS5 phrase: the trigram tokenizer then matches it as a substring. */
function phrase(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}
