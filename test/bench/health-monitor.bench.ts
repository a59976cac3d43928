/**
 * The health monitor's cost (issue 12): recording an exchange and reading the panel's figures, next
 * to the naive way (keep every latency of the day, sort to read p50/p95) measured in the same run,
 * and the memory each holds. Run: npx tsx test/bench/health-monitor.bench.ts
 */
import { HealthMonitor } from '../../electron/station/health';

const EVENTS = 200_000;
const DAY_MS = 24 * 60 * 60_000;

function percentile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

let t = Date.parse('2026-12-05T00:00:00Z');
const monitor = new HealthMonitor({ now: () => t });
const recorder = monitor.provider('aftership');
const latencies = Array.from({ length: EVENTS }, (_, i) => 50 + ((i * 7919) % 3000));

let start = performance.now();
for (let i = 0; i < EVENTS; i++) {
  t += DAY_MS / EVENTS;
  recorder.exchange({ outcome: i % 20 === 0 ? 'failed' : 'ok', durationMs: latencies[i]! });
}
const recordNs = ((performance.now() - start) * 1e6) / EVENTS;

start = performance.now();
let figures = monitor.providerFigures();
for (let i = 0; i < 99; i++) figures = monitor.providerFigures();
const readMs = (performance.now() - start) / 100;

// Naive reference: every sample of the day kept, sorted to read the percentiles.
const samples: number[] = [];
start = performance.now();
for (let i = 0; i < EVENTS; i++) samples.push(latencies[i]!);
const naiveRecordNs = ((performance.now() - start) * 1e6) / EVENTS;
start = performance.now();
const sorted = Float64Array.from(samples).sort();
const naive = { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) };
const naiveReadMs = performance.now() - start;

const day = figures[0]!.lastDay;
const bytes = monitor.footprint().counters * 4;
console.log(`health monitor, ${EVENTS} exchanges over one day (fake clock)`);
console.log(`  record: ${recordNs.toFixed(0)} ns/event (naive array push ${naiveRecordNs.toFixed(0)} ns)`);
console.log(
  `  read figures: ${readMs.toFixed(3)} ms (naive sort of the day ${naiveReadMs.toFixed(2)} ms, ratio ${(naiveReadMs / readMs).toFixed(1)}x)`,
);
console.log(
  `  p50 ${day.latencyP50Ms!.toFixed(0)} ms vs exact ${naive.p50} (${((day.latencyP50Ms! / naive.p50 - 1) * 100).toFixed(1)} %), p95 ${day.latencyP95Ms!.toFixed(0)} vs ${naive.p95} (${((day.latencyP95Ms! / naive.p95 - 1) * 100).toFixed(1)} %)`,
);
console.log(
  `  memory: ${(bytes / 1024).toFixed(0)} KB of counters, fixed (naive: ${((EVENTS * 8) / 1024).toFixed(0)} KB and growing with traffic)`,
);
