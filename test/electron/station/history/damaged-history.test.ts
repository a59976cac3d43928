/**
 * A damaged history file at start: kept aside untouched, the newest backup that opens put in its
 * place (marked as knowing every purchase only from now, its waiting print jobs cancelled), and a
 * note of it in the data folder. Anything else that stops the history opening is not damage.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  backUpDatabase,
  HistoryStore,
  listRecoveries,
  openDatabase,
  openHistoryFile,
  sqliteHistory,
  type StationDatabase,
} from '../../../../electron/station/history';
import { damageFile } from '../../../support/damage-file';
import { newLabel } from '../../../support/new-label';
import { makeTempDir } from '../../../support/temp-dir';

const temps: Array<{ remove(): void }> = [];
afterEach(() => {
  for (const t of temps.splice(0)) t.remove();
});

const NOW = new Date('2026-12-06T15:00:00.000Z');

function folder() {
  const temp = makeTempDir();
  temps.push(temp);
  return { dir: temp.dir, file: path.join(temp.dir, 'history.sqlite'), backups: path.join(temp.dir, 'backups') };
}

async function buy(db: StationDatabase, orderId: string): Promise<void> {
  await new HistoryStore(sqliteHistory(db)).insertBuying(newLabel(orderId, `label-${orderId}`));
}

const orders = (db: StationDatabase) =>
  (db.prepare('SELECT order_id FROM labels ORDER BY order_id').all() as Array<{ order_id: string }>).map((r) => r.order_id);

/** Bytes of `file` from `at` overwritten, as a disk fault leaves them. */
const damage = (file: string, at: number, length: number) => damageFile(file, at, length, 0x5a);

