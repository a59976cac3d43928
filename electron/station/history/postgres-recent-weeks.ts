/**
 * The weeks a page of a part's labels likely lies in (PostgreSQL). labels_digit_pieces holds each
 * label's week beside its 8-digit pieces (word-pieces.ts: weekKey), so asking for the pieces in a
 * few weeks reads only their labels of those weeks. How far back to ask comes from ANALYZE's
 * histogram of the labels' times (each bound a hundredth of them), read once every few minutes.
 */
import { sql, type Kysely } from 'kysely';
import type { HistoryCursor } from '../../../shared/domain/history-search';
import type { HistorySchema } from './schema';
import { weekKey } from './word-pieces';

const HISTOGRAM_MAX_AGE_MS = 10 * 60_000;
/** Labels asked for, as many times the labels wanted as the part's share says: a part's labels are not spread evenly in time. */
const PAGES_ASKED = 3;
/** Past this share of the history, the weeks would name most of the part's labels: all are read. */
const MOST_OF_HISTORY = 0.5;
/**
 * Weeks after the newest label asked too: a label is added with its station's time, and a station
 * whose clock runs ahead must not have its labels passed over. One a year ahead or more would be.
 */
const WEEKS_AHEAD = 53;

export interface Histogram {
  /** ISO times, oldest first: between two neighbours lie as many labels (a hundredth with default statistics). */
  bounds: string[];
  labels: number;
}
const NO_HISTOGRAM: Histogram = { bounds: [], labels: 0 };
const histograms = new WeakMap<Kysely<HistorySchema>, { readAt: number; read: Promise<Histogram> }>();

/**
 * labels_digit_pieces' week keys to ask for `wanted` labels after `cursor` (the newest when none),
 * of labels `share` of the history holds (as ANALYZE says of their rarest piece). Undefined when
 * every week should be read: no histogram yet, or the weeks would go back over most of the history
 * before the cursor.
 */
export async function recentWeeks(
  db: Kysely<HistorySchema>,
  share: number,
  wanted: number,
  cursor?: HistoryCursor | null,
): Promise<number[] | undefined> {
  return weeksAsked(await readHistogram(db), share, wanted, cursor, new Date());
}

/**
 * The weeks from the one after which about PAGES_ASKED times the labels that hold `wanted` matches
 * lie (by the histogram) to WEEKS_AHEAD past the newest time known (the histogram's, or `now`).
 */
export function weeksAsked(
  { bounds, labels }: Histogram,
  share: number,
  wanted: number,
  cursor: HistoryCursor | null | undefined,
  now: Date,
): number[] | undefined {
  if (bounds.length < 2 || labels <= 0 || share <= 0) return undefined;
  const asked = (PAGES_ASKED * wanted) / share / labels;
  const until = cursor ? new Date(cursor.createdAt).toISOString() : undefined;
  // The share of labels before the cursor: the bounds below it, each a step of the histogram.
  const step = 1 / (bounds.length - 1);
  const before = until === undefined ? 1 : Math.min(1, bounds.filter((bound) => bound < until).length * step);
  if (asked >= MOST_OF_HISTORY * before) return undefined;
  const since = bounds[Math.max(0, Math.floor((before - asked) / step) - 1)]!;
  const newest = [bounds.at(-1)!, now.toISOString()].sort().at(-1)!;
  const weeks: number[] = [];
  for (let week = -weekKey(since); week <= -weekKey(newest) + WEEKS_AHEAD; week++) weeks.push(-week);
  return weeks;
}

function readHistogram(db: Kysely<HistorySchema>): Promise<Histogram> {
  const known = histograms.get(db);
  if (known && Date.now() - known.readAt < HISTOGRAM_MAX_AGE_MS) return known.read;
  const read = readFromCatalog(db).catch(() => {
    histograms.delete(db);
    return NO_HISTOGRAM;
  });
  histograms.set(db, { readAt: Date.now(), read });
  return read;
}

/** No histogram while the history has not been analyzed (then every week is read). */
async function readFromCatalog(db: Kysely<HistorySchema>): Promise<Histogram> {
  const found = await sql<{ bounds: string[] | null; labels: number | null }>`
    SELECT s.histogram_bounds::text::text[] AS bounds, (SELECT reltuples FROM pg_class WHERE oid = 'labels'::regclass) AS labels
    FROM pg_stats AS s WHERE s.schemaname = current_schema() AND s.tablename = 'labels' AND s.attname = 'created_at'`.execute(db);
  const row = found.rows[0];
  if (!row?.bounds?.length) return NO_HISTOGRAM;
  return { bounds: [...row.bounds].sort(), labels: Math.max(0, Number(row.labels ?? 0)) };
}
