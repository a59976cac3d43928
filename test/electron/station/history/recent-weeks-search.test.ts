/**
 * PostgreSQL finds a page of a part held by a few percent of the labels from the weeks likely to
 * hold it (labels_digit_pieces keeps each label's week beside its 8-digit pieces), and reads on into
 * every week only when those hold less than a page. The pages must be the same as a search of every
 * label would give, whatever the labels' times.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { openFleetDatabase } from '../../../../electron/station/history/database';
import { HistoryStore } from '../../../../electron/station/history/history-store';
import type { HistorySchema } from '../../../../electron/station/history/schema';
import { postgresDigitPieces } from '../../../../electron/station/history/postgres-pieces';
import { HistorySearchInput, type HistoryCursor, type HistoryFilters } from '../../../../shared/domain/history-search';
import { seedLabel, seedPostgresAt, withPendingLists } from '../../../support/history-seed';
import { freshPostgresDatabase } from '../../../support/postgres-database';
import { explainedPostgresPool } from '../../../support/explained-store';

const LABELS = 6000;
/** In about 2 % of the seed's labels: the USPS numbers whose own digits begin 01. */
const PART = '11899201';

interface Row {
  id: string;
  created_at: string;
  words: string;
  station: string;
  status: string;
}

describe('History search on PostgreSQL, for a part in a few percent of the labels', () => {
  let url: string;
  let pool: pg.Pool;
  let db: Kysely<HistorySchema>;
  let store: HistoryStore;
  let plans: string[];

  beforeAll(async () => {
    url = await freshPostgresDatabase('weeks');
    await (await openFleetDatabase(url)).close();
    await seedPostgresAt(url, LABELS, 'ANALYZE labels');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    // A label every two hours from 2025-01-01: 500 days, 70 weeks.
    await withPendingLists(client, () =>
      client.query(`
      UPDATE labels SET created_at = to_char(timestamp '2025-01-01' + s.n * interval '2 hours', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
      FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n FROM labels) AS s WHERE labels.id = s.id`),
    );
    await client.query('VACUUM ANALYZE labels');
    await client.end();
    ({ pool, plans } = explainedPostgresPool(url, { max: 2, analyze: true }));
    db = new Kysely<HistorySchema>({ dialect: new PostgresDialect({ pool }) });
    store = new HistoryStore({ db, dialect: 'postgres' });
  }, 180_000);
  afterAll(() => pool?.end());

  /** Every label holding `part` that passes `filters`, newest first, read one by one. */
  async function everyMatch(part: string, filters: HistoryFilters = {}): Promise<Row[]> {
    const { rows } = await pool.query<Row>(
      `SELECT id, created_at, order_id || ' ' || scanned || ' ' || operator || ' ' || tracking_numbers AS words, station, status FROM labels`,
    );
    return rows
      .filter(
        (r) =>
          r.words.includes(part) && (!filters.station || r.station === filters.station) && (!filters.status || r.status === filters.status),
      )
      .sort((a, b) => (a.created_at === b.created_at ? (a.id < b.id ? 1 : -1) : a.created_at < b.created_at ? 1 : -1));
  }

  /** Every page of the search, one after the other. */
  async function allPages(part: string, limit: number, filters?: HistoryFilters): Promise<string[]> {
    const ids: string[] = [];
    let cursor: HistoryCursor | null = null;
    for (let n = 0; n < 1000; n++) {
      const page = await store.search(HistorySearchInput.parse({ query: part, limit, filters, cursor }));
      ids.push(...page.labels.map((l) => l.id));
      if (!page.nextCursor) return ids;
      cursor = page.nextCursor;
    }
    throw new Error('more pages than labels');
  }

  /** Rows the page's statement had labels_digit_pieces name (its bitmap), for each page statement run since `from`. */
  function pieceRowsOfPages(from: number): number[] {
    return plans
      .slice(from)
      .filter((plan) => /ORDER BY l\.created_at DESC, l\.id DESC LIMIT/.test(plan) && /label_digit_pieces_weekly/.test(plan))
      .map((plan) => Number(/Bitmap Index Scan on labels_digit_pieces[^\n]*rows=(\d+)/.exec(plan)?.[1] ?? NaN));
  }

  it('adds new labels straight into the pieces’ indexes, not to a list every search would read whole', async () => {
    const { rows } = await pool.query<{ relname: string; reloptions: string[] | null }>(
      `SELECT relname, reloptions FROM pg_class WHERE relname IN ('labels_digit_pieces', 'labels_pieces', 'labels_words') ORDER BY relname`,
    );
    expect(rows.map((r) => [r.relname, r.reloptions])).toEqual([
      ['labels_digit_pieces', ['fastupdate=off']],
      ['labels_pieces', ['fastupdate=off']],
      ['labels_words', ['fastupdate=off']],
    ]);
  });

  it('is asked by its piece in the weeks likely to hold a page (ANALYZE lists the piece)', async () => {
    const digits = await postgresDigitPieces(db, PART);
    expect(digits.find.length).toBeGreaterThan(0);
    expect(digits.share).toBeGreaterThan(0.005);
    expect(digits.share).toBeLessThan(0.03);
  });

  it('finds the newest page and the total from the recent weeks’ labels, the same as a search of every label', async () => {
    const expected = await everyMatch(PART);
    expect(expected.length).toBeGreaterThan(60);
    const from = plans.length;
    const page = await store.search(HistorySearchInput.parse({ query: PART, limit: 10 }));
    expect(page.labels.map((l) => l.id)).toEqual(expected.slice(0, 10).map((r) => r.id));
    expect(page.total).toBe(expected.length);
    // The page read a few weeks' labels of the piece, not all of them.
    const read = pieceRowsOfPages(from);
    expect(read).toHaveLength(1);
    expect(read[0]).toBeLessThan(expected.length / 2);
  });

  it('reads on into every week when the recent ones hold less than a page, and pages on by time to the oldest', async () => {
    const filters = { station: 'Dock', status: 'printed' } as const;
    const expected = await everyMatch(PART, filters);
    expect(expected.length).toBeGreaterThan(10);
    expect(await allPages(PART, 4, filters)).toEqual(expected.map((r) => r.id));
    expect(await allPages(PART, 10)).toEqual((await everyMatch(PART)).map((r) => r.id));
  });

  it('never passes over a label stamped ahead by its station’s clock, or one added later with an older time', async () => {
    const newest = Math.max(Date.parse((await everyMatch(''))[0]!.created_at), Date.now());
    const ahead = new Date(newest + 20 * 86_400_000).toISOString();
    const older = '2025-03-02T10:00:00.000Z';
    for (const [n, at] of [ahead, older].entries()) {
      const label = {
        ...seedLabel(LABELS + 100 + n),
        created_at: at,
        updated_at: at,
        tracking_numbers: JSON.stringify([`9400${PART}55500${n}`]),
      };
      label.order_id = `${label.order_id.slice(0, -1)}${n}`;
      await pool.query(
        `INSERT INTO labels (${Object.keys(label).join(', ')}) VALUES (${Object.keys(label).map((_, k) => `$${k + 1}`)})`,
        Object.values(label),
      );
    }
    const expected = (await everyMatch(PART)).map((r) => r.id);
    const page = await store.search(HistorySearchInput.parse({ query: PART, limit: 10 }));
    expect(page.labels[0]?.createdAt).toBe(ahead);
    expect(page.labels.map((l) => l.id)).toEqual(expected.slice(0, 10));
    expect(await allPages(PART, 25)).toEqual(expected);
  });
});
