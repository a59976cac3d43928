/**
 * What a purchase costs in the history, and what asking the provider first costs.
 * 1. Claim + record (nextGeneration, insertBuying, markBought, a print attempt, printed) on the
 *    station's SQLite against the fleet's path (the shared PostgreSQL on loopback with the station's
 *    own copy kept), in the same run: median, p95 and the ratio. Target: fleet median <= 10 ms.
 * 2. The lookup asked before every purchase (AfterShip GET /labels?s=<reference>) against the create
 *    itself, both on the loopback AfterShip fake.
 * Run: npx tsx test/bench/fleet-purchase.bench.ts [purchases=300]
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  fleetDatabase,
  FleetHistory,
  FleetOutbox,
  HistoryStore,
  openDatabase,
  sqliteHistory,
  type LabelHistory,
} from '../../electron/station/history/index';
import { createAfterShipProvider } from '../../electron/station/providers/aftership/index';
import { startFakeAfterShip } from '../fakes/aftership-server';
import { startPostgres } from '../support/postgres-server';
import { makeTempDir } from '../support/temp-dir';

const PURCHASES = Number(process.argv[2] ?? 300);

async function purchase(history: LabelHistory, n: number): Promise<number> {
  const orderId = `579${String(100_000_000_000_000 + n).padStart(15, '0')}`;
  const started = performance.now();
  const generation = await history.nextGeneration(orderId, '1of1');
  const row = await history.insertBuying({
    id: randomUUID(),
    orderId,
    parcelKey: '1of1',
    reference: `ls-${orderId}-1of1-g${generation}`,
    provider: 'aftership',
    sandbox: false,
    operator: 'bench',
    printer: 'tcp://127.0.0.1:9100',
    request: '{"orderId":"' + orderId + '"}',
    generation,
    station: 'Bench',
    stationId: 'bench001',
    checkUntil: new Date(Date.now() + 120_000).toISOString(),
  });
  if (!row) throw new Error('claim refused');
  await history.markBought(row.id, { providerLabelId: randomUUID(), trackingNumbers: [`92${n}`], cost: null, labelUrl: 'https://x/l.pdf' });
  await history.recordPrintAttempt({
    labelId: row.id,
    printer: 'tcp://127.0.0.1:9100',
    ok: true,
    reprint: false,
    bytes: 2800,
    error: null,
  });
  await history.setStatus(row.id, 'printed');
  return performance.now() - started;
}

async function measure(history: LabelHistory, offset: number): Promise<number[]> {
  for (let i = 0; i < 20; i++) await purchase(history, offset + 900_000 + i); // warm-up
  const times: number[] = [];
  for (let i = 0; i < PURCHASES; i++) times.push(await purchase(history, offset + i));
  return times;
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const line = (name: string, xs: number[]) =>
  `${name.padEnd(34)} median ${quantile(xs, 0.5).toFixed(2)} ms   p95 ${quantile(xs, 0.95).toFixed(2)} ms`;

const temp = makeTempDir();
// fsync on, as a warehouse's database runs (the tests' server turns it off for speed).
const server = await startPostgres({ durable: true });
try {
  const local = openDatabase(join(temp.dir, 'local.sqlite'));
  const sqliteTimes = await measure(new HistoryStore(sqliteHistory(local)), 0);

  // As a fleet station keeps them: its copy without an fsync per write, its outbox with one.
  const station = openDatabase(join(temp.dir, 'station.sqlite'));
  const copy = openDatabase(join(temp.dir, 'station.sqlite'), { synchronous: 'NORMAL' });
  const shared = fleetDatabase(await server.createDatabase('bench'));
  const fleet = new FleetHistory(
    shared,
    new HistoryStore(shared),
    new HistoryStore(sqliteHistory(copy)),
    new FleetOutbox(sqliteHistory(station).db),
    () => {},
  );
  if (!(await fleet.connect())) throw new Error('PostgreSQL not reachable');
  const fleetTimes = await measure(fleet, 10_000);
  const bareTimes = await measure(new HistoryStore(shared), 20_000);

  console.log(`\nPurchase claim + record, ${PURCHASES} purchases each (nextGeneration, claim, bought, print attempt, printed):`);
  console.log(line('station SQLite (reference)', sqliteTimes));
  console.log(line('fleet: PostgreSQL + station copy', fleetTimes));
  console.log(line('PostgreSQL alone', bareTimes));
  console.log(
    `fleet / SQLite: median ${(quantile(fleetTimes, 0.5) / quantile(sqliteTimes, 0.5)).toFixed(2)}x, extra ${(quantile(fleetTimes, 0.5) - quantile(sqliteTimes, 0.5)).toFixed(2)} ms (target: fleet median <= 10 ms)`,
  );
  await shared.close();
  local.close();
  copy.close();
  station.close();

  const apiKey = 'asat_bench_key_0123456789';
  const fake = await startFakeAfterShip({ apiKey, labelFormat: 'zpl' });
  // The request itself, without the station's spacing of AfterShip's 10 requests/s (reported apart).
  const provider = createAfterShipProvider({ baseUrl: fake.baseUrl, apiKey, rateLimiter: { take: async () => {}, holdFor: () => 0 } });
  const lookups: number[] = [];
  const creates: number[] = [];
  for (let i = 0; i < 100; i++) {
    const orderId = `579${String(200_000_000_000_000 + i).padStart(15, '0')}`;
    const request = {
      orderId,
      parcels: [
        { dimension: { width: 8, height: 4, depth: 6, unit: 'in' as const }, weight: { value: 1, unit: 'lb' as const }, itemIds: [] },
      ],
      reference: `ls-${orderId}-1of1-g1`,
      fileType: 'zpl' as const,
      order: null,
    };
    let t = performance.now();
    await provider.findLabel(request);
    lookups.push(performance.now() - t);
    t = performance.now();
    await provider.createLabel(request);
    creates.push(performance.now() - t);
  }
  await fake.close();
  console.log(`\nAsk before buying, 100 purchases on the loopback AfterShip fake (${fake.created.length} labels):`);
  console.log(line('lookup asked first (GET /labels)', lookups));
  console.log(line('create (POST /labels)', creates));
  console.log(
    `lookup / create: median ${(quantile(lookups, 0.5) / quantile(creates, 0.5)).toFixed(2)}x on loopback. Under AfterShip's 10 requests/s ` +
      '(spaced at 9/s by the station) the lookup also takes one request of the budget: at most 4.5 purchases/s per account instead of 9.',
  );
} finally {
  await server.stop();
  temp.remove();
}
