/**
 * "Printed within a second of the provider's answer": the time from the provider's answer (the
 * station emits 'printing' right after it records the purchase) to the scan reporting "printed":
 * the label went through the durable print queue, every byte reached a Zebra-like capture printer
 * and the printer answered ~HS "ready", through the real station core. The reference, in the same process, is the same path for
 * a ZPL label (download + send, no rasterizing), so the ratio shows what PDF conversion costs.
 * Run: npx tsx test/bench/answer-to-print.bench.ts [orders=30]
 */
import { startFakeAfterShip } from '../fakes/aftership-server';
import { startZebraStatusPrinter } from '../fakes/zebra-status-printer';
import { startStation } from '../support/station-harness';

const ORDERS = Number(process.argv[2] ?? 30);
const API_KEY = 'asat_bench_key_0123456789';

async function measure(labelFormat: 'pdf' | 'zpl'): Promise<number[]> {
  const printer = await startZebraStatusPrinter();
  const aftership = await startFakeAfterShip({ apiKey: API_KEY, labelFormat });
  const station = await startStation({
    LABEL_STATION_PROVIDER: 'aftership',
    AFTERSHIP_API_KEY: API_KEY,
    AFTERSHIP_BASE_URL: aftership.baseUrl,
    LABEL_STATION_PRINTER: printer.address,
  });
  const answeredAt = new Map<string, number>();
  station.core.events.on('jobProgress', (e) => {
    if (e.step === 'printing') answeredAt.set(e.jobId, performance.now());
  });
  const samples: number[] = [];
  try {
    for (let i = 0; i < ORDERS + 3; i++) {
      const orderId = `576${String(900_000_000_000_000 + i).padStart(15, '0')}`;
      const result = await station.call('submitScan', { scan: orderId });
      if (result.outcome !== 'printed') throw new Error(`order ${orderId}: ${result.outcome}`);
      await printer.waitForJobs(i + 1, 10_000);
      const printedAt = performance.now();
      if (i >= 3) samples.push(printedAt - answeredAt.get(result.jobId)!); // first 3 warm up pdfjs
    }
  } finally {
    await station.close();
    await aftership.close();
    await printer.close();
  }
  return samples.sort((a, b) => a - b);
}

const pct = (s: number[], p: number) => s[Math.min(s.length - 1, Math.floor(s.length * p))]!;
const pdf = await measure('pdf');
const zpl = await measure('zpl');
console.log(
  `provider answer -> printed (queued, sent, ~HS ready), ${ORDERS} orders each (real core, loopback AfterShip + Zebra-like capture printer)`,
);
for (const [name, s] of [
  ['PDF label (download, rasterize, Z64, send)', pdf],
  ['ZPL label (download, send) reference', zpl],
] as const) {
  console.log(
    `${name.padEnd(44)} median ${pct(s, 0.5).toFixed(1).padStart(6)} ms   p90 ${pct(s, 0.9).toFixed(1).padStart(6)} ms   max ${s.at(-1)!.toFixed(1).padStart(6)} ms`,
  );
}
console.log(
  `ratio PDF/ZPL median: ${(pct(pdf, 0.5) / pct(zpl, 0.5)).toFixed(2)}; target: under 1000 ms p90 -> ${pct(pdf, 0.9) < 1000 ? 'met' : 'NOT met'}`,
);