describe('a damaged history file at start', () => {
  it('is kept aside as it was, and the newest backup that opens is put in its place', async () => {
    const { dir, file, backups } = folder();
    const db = openDatabase(file);
    await buy(db, '576100000000000001');
    await backUpDatabase(db, backups, 7, new Date('2026-12-04T02:00:00.000Z'));
    await buy(db, '576100000000000002');
    // A job waiting for its printer when the backup was taken: long printed (or not) by the time it is put back.
    db.prepare(
      `INSERT INTO print_jobs (label_id, printer, payload, size, state, created_at, updated_at) VALUES (?, 'tcp://127.0.0.1:9100', x'5e58415e5a', 5, 'queued', ?, ?)`,
    ).run('label-576100000000000002', '2026-12-05T01:59:00.000Z', '2026-12-05T01:59:00.000Z');
    const newest = await backUpDatabase(db, backups, 7, new Date('2026-12-05T02:00:00.000Z'));
    await buy(db, '576100000000000003');
    db.close();
    damage(newest.file, 0, 16); // the newest backup is damaged too: the one before it is used
    damage(file, 100, 3000);
    const damagedBytes = readFileSync(file);

    const { db: opened, recovery } = await openHistoryFile(file, backups, NOW);
    try {
      expect(orders(opened)).toEqual(['576100000000000001']);
      expect(recovery).toEqual({
        at: NOW.toISOString(),
        reason: 'database disk image is malformed',
        damagedFile: path.join(dir, 'history-damaged-2026-12-06T15-00-00-000Z.sqlite'),
        restoredFrom: '2026-12-04T02:00:00.000Z',
      });
      expect(readFileSync(recovery!.damagedFile)).toEqual(damagedBytes);
      // The damaged backup is left where it was, for whoever looks after backups to see.
      expect(existsSync(newest.file)).toBe(true);
      // It knows every purchase only from now: an order bought after the backup is asked of the provider first.
      expect(await new HistoryStore(sqliteHistory(opened)).completeSince()).toBe(NOW.toISOString());
      expect(await listRecoveries(dir)).toEqual([recovery]);
    } finally {
      opened.close();
    }
  });

  it('puts back a backup made by an older station as a copy too: its waiting print jobs cancelled, every purchase asked about', async () => {
    const { file, backups } = folder();
    const db = openDatabase(file);
    await buy(db, '576100000000000001');
    db.prepare('UPDATE history_epoch SET complete_since = ?').run('2026-09-01T00:00:00.000Z');
    db.prepare(
      `INSERT INTO print_jobs (label_id, printer, payload, size, state, created_at, updated_at) VALUES (?, 'tcp://127.0.0.1:9100', x'5e58415e5a', 5, 'retrying', ?, ?)`,
    ).run('label-576100000000000001', '2026-12-05T01:59:00.000Z', '2026-12-05T01:59:00.000Z');
    // Copied as it is (older backups were neither marked as copies nor had their jobs cancelled).
    db.pragma('wal_checkpoint(TRUNCATE)');
    mkdirSync(backups);
    copyFileSync(file, path.join(backups, 'history-2026-12-05T02-00-00-000Z.sqlite'));
    db.close();
    damage(file, 0, 16);

    const { db: opened, recovery } = await openHistoryFile(file, backups, NOW);
    try {
      expect(recovery?.restoredFrom).toBe('2026-12-05T02:00:00.000Z');
      const jobs = opened.prepare('SELECT state, length(payload) AS bytes, last_error FROM print_jobs').all();
      expect(jobs).toEqual([{ state: 'cancelled', bytes: 0, last_error: expect.stringMatching(/put back from a backup/) }]);
      expect(await new HistoryStore(sqliteHistory(opened)).completeSince()).toBe(NOW.toISOString());
    } finally {
      opened.close();
    }
  });

  it('starts an empty history when no backup opens, the damaged file and its WAL kept beside it', async () => {
    const { dir, file, backups } = folder();
    const db = openDatabase(file);
    await buy(db, '576100000000000001');
    db.close();
    writeFileSync(`${file}-wal`, 'not a write-ahead log');
    damage(file, 0, 16);

    const { db: opened, recovery } = await openHistoryFile(file, backups, NOW);
    try {
      expect(orders(opened)).toEqual([]);
      expect(recovery).toMatchObject({ reason: 'file is not a database', restoredFrom: null });
      expect(readdirSync(dir).sort()).toEqual(
        [
          'history-damaged-2026-12-06T15-00-00-000Z.sqlite',
          'history-damaged-2026-12-06T15-00-00-000Z.sqlite-shm',
          'history-damaged-2026-12-06T15-00-00-000Z.sqlite-wal',
          'history-damaged-2026-12-06T15-00-00-000Z.sqlite.json',
          'history.sqlite',
          'history.sqlite-shm',
          'history.sqlite-wal',
        ].sort(),
      );
      expect(readFileSync(`${recovery!.damagedFile}-wal`, 'utf8')).toBe('not a write-ahead log');
    } finally {
      opened.close();
    }
  });

  it('passes over a backup a newer station wrote for the next one, and leaves out a note someone cut short', async () => {
    const { dir, file, backups } = folder();
    const db = openDatabase(file);
    await buy(db, '576100000000000001');
    await backUpDatabase(db, backups, 7, new Date('2026-12-04T02:00:00.000Z'));
    const newest = await backUpDatabase(db, backups, 7, new Date('2026-12-05T02:00:00.000Z'));
    db.close();
    const newer = openDatabase(newest.file);
    newer.pragma('user_version = 9999');
    newer.close();
    writeFileSync(path.join(dir, 'history-damaged-2026-11-01T00-00-00-000Z.sqlite.json'), '{"at": "2026-11-01T00:00');
    damage(file, 0, 16);

    const { db: opened, recovery } = await openHistoryFile(file, backups, NOW);
    try {
      expect(recovery?.restoredFrom).toBe('2026-12-04T02:00:00.000Z');
      expect(orders(opened)).toEqual(['576100000000000001']);
      expect(await listRecoveries(dir)).toEqual([recovery]);
    } finally {
      opened.close();
    }
  });

  it('opens a healthy history as it is, and leaves one that will not open for another reason where it is', async () => {
    const { dir, file, backups } = folder();
    const db = openDatabase(file);
    await buy(db, '576100000000000001');
    await backUpDatabase(db, backups, 7, new Date('2026-12-05T02:00:00.000Z'));
    db.close();

    const healthy = await openHistoryFile(file, backups, NOW);
    expect(healthy.recovery).toBeNull();
    expect(orders(healthy.db)).toEqual(['576100000000000001']);
    // A history written by a newer station: an older one must not touch it, nor take it for damage.
    healthy.db.pragma('user_version = 9999');
    healthy.db.close();

    await expect(openHistoryFile(file, backups, NOW)).rejects.toThrow(/newer/i);
    expect(readdirSync(dir).filter((name) => name.startsWith('history-damaged-'))).toEqual([]);
    expect(await listRecoveries(dir)).toEqual([]);
  });
});
