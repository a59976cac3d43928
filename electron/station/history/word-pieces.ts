/**
 * A label's words cut into 4-character pieces, and which pieces of a search string to look up.
 * Both databases index every piece of every label (PostgreSQL: labels_pieces, a GIN over an array;
 * SQLite: labels_pieces, an FTS5 table without positions). Every piece of a string is in every label
 * that holds the string, so any of them names a superset of its labels; the rarest few name the
 * fewest and read the shortest lists. A piece in most labels (a USPS mailer ID's, "576…" of every
 * TikTok order) would read a list of a million entries for nothing.
 */

/** label_pieces (PostgreSQL) and the SQLite migration cut the words into pieces of this many characters. */
export const PIECE_LENGTH = 4;
/** SQLite's labels_long_pieces holds every piece of this many characters (rare where 4-character pieces are not). */
export const LONG_PIECE_LENGTH = 8;
/**
 * PostgreSQL's labels_digit_pieces holds each 8-digit piece as its number modulo this prime (a
 * million keys, each shared by a few dozen labels of a million: a GIN key per piece would cost a
 * kilobyte a label). Fixed by the migration "a part rare as a whole is found by its 8-character
 * pieces": changing it needs a new index.
 */
export const DIGIT_PIECE_KEYS = 1048573;
/**
 * Pieces asked together at most (SQLite; PostgreSQL asks more): each one more shortens the labels to
 * test, and reads one more list, which SQLite's FTS5 reads whole.
 */
const MAX_PIECES = 3;
/** A piece in more than this share of labels is asked only when no piece is rarer. */
const RARE_SHARE = 0.05;

/** The distinct pieces of `words`, by character, in order of first place. */
export function piecesOf(words: string, length = PIECE_LENGTH): string[] {
  return [...new Set(placedPieces(words, length))];
}

/** Every piece of `words`, by character, in order of place (repeated where the words repeat). */
export function placedPieces(words: string, length: number): string[] {
  const chars = [...words];
  return Array.from({ length: Math.max(0, chars.length - length + 1) }, (_, at) => chars.slice(at, at + length).join(''));
}

/** The pieces to ask for: the rarest, and up to `most` - 1 more that are rare too. `share`: of all labels, 0 for a piece no label holds. */
export function rarestPieces(pieces: string[], share: (piece: string) => number, most = MAX_PIECES): string[] {
  if (pieces.length === 0) return [];
  const byRarity = [...pieces].sort((a, b) => share(a) - share(b));
  return [byRarity[0]!, ...byRarity.slice(1, most).filter((piece) => share(piece) < RARE_SHARE)];
}

/**
 * The week key labels_digit_pieces holds beside a label's pieces (PostgreSQL), negative so no piece
 * is taken for it: from the ISO time's year, month and day, 54 a year (the days of the year counted as
 * if every month had 31, in sevens: 0 to 53), so a later time never has a smaller week. WEEK_KEY_SQL is
 * the same in SQL, for a column of ISO times; a time not in that form has week 0.
 */
export function weekKey(iso: string): number {
  const ymd = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!ymd) return 0;
  const [year, month, day] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
  return -(year * 54 + Math.floor(((month - 1) * 31 + day - 1) / 7));
}

/** weekKey in SQL, of the ISO time `at` (a column or parameter). */
export const weekKeySql = (at: string) =>
  `(CASE WHEN ${at} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}' THEN -(substr(${at}, 1, 4)::int * 54 + ((substr(${at}, 6, 2)::int - 1) * 31 + substr(${at}, 9, 2)::int - 1) / 7) ELSE 0 END)`;

/** The keys of labels_digit_pieces (PostgreSQL) for each 8-digit piece of `words`, distinct, as text. */
export function digitPieceKeys(words: string): string[] {
  const keys = new Set<string>();
  for (const [run] of words.matchAll(/[0-9]{8,}/g))
    for (const piece of piecesOf(run, LONG_PIECE_LENGTH)) keys.add(String(Number(piece) % DIGIT_PIECE_KEYS));
  return [...keys];
}
