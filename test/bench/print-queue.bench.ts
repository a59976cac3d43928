/**
 * Does the station keep a printer busy? 200 sandbox labels (PDF rendered to ZPL once, reused)
 * through the durable print queue (real SQLite in a temp dir) to a loopback printer that prints at
 * 6 in/s (sped up), against a reference in the same process that connects per label and waits for
 * each label to come out before sending the next. Figure of merit: printer idle time / total.
 * Run: npx tsx test/bench/print-queue.bench.ts [labels=200] [speedUp=20]
 */
import { join } from 'node:path';
import { openDatabase } from '../../electron/station/history/database';
import { renderForPrinter, sendToPrinter } from '../../electron/station/printing/index';
import { PrintQueue, type StatusFn } from '../../electron/station/printing/queue/index';
import { renderSandboxLabelPdf, sandboxLabelId, sandboxTrackingNumber } from '../../electron/station/providers/sandbox/index';
import { startSlowPrinter, type SlowPrinter, type SlowPrinterStats } from '../fakes/slow-printer';
import { makeTempDir } from '../support/temp-dir';

const LABELS = Number(process.argv[2] ?? 200);
const SPEED_UP = Number(process.argv[3] ?? 20);
const DISTINCT = 4;

async function sandboxPayloads(): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (let i = 0; i < DISTINCT; i++) {
    const orderId = `5769${String(10_000_000_000_000 + i).padStart(14, '0')}`;
    const pdf = await renderSandboxLabelPdf({
      orderId,
      trackingNumbers: [sandboxTrackingNumber(orderId, 0)],
      parcels: null,
      labelId: sandboxLabelId(orderId, `bench-${i}`),
      date: new Date('2026-11-01T10:00:00Z'),
    });
    out.push((await renderForPrinter(pdf, { dpi: 203 })).payload);
  }
  return out;
}

interface Run {
  name: string;
  wallMs: number;
  stats: SlowPrinterStats;
  enqueueMs?: number;
}

async function throughQueue(name: string, payloads: Buffer[], status?: StatusFn): Promise<Run> {
  const temp = makeTempDir('print-queue-bench-');
  const printer = await startSlowPrinter({ speedUp: SPEED_UP });
  const db = openDatabase(join(temp.dir, 'history.sqlite'));
  const queue = new PrintQueue({ db, send: (address, payload) => sendToPrinter(address, payload), status });
  try {
    const started = performance.now();
    const jobs = [];
    for (let i = 0; i < LABELS; i++)
      jobs.push(
        queue.enqueue({ labelId: `bench-${i}`, printer: printer.address, payload: payloads[i % payloads.length]!, reprint: false }),
      );
    const enqueueMs = performance.now() - started;
    const printing = performance.now(); // wall time counts from start(): labels were all waiting
    queue.start();
    await queue.waitFor(jobs[jobs.length - 1]!.id);
    await printer.waitForLabels(LABELS, 60_000);
    return { name, wallMs: performance.now() - printing, stats: printer.stats(), enqueueMs };
  } finally {
    await queue.stop();
    db.close();
    await printer.close();
    temp.remove();
  }
}

/** The station without a queue: connect, send one label, wait for it to come out, repeat. */
async function labelByLabel(payloads: Buffer[]): Promise<Run> {
  const printer: SlowPrinter = await startSlowPrinter({ speedUp: SPEED_UP });
  try {
    const started = performance.now();
    for (let i = 0; i < LABELS; i++) {
      await sendToPrinter(printer.address, payloads[i % payloads.length]!);
      await printer.waitForLabels(i + 1, 10_000);
    }
    return { name: 'label by label (reference)', wallMs: performance.now() - started, stats: printer.stats() };
  } finally {
    await printer.close();
  }
}

function report(run: Run, perLabelMs: number): void {
  const { stats } = run;
  const perMinute = (LABELS / (run.wallMs * SPEED_UP)) * 60_000; // the same run at real speed
  console.log(
    `${run.name.padEnd(40)} wall ${run.wallMs.toFixed(0).padStart(6)} ms  printer busy ${stats.busyMs.toFixed(0).padStart(6)} ms  ` +
      `idle ${stats.idleMs.toFixed(0).padStart(5)} ms  idle ratio ${(stats.idleRatio * 100).toFixed(2).padStart(5)} %  ` +
      `mean gap ${(stats.idleMs / Math.max(1, stats.labels - 1)).toFixed(2)} ms  max gap ${stats.maxGapMs.toFixed(1).padStart(5)} ms  ≈ ${perMinute.toFixed(0)} labels/min at 1x (printer max ${(60_000 / (perLabelMs * SPEED_UP)).toFixed(0)})`,
  );
}

const payloads = await sandboxPayloads();
const printMs = (6 / 6 / SPEED_UP) * 1000;
console.log(
  `${LABELS} sandbox 4x6 labels (${DISTINCT} distinct, ZPL ${payloads.map((p) => p.length).join('/')} bytes) to a 6 in/s printer at ${SPEED_UP}x ` +
    `(${printMs.toFixed(0)} ms per label)`,
);
const ready: StatusFn = async () => {
  await new Promise((r) => setTimeout(r, 5)); // a ~HS round trip on a LAN, generously
  return { ok: true, faults: [], message: '' };
};
const runs = [
  await throughQueue('print queue (SQLite, no status)', payloads),
  await throughQueue('print queue + status check (5 ms each)', payloads, ready),
  await labelByLabel(payloads),
];
for (const run of runs) report(run, printMs);
const enqueueMs = runs[0]!.enqueueMs!;
console.log(
  `enqueue (each job committed, synchronous=FULL) of ${LABELS} jobs: ${enqueueMs.toFixed(0)} ms (${(enqueueMs / LABELS).toFixed(2)} ms per job)`,
);
const [queued, , reference] = runs as [Run, Run, Run];
console.log(`wall time queue/reference: ${(queued.wallMs / reference.wallMs).toFixed(3)}`);
