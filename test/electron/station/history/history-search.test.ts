import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { openDatabase, openFleetDatabase, sqliteHistory, type FleetDatabase } from '../../../../electron/station/history/database';
import { HistoryReader } from '../../../../electron/station/history/history-reader';
import { HistoryStore } from '../../../../electron/station/history/history-store';
import { migrations } from '../../../../electron/station/history/migrations';
import type { HistorySchema } from '../../../../electron/station/history/schema';
import { HistorySearchInput, type HistoryFilters, type HistoryPage } from '../../../../shared/domain/history-search';
import {
  SEED_OPERATORS,
  SEED_PRINTERS,
  SEED_STATIONS,
  seedAttempts,
  seedLabel,
  seedPostgres,
  seedPostgresAt,
  withPendingLists,
  seedSqlite,
  type SeedLabel,
  USPS_MAILER,
} from '../../../support/history-seed';
import { explainedPostgresPool, explainedStore, type PlanStep } from '../../../support/explained-store';
import { freshPostgresDatabase } from '../../../support/postgres-database';
import { postgresMadeBy } from '../../../support/postgres-made-by';
import { sqliteMadeBy } from '../../../support/sqlite-made-by';
import { stationBackends } from '../../../support/station-backends';
import { newLabel } from '../../../support/new-label';
import { makeTempDir } from '../../../support/temp-dir';

/** More labels than the trigram candidates kept (2,000) and than a total counts (1,000). */
const N = 3000;
const ALL = Array.from({ length: N }, (_, i) => seedLabel(i));
const newestFirst = (a: SeedLabel, b: SeedLabel) => b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id);

const nextLastDigit = (s: string) => s.slice(0, -1) + String((Number(s.at(-1)) + 1) % 10);
const trackingOf = (l: SeedLabel) => JSON.parse(l.tracking_numbers) as string[];
/** 9 digits from the middle of a label's first tracking number (neither its beginning nor its end). */
const middleDigits = (l: SeedLabel) => trackingOf(l)[0]!.slice(7, 16);

/**
 * What a query must find, by the rule users are told: a whole order ID or tracking number finds that
 * label; 8 or more letters and digits that begin an order ID or tracking number find those labels;
 * 4 to 16 that end a tracking number find those; 3 or more that begin with "#" and begin a Shopify
 * number find those; an operator's whole name (any case) finds that operator's labels; otherwise any part of a field from 3 characters, the start below.
 */
function matching(query: string, filters: HistoryFilters = {}, uncertain = false): string[] {
  const q = query.trim().toLowerCase();
  const numbers = (l: SeedLabel) => [l.order_id, ...trackingOf(l)].map((f) => f.toLowerCase());
  const exact = q.length >= 10 && ALL.some((l) => numbers(l).includes(q));
  const begins = !exact && /^[0-9a-z]{8,40}$/.test(q) && ALL.some((l) => numbers(l).some((f) => f.startsWith(q)));
  const endsTracking = (l: SeedLabel) => trackingOf(l).some((t) => t.toLowerCase().endsWith(q));
  const ends = !exact && !begins && /^[0-9a-z]{4,16}$/.test(q) && ALL.some(endsTracking);
  const shop = !exact && !begins && !ends && q.length >= 3 && q.startsWith('#') && ALL.some((l) => l.scanned.toLowerCase().startsWith(q));
  const person = !exact && !begins && !ends && !shop && /\p{L}/u.test(q) && ALL.some((l) => l.operator.toLowerCase() === q);
  return ALL.filter((l) => {
    const fields = [l.order_id, l.scanned, l.operator, ...trackingOf(l)].map((f) => f.toLowerCase());
    if (exact && !numbers(l).includes(q)) return false;
    if (begins && !numbers(l).some((f) => f.startsWith(q))) return false;
    if (ends && !endsTracking(l)) return false;
    if (shop && !l.scanned.toLowerCase().startsWith(q)) return false;
    if (person && l.operator.toLowerCase() !== q) return false;
    if (q && !fields.some((f) => (q.length >= 3 ? f.includes(q) : f.startsWith(q)))) return false;
    if (uncertain && !['buying', 'checking', 'unknown'].includes(l.status)) return false;
    return passes(l, filters);
  })
    .sort(newestFirst)
    .map((l) => l.id);
}

/** Whether label `l` passes the filters, by the rule users are told (an operator's name in any case). */
function passes(l: SeedLabel, filters: HistoryFilters): boolean {
  if (filters.status && l.status !== filters.status) return false;
  if (filters.provider && l.provider !== filters.provider) return false;
  if (filters.printer && l.printer !== filters.printer) return false;
  if (filters.station && l.station !== filters.station) return false;
  if (filters.operator && l.operator.toLowerCase() !== filters.operator.toLowerCase()) return false;
  if (filters.from && l.created_at < filters.from) return false;
  if (filters.to && l.created_at >= filters.to) return false;
  return true;
}

interface Backend {
  store: HistoryStore;
  close(): Promise<void>;
}

async function sqliteBackend(): Promise<Backend & { file: string }> {
  const temp = makeTempDir();
  const file = path.join(temp.dir, 'history.sqlite');
  const raw = openDatabase(file);
  seedSqlite(raw, N);
  raw.exec('ANALYZE');
  return {
    file,
    store: new HistoryStore(sqliteHistory(raw)),
    close: async () => {
      raw.close();
      temp.remove();
    },
  };
}

async function postgresBackend(): Promise<Backend> {
  const url = await freshPostgresDatabase('search');
  const fleet: FleetDatabase = await openFleetDatabase(url);
  await seedPostgresAt(url, N, 'ANALYZE');
  return { store: new HistoryStore(fleet), close: () => fleet.close() };
}

/** Every page from the first to the last, following the cursor (bounded). */
async function allPages(store: HistoryStore, query: string, more: Omit<HistorySearchInput, 'query'> = {}): Promise<string[]> {
  const ids: string[] = [];
  let page: HistoryPage | undefined;
  for (let n = 0; n < 100; n++) {
    page = await store.search(HistorySearchInput.parse({ query, limit: 200, ...more, cursor: page?.nextCursor ?? null }));
    ids.push(...page.labels.map((l) => l.id));
    if (!page.nextCursor) return ids;
  }
  throw new Error('more than 100 pages');
}

