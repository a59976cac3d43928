/**
 * The health figures on the real station core: recorded where they happen (the provider's HTTP
 * exchanges, its rate limiter, the print queue), read back through getHealth, and the light's
 * change sent as `healthChanged`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../../shared/contract';
import { startFakeAfterShip } from '../../../fakes/aftership-server';
import { startZebraStatusPrinter } from '../../../fakes/zebra-status-printer';
import { startStation, type Harness } from '../../../support/station-harness';
import { expectOutcome } from '../../../support/expect-outcome';

const API_KEY = 'asat_health_test_key_0123456789';
let printer: Awaited<ReturnType<typeof startZebraStatusPrinter>>;
let aftership: Awaited<ReturnType<typeof startFakeAfterShip>>;
let station: Harness;
const changes: Array<EventPayload<'healthChanged'>> = [];

/** Polls `value` until it is at least `n` (at most 200 looks, 50 ms apart). */
async function until(value: () => number | Promise<number>, n: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await value()) >= n) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`still below ${n}`);
}

beforeEach(async () => {
  printer = await startZebraStatusPrinter();
  aftership = await startFakeAfterShip({ apiKey: API_KEY });
  station = await startStation({
    LABEL_STATION_PROVIDER: 'aftership',
    AFTERSHIP_API_KEY: API_KEY,
    AFTERSHIP_BASE_URL: aftership.baseUrl,
    LABEL_STATION_PRINTER: printer.address,
  });
  changes.length = 0;
  station.core.events.on('healthChanged', (status) => changes.push(status));
});
afterEach(async () => {
  await station.close();
  await aftership.close();
  await printer.close();
});

describe('health figures from the real core', () => {
  it('counts AfterShip’s failed requests, turns the light red with the reason, and says so in an event', async () => {
    expect((await station.call('getHealth', {})).light).toBe('green');
    aftership.failNext('server-error', 3, 'lookup'); // the label search before buying: 3 tries, all 500
    const scan = await station.call('submitScan', { scan: '577100000000000901' });
    expect(scan.outcome).toBe('failed');
    expectOutcome(await station.call('submitScan', { scan: '577100000000000902' }), 'printed');

    const health = await station.call('getHealth', {});
    const figures = health.providers.find((p) => p.provider === 'aftership')!;
    expect(figures.selected).toBe(true);
    expect(figures.lastHour.failures).toBe(3);
    expect(figures.lastHour.requests).toBeGreaterThanOrEqual(6); // + lookup, create, file download
    expect(figures.lastHour.latencyP95Ms).not.toBeNull();
    expect(health.light).toBe('red');
    expect(health.reasons[0]!.text).toMatch(/^AfterShip: \d+ % of requests failed in the last hour \(3 of \d+\)$/);
    await until(() => changes.filter((c) => c.light === 'red').length, 1);
    // No secret in any figure.
    expect(JSON.stringify(health)).not.toContain(API_KEY);
  });

  it('counts a 429 and the time AfterShip held the station back', async () => {
    aftership.failNext('rate-limited', 1, 'create');
    expectOutcome(await station.call('submitScan', { scan: '577100000000000903' }), 'printed');
    const figures = (await station.call('getHealth', {})).providers.find((p) => p.provider === 'aftership')!;
    expect(figures.lastHour.rateLimited).toBe(1);
    expect(figures.lastHour.rateLimitHeldMs).toBeGreaterThanOrEqual(1000);
    expect(figures.lastHour.failures).toBe(0);
  });

  it('counts the printer’s labels and faults under its name in Settings', async () => {
    expectOutcome(await station.call('submitScan', { scan: '577100000000000904' }), 'printed');
    printer.setState('paper_out');
    const held = await station.call('submitScan', { scan: '577100000000000905' });
    expect(held.outcome).toBe('queued');
    printer.setState('ok');
    await until(async () => (await station.call('getHealth', {})).printers[0]!.lastHour.jobs, 2);
    const [p] = (await station.call('getHealth', {})).printers;
    expect(p).toMatchObject({ name: 'Label printer', holdingSince: null, lastHour: { jobs: 2, faults: 1 } });
    expect(p!.lastHour.heldMs).toBeGreaterThan(0);
  });
});
