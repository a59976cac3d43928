/**
 * The fault-injection suite for a fleet: three station processes on one shared PostgreSQL and one
 * AfterShip fake, orders scanned at random stations (sometimes two at once), with timeouts, resets after the
 * create, labels created late (5 s, 40 s and 90 s at the real 30 s timeout, scaled here to a 400 ms
 * timeout), 429 storms, 5xx, stations killed with SIGKILL mid-purchase, and the database restarted
 * under them. Afterwards: not one order with two labels at the fake, and every label the fake made
 * in the shared history, printable from every station with the fake closed.
 * FLEET_FAULT_RUNS sets the number of runs (CI runs a bounded number; see test/bench/README.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAfterShip, type FakeFault } from '../../../fakes/aftership-server';
import { startZebraStatusPrinter } from '../../../fakes/zebra-status-printer';
import { bundleTestScript } from '../../../support/child-station';
import { startStationProcess, type StationProcess } from '../../../support/station-processes';
import { startPostgres, type PostgresServer } from '../../../support/postgres-server';
import { makeTempDir } from '../../../support/temp-dir';
import { waitFor } from '../../../support/wait-for';

const RUNS = Number(process.env.FLEET_FAULT_RUNS ?? 40);
const KILL_EVERY = 15;
const DATABASE_RESTART_EVERY = 20;
const PROVIDER_TIMEOUT_MS = 400;
/** The real timeout is 30 s: late labels and the window scale by the same factor. */
const SCALE = PROVIDER_TIMEOUT_MS / 30_000;
const WINDOW_MS = 120_000 * SCALE;
const API_KEY = 'asat_fleet_fault_key_0123456789';

type Fault =
  'none' | 'hang' | 'reset-after-create' | 'server-error' | 'server-error-after-create' | 'rate-limited' | 'late-5' | 'late-40' | 'late-90';
const FAULTS: readonly Fault[] = [
  'none',
  'none',
  'none',
  'hang',
  'reset-after-create',
  'server-error',
  'server-error-after-create',
  'rate-limited',
  'late-5',
  'late-40',
  'late-90',
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}

