/**
 * Write-back in a fleet: the outbox lives in the shared PostgreSQL, so a label one station bought is
 * written back by another when the first one died before it could; stations sending side by side
 * never send the same event twice (each delivery is leased), and Shopify gets one fulfillment per label.
 */
import { afterEach, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { startFakeAfterShip, type FakeAfterShip } from '../../../fakes/aftership-server';
import { startFakeShopify, type FakeShopify } from '../../../fakes/shopify-server';
import { startFakeWms, type FakeWms } from '../../../fakes/wms-webhook-server';
import { startZebraStatusPrinter } from '../../../fakes/zebra-status-printer';
import { expectOutcome } from '../../../support/expect-outcome';
import { freshPostgresDatabase } from '../../../support/postgres-database';
import { startStation, type Harness, type HarnessOptions } from '../../../support/station-harness';
import { until } from '../../../support/until';

const AFTERSHIP_KEY = 'asat_fleet_writeback_key_0123';
const SHOPIFY_TOKEN = 'shpat_fleet_writeback_token';
const WMS_SECRET = 'whsec_fleet_writeback_secret_01';
const FAST: HarnessOptions['outboxTiming'] = { everyMs: 30, baseDelayMs: 20, maxDelayMs: 100, maxAttempts: 200, requestTimeoutMs: 2000 };
const FLEET_TIMING = { checkEveryMs: 100, connectTimeoutMs: 1000, statementTimeoutMs: 3000 };

let printer: Awaited<ReturnType<typeof startZebraStatusPrinter>>;
let aftership: FakeAfterShip;
let shopify: FakeShopify;
let wms: FakeWms;
const cleanups: Array<() => Promise<void>> = [];

beforeEach(async () => {
  printer = await startZebraStatusPrinter();
  aftership = await startFakeAfterShip({ apiKey: AFTERSHIP_KEY, labelFormat: 'zpl' });
  shopify = await startFakeShopify({ adminToken: SHOPIFY_TOKEN });
  wms = await startFakeWms({ secret: WMS_SECRET });
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await wms.close();
  await shopify.close();
  await aftership.close();
  await printer.close();
});

async function fleetStation(url: string, name: string, outboxTiming: HarnessOptions['outboxTiming'] = FAST): Promise<Harness> {
  const harness = await startStation(
    {
      LABEL_STATION_PROVIDER: 'aftership',
      AFTERSHIP_API_KEY: AFTERSHIP_KEY,
      AFTERSHIP_BASE_URL: aftership.baseUrl,
      SHOPIFY_STORE_URL: shopify.storeUrl,
      SHOPIFY_ADMIN_TOKEN: SHOPIFY_TOKEN,
      LABEL_STATION_PRINTER: printer.address,
      LABEL_STATION_NAME: name,
      LABEL_STATION_DATABASE_URL: url,
    },
    { fleetTiming: FLEET_TIMING, outboxTiming: { ...outboxTiming, paused: true } },
  );
  cleanups.push(() => harness.close());
  onTestFailed(() => console.log(`${name} log:\n${harness.logs.join('\n')}`));
  // Every station of the warehouse has the same WMS set up (same address and secret).
  const view = await harness.call('saveWebhook', {
    webhook: { name: 'Warehouse WMS', url: wms.url, events: ['label.bought', 'label.printed'], enabled: true },
  });
  await harness.call('setWebhookSecret', { webhookId: view.webhooks[0]!.id, value: WMS_SECRET });
  // Set up before its outbox runs: an event goes to the destinations of the station that sends it.
  if (!outboxTiming?.paused) await harness.restart({ fleetTiming: FLEET_TIMING, outboxTiming });
  return harness;
}

function shopifyOrder(n: number): { name: string; tiktokId: string } {
  const name = `#20${String(n).padStart(2, '0')}`;
  const tiktokId = `5771000000000020${String(n).padStart(2, '0')}`;
  shopify.addOrder({
    name,
    customAttributes: [{ key: 'TikTok Shop Order Number', value: tiktokId }],
    lineItems: [{ name: 'Mug', quantity: 1 }],
  });
  return { name, tiktokId };
}

describe('write-back in a fleet (shared PostgreSQL)', () => {
  it('a station that died before writing back leaves it to another: one fulfillment, each event once', async () => {
    const url = await freshPostgresDatabase('writeback');
    const crashed = await fleetStation(url, 'Packing 1', { ...FAST, paused: true });
    const order = shopifyOrder(1);
    const bought = await crashed.call('submitScan', { scan: order.name });
    expectOutcome(bought, 'printed');
    await crashed.close(); // never delivered
    expect(shopify.fulfillmentCreates).toHaveLength(0);

    const other = await fleetStation(url, 'Packing 2');
    await until(() => shopify.fulfillmentCreates.length === 1 && wms.received.length === 2, 'the write-back from the other station');
    expect(shopify.fulfillmentCreates[0]).toMatchObject({ orderName: order.name, trackingNumbers: bought.label.trackingNumbers });
    expect(wms.received.map((r) => [r.type, r.data.orderId, r.data.station])).toEqual([
      ['label.bought', order.tiktokId, 'Packing 1'],
      ['label.printed', order.tiktokId, 'Packing 1'],
    ]);
    await until(async () => (await other.call('getDeliveryLog', {})).pending === 0, 'nothing pending');
  });

  it('stations delivering side by side never send an event twice', async () => {
    const url = await freshPostgresDatabase('writeback');
    const stations = await Promise.all(['Packing 1', 'Packing 2', 'Packing 3'].map((name) => fleetStation(url, name)));
    const orders = Array.from({ length: 6 }, (_, i) => shopifyOrder(i + 10));
    await Promise.all(
      orders.map(async (order, i) => expectOutcome(await stations[i % 3]!.call('submitScan', { scan: order.name }), 'printed')),
    );
    await until(() => wms.received.length >= 12 && shopify.fulfillmentCreates.length >= 6, 'every event delivered', 20_000);
    await until(async () => (await stations[0]!.call('getDeliveryLog', {})).pending === 0, 'nothing pending');
    expect(wms.received).toHaveLength(12);
    expect(new Set(wms.received.map((r) => r.id)).size).toBe(12);
    expect(shopify.fulfillmentCreates.map((f) => f.orderName).sort()).toEqual(orders.map((o) => o.name).sort());
    // Per order, "bought" arrives before "printed".
    for (const order of orders) {
      const types = wms.received.filter((r) => r.data.orderId === order.tiktokId).map((r) => r.type);
      expect(types).toEqual(['label.bought', 'label.printed']);
    }
  });
});
