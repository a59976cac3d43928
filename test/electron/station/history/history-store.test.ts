import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, openFleetDatabase, sqliteHistory, type HistoryDatabase } from '../../../../electron/station/history/database';
import { HistoryStore } from '../../../../electron/station/history/history-store';
import { migrations } from '../../../../electron/station/history/migrations';
import { freshPostgresDatabase } from '../../../support/postgres-database';
import { makeTempDir } from '../../../support/temp-dir';
import { HistorySearchInput } from '../../../../shared/domain/history-search';
import { newLabel } from '../../../support/new-label';

interface Backend {
  history: HistoryDatabase;
  /** Closes the database and opens it again (what a restart does). */
  reopen(): Promise<HistoryDatabase>;
  close(): Promise<void>;
}

async function sqliteBackend(): Promise<Backend> {
  const temp = makeTempDir();
  const file = path.join(temp.dir, 'history.sqlite');
  let raw = openDatabase(file);
  const backend: Backend = {
    history: sqliteHistory(raw),
    reopen: async () => {
      raw.close();
      raw = openDatabase(file);
      return (backend.history = sqliteHistory(raw));
    },
    close: async () => {
      raw.close();
      temp.remove();
    },
  };
  return backend;
}

async function postgresBackend(): Promise<Backend> {
  const url = await freshPostgresDatabase('history');
  let fleet = await openFleetDatabase(url);
  const backend: Backend = {
    history: fleet,
    reopen: async () => {
      await fleet.db.destroy();
      fleet = await openFleetDatabase(url);
      return (backend.history = fleet);
    },
    close: () => fleet.db.destroy(),
  };
  return backend;
}