describe.each([
  ['SQLite', sqliteBackend],
  ['PostgreSQL', postgresBackend],
])('History search on %s', (_name, open) => {
  let backend: Backend;
  const find = (query: string, more: Omit<HistorySearchInput, 'query'> = {}) =>
    backend.store.search(HistorySearchInput.parse({ query, ...more }));

  beforeAll(async () => {
    backend = await open();
  }, 120_000);
  afterAll(() => backend?.close());

  const label = ALL[1237]!; // three boxes
  const tracking = JSON.parse(label.tracking_numbers) as string[];
  const randomUsps = (JSON.parse(ALL[1243]!.tracking_numbers) as string[])[0]!; // not the mailer's
  const shapes: Array<[string, string]> = [
    ['a full order ID', label.order_id],
    ['the tracking number of its last box', tracking.at(-1)!],
    ['the last 6 digits of a tracking number', tracking[1]!.slice(-6)],
    ['the last 4 digits of a tracking number', tracking[0]!.slice(-4)],
    ['the last 10 characters of a tracking number, lower case', tracking[2]!.slice(-10).toLowerCase()],
    ['an 8-character tracking prefix', randomUsps.slice(0, 8)],
    ['the 8 digits most USPS tracking numbers begin with (more than the candidates kept)', USPS_MAILER.slice(0, 8)],
    ['the mailer ID and 2 more digits', tracking[0]!.slice(0, 13)],
    ['8 digits from the middle of a tracking number', tracking[0]!.slice(6, 14)],
    ['13 digits from the middle of a tracking number, most of them every USPS label’s', tracking[0]!.slice(3, 16)],
    ['the same 13 digits with the last one changed (their rare part is in other labels)', nextLastDigit(tracking[0]!.slice(3, 16))],
    ['the first 12 digits of an order ID', label.order_id.slice(0, 12)],
    ['a lower-case part of a UPS tracking number', (JSON.parse(ALL[1239]!.tracking_numbers) as string[])[0]!.slice(2, 9).toLowerCase()],
    ['the Shopify number scanned', ALL[1239]!.scanned],
    ['an operator', SEED_OPERATORS[7]!],
    ['part of an operator’s name', 'hen'],
    ['two characters (the start of a field)', '1Z'],
    ['one character no field begins with', 'q'],
    ['one digit most labels begin with', '9'],
    ['two characters a tenth of the Shopify numbers begin with', '#3'],
    ['the start of some Shopify numbers', '#10'],
    ['the first two letters of some operators’ names, lower case', 'ch'],
    ['two characters that begin one field and are inside others', '11'],
    ['a string in no label', '0000000000000000000'],
  ];

  it.each(shapes)('finds by %s exactly the right labels, newest first', async (_shape, query) => {
    const expected = matching(query);
    expect(await allPages(backend.store, query)).toEqual(expected);
    const first = await find(query);
    expect({ total: first.total, more: first.totalIsMore }).toEqual({
      total: Math.min(expected.length, 1000),
      more: expected.length > 1000,
    });
  });

  it('finds a label by any box of a split shipment, by order ID and by Shopify number', async () => {
    for (const t of tracking) expect((await find(t)).labels.map((l) => l.id)).toEqual([label.id]);
    expect((await find(label.order_id.slice(5, 14))).labels.map((l) => l.id)).toContain(label.id);
    expect((await find(ALL[1239]!.scanned)).labels.map((l) => l.orderId)).toEqual([ALL[1239]!.order_id]);
  });

  it('counts "576" (every order) to more than 1,000 and pages through it newest first', async () => {
    const first = await find('576', { limit: 50 });
    expect(first).toMatchObject({ total: 1000, totalIsMore: true });
    expect(first.labels.map((l) => l.id)).toEqual(matching('576').slice(0, 50));
  });

  const filters: Array<[string, HistoryFilters]> = [
    ['provider', { provider: 'aftership' }],
    ['status', { status: 'print_failed' }],
    ['printer', { printer: SEED_PRINTERS[2]! }],
    ['station', { station: SEED_STATIONS[3]! }],
    ['operator (any case)', { operator: SEED_OPERATORS[4]!.toUpperCase() }],
    ['date range', { from: ALL[100]!.created_at, to: ALL[400]!.created_at }],
    ['several at once', { provider: 'tiktok', status: 'printed', station: SEED_STATIONS[0]!, from: ALL[1000]!.created_at }],
    ['a rare status at one station, by one operator', { status: 'print_failed', station: SEED_STATIONS[1]!, operator: SEED_OPERATORS[2]! }],
  ];

  it.each(filters)('filters by %s, alone and with a search', async (_filter, f) => {
    expect(await allPages(backend.store, '', { filters: f })).toEqual(matching('', f));
    expect(await allPages(backend.store, '9400', { filters: f })).toEqual(matching('9400', f));
    expect(await allPages(backend.store, tracking[0]!.slice(-5), { filters: f })).toEqual(matching(tracking[0]!.slice(-5), f));
    // "576" is in every label: the filters' own indexes find the page (the rarest one, when several).
    expect(await allPages(backend.store, '576', { filters: f })).toEqual(matching('576', f));
  });

  it('lists purchases that need checking with the uncertain filter', async () => {
    expect(await allPages(backend.store, '', { filter: 'uncertain' })).toEqual(matching('', {}, true));
  });

  it('walks every label exactly once in newest-first order, page after page', async () => {
    const walked = await allPages(backend.store, '');
    expect(walked).toEqual([...ALL].sort(newestFirst).map((l) => l.id));
    const first = await find('');
    expect(first).toMatchObject({ total: 1000, totalIsMore: true });
  });

  it('walks the same pages when the later ones are not counted (as History asks them), each saying it was not', async () => {
    const first = await find('576', { limit: 200 });
    const ids = first.labels.map((l) => l.id);
    let page = first;
    let later = 0;
    for (; later < 100 && page.nextCursor; later++) {
      page = await find('576', { limit: 200, cursor: page.nextCursor, countTotal: false });
      expect(page).toMatchObject({ total: null, totalIsMore: false });
      ids.push(...page.labels.map((l) => l.id));
    }
    expect(later).toBeGreaterThan(5);
    expect(ids).toEqual(matching('576'));
    expect(first).toMatchObject({ total: 1000, totalIsMore: true });
  });

  it('lists sold labels whose file is missing, oldest first', async () => {
    const expected = ALL.filter((l) => l.file_path === null && ['bought', 'queued', 'printed', 'print_failed'].includes(l.status)).map(
      (l) => l.id,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect((await backend.store.listMissingFiles()).map((l) => l.id)).toEqual(expected);
  });

  it('refuses a page asked for by offset, and dates that end before they start, with a clear message', () => {
    expect(() => HistorySearchInput.parse({ offset: 50 })).toThrow(/cursor of the previous page/);
    expect(() => HistorySearchInput.parse({ filters: { from: '2026-12-05T00:00:00Z', to: '2026-12-01T00:00:00Z' } })).toThrow(
      /ends before it starts/,
    );
  });
});

describe.each([
  [
    'SQLite',
    async () => {
      const temp = makeTempDir();
      const raw = openDatabase(path.join(temp.dir, 'history.sqlite'));
      return { store: new HistoryStore(sqliteHistory(raw)), close: async () => (raw.close(), temp.remove()) };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const fleet = await openFleetDatabase(await freshPostgresDatabase('written'));
      return { store: new HistoryStore(fleet), close: () => fleet.close() };
    },
  ],
])('History search on %s, of labels the station writes', (_name, open: () => Promise<Backend>) => {
  it('finds a label bought a moment ago by 9 digits from the middle of its tracking number, and no other', async () => {
    const backend = await open();
    try {
      const { store } = backend;
      for (const [orderId, tracking] of [
        ['576900000000000001', '9400111899201234567890'],
        ['576900000000000002', '9400111899209876543210'],
      ] as const) {
        await store.insertBuying(newLabel(orderId));
        await store.markBought(`id-${orderId}`, {
          providerLabelId: `p-${orderId}`,
          trackingNumbers: [tracking],
          cost: null,
          labelUrl: 'sandbox://x',
        });
      }
      const found = await store.search(HistorySearchInput.parse({ query: '899209876' }));
      expect(found.labels.map((l) => l.orderId)).toEqual(['576900000000000002']);
      expect((await store.search(HistorySearchInput.parse({ query: '1118992098765' }))).total).toBe(1);
      expect((await store.search(HistorySearchInput.parse({ query: '899209876543219' }))).total).toBe(0);
    } finally {
      await backend.close();
    }
  });

  it('finds an operator whose name has letters beyond ASCII, in any case, by search and by filter', async () => {
    const backend = await open();
    try {
      const { store } = backend;
      const people = ['Łukasz Żak', 'Łukasz Żak', 'Lukasz Zak', 'José Núñez', 'Zoë Öztürk', 'Zoë Öztürk', 'Ana'];
      for (const [n, person] of people.entries()) await store.insertBuying(newLabel(`57690000000000010${n}`, undefined, person));
      const whose = async (query: string, filters: HistoryFilters = {}) => {
        const page = await store.search(HistorySearchInput.parse({ query, filters }));
        expect(page.total).toBe(page.labels.length);
        return page.labels.map((l) => l.operator);
      };
      // Spelled exactly: on a C-locale PostgreSQL this found nothing (its lower() leaves "Ł").
      for (const name of ['Łukasz Żak', 'łukasz żak', 'ŁUKASZ ŻAK', 'ŁUKASZ', 'łuk'])
        expect(await whose(name)).toEqual(['Łukasz Żak', 'Łukasz Żak']);
      expect(await whose('ł')).toEqual(['Łukasz Żak', 'Łukasz Żak']);
      expect(await whose('ÖZTÜRK')).toEqual(['Zoë Öztürk', 'Zoë Öztürk']);
      expect(await whose('NÚÑEZ')).toEqual(['José Núñez']);
      expect(await whose('Łódź')).toEqual([]);
      for (const name of ['ŁUKASZ ŻAK', 'łukasz żak', 'Łukasz Żak']) {
        expect(await whose('', { operator: name })).toEqual(['Łukasz Żak', 'Łukasz Żak']);
        expect(await whose('5769', { operator: name, station: 'Packing 1' })).toEqual(['Łukasz Żak', 'Łukasz Żak']);
      }
      expect(await whose('', { operator: 'zoë öztürk' })).toEqual(['Zoë Öztürk', 'Zoë Öztürk']);
      expect(await whose('', { operator: 'LUKASZ ZAK' })).toEqual(['Lukasz Zak']);
    } finally {
      await backend.close();
    }
  });
});

describe('History search on a reader thread (SQLite)', () => {
  let backend: Backend & { file: string };
  let reader: HistoryReader;

  beforeAll(async () => {
    backend = await sqliteBackend();
    reader = await HistoryReader.start(backend.file);
  }, 60_000);
  afterAll(async () => {
    await reader?.close();
    await backend?.close();
  });

  it('answers the same pages as the store itself', async () => {
    for (const query of ['576', '9400', 'hen', '']) {
      const search = HistorySearchInput.parse({ query, filters: { provider: 'tiktok' } });
      expect(await reader.search(search)).toEqual(await backend.store.search(search));
    }
    expect(await reader.listMissingFiles()).toEqual(await backend.store.listMissingFiles());
  });

  it('leaves the event loop free while a search runs: a timer fires before the answer', async () => {
    // Twenty searches at once: on the event loop their statements would follow each other with no
    // turn of the loop between them (each awaits only promises), so no timer would fire.
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 0);
    const searches = Array.from({ length: 20 }, (_, n) => reader.search(HistorySearchInput.parse({ query: `576${n % 10}` })));
    const answered = Promise.all(searches).then((pages) => ({ pages, ticks }));
    const { pages, ticks: ticksBefore } = await answered;
    clearInterval(timer);
    expect(pages.every((page) => page.labels.length > 0)).toBe(true);
    expect(ticksBefore).toBeGreaterThan(0);
  });

  it('finds one or two characters by the start of each field on its index, reading no label that does not begin with them', async () => {
    const raw = new Database(backend.file, { readonly: true });
    try {
      const { store, steps } = explainedStore(raw);
      const plans: string[] = [];
      steps.on = (step) => plans.push(step.detail);
      for (const query of ['q', '#3', 'ch']) {
        plans.length = 0;
        const page = await store.search(HistorySearchInput.parse({ query, limit: 50 }));
        expect(page.labels.map((l) => l.id)).toEqual(matching(query).slice(0, 50));
        // "SCAN l": every label read in turn (newest first, or in the table's order).
        expect({ query, walks: plans.filter((detail) => /^SCAN l\b/.test(detail)) }).toEqual({ query, walks: [] });
      }
      expect(plans.some((detail) => /labels_operator_newest/.test(detail))).toBe(true);
      // A start every order ID has: walked newest first, never its whole range read and sorted.
      plans.length = 0;
      const page = await store.search(HistorySearchInput.parse({ query: '57', limit: 50 }));
      expect(page.labels.map((l) => l.id)).toEqual(matching('57').slice(0, 50));
      expect(plans.filter((detail) => /TEMP B-TREE FOR ORDER BY/.test(detail))).toEqual([]);
      // With a rare status at one station (the walk's index is SQLite's rarest filter's, as for longer queries).
      const filters = { status: 'print_failed', station: SEED_STATIONS[1]! } as const;
      const rare = await store.search(HistorySearchInput.parse({ query: '5', filters, limit: 50 }));
      expect(rare.labels.map((l) => l.id)).toEqual(matching('5', filters).slice(0, 50));
    } finally {
      raw.close();
    }
  });

  it('sees a label the station wrote a moment ago (WAL: readers see every commit)', async () => {
    const writer = new Database(backend.file);
    try {
      seedSqlite(writer, N + 1, N);
    } finally {
      writer.close();
    }
    const added = seedLabel(N);
    expect((await reader.search(HistorySearchInput.parse({ query: added.order_id }))).labels.map((l) => l.id)).toEqual([added.id]);
  });
});

