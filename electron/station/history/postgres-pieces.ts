/**
 * Which pieces of a search string PostgreSQL looks up in labels_pieces (word-pieces.ts): how common
 * each piece is comes from ANALYZE's element statistics on the index, read once every few minutes
 * rather than on every keystroke.
 */
import { sql, type Kysely } from 'kysely';
import type { HistorySchema } from './schema';
import { piecesOf, rarestPieces } from './word-pieces';

const STATISTICS_MAX_AGE_MS = 10 * 60_000;

interface Shares {
  readAt: number;
  /** Each common piece's share of labels; a piece not listed is rarer than any listed. */
  shares: Promise<Map<string, number>>;
}
const statistics = new WeakMap<Kysely<HistorySchema>, Shares>();

/** The pieces of `words` (already lower case, as labels_pieces holds them) to ask for: none when shorter than a piece. */
export async function postgresPieces(db: Kysely<HistorySchema>, words: string): Promise<string[]> {
  const pieces = piecesOf(words);
  if (pieces.length <= 1) return pieces;
  const shares = await pieceShares(db);
  return rarestPieces(pieces, (piece) => shares.get(piece) ?? 0);
}

function pieceShares(db: Kysely<HistorySchema>): Promise<Map<string, number>> {
  const known = statistics.get(db);
  if (known && Date.now() - known.readAt < STATISTICS_MAX_AGE_MS) return known.shares;
  const shares = readShares(db).catch(() => {
    // Read again on the next search (the database may be back); this one treats every piece as rare.
    statistics.delete(db);
    return new Map<string, number>();
  });
  statistics.set(db, { readAt: Date.now(), shares });
  return shares;
}

/** Empty while the history has no statistics yet (not analyzed since the index was made): every piece looks rare. */
async function readShares(db: Kysely<HistorySchema>): Promise<Map<string, number>> {
  const found = await sql<{ pieces: string[] | null; shares: number[] | null }>`
    SELECT most_common_elems::text::text[] AS pieces, most_common_elem_freqs AS shares
    FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'labels_pieces'`.execute(db);
  const row = found.rows[0];
  return new Map((row?.pieces ?? []).map((piece, n) => [piece, Number(row?.shares?.[n] ?? 0)]));
}