describe.each([
  ['SQLite', sqliteBackend],
  ['PostgreSQL', postgresBackend],
])('history store on %s', (_name, open) => {
  let backend: Backend;
  let clock: number;
  let store: HistoryStore;
  const tick = () => new Date((clock += 1000));

  beforeEach(async () => {
    backend = await open();
    clock = Date.parse('2026-11-01T10:00:00Z');
    store = new HistoryStore(backend.history, tick);
  });
  afterEach(() => backend.close());

  it('keeps a label through buying -> bought -> printed with its print attempts', async () => {
    await store.insertBuying(newLabel('576000000000000001'));
    await store.markBought('id-576000000000000001', {
      providerLabelId: 'p1',
      trackingNumbers: ['SBX1'],
      cost: { amount: 6.66, currency: 'USD' },
      labelUrl: 'sandbox://labels/p1.pdf',
    });
    await store.recordPrintAttempt({
      labelId: 'id-576000000000000001',
      printer: 'tcp://x',
      ok: false,
      reprint: false,
      bytes: 0,
      error: 'refused',
    });
    await store.recordPrintAttempt({
      labelId: 'id-576000000000000001',
      printer: 'tcp://x',
      ok: true,
      reprint: true,
      bytes: 1200,
      error: null,
    });
    await store.setStatus('id-576000000000000001', 'printed');
    const detail = (await store.getDetail('id-576000000000000001'))!;
    expect(detail).toMatchObject({
      status: 'printed',
      trackingNumbers: ['SBX1'],
      cost: { amount: 6.66, currency: 'USD' },
      printCount: 1,
      station: 'Packing 1',
      sandbox: true,
    });
    expect(detail.printAttempts.map((a) => [a.ok, a.reprint])).toEqual([
      [true, true],
      [false, false],
    ]);
    expect(detail).not.toHaveProperty('reference');
    expect(detail).not.toHaveProperty('stationId');
  });

  it('refuses a second live label for the same order and parcel set at the database level', async () => {
    expect(await store.insertBuying(newLabel('576000000000000002', 'a'))).toBeDefined();
    expect(await store.insertBuying(newLabel('576000000000000002', 'b'))).toBeUndefined();
    await store.setStatus('a', 'failed', 'refused by provider');
    expect(await store.insertBuying(newLabel('576000000000000002', 'c'))).toBeDefined();
    expect((await store.listLive('576000000000000002')).map((l) => l.id)).toEqual(['c']);
  });

  it('refuses the second of two claims made at the same moment', async () => {
    const claims = await Promise.all(Array.from({ length: 8 }, (_, i) => store.insertBuying(newLabel('576000000000000012', `c${i}`))));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('keeps one packing per order: a live label of another parcel set refuses the claim, boxes of the same split do not', async () => {
    const order = '576000000000000021';
    const box = (id: string, parcelKey: string) => ({ ...newLabel(order, id), parcelKey, reference: `ls-${order}-${parcelKey}-g1` });
    expect(await store.insertBuying(box('b1', 's3-abc.b1'))).toBeDefined();
    expect(await store.insertBuying(box('b2', 's3-abc.b2'))).toBeDefined();
    expect(await store.insertBuying(box('single', '1of1'))).toBeUndefined();
    expect(await store.insertBuying(box('other', 's2-def'))).toBeUndefined();
    expect(await store.insertBuying(box('other-box', 's2-def.b1'))).toBeUndefined();
    await store.setStatus('b1', 'failed', 'refused by provider');
    expect(await store.insertBuying(box('single-2', '1of1'))).toBeUndefined(); // box 2 is still live
    await store.setStatus('b2', 'failed', 'refused by provider');
    expect(await store.insertBuying(box('single-3', '1of1'))).toBeDefined();
    expect((await store.listLive(order)).map((l) => l.id)).toEqual(['single-3']);
  });

  it('refuses all but one of claims for different parcel sets of one order made at the same moment', async () => {
    const order = '576000000000000022';
    const keys = ['1of1', 's2-aaa', 's3-bbb.b1', 's3-ccc.b2', 's4-ddd', '1of1', 's2-eee.b1', 's5-fff'];
    const claims = await Promise.all(
      keys.map((parcelKey, i) => store.insertBuying({ ...newLabel(order, `k${i}`), parcelKey, reference: `ls-${order}-${parcelKey}-g1` })),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('lists the live labels of an order in box order with the tracking number of each box', async () => {
    const order = '576000000000000023';
    const dims = { dimension: { width: 8, height: 4, depth: 6, unit: 'in' as const }, weight: { value: 2, unit: 'lb' as const } };
    const boxes = [1, 2, 3].map((index) => ({ index, count: 3, trackingNumber: null, ...dims, itemIds: [`li-${index}`] }));
    await store.insertBuying({ ...newLabel(order, 'all'), parcelKey: 's3-abc', boxes });
    await store.markBought('all', { providerLabelId: 'p1', trackingNumbers: ['T1', 'T2', 'T3'], cost: null, labelUrl: 'sandbox://p1' });
    const [label] = await store.listLive(order);
    expect(label!.boxes.map((b) => [b.index, b.count, b.trackingNumber, b.itemIds])).toEqual([
      [1, 3, 'T1', ['li-1']],
      [2, 3, 'T2', ['li-2']],
      [3, 3, 'T3', ['li-3']],
    ]);
  });

  it('bumps the generation only after a supervisor cleared the last purchase', async () => {
    const order = '576000000000000003';
    expect(await store.nextGeneration(order, '1of1')).toBe(1);
    await store.insertBuying(newLabel(order, 'g1'));
    await store.setStatus('g1', 'failed', 'the provider confirmed twice it made no label');
    expect(await store.nextGeneration(order, '1of1')).toBe(1);
    await store.insertBuying(newLabel(order, 'g1b'));
    await store.clearNoLabel('g1b', 'Sam', 'Sam confirmed no label exists');
    expect(await store.nextGeneration(order, '1of1')).toBe(2);
  });

  it('lists labels being checked, and bought labels never printed', async () => {
    await store.insertBuying(newLabel('576000000000000004', 'checking'));
    await store.markChecking('checking', '2026-11-01T10:02:00.000Z', 'no clear answer');
    await store.insertBuying(newLabel('576000000000000005', 'bought'));
    await store.markBought('bought', { providerLabelId: 'p', trackingNumbers: ['T5'], cost: null, labelUrl: 'u' });
    expect((await store.listUncertain()).map((l) => [l.id, l.status, l.checkUntil])).toEqual([
      ['checking', 'checking', '2026-11-01T10:02:00.000Z'],
    ]);
    expect((await store.listUnprinted()).map((l) => l.id)).toEqual(['bought']);
    expect((await store.listByStatus('checking', 'abcd1234')).map((l) => l.id)).toEqual(['checking']);
    expect(await store.listByStatus('checking', 'other')).toEqual([]);
  });

  it('finds labels by the start of an order ID or a tracking number, newest first', async () => {
    for (let i = 1; i <= 3; i++) {
      const orderId = `57600000000000000${i}`;
      await store.insertBuying(newLabel(orderId));
      await store.markBought(`id-${orderId}`, { providerLabelId: `p${i}`, trackingNumbers: [`SBX00${i}99`], cost: null, labelUrl: 'u' });
    }
    const find = (query: string, more: Omit<HistorySearchInput, 'query'> = {}) =>
      store.search(HistorySearchInput.parse({ query, ...more }));
    const orders = async (query: string, more: Omit<HistorySearchInput, 'query'> = {}) =>
      (await find(query, more)).labels.map((l) => l.orderId);
    expect(await orders('')).toEqual(['576000000000000003', '576000000000000002', '576000000000000001']);
    expect(await orders('SBX002')).toEqual(['576000000000000002']);
    expect((await find('sbx00')).total).toBe(3);
    const first = await find('5760000000000000', { limit: 2 });
    expect(first).toMatchObject({ total: 3, totalIsMore: false });
    expect((await find('5760000000000000', { limit: 2, cursor: first.nextCursor })).labels).toHaveLength(1);
    expect((await find('%')).total).toBe(0);
    await store.setStatus('id-576000000000000002', 'unknown', 'no answer');
    expect(await orders('', { filter: 'uncertain' })).toEqual(['576000000000000002']);
    expect((await find('576000000000000001', { filter: 'uncertain' })).total).toBe(0);
  });

  it('imports a copy of a label only when it is further along, or newer at the same stage', async () => {
    const order = '576000000000000021';
    await store.insertBuying(newLabel(order, 'x'));
    await store.markBought('x', { providerLabelId: 'p', trackingNumbers: ['TR21'], cost: null, labelUrl: 'u' });
    const bought = (await store.get('x'))!;
    await store.setStatus('x', 'printed');
    // A stale copy (bought, written later while the database was away) must not undo the print.
    await store.importLabel({ ...bought, updatedAt: '2030-01-01T00:00:00.000Z' });
    expect((await store.get('x'))?.status).toBe('printed');
    // A copy that is further along wins, and its tracking numbers become searchable.
    const other = '576000000000000022';
    await store.importLabel({
      ...bought,
      id: 'y',
      orderId: other,
      trackingNumbers: ['TR22'],
      status: 'printed',
      updatedAt: '2020-01-01T00:00:00.000Z',
    });
    expect((await store.search(HistorySearchInput.parse({ query: 'TR22' }))).labels.map((l) => l.id)).toEqual(['y']);
  });

  it('survives reopening: history is on disk, and the schema is not applied twice', async () => {
    await store.insertBuying(newLabel('576000000000000009'));
    store = new HistoryStore(await backend.reopen(), tick);
    expect((await store.get('id-576000000000000009'))?.status).toBe('buying');
  });
});

describe('SQLite file', () => {
  it('uses WAL and records the schema version', () => {
    const temp = makeTempDir();
    const db = openDatabase(path.join(temp.dir, 'history.sqlite'));
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    } finally {
      db.close();
      temp.remove();
    }
  });
});

describe('one packing per order across stations (PostgreSQL)', () => {
  it('lets one of several stations claim an order when each claims another parcel set at the same moment', async () => {
    const url = await freshPostgresDatabase('packing');
    // One connection pool per station, as in a warehouse: only the database can order their claims.
    const stations = await Promise.all(Array.from({ length: 6 }, () => openFleetDatabase(url)));
    try {
      for (let round = 0; round < 5; round++) {
        const order = `57600000000000010${round}`;
        const keys = ['1of1', 's2-aaa', 's3-bbb.b1', 's3-ccc.b2', 's4-ddd', 's2-eee.b1'];
        const claims = await Promise.all(
          stations.map((fleet, i) =>
            new HistoryStore(fleet).insertBuying({
              ...newLabel(order, `r${round}-k${i}`),
              parcelKey: keys[i]!,
              reference: `ls-${order}-${keys[i]}-g1`,
            }),
          ),
        );
        expect(claims.filter(Boolean)).toHaveLength(1);
      }
    } finally {
      await Promise.all(stations.map((fleet) => fleet.db.destroy()));
    }
  });
});
