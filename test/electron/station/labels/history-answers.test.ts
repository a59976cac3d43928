/**
 * "Ask AfterShip only while this history may be missing a label" (issue 11's batch at 10 requests
 * a second): an order the history has never seen is bought without the lookup once the history has
 * held every purchase for longer than the lookup reaches back (30 days), and asked about otherwise:
 * with the setting off, in a history started or put back from a backup within those days, and for an
 * order the history has tried before. A label is never bought twice either way.
 */
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeAfterShip } from '../../../fakes/aftership-server';
import { startZebraStatusPrinter } from '../../../fakes/zebra-status-printer';
import { damageFile } from '../../../support/damage-file';
import { expectOutcome } from '../../../support/expect-outcome';
import { historyStartedDaysAgo } from '../../../support/history-age';
import { freshPostgresDatabase } from '../../../support/postgres-database';
import { startStation, type Harness } from '../../../support/station-harness';

const API_KEY = 'asat_history_answers_key_0123456789';
let printer: Awaited<ReturnType<typeof startZebraStatusPrinter>>;
let aftership: Awaited<ReturnType<typeof startFakeAfterShip>>;
const stations: Harness[] = [];

beforeEach(async () => {
  printer = await startZebraStatusPrinter();
  aftership = await startFakeAfterShip({ apiKey: API_KEY, labelFormat: 'zpl' });
});
afterEach(async () => {
  for (const s of stations.splice(0)) await s.close();
  await aftership.close();
  await printer.close();
});

async function station(ask: 'always' | 'history-gaps', databaseUrl?: string): Promise<Harness> {
  const harness = await startStation({
    LABEL_STATION_PROVIDER: 'aftership',
    AFTERSHIP_API_KEY: API_KEY,
    AFTERSHIP_BASE_URL: aftership.baseUrl,
    AFTERSHIP_ASK_BEFORE_BUYING: ask,
    LABEL_STATION_PRINTER: printer.address,
    ...(databaseUrl && { LABEL_STATION_DATABASE_URL: databaseUrl }),
  });
  stations.push(harness);
  return harness;
}

const lookupsFor = (order: string) =>
  aftership.requests.filter((r) => r.method === 'GET' && /\/labels\?/.test(r.path) && r.path.includes(order)).length;

