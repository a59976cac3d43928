/**
 * How soon does the station know what the scale says? A fake MT-SICS scale on a pseudo-terminal pair
 * (socat) answers the station's polls with a new weight each time; figure: from the fake writing its
 * answer to the scale service publishing the reading (the contract event). Reference in the same
 * run: a bare serialport reader on the same kind of line (write -> line parsed), the floor the
 * service's own work adds to. Run: npx tsx test/bench/scale-latency.bench.ts [samples=200]
 */
import { DelimiterParser, SerialPort } from 'serialport';
import { ScaleService, parseMtSicsLine } from '../../electron/station/packing/index';
import { startFakeSerialScale, type FakeSerialScale } from '../fakes/serial-scale';

const SAMPLES = Number(process.argv[2] ?? 200);
const POLL_MS = 20;
/** The first answers of each run warm up the JIT and the line; not counted. */
const WARMUP = 30;

/** Each answer carries a new weight; `seen(value)` is called when the reader got it. */
function countingScale(fake: FakeSerialScale) {
  const writtenAt = new Map<number, number>();
  const latencies: number[] = [];
  let skipped = 0;
  let grams = 1000;
  fake.set({ value: grams, unit: 'g' });
  fake.onAnswer = (at) => {
    writtenAt.set(grams, at);
    grams += 1;
    fake.set({ value: grams, unit: 'g' });
  };
  return {
    latencies,
    seen(value: number) {
      const at = writtenAt.get(value);
      if (at === undefined || latencies.length >= SAMPLES) return;
      if (skipped < WARMUP) skipped++;
      else latencies.push(performance.now() - at);
    },
  };
}

async function untilSamples(latencies: number[]): Promise<void> {
  for (let i = 0; i < SAMPLES * 50 && latencies.length < SAMPLES; i++) await new Promise((r) => setTimeout(r, 10));
  if (latencies.length < SAMPLES) throw new Error(`only ${latencies.length} samples`);
}

async function throughService(): Promise<number[]> {
  const fake = await startFakeSerialScale('mt-sics');
  const counting = countingScale(fake);
  const service = new ScaleService({
    device: () => ({ kind: 'serial', path: fake.stationPath, baudRate: 9600, protocol: 'mt-sics' }),
    emit: (reading) => reading.weight && counting.seen(reading.weight.value),
    log: () => {},
    timing: { pollMs: POLL_MS },
  });
  try {
    service.follow();
    await untilSamples(counting.latencies);
    return counting.latencies;
  } finally {
    await service.stop();
    await fake.close();
  }
}

async function bareReader(): Promise<number[]> {
  const fake = await startFakeSerialScale('mt-sics');
  const counting = countingScale(fake);
  const port = new SerialPort({ path: fake.stationPath, baudRate: 9600, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  port.pipe(new DelimiterParser({ delimiter: '\r\n' })).on('data', (line: Buffer) => {
    const sample = parseMtSicsLine(line.toString('latin1'));
    if (sample?.weight) counting.seen(sample.weight.value);
  });
  const timer = setInterval(() => port.write('SI\r\n'), POLL_MS);
  try {
    await untilSamples(counting.latencies);
    return counting.latencies;
  } finally {
    clearInterval(timer);
    await new Promise<void>((resolve) => port.close(() => resolve()));
    await fake.close();
  }
}

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const reference = await bareReader();
const service = await throughService();
const line = (name: string, v: number[]) =>
  `${name.padEnd(34)} p50 ${pct(v, 50).toFixed(2).padStart(6)} ms   p95 ${pct(v, 95).toFixed(2).padStart(6)} ms   max ${Math.max(...v)
    .toFixed(2)
    .padStart(6)} ms`;
console.log(
  `\nScale reading latency: fake MT-SICS scale on a pty, ${SAMPLES} answers each after ${WARMUP} warm-up ones, polled every ${POLL_MS} ms`,
);
console.log(line('reference: bare serialport reader', reference));
console.log(line('scale service -> reading event', service));
console.log(
  `ratio service/reference: p50 ×${(pct(service, 50) / pct(reference, 50)).toFixed(2)}, p95 ×${(pct(service, 95) / pct(reference, 95)).toFixed(2)}`,
);
