/** Online backups of the station's SQLite: a backup opens and holds the labels; only the newest N are kept. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backUpDatabase, HistoryStore, listBackups, openDatabase, sqliteHistory } from '../../../../electron/station/history';
import { makeTempDir } from '../../../support/temp-dir';

const temps: Array<{ remove(): void }> = [];
afterEach(() => {
  for (const t of temps.splice(0)) t.remove();
});

async function historyWithLabels(n: number) {
  const temp = makeTempDir();
  temps.push(temp);
  const db = openDatabase(path.join(temp.dir, 'history.sqlite'));
  const store = new HistoryStore(sqliteHistory(db));
  for (let i = 0; i < n; i++) {
    const orderId = `5761000000000${String(i).padStart(5, '0')}`;
    await store.insertBuying({
      request: '{}',
      id: `label-${i}`,
      orderId,
      parcelKey: 'p1',
      reference: `ls-${orderId}-p1-g1`,
      provider: 'sandbox',
      sandbox: true,
      operator: 'Ana',
      printer: 'tcp://127.0.0.1:9100',
      generation: 1,
      station: 'Packing 1',
      stationId: 'abcd1234',
      checkUntil: new Date().toISOString(),
    });
  }
  return { dir: temp.dir, db, store };
}

describe('backups of the history', () => {
  it('makes a copy that opens as a history and holds every label, while the station keeps writing', async () => {
    const { dir, db, store } = await historyWithLabels(300);
    const folder = path.join(dir, 'backups');
    const backup = backUpDatabase(db, folder, 7, new Date('2026-12-05T02:00:00Z'));
    // Written while the backup runs: the copy is consistent (taken at some point), never torn.
    await store.setStatus('label-0', 'failed', 'changed during the backup');
    const made = await backup;
    expect(path.basename(made.file)).toBe('history-2026-12-05T02-00-00-000Z.sqlite');
    expect(made.bytes).toBeGreaterThan(0);

    const restored = openDatabase(made.file);
    try {
      expect(restored.prepare('SELECT count(*) AS n FROM labels').get()).toEqual({ n: 300 });
      expect((await new HistoryStore(sqliteHistory(restored)).get('label-299'))?.orderId).toBe('576100000000000299');
    } finally {
      restored.close();
    }
    db.close();
  });

  it('marks the copy: put back in place of the history, it knows every purchase only from when it is opened and prints nothing it held waiting', async () => {
    const { dir, db, store } = await historyWithLabels(2);
    const longAgo = '2026-09-01T00:00:00.000Z';
    db.prepare('UPDATE history_epoch SET complete_since = ?').run(longAgo);
    db.prepare(
      `INSERT INTO print_jobs (label_id, printer, payload, size, state, created_at, updated_at) VALUES ('label-1', 'tcp://127.0.0.1:9100', x'5e58415e5a', 5, 'queued', ?, ?)`,
    ).run(longAgo, longAgo);
    const made = await backUpDatabase(db, path.join(dir, 'backups'), 7, new Date('2026-12-05T02:00:00Z'));
    expect(await store.completeSince()).toBe(longAgo); // the history itself is untouched
    // One plain file: nothing beside it that a network share might refuse or a copy might miss.
    expect(readdirSync(path.dirname(made.file))).toEqual([path.basename(made.file)]);

    const restored = openDatabase(made.file);
    try {
      const since = Date.parse((await new HistoryStore(sqliteHistory(restored)).completeSince())!);
      expect(Math.abs(Date.now() - since)).toBeLessThan(60_000);
      // The job waiting for its printer when the copy was taken is cancelled in the copy, never printed from it.
      expect(restored.prepare('SELECT state, length(payload) AS bytes FROM print_jobs').all()).toEqual([{ state: 'cancelled', bytes: 0 }]);
      expect(db.prepare('SELECT state FROM print_jobs').all()).toEqual([{ state: 'queued' }]);
    } finally {
      restored.close();
    }
    db.close();
  });

  it('keeps only the newest N backups', async () => {
    const { dir, db } = await historyWithLabels(3);
    const folder = path.join(dir, 'backups');
    for (let day = 1; day <= 5; day++) await backUpDatabase(db, folder, 3, new Date(`2026-12-0${day}T02:00:00Z`));
    const kept = await listBackups(folder);
    expect(kept.map((b) => b.at)).toEqual(['2026-12-05T02:00:00.000Z', '2026-12-04T02:00:00.000Z', '2026-12-03T02:00:00.000Z']);
    db.close();
  });
});