describe('buying without asking AfterShip first', () => {
  it('buys an order a 31-day-old history has never seen with one request, and still never twice', async () => {
    const s = await station('history-gaps');
    historyStartedDaysAgo(s.dataDir, 31);
    const since = Date.parse((await s.call('getStationInfo', {})).historyCompleteSince ?? ''); // shown in Settings
    expect(Math.abs(since - (Date.now() - 31 * 86_400_000))).toBeLessThan(60_000);
    const order = '577200000000000001';
    expectOutcome(await s.call('submitScan', { scan: order }), 'printed');
    expect(lookupsFor(order)).toBe(0);
    expect(aftership.createdFor(order)).toHaveLength(1);

    const again = await s.call('submitScan', { scan: order });
    expect(again.outcome).not.toBe('printed');
    expect(aftership.createdFor(order)).toHaveLength(1);
  });

  it('asks first in a history younger than the lookup reaches back (a new or lost data folder)', async () => {
    const s = await station('history-gaps');
    historyStartedDaysAgo(s.dataDir, 29);
    const order = '577200000000000002';
    expectOutcome(await s.call('submitScan', { scan: order }), 'printed');
    expect(lookupsFor(order)).toBe(1);
  });

  it('asks first when the setting says always, however old the history', async () => {
    const s = await station('always');
    historyStartedDaysAgo(s.dataDir, 400);
    const order = '577200000000000003';
    expectOutcome(await s.call('submitScan', { scan: order }), 'printed');
    expect(lookupsFor(order)).toBe(1);
  });

  it('asks first for an order the history has tried before', async () => {
    const s = await station('history-gaps');
    historyStartedDaysAgo(s.dataDir, 31);
    const order = '577200000000000004';
    aftership.failNext({ type: 'business', code: 4104, message: 'Invalid ship_to address' }, 1, 'create');
    const refused = await s.call('submitScan', { scan: order });
    expect(refused.outcome).not.toBe('printed');
    expect(lookupsFor(order)).toBe(0);

    expectOutcome(await s.call('submitScan', { scan: order }), 'printed');
    expect(lookupsFor(order)).toBe(1);
    expect(aftership.createdFor(order)).toHaveLength(1);
  });

  it('in a fleet, goes by the warehouse database: a month-old one answers alone, a new one is asked about', async () => {
    const url = await freshPostgresDatabase('answers');
    const s = await station('history-gaps', url);
    const order = '577200000000000006';
    expectOutcome(await s.call('submitScan', { scan: order }), 'printed');
    expect(lookupsFor(order)).toBe(1); // the warehouse database was made a moment ago

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('UPDATE history_epoch SET complete_since = $1', [new Date(Date.now() - 31 * 86_400_000).toISOString()]);
    } finally {
      await client.end();
    }
    const next = '577200000000000007';
    expectOutcome(await s.call('submitScan', { scan: next }), 'printed');
    expect(lookupsFor(next)).toBe(0);
    expect(aftership.createdFor(next)).toHaveLength(1);
  });

  it('asks first again after a backup is put back: the labels bought since it was taken are not in it', async () => {
    const s = await station('history-gaps');
    historyStartedDaysAgo(s.dataDir, 31);
    const backup = await s.call('backUpNow', {});
    const order = '577200000000000005';
    expectOutcome(await s.call('submitScan', { scan: order }), 'printed'); // after the backup
    expect(lookupsFor(order)).toBe(0);

    // The station is stopped and the backup put in place of its history, as the README says.
    await s.core.close();
    const file = path.join(s.dataDir, 'history.sqlite');
    for (const extra of ['-wal', '-shm']) rmSync(`${file}${extra}`, { force: true });
    copyFileSync(path.resolve(backup.folder, backup.backups[0]!.file), file);
    const putBack = Date.now();
    await s.restart();
    expect(Date.parse((await s.call('getStationInfo', {})).historyCompleteSince ?? '')).toBeGreaterThanOrEqual(putBack);

    const rescan = await s.call('submitScan', { scan: order });
    expectOutcome(rescan, 'printed');
    expect(rescan.warning).toMatch(/adopted/);
    expect(lookupsFor(order)).toBe(1);
    expect(rescan.label.trackingNumbers).toEqual(aftership.createdFor(order)[0]!.trackingNumbers);
    expect(aftership.createdFor(order)).toHaveLength(1);
  });

  it('starts from the newest backup when the history file is damaged, and adopts the label bought after it, never buying it again', async () => {
    const s = await station('history-gaps');
    historyStartedDaysAgo(s.dataDir, 31);
    const before = '577200000000000008';
    expectOutcome(await s.call('submitScan', { scan: before }), 'printed');
    const backup = await s.call('backUpNow', {});
    const order = '577200000000000009';
    expectOutcome(await s.call('submitScan', { scan: order }), 'printed'); // after the backup
    expect(lookupsFor(order)).toBe(0);

    // The disk lets the station down while it is stopped: the file's first page is lost.
    await s.core.close();
    const file = path.join(s.dataDir, 'history.sqlite');
    damageFile(file, 0, 4096);
    await s.restart();

    const health = await s.call('getHealth', {});
    expect(health.light).toBe('amber');
    expect(health.reasons.map((r) => r.text)).toContainEqual(
      expect.stringMatching(/^The history file was found damaged \d+ s ago: the backup taken \d+ s before was put in its place/),
    );
    const [recovery] = health.backup.recoveries;
    expect(recovery).toMatchObject({ reason: 'file is not a database', restoredFrom: backup.lastBackupAt });
    expect(existsSync(recovery!.damagedFile)).toBe(true);
    expect((await s.call('searchHistory', { query: before })).labels.map((l) => l.orderId)).toEqual([before]);
    expect((await s.call('searchHistory', { query: order })).total).toBe(0);

    const rescan = await s.call('submitScan', { scan: order });
    expectOutcome(rescan, 'printed');
    expect(rescan.warning).toMatch(/adopted/);
    expect(lookupsFor(order)).toBe(1);
    expect(aftership.createdFor(order)).toHaveLength(1);
  });
});
