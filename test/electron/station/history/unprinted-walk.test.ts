/**
 * A status other than printed (print failed, queued, unknown) is what a supervisor filters History
 * by, and few labels have it. With a query or a second filter, the station walks that status's
 * labels on labels_unprinted_newest, which holds everything the walk tests: no label's row is read
 * for it. The history here is made by the schema before that index, then migrated by the station,
 * so every search below also shows the migration kept every label.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryFilters, HistorySearchInput } from '../../../../shared/domain/history-search';
import { SEED_OPERATORS, SEED_STATIONS, seedLabel, type SeedLabel } from '../../../support/history-seed';
import { everyPage as pagesOf, migratedHistory, type MigratedHistory, type PlannedSearch } from '../../../support/migrated-history';

/** 60 print failures, 40 unknown, 100 each failed, queued and bought; the rest printed. */
const N = 20_000;
const ALL = Array.from({ length: N }, (_, i) => seedLabel(i));
const LIMIT = 3;

/** The labels a search must find, newest first: 3 characters or more anywhere in a field, fewer at a field's start. */
function expected(query: string, filters: HistoryFilters, uncertain = false): string[] {
  const q = query.toLowerCase();
  return ALL.filter((l) => {
    const fields = [l.order_id, l.scanned, l.operator, ...(JSON.parse(l.tracking_numbers) as string[])].map((f) => f.toLowerCase());
    if (!fields.some((f) => (q.length >= 3 ? f.includes(q) : f.startsWith(q)))) return false;
    if (uncertain && !['buying', 'checking', 'unknown'].includes(l.status)) return false;
    if (filters.status && l.status !== filters.status) return false;
    if (filters.station && l.station !== filters.station) return false;
    if (filters.provider && l.provider !== filters.provider) return false;
    return !filters.operator || l.operator.toLowerCase() === filters.operator.toLowerCase();
  })
    .sort((a: SeedLabel, b: SeedLabel) => b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id))
    .map((l) => l.id);
}

describe.each(['SQLite', 'PostgreSQL'] as const)('History filtered by a status other than printed, on %s', (dialect) => {
  let history: MigratedHistory | undefined;

  beforeAll(async () => {
    history = await migratedHistory(dialect, {
      migration: 'labels in a status other than printed are walked on one index',
      labels: N,
      database: 'unprinted',
    });
  }, 120_000);
  afterAll(() => history?.close());

  const search: PlannedSearch = (input) => history!.search(input);
  const everyPage = (input: HistorySearchInput) => pagesOf(search, input, LIMIT, N / LIMIT);

  const walkedOnIndex = (plans: string[]) =>
    dialect === 'SQLite'
      ? plans.some((plan) => plan.includes('COVERING INDEX labels_unprinted_newest'))
      : plans.some((plan) => /Index Only Scan (Backward )?using labels_unprinted_newest/.test(plan));
  /** A walk that reads each label's row: the status's old index, or this one not as covering. */
  const rowsRead = (plans: string[]) =>
    plans.filter((plan) =>
      dialect === 'SQLite'
        ? /USING INDEX labels_(status|unprinted)_newest/.test(plan)
        : /labels_status_newest|(?<!Only )Scan (Backward )?using labels_unprinted_newest/.test(plan),
    );

  it.each<[string, string, HistoryFilters]>([
    ['a part every order ID holds, at one station', '576', { status: 'print_failed', station: SEED_STATIONS[1]! }],
    ['the first digit of USPS numbers, at one station', '9', { status: 'print_failed', station: SEED_STATIONS[4]! }],
    [
      'a part every order ID holds, by one operator typed in capitals',
      '576',
      { status: 'queued', operator: SEED_OPERATORS[3]!.toUpperCase() },
    ],
    ['a part every order ID holds, alone', '576', { status: 'failed' }],
  ])('finds %s among one status’s labels, page after page, from the index alone', async (_shape, query, filters) => {
    const wanted = expected(query, filters);
    expect(wanted.length).toBeGreaterThan(LIMIT);
    const { ids, first, plans } = await everyPage({ query, filters, limit: LIMIT });
    expect(ids).toEqual(wanted);
    expect({ total: first.total, more: first.totalIsMore }).toEqual({ total: wanted.length, more: false });
    expect(walkedOnIndex(plans)).toBe(true);
    expect(rowsRead(plans)).toEqual([]);
  });

  it('finds the labels awaiting the provider’s word (the uncertain filter) from the index alone', async () => {
    const wanted = expected('576', {}, true);
    expect(wanted.length).toBeGreaterThan(LIMIT);
    const { ids, first, plans } = await everyPage({ query: '576', filter: 'uncertain', limit: LIMIT });
    expect(ids).toEqual(wanted);
    expect(first.total).toBe(wanted.length);
    expect(walkedOnIndex(plans)).toBe(true);
    expect(rowsRead(plans)).toEqual([]);
  });

  it('finds printed labels as before: the index does not hold them', async () => {
    const filters: HistoryFilters = { status: 'printed', station: SEED_STATIONS[2]! };
    const wanted = expected('576', filters);
    const { page, plans } = await search({ query: '576', filters, limit: 50 });
    expect(page.labels.map((l) => l.id)).toEqual(wanted.slice(0, 50));
    expect({ total: page.total, more: page.totalIsMore }).toEqual({ total: 1000, more: wanted.length > 1000 });
    expect(plans.filter((plan) => plan.includes('labels_unprinted_newest'))).toEqual([]);
  });
});
