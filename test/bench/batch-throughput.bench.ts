/**
 * A batch of orders against the AfterShip fake enforcing 10 requests/s per organization (sliding
 * second, in a worker thread) with 300 ms answers, through the real station core, printing to a fake
 * Zebra. Figures: the batch's elapsed time against the ideal the provider allows (API requests / 10
 * per s + one answer's latency), the 429s it provoked, and the same orders scanned one after another
 * (a sample, extrapolated) in the same run.
 * Two settings of "Before buying": 'always' asks AfterShip first (a lookup, then the create: the ideal
 * for 200 orders is 40.3 s); 'history-gaps' on a month-old history buys an order it never saw with
 * the create alone (ideal 20.3 s, the target within 10 %).
 * Run: npx tsx test/bench/batch-throughput.bench.ts [orders=200] [one-at-a-time sample=20]
 */
import { startFakeAfterShipInWorker } from '../fakes/aftership-in-worker';
import { startZebraStatusPrinter } from '../fakes/zebra-status-printer';
import { historyStartedDaysAgo } from '../support/history-age';
import { startStation } from '../support/station-harness';

const ORDERS = Number(process.argv[2] ?? 200);
const SAMPLE = Number(process.argv[3] ?? 20);
const API_KEY = 'asat_bench_key_0123456789';

async function station(baseUrl: string, printerAddress: string, ask: 'always' | 'history-gaps' = 'always') {
  const s = await startStation(
    {
      LABEL_STATION_PROVIDER: 'aftership',
      AFTERSHIP_API_KEY: API_KEY,
      AFTERSHIP_BASE_URL: baseUrl,
      AFTERSHIP_ASK_BEFORE_BUYING: ask,
      LABEL_STATION_PRINTER: printerAddress,
    },
    { providerTimeoutMs: 10_000 },
  );
  historyStartedDaysAgo(s.dataDir, 31);
  return s;
}

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(5, '0')}`);

// 1. One at a time (what scanning a list by hand costs), on a sample.
{
  const fake = await startFakeAfterShipInWorker({ apiKey: API_KEY, labelFormat: 'zpl', rateLimitPerSecond: 10, latencyMs: 300 });
  const printer = await startZebraStatusPrinter();
  const s = await station(fake.baseUrl, printer.address);
  const started = performance.now();
  for (const scan of ids('5773000000000', SAMPLE)) await s.call('submitScan', { scan });
  const perOrder = (performance.now() - started) / 1000 / SAMPLE;
  console.log(`one at a time: ${perOrder.toFixed(2)} s an order -> ${(perOrder * ORDERS).toFixed(1)} s for ${ORDERS} orders`);
  await s.close();
  await printer.close();
  await fake.close();
  globalThis.oneAtATime = perOrder * ORDERS;
}

// 2. The batch, with each setting of "Before buying".
for (const [ask, prefix] of [
  ['always', '5774000000000'],
  ['history-gaps', '5775000000000'],
] as const) {
  const fake = await startFakeAfterShipInWorker({ apiKey: API_KEY, labelFormat: 'zpl', rateLimitPerSecond: 10, latencyMs: 300 });
  const printer = await startZebraStatusPrinter();
  const s = await station(fake.baseUrl, printer.address, ask);
  const orders = ids(prefix, ORDERS);
  const started = performance.now();
  const batch = await s.call('startBatch', { input: { kind: 'list', text: orders.join('\n') } });
  let view = batch;
  for (let i = 0; i < 6000 && view.state !== 'done'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    view = await s.call('getBatch', { batchId: batch.id });
  }
  await printer.waitForJobs(ORDERS, 60_000);
  const elapsed = (performance.now() - started) / 1000;
  const state = await fake.state();
  const ideal = state.apiRequests / 10 + 0.3;
  const target = ORDERS / 10 + 0.3;
  let tightest = Infinity;
  for (let i = 10; i < state.apiArrivals.length; i++) tightest = Math.min(tightest, state.apiArrivals[i]! - state.apiArrivals[i - 10]!);
  console.log(
    [
      `batch of ${ORDERS}, before buying: ${ask}: ${elapsed.toFixed(1)} s, all printed (${view.counts.bought} bought, ${view.counts.failed} failed)`,
      `  API requests ${state.apiRequests}; ideal at 10/s ${ideal.toFixed(1)} s; ratio ${(elapsed / ideal).toFixed(2)}; against the issue's ${target.toFixed(1)} s: ${(elapsed / target).toFixed(2)}`,
      `  429s provoked: ${state.rateLimitedCount}; tightest 11 requests at the fake: ${tightest} ms`,
      `  vs one at a time: ${(globalThis.oneAtATime / elapsed).toFixed(1)}x faster`,
    ].join('\n'),
  );
  await s.close();
  await printer.close();
  await fake.close();
}

declare global {
  var oneAtATime: number;
}
export {};
