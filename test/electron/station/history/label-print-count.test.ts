import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, openFleetDatabase, sqliteHistory, type HistoryDatabase } from '../../../../electron/station/history/database';
import { HistoryStore } from '../../../../electron/station/history/history-store';
import { migrations } from '../../../../electron/station/history/migrations';
import { HistorySearchInput } from '../../../../shared/domain/history-search';
import { seedAttempts, seedLabel, seedPostgres, seedSqlite } from '../../../support/history-seed';
import { freshPostgresDatabase } from '../../../support/postgres-database';
import { newLabel } from '../../../support/new-label';
import { postgresMadeBy } from '../../../support/postgres-made-by';
import { sqliteMadeBy } from '../../../support/sqlite-made-by';
import { makeTempDir } from '../../../support/temp-dir';

const BEFORE = migrations.slice(
  0,
  migrations.findIndex((m) => m.name === 'a label keeps its print count'),
);
const SEEDED = 200;

interface Opened {
  history: HistoryDatabase;
  close(): Promise<void>;
}

/** A history at today's schema; with `olderLabels`, one an older station made (SEEDED labels and their attempts) and this one migrated. */
async function sqliteHistoryMade(olderLabels: boolean): Promise<Opened> {
  const temp = makeTempDir();
  const file = path.join(temp.dir, 'history.sqlite');
  if (olderLabels) {
    const old = sqliteMadeBy(file, BEFORE);
    seedSqlite(old, SEEDED);
    old.close();
  }
  const raw = openDatabase(file);
  return {
    history: sqliteHistory(raw),
    close: async () => {
      raw.close();
      temp.remove();
    },
  };
}

async function postgresHistoryMade(olderLabels: boolean): Promise<Opened> {
  let url: string;
  if (olderLabels) {
    const made = await postgresMadeBy(BEFORE, 'prints');
    url = made.url;
    try {
      await seedPostgres(made.client, SEEDED);
    } finally {
      await made.client.end();
    }
  } else url = await freshPostgresDatabase('prints');
  const fleet = await openFleetDatabase(url);
  return { history: fleet, close: () => fleet.close() };
}

describe.each([
  ['SQLite', sqliteHistoryMade],
  ['PostgreSQL', postgresHistoryMade],
])('a label’s print count on %s', (_name, made) => {
  let opened: Opened | undefined;
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
  });
  let clock = Date.parse('2026-12-06T10:00:00Z');
  const tick = () => new Date((clock += 1000));
  const kept = async (history: HistoryDatabase, id: string) =>
    (await history.db.selectFrom('labels').select('prints').where('id', '=', id).executeTakeFirstOrThrow()).prints;
  /** The count History shows on the label's row, found by its order ID. */
  const shown = async (store: HistoryStore, id: string) => {
    const { orderId } = (await store.get(id))!;
    return (await store.search(HistorySearchInput.parse({ query: orderId }))).labels.find((l) => l.id === id)?.printCount;
  };
  const printed = (labelId: string, ok: boolean, reprint: boolean) => ({
    labelId,
    printer: 'tcp://10.0.0.11:9100',
    ok,
    reprint,
    bytes: ok ? 1200 : 0,
    error: ok ? null : 'Printer offline',
    operator: 'Ana',
    reason: reprint ? 'Label torn' : null,
  });

  it('is kept on the label, raised by each attempt that printed however it was recorded, and never by a copy of the label', async () => {
    opened = await made(false);
    const store = new HistoryStore(opened.history, tick);
    await store.insertBuying(newLabel('576000000000000031', 'a'));
    expect(await kept(opened.history, 'a')).toBe(0);
    await store.markBought('a', { providerLabelId: 'p', trackingNumbers: ['TR31'], cost: null, labelUrl: 'u' });
    await store.recordPrintAttempt(printed('a', false, false));
    await store.recordPrintAttempt(printed('a', true, false));
    await store.setStatus('a', 'printed');
    // A reprint another station made while the warehouse database was away, replayed from its copy.
    await store.importAttempt({ ...printed('a', true, true), at: tick().toISOString() });
    // A copy of the label arriving afterwards (further along, with its own copy's count) leaves the count alone.
    const label = (await store.get('a'))!;
    await store.importLabel({ ...label, printCount: 7, updatedAt: tick().toISOString() }, { supersede: true });
    expect(await kept(opened.history, 'a')).toBe(2);
    expect(await shown(store, 'a')).toBe(2);

    // A label first seen as a copy starts from what this history holds of it: nothing yet.
    await store.importLabel({ ...label, id: 'b', orderId: '576000000000000032', printCount: 3 });
    await store.importAttempt({ ...printed('b', true, false), at: tick().toISOString() });
    expect(await kept(opened.history, 'b')).toBe(1);

    // History shows the kept count: a page no longer counts each label's attempts.
    await opened.history.db.deleteFrom('print_attempts').execute();
    expect(await shown(store, 'a')).toBe(2);
    expect(await shown(store, 'b')).toBe(1);
  });

  it('counts the labels of a history from before it was kept as it did, reprints after the upgrade included', async () => {
    opened = await made(true);
    const store = new HistoryStore(opened.history, tick);
    const page = await store.search(HistorySearchInput.parse({ limit: SEEDED }));
    expect(page.labels).toHaveLength(SEEDED);
    const seeded = Array.from({ length: SEEDED }, (_, i) => seedLabel(i));
    expect(Object.fromEntries(page.labels.map((l) => [l.id, l.printCount]))).toEqual(
      Object.fromEntries(seeded.map((l, i) => [l.id, seedAttempts(i, l)])),
    );
    const twice = seeded.find((l, i) => seedAttempts(i, l) === 2)!;
    expect(await kept(opened.history, twice.id)).toBeNull();
    await store.recordPrintAttempt(printed(twice.id, true, true));
    expect(await shown(store, twice.id)).toBe(3);

    await store.insertBuying(newLabel('576000000000000041', 'new'));
    await store.recordPrintAttempt(printed('new', true, false));
    expect(await kept(opened.history, 'new')).toBe(1);
    expect(await shown(store, 'new')).toBe(1);
  });
});