describe('fleet fault injection: no label bought twice, none lost, across stations', () => {
  let server: PostgresServer;
  let databaseUrl: string;
  let aftership: Awaited<ReturnType<typeof startFakeAfterShip>>;
  let printer: Awaited<ReturnType<typeof startZebraStatusPrinter>>;
  let stationScript: { script: string; remove(): void };
  const dirs: Array<{ dir: string; remove(): void }> = [];
  const stations: StationProcess[] = [];
  const outcomes = new Map<string, number>();
  const orders = new Set<string>();

  const env = (index: number) => ({
    LABEL_STATION_PROVIDER: 'aftership',
    AFTERSHIP_API_KEY: API_KEY,
    AFTERSHIP_BASE_URL: aftership.baseUrl,
    LABEL_STATION_PRINTER: printer.address,
    LABEL_STATION_NAME: `Packing ${index + 1}`,
    LABEL_STATION_DATABASE_URL: databaseUrl,
  });
  const open = (index: number): Promise<StationProcess> =>
    startStationProcess(stationScript.script, dirs[index]!.dir, env(index), {
      providerTimeoutMs: PROVIDER_TIMEOUT_MS,
      labelChecks: { windowMs: WINDOW_MS, everyMs: 100 },
      fleetTiming: { checkEveryMs: 100, connectTimeoutMs: 1000, statementTimeoutMs: 3000 },
    });

  beforeAll(async () => {
    server = await startPostgres();
    databaseUrl = await server.createDatabase('fleet_faults');
    aftership = await startFakeAfterShip({ apiKey: API_KEY, labelFormat: 'zpl' });
    printer = await startZebraStatusPrinter();
    stationScript = await bundleTestScript('station-process');
    for (let i = 0; i < 3; i++) dirs.push(makeTempDir());
    for (let i = 0; i < 3; i++) stations.push(await open(i));
    // A PostgreSQL cluster, a bundle and three station processes: slow on a busy machine.
  }, 120_000);
  afterAll(async () => {
    for (const station of stations) await station.close().catch(() => undefined);
    await aftership?.close();
    await printer?.close();
    await server?.stop();
    stationScript?.remove();
    for (const dir of dirs) dir.remove();
  });

  function inject(fault: Fault): void {
    const late = (seconds: number): FakeFault => ({ type: 'late-create', delayMs: seconds * 1000 * SCALE, answer: 'hang' });
    if (fault === 'none') return;
    if (fault === 'rate-limited') return aftership.rateLimitStorm(2, 1);
    if (fault === 'late-5') return aftership.failNext(late(5), 1, 'create');
    if (fault === 'late-40') return aftership.failNext(late(40), 1, 'create');
    if (fault === 'late-90') return aftership.failNext(late(90), 1, 'create');
    aftership.failNext(fault, 1, 'create');
  }

  it(`runs ${RUNS} scans at random stations mixing faults, kills and database restarts`, async () => {
    const random = rng(20261204);
    const pick = () => Math.floor(random() * stations.length);
    for (let run = 0; run < RUNS; run++) {
      const orderId = `578${String(100_000_000_000_000 + run).padStart(15, '0')}`;
      orders.add(orderId);
      const first = pick();
      if (run % KILL_EVERY === KILL_EVERY - 1) {
        // SIGKILL the station right around the provider's answer: the label exists, the station may not have recorded it.
        const scan = stations[first]!.call('submitScan', { scan: orderId }).catch(() => undefined);
        await waitFor(() => aftership.createdFor(orderId).length > 0 || stations[first]!.child.exitCode !== null, 20_000).catch(
          () => undefined,
        );
        await stations[first]!.kill();
        await scan;
        stations[first] = await open(first);
        count(outcomes, 'kill');
      } else {
        const fault = FAULTS[Math.floor(random() * FAULTS.length)]!;
        inject(fault);
        const restart = run % DATABASE_RESTART_EVERY === DATABASE_RESTART_EVERY - 1 ? server.restart() : undefined;
        const second = (first + 1 + Math.floor(random() * (stations.length - 1))) % stations.length;
        if (random() < 0.3) {
          // Two stations scan the same order at the same moment.
          const [a, b] = await Promise.all([
            stations[first]!.call('submitScan', { scan: orderId }),
            stations[second]!.call('submitScan', { scan: orderId }),
          ]);
          count(outcomes, `${fault}:${a.outcome}+${b.outcome}`);
        } else {
          const result = await stations[first]!.call('submitScan', { scan: orderId });
          count(outcomes, `${fault}:${result.outcome}`);
          await stations[second]!.call('submitScan', { scan: orderId });
        }
        await restart;
      }
    }
  }, 900_000);

  it('leaves zero orders with two labels at the provider', async () => {
    await waitFor(() => aftership.lateCount === 0, 10_000);
    const duplicates = [...orders].filter((orderId) => aftership.createdFor(orderId).length > 1);
    console.log(
      `fleet fault injection: ${orders.size} orders, ${aftership.created.length} labels; outcomes ${JSON.stringify(Object.fromEntries(outcomes))}`,
    );
    expect(duplicates).toEqual([]);
  }, 30_000);

  it('has every label the provider made in the shared history, printable from every station without the provider', async () => {
    // Labels still being checked settle once the window has passed.
    await waitFor(
      async () => (await stations[0]!.call('searchHistory', { query: '', filter: 'uncertain', limit: 1, offset: 0 })).total === 0,
      20_000,
    );
    // The last run restarts the database: what a station wrote meanwhile (a file it downloaded, say)
    // waits in its outbox until it is sent. Every station has sent everything before the provider goes.
    await waitFor(async () => {
      for (const station of stations) {
        const { database } = await station.call('getStationInfo', {});
        if (!database.reachable || database.pendingWrites > 0) return false;
      }
      return true;
    }, 20_000);
    await aftership.close();
    for (const created of aftership.created) {
      const found = await stations[0]!.call('searchHistory', { query: created.orderId, filter: 'all', limit: 10, offset: 0 });
      const label = found.labels.find((l) => l.providerLabelId === created.id);
      expect(label, `order ${created.orderId}: label ${created.id} missing from the shared history`).toBeDefined();
      expect(['bought', 'printed', 'print_failed', 'queued']).toContain(label!.status);
      expect(label!.status === 'bought' && label!.printCount > 0, `order ${created.orderId}: ${JSON.stringify(label)}`).toBe(false);
      for (const [index, station] of stations.entries()) {
        // A label bought but never printed gets its first print at the first station; a reprint at the others.
        const first = index === 0 && label!.status === 'bought';
        const print = first
          ? await station.call('printLabel', { labelId: label!.id })
          : await station.call('reprintLabel', { reason: 'Label damaged', labelId: label!.id });
        expect(print.ok || Boolean(print.queued), `order ${created.orderId} at station ${index + 1}: ${print.problem?.message}`).toBe(true);
      }
    }
    console.log(`fleet fault injection: ${aftership.created.length} labels, all in the shared history and printed from 3 stations offline`);
    expect(aftership.created.length).toBeGreaterThan(RUNS / 2);
  }, 300_000);
});

function count(tally: Map<string, number>, key: string): void {
  tally.set(key, (tally.get(key) ?? 0) + 1);
}
