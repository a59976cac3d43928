/**
 * SQLite: a first page with no filter, and its total, from a phrase of labels_long_pieces that names
 * exactly the labels holding a string (substring-candidates.ts). The newest matches by key, past the
 * ones labels_out_of_order lists, and the listed ones that match: the page is among them, as keys
 * follow the labels' times. The total is the matches counted to 1,001. No label is read but the
 * page's, however many hold the string ("111899204", in 2 % of a million labels, walked 2,550 labels'
 * rows for a page, after the trigram index said more than 2,000 hold it).
 */
import { sql, type Kysely } from 'kysely';
import { HISTORY_TOTAL_CAP } from '../../../shared/domain/history-search';
import { keysRead, listedKeys, newestMatchesByKey, notListed } from './newest-by-key';
import type { HistorySchema } from './schema';
import type { SearchPlan } from './search-plan';
import { byKey } from './tested-candidates';

/** `pieces`: the string's pieces of letters and digits, space-separated; `wanted`: a page and one more. Undefined when too many labels are listed out of order to set apart. */
export async function phraseFirstPage(db: Kysely<HistorySchema>, pieces: string, wanted: number): Promise<SearchPlan | undefined> {
  const match = `"${pieces}"`;
  const keys = await newestMatchesByKey(
    db,
    {
      highestPast: (listed, limit) =>
        keysRead(
          db,
          sql`SELECT rowid AS k FROM labels_long_pieces
            WHERE labels_long_pieces MATCH ${match} AND ${notListed(sql`rowid`, listed)}
            ORDER BY rowid DESC LIMIT ${limit}`,
        ),
      // Each listed label asked alone (FTS5 reads the phrase's lists at its key only).
      amongListed: (listed) =>
        keysRead(
          db,
          sql`SELECT c.value AS k FROM ${listedKeys(listed)}
            WHERE EXISTS (SELECT 1 FROM labels_long_pieces WHERE labels_long_pieces MATCH ${match} AND rowid = c.value)`,
        ),
    },
    wanted,
  );
  if (!keys) return undefined;
  const counted = await sql<{ n: number }>`
    SELECT count(*) AS n FROM (SELECT rowid FROM labels_long_pieces WHERE labels_long_pieces MATCH ${match} LIMIT ${HISTORY_TOTAL_CAP + 1})`.execute(
    db,
  );
  return { from: byKey(keys), where: [], knownMore: false, total: Number(counted.rows[0]?.n ?? 0) };
}
