/** The health figures, computed from recorded events on a fake clock; memory stays bounded. */
import { describe, expect, it } from 'vitest';
import { HealthMonitor, MAX_PRINTERS } from '../../../../electron/station/health';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.parse('2026-12-05T08:00:00Z');

function monitorAt(start = T0) {
  const clock = { t: start };
  const monitor = new HealthMonitor({ now: () => clock.t });
  return { monitor, clock };
}

const near = (value: number | null, expected: number) => {
  expect(value).not.toBeNull();
  expect(Math.abs(value! - expected) / expected).toBeLessThan(0.05);
};

describe('provider figures', () => {
  it('counts requests and failures, and reads p50/p95 latency, over the last hour and the last day', () => {
    const { monitor, clock } = monitorAt();
    const aftership = monitor.provider('aftership');
    // Two hours ago: 10 fast answers (count in the day only).
    clock.t = T0 - 2 * HOUR;
    for (let i = 0; i < 10; i++) aftership.exchange({ outcome: 'ok', durationMs: 100 });
    // In the last hour: 100 requests, latency 1..100 × 20 ms, 12 failed, and a cancel that is not counted.
    clock.t = T0 - 30 * MIN;
    for (let i = 1; i <= 100; i++) aftership.exchange({ outcome: i <= 12 ? 'failed' : 'ok', durationMs: i * 20 });
    aftership.exchange({ outcome: 'cancelled', durationMs: 5 });
    clock.t = T0;

    const [f] = monitor.providerFigures();
    expect(f!.provider).toBe('aftership');
    expect(f!.lastHour).toMatchObject({ requests: 100, failures: 12, failureRate: 0.12 });
    near(f!.lastHour.latencyP50Ms, 1000);
    near(f!.lastHour.latencyP95Ms, 1900);
    expect(f!.lastDay).toMatchObject({ requests: 110, failures: 12 });
    near(f!.lastDay.latencyP50Ms, 900);
  });

  it('forgets what is older than the window', () => {
    const { monitor, clock } = monitorAt();
    const tiktok = monitor.provider('tiktok');
    tiktok.exchange({ outcome: 'failed', durationMs: 30_000 });
    clock.t = T0 + 61 * MIN;
    expect(monitor.providerFigures()[0]!.lastHour).toMatchObject({ requests: 0, failures: 0, failureRate: 0, latencyP50Ms: null });
    expect(monitor.providerFigures()[0]!.lastDay.requests).toBe(1);
    clock.t = T0 + 24 * HOUR + 16 * MIN;
    expect(monitor.providerFigures()[0]!.lastDay.requests).toBe(0);
  });

  it('counts rate-limit answers and the time requests were held', () => {
    const { monitor } = monitorAt();
    const aftership = monitor.provider('aftership');
    aftership.exchange({ outcome: 'rate_limited', durationMs: 40 });
    aftership.rateLimitHold({ heldMs: 30_000 });
    aftership.rateLimitHold({ heldMs: 45_000 });
    expect(monitor.providerFigures()[0]!.lastHour).toMatchObject({ requests: 1, failures: 0, rateLimited: 2, rateLimitHeldMs: 75_000 });
  });
});

describe('printer figures', () => {
  it('counts labels, faults (a fault lasting through retries counts once) and the time labels were held', () => {
    const { monitor, clock } = monitorAt();
    const p = monitor.printing;
    p.printerState('tcp://10.0.0.5:9100', 'ok');
    p.jobDone('tcp://10.0.0.5:9100');
    p.printerState('tcp://10.0.0.5:9100', 'retrying');
    clock.t += 2 * MIN;
    p.printerState('tcp://10.0.0.5:9100', 'held');
    clock.t += 3 * MIN;
    p.printerState('tcp://10.0.0.5:9100', 'ok');
    p.jobDone('tcp://10.0.0.5:9100');
    p.printerState('tcp://10.0.0.5:9100', 'held');
    clock.t += 4 * MIN; // still holding: counts up to now

    const [f] = monitor.printerFigures();
    expect(f!.holdingSince).toBe(T0 + 5 * MIN);
    expect(f!.lastHour).toEqual({ jobs: 2, faults: 2, heldMs: 9 * MIN });
    expect(f!.lastDay).toEqual({ jobs: 2, faults: 2, heldMs: 9 * MIN });
  });
});

describe('memory', () => {
  it('stays the same size after a million events over thirty days, and follows at most MAX_PRINTERS printers', () => {
    const { monitor, clock } = monitorAt();
    for (const name of ['sandbox', 'aftership', 'tiktok', 'shipium'] as const)
      monitor.provider(name).exchange({ outcome: 'ok', durationMs: 1 });
    monitor.printing.jobDone('tcp://printer-0');
    const before = monitor.footprint();

    const recorders = (['aftership', 'tiktok'] as const).map((n) => monitor.provider(n));
    for (let i = 0; i < 1_000_000; i++) {
      clock.t += 2_600; // 30 days
      recorders[i % 2]!.exchange({ outcome: i % 7 === 0 ? 'failed' : 'ok', durationMs: (i % 5000) + 1 });
      if (i % 1000 === 0) monitor.printing.jobDone(`tcp://printer-${(i / 1000) % 40}`);
    }
    const after = monitor.footprint();
    expect(after.series).toBe(4 + MAX_PRINTERS);
    // Only the printers beyond the first added buckets: a million events added none.
    expect(after.counters - before.counters).toBe((MAX_PRINTERS - 1) * 156 * 3);
    // Per provider and per printer the buckets are fixed: 4 providers × 156 × (4 + 136) + 16 printers × 156 × 3.
    expect(after.counters).toBe(4 * 156 * (4 + 136) + MAX_PRINTERS * 156 * 3);
    expect(monitor.printerFigures()).toHaveLength(MAX_PRINTERS);
  });
});
