/**
 * Two filters that no status narrows (an operator at a station, a printer at a station) are walked
 * on one filter's index, which carries the other filters and the searched words: the walk tests
 * them on its entries and reads no label's row. Here an operator, a provider and a station all have
 * more labels than the station counts to tell a rare filter from a common one, so SQLite takes the
 * one whose newest labels go furthest back in time. The history is made by the schema before those
 * indexes, then migrated by the station, so every search also shows the migration kept every label.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryFilters, HistorySearchInput } from '../../../../shared/domain/history-search';
import { SEED_PRINTERS, seedId, seedLabel, type SeedLabel } from '../../../support/history-seed';
import { everyPage as pagesOf, migratedHistory, type MigratedHistory, type PlannedSearch } from '../../../support/migrated-history';

const N = 20_000;
/** An operator with a third of the labels and a station with half: both past the 5,000 a filter is counted to. */
const BUSY_OPERATOR = 'Pat Q.';
const BUSY_STATION = 'Packing 1';
const busyOperator = (i: number) => i % 3 === 0;
const busyStation = (i: number) => i % 2 === 0;
const ALL: SeedLabel[] = Array.from({ length: N }, (_, i) => {
  const label = seedLabel(i);
  return { ...label, operator: busyOperator(i) ? BUSY_OPERATOR : label.operator, station: busyStation(i) ? BUSY_STATION : label.station };
});
const idsWhere = (test: (i: number) => boolean) =>
  ALL.map((_, i) => i)
    .filter(test)
    .map(seedId);
const PAGE = 200;
/** The statement that reads how common one filter's value is among the newest labels (history-search.ts: rarestFilterWalk). */
const PICKING_READ = /^\s*SELECT count\(\*\) AS n, (min\(created_at\)|NULL) AS since FROM/;

/** The labels a search must find, newest first: 3 characters or more anywhere in a field. */
function expected(query: string, filters: HistoryFilters): string[] {
  const q = query.toLowerCase();
  return ALL.filter((l) => {
    const fields = [l.order_id, l.scanned, l.operator, ...(JSON.parse(l.tracking_numbers) as string[])].map((f) => f.toLowerCase());
    if (!fields.some((f) => f.includes(q))) return false;
    if (filters.station && l.station !== filters.station) return false;
    if (filters.printer && l.printer !== filters.printer) return false;
    if (filters.provider && l.provider !== filters.provider) return false;
    return !filters.operator || l.operator.toLowerCase() === filters.operator.toLowerCase();
  })
    .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id))
    .map((l) => l.id);
}

describe.each(['SQLite', 'PostgreSQL'] as const)('History filtered by two filters no status narrows, on %s', (dialect) => {
  let history: MigratedHistory | undefined;

  beforeAll(async () => {
    const operatorIds = JSON.stringify(idsWhere(busyOperator));
    const stationIds = JSON.stringify(idsWhere(busyStation));
    history = await migratedHistory(dialect, {
      migration: 'a walk on one filter tests the others on its index',
      labels: N,
      database: 'filterpairs',
      change: {
        sqlite: (db) => {
          db.prepare('UPDATE labels SET operator = ? WHERE id IN (SELECT value FROM json_each(?))').run(BUSY_OPERATOR, operatorIds);
          db.prepare('UPDATE labels SET station = ? WHERE id IN (SELECT value FROM json_each(?))').run(BUSY_STATION, stationIds);
        },
        postgres: async (client) => {
          await client.query('UPDATE labels SET operator = $1 WHERE id IN (SELECT json_array_elements_text($2))', [
            BUSY_OPERATOR,
            operatorIds,
          ]);
          await client.query('UPDATE labels SET station = $1 WHERE id IN (SELECT json_array_elements_text($2))', [
            BUSY_STATION,
            stationIds,
          ]);
        },
      },
      // Not the reads that pick the walk (each reads its own filter's index), only the search's walks.
      unplanned: PICKING_READ,
    });
  }, 120_000);
  afterAll(() => history?.close());

  const search: PlannedSearch = (input) => history!.search(input);
  const everyPage = (input: HistorySearchInput) => pagesOf(search, input, PAGE, N / PAGE);

  /** Steps that walk a filter's index and read each label's row to test the rest (PostgreSQL: the walks' plans, not the page's rows read by key). */
  const rowsRead = (plans: string[]) =>
    plans
      .filter((plan) =>
        dialect === 'SQLite'
          ? /USING INDEX labels_(operator|station|printer|provider|status)_newest/.test(plan)
          : /station = \$/.test(plan) &&
            /Bitmap Heap Scan on labels|(?<!Only )Scan (Backward )?using labels_(operator|station|printer|provider|status)_newest/.test(
              plan,
            ),
      )
      .map((plan) => plan.slice(0, 1500));
  const walked = (plans: string[], index: string) =>
    plans.some((plan) =>
      dialect === 'SQLite' ? plan.includes(`INDEX ${index}`) : new RegExp(`Index Only Scan (Backward )?using ${index}`).test(plan),
    );

  it.each<[string, string, HistoryFilters]>([
    ['no query', '', { operator: BUSY_OPERATOR, station: BUSY_STATION }],
    ['a part every order ID holds', '576', { operator: BUSY_OPERATOR, station: BUSY_STATION }],
    [
      'the operator typed in capitals and a part every order ID holds',
      '576',
      { operator: BUSY_OPERATOR.toUpperCase(), station: BUSY_STATION },
    ],
  ])('finds an operator’s labels at a station with %s, page after page, walking the operator’s index', async (_shape, query, filters) => {
    const wanted = expected(query, filters);
    expect(wanted.length).toBeGreaterThan(PAGE);
    const { ids, first, plans } = await everyPage({ query, filters, limit: PAGE });
    expect(ids).toEqual(wanted);
    expect({ total: first.total, more: first.totalIsMore }).toEqual({ total: Math.min(wanted.length, 1000), more: wanted.length > 1000 });
    expect(walked(plans, 'labels_operator_newest')).toBe(true);
    expect(rowsRead(plans)).toEqual([]);
  });

  it('finds a printer’s labels at a station and of one provider, without reading a row to test them', async () => {
    const filters: HistoryFilters = { printer: SEED_PRINTERS[2]!, station: BUSY_STATION, provider: 'tiktok' };
    const wanted = expected('', filters);
    expect(wanted.length).toBeGreaterThan(PAGE);
    const { ids, first, plans } = await everyPage({ query: '', filters, limit: PAGE });
    expect(ids).toEqual(wanted);
    expect(first.total).toBe(Math.min(wanted.length, 1000));
    expect(rowsRead(plans)).toEqual([]);
  });

  it('walks a provider’s labels at a station when the provider’s are fewer, though both have thousands', async () => {
    // A third of the labels are AfterShip's and more than half are the station's: both pass the 5,000 counted.
    const filters: HistoryFilters = { provider: 'aftership', station: BUSY_STATION };
    const wanted = expected('576', filters);
    expect(wanted.length).toBeGreaterThan(1000);
    const { page, plans } = await search({ query: '576', filters, limit: 50 });
    expect(page.labels.map((l) => l.id)).toEqual(wanted.slice(0, 50));
    expect({ total: page.total, more: page.totalIsMore }).toEqual({ total: 1000, more: true });
    expect(rowsRead(plans)).toEqual([]);
    expect(walked(plans, 'labels_provider_newest')).toBe(true);
  });
});
