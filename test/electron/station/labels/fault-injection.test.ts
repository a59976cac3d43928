/**
 * No label bought twice, none lost, under faults: 500 scans against the loopback provider fakes
 * with timeouts, connection resets after the provider created the label, 429 storms, 5xx and
 * station processes killed mid-purchase. Afterwards the fakes must hold at most one label per
 * order, and every label they created must be in the station's history and reprint without them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeStores } from '../../../../electron/station';
import { createSignedInCore } from '../../../support/signed-in-core';
import type { StationCore } from '../../../../electron/station';
import { startFakeAfterShip } from '../../../fakes/aftership-server';
import type { CapturePrinter } from '../../../fakes/capture-printer';
import { startZebraStatusPrinter } from '../../../fakes/zebra-status-printer';
import { startFakeTikTok } from '../../../fakes/tiktok-server';
import { makeTempDir } from '../../../support/temp-dir';
import { bundleScanInChild, killWhen, startScanInChild } from '../../../support/child-station';

// Bounded for CI (npm test); the long version: FAULT_RUNS=1000 (see the README's Development section).
const RUNS = Number(process.env.FAULT_RUNS ?? 250);
const KILL_EVERY = 25; // one run in KILL_EVERY kills the station process mid-purchase
/** Weighted: 429 storms cost real seconds (the reset header is at least 1 s), so they are rarer. */
const FAULTS = [
  'none',
  'none',
  'none',
  'hang',
  'hang',
  'reset-after-create',
  'reset-after-create',
  'reset-after-create',
  'server-error',
  'server-error',
  'rate-limited',
] as const;
type Fault = (typeof FAULTS)[number] | 'kill';
const PROVIDER_TIMEOUT_MS = 400;

interface ProviderUnderTest {
  name: 'aftership' | 'tiktok';
  env: Record<string, string>;
  createdFor(orderId: string): number;
  createdIds(): Array<{ orderId: string; id: string }>;
  prepareOrder(orderId: string): void;
  failNext(fault: Exclude<Fault, 'none' | 'kill'>): void;
  close(): Promise<void>;
}

