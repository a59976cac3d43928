/**
 * Which pieces of a search string PostgreSQL looks up in labels_digit_pieces and labels_pieces
 * (word-pieces.ts): how common each piece is comes from ANALYZE's element statistics on the index,
 * read once every few minutes rather than on every keystroke.
 */
import { sql, type Kysely } from 'kysely';
import type { HistorySchema } from './schema';
import { beyondAscii } from './operator-names';
import { digitPieceKeys, piecesOf, rarestPieces } from './word-pieces';

const STATISTICS_MAX_AGE_MS = 10 * 60_000;
/**
 * Rare pieces asked together at most. A rare piece's list in the GIN is a few pages, and each one
 * more leaves fewer labels to read from the table and test, which matters most when their pages
 * are not in memory.
 */
const MAX_POSTGRES_PIECES = 8;
/**
 * A string whose rarest piece is in at least this share of labels is found by the walk newest first
 * whatever the history's size: it fills a page after a few hundred labels and its total after a few
 * thousand, and even when the string is rarer than its pieces the walk reads every label once, which
 * costs no more than reading and testing this share of them from the table (a walked label is read
 * from one index, about a tenth of the cost). On 20,000 labels the pieces of "1118992" + one digit
 * read and tested 4,000 labels (19.5 ms); the walk takes about 4.
 */
const WALK_SHARE = 0.1;

/** What ANALYZE says of labels_pieces: each common piece's share of labels, and how many labels there are. */
interface Statistics {
  shares: Map<string, number>;
  /** A piece not listed is in at most this share of labels (the least common listed); 0 with no statistics. */
  rareShare: number;
  labels: number;
}
const NO_STATISTICS: Statistics = { shares: new Map(), rareShare: 0, labels: 0 };
/** The indexes of pieces whose element statistics are read. */
type PiecesIndex = 'labels_pieces' | 'labels_digit_pieces';
const statistics = new WeakMap<Kysely<HistorySchema>, Map<PiecesIndex, { readAt: number; read: Promise<Statistics> }>>();

/**
 * A string's 8-digit pieces whose rarest key ANALYZE lists in at most this share of labels count its
 * total better by that key than the walk newest first does. The walk tests about 1,001 / share labels
 * to count 1,001 matches (59,000 for "111899204", in 2 % of a million: 13-19 ms, and the whole history
 * for a string rarer than its pieces); the key's list names share × labels, of which at most 1,001
 * matches are read from the table (8 ms). At a few percent the walk's index-only rows cost less.
 */
const DIGIT_COUNT_SHARE = 0.03;

/**
 * An 8-digit piece's key names about this many labels or fewer when ANALYZE lists it (a common
 * piece, "11189920" of a fifth of USPS numbers, is listed with its share): its page is read from its
 * labels in the weeks likely to hold it (postgres-recent-weeks.ts), its total from them all. A page
 * whose weeks hold too few reads every one of them (12 ms for 6,000), and so may a total under a
 * filter that few of them pass.
 */
const DIGIT_PIECE_LABELS_CAP = 6000;

/** The keys of a string's 8-digit pieces to ask labels_digit_pieces, by what they are asked for. */
export interface DigitPieces {
  /** Few labels hold them: the page and its total are read from their labels. */
  find: string[];
  /** Too many for a page, but the total is counted from their labels rather than along a walk. */
  count: string[];
  /** The share of labels the rarest key asked is in, where ANALYZE lists it (else it is rare). */
  share?: number;
}

/**
 * The keys of the 8-digit pieces of `words` (the rarest, and more that are rare too): to find its
 * labels by when ANALYZE does not list the rarest or lists it in at most DIGIT_PIECE_LABELS_CAP
 * labels, to count them by when in more; neither when in more than DIGIT_COUNT_SHARE of the labels
 * (then a walk newest first finds the page at once). A key ANALYZE does not list is
 * rare: it is in a few dozen labels of a million (the pieces of other numbers that share it), where
 * the least common listed is in 1,700.
 */
export async function postgresDigitPieces(db: Kysely<HistorySchema>, words: string): Promise<DigitPieces> {
  const keys = digitPieceKeys(words);
  if (keys.length === 0) return { find: [], count: [] };
  const { shares, labels } = await readStatistics(db, 'labels_digit_pieces');
  const asked = rarestPieces(keys, (key) => shares.get(key) ?? 0, MAX_POSTGRES_PIECES);
  const listed = shares.get(asked[0]!);
  if (listed === undefined) return { find: asked, count: [] };
  if (listed > DIGIT_COUNT_SHARE) return { find: [], count: [], share: listed };
  if (listed * labels <= DIGIT_PIECE_LABELS_CAP) return { find: asked, count: [], share: listed };
  return { find: [], count: asked, share: listed };
}

/**
 * The pieces of `words` (already lower case, as labels_pieces holds them) to ask for, or none when
 * the labels holding them all may be more than `maxLabels`, or the rarest is in WALK_SHARE of them
 * or more: reading their long lists and testing every label found takes longer than the walk newest
 * first the planner chooses for the words alone.
 */
export async function postgresPieces(db: Kysely<HistorySchema>, words: string, maxLabels: number): Promise<string[]> {
  // A piece with a letter beyond ASCII may be lowered otherwise by the database's locale (operator-names.ts).
  const pieces = piecesOf(words).filter((piece) => !beyondAscii(piece));
  if (pieces.length === 0) return [];
  const { shares, rareShare, labels } = await readStatistics(db, 'labels_pieces');
  const share = (piece: string) => shares.get(piece) ?? rareShare;
  const asked = rarestPieces(pieces, share, MAX_POSTGRES_PIECES);
  if (share(asked[0]!) >= WALK_SHARE) return [];
  const expected = asked.reduce((n, piece) => n * share(piece), labels);
  return expected <= maxLabels ? asked : [];
}

function readStatistics(db: Kysely<HistorySchema>, index: PiecesIndex): Promise<Statistics> {
  const ofDb = statistics.get(db) ?? new Map<PiecesIndex, { readAt: number; read: Promise<Statistics> }>();
  statistics.set(db, ofDb);
  const known = ofDb.get(index);
  if (known && Date.now() - known.readAt < STATISTICS_MAX_AGE_MS) return known.read;
  const read = readFromCatalog(db, index).catch(() => {
    // Read again on the next search (the database may be back); this one treats every piece as rare.
    ofDb.delete(index);
    return NO_STATISTICS;
  });
  ofDb.set(index, { readAt: Date.now(), read });
  return read;
}

/** No statistics while the history has not been analyzed since the index was made: every piece looks rare. */
async function readFromCatalog(db: Kysely<HistorySchema>, index: PiecesIndex): Promise<Statistics> {
  const found = await sql<{ pieces: string[] | null; shares: number[] | null; labels: number | null }>`
    SELECT s.most_common_elems::text::text[] AS pieces, s.most_common_elem_freqs AS shares,
      (SELECT reltuples FROM pg_class WHERE oid = 'labels'::regclass) AS labels
    FROM pg_stats AS s WHERE s.schemaname = current_schema() AND s.tablename = ${index}`.execute(db);
  const row = found.rows[0];
  if (!row?.pieces?.length || !row.shares) return NO_STATISTICS;
  const listed = row.pieces.map((piece, n) => [piece, Number(row.shares![n] ?? 0)] as const);
  return {
    shares: new Map(listed),
    rareShare: Math.min(...listed.map(([, share]) => share)),
    labels: Math.max(0, Number(row.labels ?? 0)),
  };
}