describe.each(['SQLite', 'PostgreSQL'] as const)('History search on %s, for a shop order number whose labels are all old', (dialect) => {
  /**
   * 10,000 labels. Of the oldest 5,000, every other one has a number of one shop that grows with
   * time (#200000 to #204998), the others one of a shop whose numbers shrink (#300001 to #305000: its
   * last number is its oldest label's). A third of the newer labels have numbers #6001 and up.
   */
  const OLD = 5000;
  const LABELS = Array.from({ length: 2 * OLD }, (_, i) => {
    const label = seedLabel(i);
    if (i >= OLD) return label;
    return { ...label, scanned: i % 2 === 0 ? `#2${String(i).padStart(5, '0')}` : `#3${String(OLD - i).padStart(5, '0')}` };
  });
  const beginning = (q: string, f: HistoryFilters = {}) =>
    LABELS.filter((l) => l.scanned.startsWith(q) && passes(l, f))
      .sort(newestFirst)
      .map((l) => l.id);
  let store: HistoryStore;
  /** A search's page, the plans of its page statement, and every plan it ran. */
  let search: (query: string, filters?: HistoryFilters) => Promise<{ page: HistoryPage; plans: string[]; all: string[] }>;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const renumbered = LABELS.slice(0, OLD).map((l) => [l.id, l.scanned] as const);
    if (dialect === 'SQLite') {
      const temp = makeTempDir();
      const raw = openDatabase(path.join(temp.dir, 'history.sqlite'));
      seedSqlite(raw, 2 * OLD);
      const renumber = raw.prepare('UPDATE labels SET scanned = ? WHERE id = ?');
      raw.transaction(() => renumbered.forEach(([id, scanned]) => renumber.run(scanned, id)))();
      raw.exec('ANALYZE');
      const explained = explainedStore(raw);
      store = explained.store;
      search = async (query, filters = {}) => {
        const all: PlanStep[] = [];
        explained.steps.on = (step) => all.push(step);
        const page = await store.search(HistorySearchInput.parse({ query, filters, limit: 50 }));
        const plans = all.filter((step) => step.sql.trim().startsWith('SELECT l.id, l.created_at')).map((step) => step.detail);
        return { page, plans, all: all.map((step) => step.detail) };
      };
      close = async () => (raw.close(), temp.remove());
    } else {
      const url = await freshPostgresDatabase('old_numbers');
      const fleet = await openFleetDatabase(url);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await seedPostgres(client, 2 * OLD);
        await withPendingLists(client, () =>
          client.query('UPDATE labels AS l SET scanned = u.s FROM unnest($1::text[], $2::text[]) AS u(id, s) WHERE l.id = u.id', [
            renumbered.map(([id]) => id),
            renumbered.map(([, scanned]) => scanned),
          ]),
        );
        await client.query('VACUUM ANALYZE labels');
      } finally {
        await client.end();
      }
      store = new HistoryStore(fleet);
      search = async (query, filters = {}) => {
        const { page, chosen } = await searchPlanned(url, { query, filters, limit: 50 });
        return { page, plans: chosen.filter((plan) => plan.includes('SELECT l.id, l.created_at')), all: chosen };
      };
      close = () => fleet.close();
    }
  }, 120_000);
  afterAll(() => close?.());

  it('reads the newest labels of an old number off its index, not by walking every newer label', async () => {
    for (const query of ['#2', '#20', '#3', '#30']) {
      const { page, plans, all } = await search(query);
      const expected = beginning(query);
      expect(expected.length).toBeGreaterThan(50);
      expect(page.labels.map((l) => l.id)).toEqual(expected.slice(0, 50));
      expect(page.total).toBe(Math.min(expected.length, 1000));
      expect(page.totalIsMore).toBe(expected.length > 1000);
      expect(plans.length).toBeGreaterThan(0);
      // The walk newest first: SQLite "SCAN l USING INDEX labels_newest", PostgreSQL labels_newest_words.
      for (const plan of plans) expect(plan, query).not.toMatch(/^SCAN l\b|labels_newest/);
      // Each reads the newest of each start ("#20" to "#29") from its end, in time order.
      expect(
        all.some((plan) =>
          /Index Only Scan Backward using labels_scanned_start_newest|SEARCH l USING COVERING INDEX labels_scanned_start_newest/.test(plan),
        ),
      ).toBe(true);
    }
  });

  it('reads them off its index with a filter too: a station, an operator, a status, dates', async () => {
    const searched: Array<[string, HistoryFilters]> = [
      ['#2', { station: SEED_STATIONS[1]! }],
      ['#20', { operator: SEED_OPERATORS[2]!.toUpperCase() }],
      ['#2', { status: 'printed', station: SEED_STATIONS[3]! }],
      ['#3', { station: SEED_STATIONS[4]! }],
      ['#2', { from: LABELS[1000]!.created_at, to: LABELS[2 * OLD - 1]!.created_at }],
    ];
    for (const [query, filters] of searched) {
      const { page, plans, all } = await search(query, filters);
      const expected = beginning(query, filters);
      // The filters are tested on the index's entries: no label's row is read for them.
      expect(all.some((plan) => /COVERING INDEX labels_scanned_newest|Index Only Scan using labels_scanned_newest/.test(plan))).toBe(true);
      expect(all.filter((plan) => /labels_scanned_newest/.test(plan) && !/COVERING|Index Only/.test(plan))).toEqual([]);
      expect(expected.length).toBeGreaterThan(50);
      expect(page.labels.map((l) => l.id)).toEqual(expected.slice(0, 50));
      expect({ total: page.total, more: page.totalIsMore }).toEqual({
        total: Math.min(expected.length, 1000),
        more: expected.length > 1000,
      });
      for (const plan of plans) expect(plan, JSON.stringify(filters)).not.toMatch(/^SCAN l\b|labels_newest/);
    }
  });

  it('pages through every label of an old number newest first, each once', async () => {
    expect(await allPages(store, '#2')).toEqual(beginning('#2'));
    expect(await allPages(store, '#20')).toEqual(beginning('#20'));
    expect(await allPages(store, '#3')).toEqual(beginning('#3'));
    const station = { station: SEED_STATIONS[0]! };
    expect(await allPages(store, '#2', { filters: station })).toEqual(beginning('#2', station));
  });

  it('still walks newest first for a start that new labels have too', async () => {
    const { page } = await search('#');
    expect(page.labels.map((l) => l.id)).toEqual(beginning('#').slice(0, 50));
    // Dates that hold only old labels: each of them has the number, so a walk from the last date finds a page.
    const window = { from: LABELS[1000]!.created_at, to: LABELS[2000]!.created_at };
    const dated = await search('#2', window);
    expect(dated.page.labels.map((l) => l.id)).toEqual(beginning('#2', window).slice(0, 50));
  });
});