/** A small deterministic PRNG so a failing mix can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}

async function aftershipUnderTest(): Promise<ProviderUnderTest> {
  const apiKey = 'asat_fault_injection_key_01';
  const fake = await startFakeAfterShip({ apiKey, labelFormat: 'zpl' });
  return {
    name: 'aftership',
    env: { LABEL_STATION_PROVIDER: 'aftership', AFTERSHIP_API_KEY: apiKey, AFTERSHIP_BASE_URL: fake.baseUrl },
    createdFor: (orderId) => fake.created.filter((c) => c.orderId === orderId).length,
    createdIds: () => fake.created.map((c) => ({ orderId: c.orderId, id: c.id })),
    prepareOrder: () => {},
    // Faults hit the purchase itself (the lookup asked before buying is a plain read).
    failNext: (fault) => (fault === 'rate-limited' ? fake.rateLimitStorm(2, 1) : fake.failNext(fault, 1, 'create')),
    close: () => fake.close(),
  };
}

async function tiktokUnderTest(): Promise<ProviderUnderTest> {
  const fake = await startFakeTikTok({ appKey: 'fault_app_key', appSecret: 'fault_app_secret_0123' });
  return {
    name: 'tiktok',
    env: {
      ...fake.stationEnv(),
    },
    createdFor: (orderId) => fake.created.filter((c) => c.orderId === orderId).length,
    createdIds: () => fake.created.map((c) => ({ orderId: c.orderId, id: c.id })),
    prepareOrder: (orderId) =>
      fake.addOrder({ orderId, status: 'AWAITING_SHIPMENT', lineItems: [{ id: `${orderId}-1`, sku: 'SKU-1', name: 'Mug', quantity: 1 }] }),
    // Faults hit the purchase itself (the order read that comes first is a plain retried read).
    failNext: (fault) => (fault === 'rate-limited' ? fake.failNext('rate-limited', 3) : fake.failNext(fault, 1, 'create')),
    close: () => fake.close(),
  };
}

let childScript = '';
const cleanups: Array<() => void> = [];

describe('fault injection: no label bought twice, none lost', () => {
  const outcomes = new Map<string, number>();
  let printer: CapturePrinter;
  let providers: ProviderUnderTest[];
  const stations: Array<{ provider: ProviderUnderTest; dataDir: string; remove: () => void }> = [];
  const orders: Array<{ orderId: string; station: (typeof stations)[number] }> = [];

  beforeAll(async () => {
    // The killed station runs as a real process; bundled once so each start takes milliseconds.
    const bundle = await bundleScanInChild();
    childScript = bundle.script;
    cleanups.push(bundle.remove);
    printer = await startZebraStatusPrinter();
    providers = [await aftershipUnderTest(), await tiktokUnderTest()];
    for (const provider of providers) {
      const temp = makeTempDir();
      stations.push({ provider, dataDir: temp.dir, remove: temp.remove });
    }
  });
  afterAll(async () => {
    for (const cleanup of cleanups) cleanup();
    await printer?.close();
    for (const provider of providers ?? []) await provider.close();
    for (const station of stations) station.remove();
  });

  const openCore = (station: (typeof stations)[number]): Promise<StationCore> =>
    createSignedInCore({
      dataDir: station.dataDir,
      shell: 'web',
      ...createNodeStores(station.dataDir),
      env: { ...station.provider.env, LABEL_STATION_PRINTER: printer.address },
      providerTimeoutMs: PROVIDER_TIMEOUT_MS,
      labelChecks: { windowMs: 2000, everyMs: 100 },
    });

  it(`runs ${RUNS} scans mixing faults and kills`, async () => {
    // Each provider's station runs its share of the scans at the same time as the other's.
    await Promise.all(
      stations.map(async (station, index) => {
        const random = rng(20261122 + index);
        let core = await openCore(station);
        for (let run = index; run < RUNS; run += stations.length) {
          const orderId = `576${String(100_000_000_000_000 + run).padStart(15, '0')}`;
          station.provider.prepareOrder(orderId);
          orders.push({ orderId, station });
          const fault: Fault = run % KILL_EVERY === KILL_EVERY - 1 ? 'kill' : FAULTS[Math.floor(random() * FAULTS.length)]!;
          if (fault === 'kill') {
            await core.close();
            await scanAndKill(station, orderId);
            core = await openCore(station);
            await core.reconciled;
            count(outcomes, 'kill');
            continue;
          }
          if (fault !== 'none') station.provider.failNext(fault);
          const result = await core.handlers.submitScan({ scan: orderId });
          count(outcomes, `${fault}:${result.outcome}`);
          // Whatever happened, scanning again must never buy a second label.
          await core.handlers.submitScan({ scan: orderId });
        }
        await core.close();
      }),
    );
  }, 600_000);

  it('leaves zero duplicate labels per order at the providers', () => {
    const duplicates = orders.filter(({ orderId, station }) => station.provider.createdFor(orderId) > 1);
    console.log(`fault injection: ${orders.length} orders; outcomes ${JSON.stringify(Object.fromEntries(outcomes))}`);
    expect(duplicates.map((d) => d.orderId)).toEqual([]);
  });

  it('has every label the providers created in the history, and reprints each without the provider', async () => {
    let created = 0;
    for (const station of stations) {
      const core = await openCore(station);
      await core.reconciled;
      const ids = station.provider.createdIds();
      created += ids.length;
      await station.provider.close(); // reprints must work offline
      for (const { orderId, id } of ids) {
        const found = await core.handlers.searchHistory({ query: orderId, filter: 'all', limit: 10, offset: 0 });
        const label = found.labels.find((l) => l.providerLabelId === id);
        expect(label, `order ${orderId}: label ${id} missing from history`).toBeDefined();
        expect(['bought', 'printed', 'print_failed']).toContain(label!.status);
        const reprint = await core.handlers.reprintLabel({ reason: 'Label damaged', labelId: label!.id });
        expect(reprint.ok, `order ${orderId}: ${reprint.problem?.message}`).toBe(true);
      }
      await core.close();
    }
    console.log(`fault injection: ${created} labels created by the fakes, all in history and reprinted offline`);
    expect(created).toBeGreaterThan(RUNS / 2);
  }, 600_000);
});

function count(tally: Map<string, number>, key: string): void {
  tally.set(key, (tally.get(key) ?? 0) + 1);
}

/** Starts a station process on the data dir, kills it once the provider has the purchase request. */
async function scanAndKill(station: { provider: ProviderUnderTest; dataDir: string }, orderId: string): Promise<void> {
  const child = startScanInChild(childScript, station.dataDir, orderId, {
    ...station.provider.env,
    LABEL_STATION_PRINTER: 'tcp://127.0.0.1:9',
    TEST_PROVIDER_TIMEOUT_MS: '5000',
  });
  // Kill right around the provider's answer: the label is created, the station may not have recorded it.
  await killWhen(child, () => station.provider.createdFor(orderId) > 0);
}