describe('the "history at scale" migration', () => {
  const before = migrations.slice(
    0,
    migrations.findIndex((m) => m.name.startsWith('history at scale')),
  );
  const oldColumns = (l: SeedLabel) => {
    const { scanned: _scanned, ...rest } = l;
    return rest;
  };

  it('keeps every label of a SQLite history made by the previous schema, and makes it searchable', async () => {
    const temp = makeTempDir();
    try {
      const file = path.join(temp.dir, 'history.sqlite');
      const old = sqliteMadeBy(file, before);
      const rows = ALL.slice(0, 500).map(oldColumns);
      const columns = Object.keys(rows[0]!);
      const insert = old.prepare(`INSERT INTO labels (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
      old.transaction(() => rows.forEach((r) => insert.run(r)))();
      old.close();

      const migrated = openDatabase(file);
      try {
        expect(migrated.prepare('SELECT count(*) AS n FROM labels').get()).toEqual({ n: 500 });
        expect(migrated.prepare('SELECT count(*) AS n FROM label_tracking').get()).toEqual({
          n: rows.reduce((n, r) => n + (JSON.parse(r.tracking_numbers) as string[]).length, 0),
        });
        const store = new HistoryStore(sqliteHistory(migrated));
        const target = ALL[321]!;
        const lastDigits = (JSON.parse(target.tracking_numbers) as string[])[0]!.slice(-7);
        const page = await store.search(HistorySearchInput.parse({ query: lastDigits }));
        expect(page.labels.map((l) => l.id)).toContain(target.id);
        const middle = await store.search(HistorySearchInput.parse({ query: middleDigits(target) }));
        expect(middle.labels.map((l) => l.id)).toContain(target.id);
      } finally {
        migrated.close();
      }
    } finally {
      temp.remove();
    }
  });

  it('keeps every label of a PostgreSQL history made by the previous schema, and makes it searchable', async () => {
    const { url, client } = await postgresMadeBy(before, 'migrate');
    try {
      const rows = ALL.slice(0, 500).map(oldColumns);
      const columns = Object.keys(rows[0]!);
      for (const r of rows) {
        await client.query(
          `INSERT INTO labels (${columns.join(', ')}) VALUES (${columns.map((_, n) => `$${n + 1}`).join(', ')})`,
          Object.values(r),
        );
      }
    } finally {
      await client.end();
    }
    const fleet = await openFleetDatabase(url);
    try {
      const { n } = (await fleet.db
        .selectFrom('labels')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()) as {
        n: string;
      };
      expect(Number(n)).toBe(500);
      const target = ALL[321]!;
      const lastDigits = (JSON.parse(target.tracking_numbers) as string[])[0]!.slice(-7);
      const page = await new HistoryStore(fleet).search(HistorySearchInput.parse({ query: lastDigits }));
      expect(page.labels.map((l) => l.id)).toContain(target.id);
      const middle = await new HistoryStore(fleet).search(HistorySearchInput.parse({ query: middleDigits(target) }));
      expect(middle.labels.map((l) => l.id)).toContain(target.id);
    } finally {
      await fleet.close();
    }
  });
});

describe('the "print counts from one index" migration (PostgreSQL)', () => {
  const before = migrations.slice(
    0,
    migrations.findIndex((m) => m.name.startsWith('a History page counts prints')),
  );
  /** Every plan node under `node` (EXPLAIN's JSON: Plans nest). */
  const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];
  interface PlanNode {
    'Node Type': string;
    'Relation Name'?: string;
    'Index Name'?: string;
    Plans?: PlanNode[];
  }

  it('keeps every print attempt, shows each label’s successful prints, and counts them from the index alone', async () => {
    const { url, client } = await postgresMadeBy(before, 'prints');
    try {
      await seedPostgres(client, 200);
      // Two failed tries of a label printed twice: they are attempts, not prints.
      const reprinted = ALL.slice(0, 200).find((l, i) => i % 5 === 0 && l.status === 'printed')!;
      await client.query(
        `INSERT INTO print_attempts (label_id, at, printer, ok, reprint, bytes, error, operator)
         VALUES ($1, $2, 'tcp://10.0.0.11:9100', 0, 1, 0, 'Printer offline', 'Ana'), ($1, $2, 'tcp://10.0.0.11:9100', 0, 1, 0, 'Printer offline', 'Ana')`,
        [reprinted.id, reprinted.created_at],
      );
      const attemptsBefore = (await client.query<{ n: string }>('SELECT count(*) AS n FROM print_attempts')).rows[0]!.n;

      const fleet = await openFleetDatabase(url);
      try {
        const page = await new HistoryStore(fleet).search(HistorySearchInput.parse({ limit: 200 }));
        expect(page.labels).toHaveLength(200);
        const seeded = new Map(ALL.slice(0, 200).map((l, i) => [l.id, seedAttempts(i, l)]));
        expect(Object.fromEntries(page.labels.map((l) => [l.id, l.printCount]))).toEqual(Object.fromEntries(seeded));
        expect(page.labels.find((l) => l.id === reprinted.id)?.printCount).toBe(2);
      } finally {
        await fleet.close();
      }
      expect((await client.query<{ n: string }>('SELECT count(*) AS n FROM print_attempts')).rows[0]!.n).toBe(attemptsBefore);

      // The count a History page asks for each label, planned as on a large history (no table scans).
      await client.query('VACUUM print_attempts');
      await client.query('SET enable_seqscan = off');
      await client.query('SET enable_bitmapscan = off');
      const explained = await client.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
        `EXPLAIN (FORMAT JSON) SELECT count(*) FROM print_attempts AS p WHERE p.label_id = $1 AND p.ok = 1`,
        [reprinted.id],
      );
      const scans = nodes(explained.rows[0]!['QUERY PLAN'][0]!.Plan).filter((n) => n['Node Type'].includes('Scan'));
      expect(scans.map((n) => [n['Node Type'], n['Index Name']])).toEqual([['Index Only Scan', 'print_attempts_label_ok']]);
    } finally {
      await client.end();
    }
  });
});

describe('PostgreSQL searches at the station', () => {
  // A History total the planner guesses must walk every label of a million is costed over
  // jit_above_cost; compiling it took 4-13 ms per search (120 ms the first time on a connection)
  // where running it took 1-5. Here every plan is over the threshold (jit_above_cost = 0), as that
  // one is on a large history.
  const total = `EXPLAIN (ANALYZE, FORMAT JSON) SELECT count(*) FROM (SELECT 1 FROM labels AS l
    WHERE lower(l.order_id || ' ' || l.scanned || ' ' || l.operator || ' ' || l.tracking_numbers) LIKE '%${USPS_MAILER.slice(4)}%' LIMIT 1001) AS capped`;
  const compiled = (plan: Array<Record<string, unknown>>) => 'JIT' in plan[0]!;

  it('are run as planned, never compiled first, on a server that compiles other clients’ queries', async () => {
    const url = await freshPostgresDatabase('nojit');
    const fleet = await openFleetDatabase(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await seedPostgres(client, 200);
      await client.query('SET jit_above_cost = 0');
      const other = await client.query<{ 'QUERY PLAN': Array<Record<string, unknown>> }>(total);
      expect(compiled(other.rows[0]!['QUERY PLAN'])).toBe(true);

      const station = await fleet.db.connection().execute(async (one) => {
        await sql`SET jit_above_cost = 0`.execute(one);
        return sql<{ 'QUERY PLAN': Array<Record<string, unknown>> }>`${sql.raw(total)}`.execute(one);
      });
      expect(compiled(station.rows[0]!['QUERY PLAN'])).toBe(false);
    } finally {
      await client.end();
      await fleet.close();
    }
  });
});

describe('PostgreSQL reading ahead for the station', () => {
  /** effective_io_concurrency on `count` connections of `fleet`, all held at once. */
  async function readAheadOf(fleet: FleetDatabase, count: number): Promise<string[]> {
    let arrived = 0;
    let release = () => {};
    const all = new Promise<void>((resolve) => (release = resolve));
    return Promise.all(
      Array.from({ length: count }, () =>
        fleet.db.connection().execute(async (one) => {
          if (++arrived === count) release();
          await all;
          return (await sql<{ effective_io_concurrency: string }>`SHOW effective_io_concurrency`.execute(one)).rows[0]!
            .effective_io_concurrency;
        }),
      ),
    );
  }

  it('has the server read a total’s scattered rows ahead on each connection; a server that refuses it searches as before', async () => {
    const url = await freshPostgresDatabase('read_ahead');
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const fleet = await openFleetDatabase(url);
    const refused = await openFleetDatabase(url, { readAhead: 5000 });
    try {
      await seedPostgres(admin, 200);
      // Both connections a search uses at once (its page and its total).
      expect(await readAheadOf(fleet, 2)).toEqual(['64', '64']);
      // Over the server's limit of 1,000, as a server without read-ahead refuses any value but 0.
      expect(await readAheadOf(refused, 2)).toEqual(['1', '1']);
      const query = HistorySearchInput.parse({ query: USPS_MAILER.slice(6), limit: 50 });
      const [asked, plain] = [await new HistoryStore(fleet).search(query), await new HistoryStore(refused).search(query)];
      expect(plain.labels.map((l) => l.id)).toEqual(asked.labels.map((l) => l.id));
      expect(plain.labels.length).toBeGreaterThan(0);
      expect(plain.total).toBe(asked.total);
    } finally {
      await fleet.close();
      await refused.close();
      await admin.end();
    }
  });
});

describe('a History search after the station sat idle, on PostgreSQL', () => {
  // A search on a new connection took 35-70 ms on a million labels (connecting, the server loading its
  // catalog and planning each statement for the first time), 3-15 on one that had searched before.
  it('runs on the connections that searched before, however long the station sat idle', async () => {
    const url = await freshPostgresDatabase('idle');
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await (await openFleetDatabase(url)).close();
    await seedPostgres(admin, N);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }); // the pool's idle timers among them
    const fleet = await openFleetDatabase(url);
    // A part of a number most labels share: its page and its total are read at once, on two connections.
    const search = () => new HistoryStore(fleet).search(HistorySearchInput.parse({ query: USPS_MAILER.slice(4), limit: 50 }));
    try {
      await search();
      const before = await stationBackends(admin);
      expect(before).toHaveLength(2);
      vi.advanceTimersByTime(8 * 60 * 60_000); // a night
      vi.useRealTimers();
      await search();
      expect(await stationBackends(admin)).toEqual(before);
    } finally {
      vi.useRealTimers();
      await fleet.close();
      await admin.end();
    }
  });

  it('reads a page’s labels and counts its total at the same time, each on its own connection', async () => {
    const url = await freshPostgresDatabase('alongside');
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const pool = new pg.Pool({ connectionString: url, max: 4, min: 2 });
    let busy = 0;
    let mostBusy = 0;
    pool.on('acquire', () => (mostBusy = Math.max(mostBusy, ++busy)));
    pool.on('release', () => busy--);
    try {
      await (await openFleetDatabase(url)).close();
      await seedPostgres(admin, N);
      // Two connections open and idle, as a station keeps them.
      await Promise.all([pool.query('SELECT pg_sleep(0.05)'), pool.query('SELECT pg_sleep(0.05)')]);
      mostBusy = 0;
      const store = new HistoryStore({ db: new Kysely<HistorySchema>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' });
      const input = HistorySearchInput.parse({ query: '576', filters: { status: 'printed', station: 'Packing 2' }, limit: 50 });
      const page = await store.search(input);
      const expected = ALL.filter((l) => l.status === 'printed' && l.station === 'Packing 2');
      expect(expected.length).toBeGreaterThan(50);
      expect(page.total).toBe(Math.min(expected.length, 1000));
      expect(mostBusy).toBe(2);
    } finally {
      await pool.end();
      await admin.end();
    }
  });
});

/** A search on its own connection, with the plan the server chose for each of its statements (the planner left free). */
async function searchPlanned(url: string, input: HistorySearchInput): Promise<{ page: HistoryPage; chosen: string[] }> {
  const { pool: planned, plans: chosen } = explainedPostgresPool(url);
  try {
    const own = new HistoryStore({
      db: new Kysely<HistorySchema>({ dialect: new PostgresDialect({ pool: planned }) }),
      dialect: 'postgres',
    });
    return { page: await own.search(HistorySearchInput.parse(input)), chosen };
  } finally {
    await planned.end();
  }
}

describe('a part most labels share, on PostgreSQL', () => {
  /**
   * 3,000 seeded labels and 29 copies of them under other IDs and order IDs: pieces in a fifth of
   * them name more than 10,000, and a piece in 2.8 % of them more than the 2,000 a page is read from.
   */
  const COPIES = 30;
  const copyOf = (l: SeedLabel, g: number): SeedLabel =>
    g === 0 ? l : { ...l, id: `${l.id}.c${g}`, order_id: String(g).padStart(3, '0') + l.order_id.slice(3) };
  const EVERY = Array.from({ length: COPIES }, (_, g) => ALL.map((l) => copyOf(l, g))).flat();
  let url: string;
  let plans: string[];
  let store: HistoryStore;
  let pool: pg.Pool;

  beforeAll(async () => {
    url = await freshPostgresDatabase('walk');
    const fleet = await openFleetDatabase(url);
    await fleet.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await seedPostgres(client, N);
    await client.query('CREATE TEMP TABLE copy AS SELECT * FROM labels');
    for (let g = 1; g < COPIES; g++) {
      await client.query(
        `UPDATE copy SET id = regexp_replace(id, '([.]c[0-9]+)?$', '.c${g}'), order_id = lpad('${g}', 3, '0') || substr(order_id, 4)`,
      );
      await client.query('INSERT INTO labels SELECT * FROM copy');
    }
    // Every label in ANALYZE's sample, so the shares the search reads are the labels' own.
    await client.query('ALTER INDEX labels_digit_pieces ALTER COLUMN 1 SET STATISTICS 1000');
    await client.query('ANALYZE labels');
    await client.end();
    // Each query a search runs comes back with its plan (auto_explain, as a notice to this client).
    // Only bitmap scans are allowed: the plan the planner makes when its sample guesses few matches.
    ({ pool, plans } = explainedPostgresPool(url, {
      settings: 'SET enable_indexscan = off; SET enable_indexonlyscan = off; SET enable_seqscan = off',
    }));
    store = new HistoryStore({ db: new Kysely<HistorySchema>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' });
  }, 120_000);
  afterAll(() => pool?.end());

  it.each([
    ['7 digits of the mailer ID most USPS numbers start with', USPS_MAILER.slice(4)],
    ['part of a first name a fifth of the operators share', 'RUNO'],
  ])('finds %s by walking labels newest first, never by the trigram index’s long lists', async (_shape, query) => {
    const q = query.toLowerCase();
    expect(EVERY.some((l) => trackingOf(l).some((t) => t.toLowerCase().endsWith(q)))).toBe(false); // not read as a tracking number's end
    const expected = EVERY.filter((l) => [l.order_id, l.scanned, l.operator, ...trackingOf(l)].some((f) => f.toLowerCase().includes(q)))
      .sort(newestFirst)
      .map((l) => l.id);
    expect(expected.length).toBeGreaterThan(10_000);

    plans.length = 0;
    const page = await store.search(HistorySearchInput.parse({ query, limit: 50 }));
    expect(page.labels.map((l) => l.id)).toEqual(expected.slice(0, 50));
    expect(page).toMatchObject({ total: 1000, totalIsMore: true });
    const searched = plans.filter((plan) => plan.includes('FROM labels AS l'));
    expect(searched.length).toBeGreaterThan(0);
    for (const plan of searched) expect(plan).not.toMatch(/labels_words|labels_pieces/);
  });

  it('counts a common part’s total along the walk its page just made, never reading the table from its oldest label', async () => {
    // Unordered, the planner read the table from the start (on a million labels 500 pages
    // PostgreSQL's ring buffer reads again each time, 7 ms for 1.5).
    const { page, chosen } = await searchPlanned(url, { query: USPS_MAILER.slice(4), limit: 50 });
    expect(page).toMatchObject({ total: 1000, totalIsMore: true });
    const counted = chosen.filter((plan) => plan.includes('count(*)') && plan.includes('FROM labels AS l'));
    expect(counted).toHaveLength(1);
    expect(counted[0]).toMatch(/Index Only Scan Backward using labels_newest_words/);
    expect(counted[0]).not.toMatch(/Seq Scan/);
  });

  it('reads a later page without counting its total again when asked not to (History shows the first page’s)', async () => {
    const query = USPS_MAILER.slice(4);
    const first = await store.search(HistorySearchInput.parse({ query, limit: 50 }));
    const counted = await searchPlanned(url, { query, limit: 50, cursor: first.nextCursor });
    const { page, chosen } = await searchPlanned(url, { query, limit: 50, cursor: first.nextCursor, countTotal: false });
    expect(page.labels.map((l) => l.id)).toEqual(counted.page.labels.map((l) => l.id));
    expect(page.nextCursor).toEqual(counted.page.nextCursor);
    expect(page).toMatchObject({ total: null, totalIsMore: false });
    const counts = (plans: string[]) => plans.filter((plan) => plan.includes('count(*)') && plan.includes('FROM labels AS l'));
    expect(counts(counted.chosen)).toHaveLength(1);
    expect(counts(chosen)).toEqual([]);
  });

  /** The labels of EVERY with `query` in a searched field, newest first. */
  const holding = (query: string, labels = EVERY) =>
    labels
      .filter((l) => [l.order_id, l.scanned, l.operator, ...trackingOf(l)].map((f) => f.toLowerCase()).some((f) => f.includes(query)))
      .sort(newestFirst)
      .map((l) => l.id);

  it('counts a total of 2.8 % of the labels to 1,001 from those its 8-digit piece names, never reading and sorting all of them', async () => {
    // The mailer ID's last 7 digits and "22": its 8-digit piece "11899222" is in more labels than a
    // page is read from (2,000), and its 4-digit pieces in more still.
    const query = `${USPS_MAILER.slice(4)}22`;
    const expected = holding(query);
    expect(expected.length).toBeGreaterThan(2000);
    expect(expected.length / EVERY.length).toBeLessThan(0.03);

    const { page, chosen } = await searchPlanned(url, { query, limit: 50 });
    expect(page.labels.map((l) => l.id)).toEqual(expected.slice(0, 50));
    expect(page).toMatchObject({ total: 1000, totalIsMore: true });
    const counted = chosen.filter((plan) => plan.includes('AS capped'));
    expect(counted).toHaveLength(1);
    expect(counted[0]).toMatch(/Bitmap Index Scan on labels_digit_pieces/);
    expect(counted[0]).not.toMatch(/Sort|labels_newest_words|Seq Scan/);

    // With a filter the labels the piece names may hold few matches: counted with the page's labels, exactly.
    const station = SEED_STATIONS[1]!;
    const atStation = holding(
      query,
      EVERY.filter((l) => l.station === station),
    );
    expect(atStation.length).toBeLessThan(1000);
    const found = await store.search(HistorySearchInput.parse({ query, filters: { station }, limit: 50 }));
    expect(found.labels.map((l) => l.id)).toEqual(atStation.slice(0, 50));
    expect(found).toMatchObject({ total: atStation.length, totalIsMore: false });
  });

  it('counts the labels a part’s 4-character pieces name in the table’s order, never sorting them first', async () => {
    // A UPS number's "z" and the 6 digits after it: no 8-digit piece, a rare 4-character one.
    const ups = trackingOf(ALL.find((l) => trackingOf(l)[0]!.startsWith('1Z'))!)[0]!;
    const query = ups.slice(1, 8).toLowerCase();
    const expected = holding(query);
    expect(expected.length).toBeGreaterThanOrEqual(COPIES);

    // A page shorter than its labels, so the total is counted.
    const { page, chosen } = await searchPlanned(url, { query, limit: 10 });
    expect(page.labels.map((l) => l.id)).toEqual(expected.slice(0, 10));
    expect(page).toMatchObject({ total: expected.length, totalIsMore: false });
    const counted = chosen.filter((plan) => plan.includes('AS capped'));
    expect(counted).toHaveLength(1);
    expect(counted[0]).toMatch(/Bitmap Index Scan on labels_pieces/);
    expect(counted[0]).not.toMatch(/Sort/);
  });

  it('finds one or two characters by the start of each field on its index, never walking every label for a start none has', async () => {
    for (const query of ['q', '#z', '#3']) {
      const { page, chosen } = await searchPlanned(url, { query, limit: 50 });
      const expected = EVERY.filter((l) =>
        [l.order_id, l.scanned, l.operator, ...trackingOf(l)].some((f) => f.toLowerCase().startsWith(query)),
      )
        .sort(newestFirst)
        .map((l) => l.id);
      expect(page.labels.map((l) => l.id)).toEqual(expected.slice(0, 50));
      if (expected.length === 0) for (const plan of chosen) expect(plan).not.toMatch(/Seq Scan on labels|labels_newest_words/);
    }
  });

  /** 9 middle digits of a USPS number (its pieces are rare): the labels holding them, newest first. */
  const middleQuery = () => {
    const label = ALL.find((l) => trackingOf(l)[0]!.startsWith(USPS_MAILER))!;
    const query = middleDigits(label);
    const expected = EVERY.filter((l) => [l.order_id, l.scanned, l.operator, ...trackingOf(l)].some((f) => f.includes(query)))
      .sort(newestFirst)
      .map((l) => l.id);
    return { query, expected };
  };

  it('reads the labels of a page found by pieces of a number from the rows its search just tested, through no index', async () => {
    const { query, expected } = middleQuery();
    expect(expected.length).toBeGreaterThanOrEqual(COPIES);
    const { page, chosen } = await searchPlanned(url, { query, limit: 50 });
    expect(page.labels.map((l) => l.id)).toEqual(expected.slice(0, 50));
    // Its rare 8-digit piece's labels (labels_digit_pieces), as the 4-character pieces' before it.
    expect(chosen.some((plan) => plan.includes('FROM labels AS l') && /labels_digit_pieces/.test(plan))).toBe(true);
    const rows = chosen.filter((plan) => plan.includes('print_count'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/Tid Scan on labels/);
    expect(rows[0]).not.toMatch(/labels_pkey|labels_newest_words|labels_pieces|labels_digit_pieces/);
  });

  it('shows a label that changed while its page was read as it is now, never leaves it out', async () => {
    const { query, expected } = middleQuery();
    const changed = expected[1]!;
    const before = (await store.search(HistorySearchInput.parse({ query, limit: 50 }))).labels.find((l) => l.id === changed)!;
    const reading = new pg.Pool({ connectionString: url, max: 1 });
    const writer = new pg.Client({ connectionString: url });
    await writer.connect();
    // A print of one of the page's labels lands between the page's statement and the read of its labels.
    let printed = false;
    reading.on('connect', (one) => {
      const query = one.query.bind(one) as (...args: unknown[]) => Promise<unknown>;
      Object.assign(one, {
        query: async (...args: unknown[]) => {
          const text = String((args[0] as { text?: string }).text ?? args[0]);
          if (text.includes('print_count') && !printed) {
            printed = true;
            await writer.query(
              `INSERT INTO print_attempts (label_id, at, printer, ok, reprint, bytes, error, operator) VALUES ($1, '2026-12-06T10:00:00.000Z', 'tcp://x', 1, 1, 10, NULL, 'Ana')`,
              [changed],
            );
          }
          return query(...args);
        },
      });
    });
    try {
      const own = new HistoryStore({
        db: new Kysely<HistorySchema>({ dialect: new PostgresDialect({ pool: reading }) }),
        dialect: 'postgres',
      });
      const page = await own.search(HistorySearchInput.parse({ query, limit: 50 }));
      expect(page.labels.map((l) => l.id)).toEqual(expected.slice(0, 50));
      expect(page.labels.find((l) => l.id === changed)?.printCount).toBe(before.printCount + 1);
    } finally {
      await reading.end();
      await writer.query('DELETE FROM print_attempts WHERE label_id = $1 AND at = $2', [changed, '2026-12-06T10:00:00.000Z']);
      if (printed) await writer.query('UPDATE labels SET prints = prints - 1 WHERE id = $1', [changed]);
      await writer.end();
    }
  });

  it('reads a page’s labels through the index its walk just read, not one index page per label by its random ID', async () => {
    const { page, chosen } = await searchPlanned(url, { query: USPS_MAILER.slice(4), limit: 50 });
    expect(page.labels).toHaveLength(50);
    const rows = chosen.filter((plan) => plan.includes('print_count'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/Index Scan (using|on) labels_newest_words/);
    expect(rows[0]).not.toMatch(/labels_pkey/);
  });
});

describe('a part a fifth of the labels share, on a small PostgreSQL history', () => {
  it('is found by walking labels newest first, not by reading and testing every label its pieces name', async () => {
    const url = await freshPostgresDatabase('small');
    await (await openFleetDatabase(url)).close();
    await seedPostgresAt(url, N, 'ANALYZE labels');
    // The mailer ID's last 7 digits and the first of the number after it: its rarest piece ("9920")
    // is in a fifth of the labels, 600 of 3,000, which the pieces would read from the table one by one.
    const query = `${USPS_MAILER.slice(4)}0`;
    const expected = matching(query);
    expect(expected.length).toBeGreaterThan(N / 10);

    const { page, chosen } = await searchPlanned(url, { query, limit: 50 });
    expect(page.labels.map((l) => l.id)).toEqual(expected.slice(0, 50));
    expect(page).toMatchObject({ total: Math.min(expected.length, 1000), totalIsMore: expected.length > 1000 });
    const searched = chosen.filter((plan) => plan.includes('FROM labels AS l'));
    expect(searched.length).toBeGreaterThan(0);
    for (const plan of searched) expect(plan).not.toMatch(/label_pieces\(|labels_pieces/);
  }, 60_000);
});
