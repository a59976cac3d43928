/**
 * Write-back through the real station core on its SQLite: a label bought for a Shopify order gets
 * one fulfillment with its tracking (also across a crash between buying and writing back, and after
 * a lost answer), a WMS that is down gets every event once it is back, in order, signed; TikTok's
 * tracking is left to the provider that already gave it to TikTok.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeAfterShip, type FakeAfterShip } from '../../../fakes/aftership-server';
import { startFakeShopify, type FakeShopify } from '../../../fakes/shopify-server';
import { startFakeTikTok } from '../../../fakes/tiktok-server';
import { startFakeWms } from '../../../fakes/wms-webhook-server';
import { startZebraStatusPrinter } from '../../../fakes/zebra-status-printer';
import { expectOutcome } from '../../../support/expect-outcome';
import { startStation, type Harness, type HarnessOptions } from '../../../support/station-harness';
import { until } from '../../../support/until';

const AFTERSHIP_KEY = 'asat_writeback_key_0123456789';
const SHOPIFY_TOKEN = 'shpat_writeback_token_0123';
const WMS_SECRET = 'whsec_writeback_secret_0123456789';
/** Quick retries for tests; the real ones start at 5 s. */
const FAST: HarnessOptions['outboxTiming'] = { everyMs: 50, baseDelayMs: 20, maxDelayMs: 100, maxAttempts: 200, requestTimeoutMs: 2000 };

let printer: Awaited<ReturnType<typeof startZebraStatusPrinter>>;
let aftership: FakeAfterShip;
let shopify: FakeShopify;
const cleanups: Array<() => Promise<void>> = [];

beforeEach(async () => {
  printer = await startZebraStatusPrinter();
  aftership = await startFakeAfterShip({ apiKey: AFTERSHIP_KEY, labelFormat: 'zpl' });
  shopify = await startFakeShopify({ adminToken: SHOPIFY_TOKEN });
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await shopify.close();
  await aftership.close();
  await printer.close();
});

async function station(options: HarnessOptions = { outboxTiming: FAST }): Promise<Harness> {
  const harness = await startStation(
    {
      LABEL_STATION_PROVIDER: 'aftership',
      AFTERSHIP_API_KEY: AFTERSHIP_KEY,
      AFTERSHIP_BASE_URL: aftership.baseUrl,
      SHOPIFY_STORE_URL: shopify.storeUrl,
      SHOPIFY_ADMIN_TOKEN: SHOPIFY_TOKEN,
      LABEL_STATION_PRINTER: printer.address,
    },
    options,
  );
  cleanups.push(() => harness.close());
  return harness;
}

function shopifyOrder(name: string, tiktokId: string) {
  return shopify.addOrder({
    name,
    customAttributes: [{ key: 'TikTok Shop Order Number', value: tiktokId }],
    lineItems: [{ sku: 'MUG', name: 'Mug', quantity: 1 }],
  });
}

describe('Shopify write-back', () => {
  it('a label bought for a Shopify order gives that order one fulfillment with its tracking; TikTok hears of it through AfterShip', async () => {
    const order = shopifyOrder('#1001', '576477431806268482');
    const s = await station();
    const bought = await s.call('submitScan', { scan: '#1001' });
    expectOutcome(bought, 'printed');
    const tracking = bought.label.trackingNumbers;

    await until(() => shopify.fulfillmentCreates.length === 1, 'the fulfillment');
    expect(shopify.fulfillmentCreates[0]).toMatchObject({ orderName: '#1001', trackingNumbers: tracking, notifyCustomer: false });
    expect(order.fulfillments.flatMap((f) => f.trackingInfo.map((t) => t.number))).toEqual(tracking);

    const log = await until(async () => {
      const l = await s.call('getDeliveryLog', {});
      return l.entries.some((e) => e.destination === 'shopify' && e.state === 'delivered') && l;
    }, 'the delivery log');
    expect(log.entries.find((e) => e.destination === 'tiktok')).toMatchObject({
      state: 'through_provider',
      note: expect.stringContaining('Tracking reaches TikTok through AfterShip'),
      orderId: '576477431806268482',
    });
    // Scanning again buys nothing and writes nothing back.
    expectOutcome(await s.call('submitScan', { scan: '#1001' }), 'already_labelled');
    await s.restart({ outboxTiming: FAST });
    await until(async () => (await s.call('getDeliveryLog', {})).pending === 0, 'nothing pending');
    expect(shopify.fulfillmentCreates).toHaveLength(1);
  });

  it('a crash between buying and writing back loses nothing: the next start writes it back, once', async () => {
    shopifyOrder('#1002', '576477431806268999');
    const s = await station({ outboxTiming: { ...FAST, paused: true } });
    const bought = await s.call('submitScan', { scan: '#1002' });
    expectOutcome(bought, 'printed');
    expect((await s.call('getDeliveryLog', {})).entries).toEqual([]); // recorded, not yet fanned out
    expect(shopify.fulfillmentCreates).toHaveLength(0);

    await s.restart({ outboxTiming: FAST }); // the core is dropped without delivering; a new one starts on the same folder
    await until(() => shopify.fulfillmentCreates.length === 1, 'the fulfillment after the restart');
    expect(shopify.fulfillmentCreates[0]!.trackingNumbers).toEqual(bought.label.trackingNumbers);
    await s.restart({ outboxTiming: FAST });
    await until(async () => (await s.call('getDeliveryLog', {})).pending === 0, 'nothing pending');
    expect(shopify.fulfillmentCreates).toHaveLength(1);
  });

  it('a retry after a lost answer finds the fulfillment it made and creates no second one', async () => {
    shopifyOrder('#1003', '576477431806268777');
    shopify.failNext('lose-answer');
    const s = await station();
    expectOutcome(await s.call('submitScan', { scan: '#1003' }), 'printed');
    const entry = await until(async () => {
      const found = (await s.call('getDeliveryLog', {})).entries.find((e) => e.destination === 'shopify');
      return found?.state === 'delivered' && found;
    }, 'the Shopify delivery');
    expect(entry.attempts).toBe(2);
    expect(entry.note).toMatch(/already has a fulfillment/);
    expect(shopify.fulfillmentCreates).toHaveLength(1);
    expect(shopify.requests.filter((r) => JSON.stringify(r.body).includes('fulfillmentCreate'))).toHaveLength(1);
  });

  it('a Shopify that keeps failing is set aside after the last attempt, kept, and delivered by "Retry now"', async () => {
    shopifyOrder('#1004', '576477431806268555');
    const s = await station({ outboxTiming: { ...FAST, paused: true } });
    expectOutcome(await s.call('submitScan', { scan: '#1004' }), 'printed');
    shopify.failNext('unauthorized', 3);
    await s.restart({ outboxTiming: { ...FAST, maxAttempts: 3 } });
    const failed = await until(async () => {
      const l = await s.call('getDeliveryLog', {});
      return l.failed === 1 && l.entries.find((e) => e.destination === 'shopify');
    }, 'the delivery set aside');
    expect(failed).toMatchObject({ state: 'failed', attempts: 3, nextTryAt: null });
    expect(failed.lastError).toMatch(/Shopify/);
    expect(shopify.fulfillmentCreates).toHaveLength(0);
    // The top bar's light says so, with where to act.
    const health = await until(async () => {
      const h = await s.call('getHealth', {});
      return h.reasons.some((r) => r.text.startsWith('1 write-back to Shopify or a WMS failed')) && h;
    }, 'the Health light');
    expect(health.light).not.toBe('green');

    await s.call('retryDelivery', { deliveryId: failed.id });
    await until(() => shopify.fulfillmentCreates.length === 1, 'the fulfillment after Retry now');
    expect(s.logs.join('\n')).toMatch(/failed — needs attention/);
  });
});

describe('webhooks to a WMS', () => {
  it('a WMS down for a while gets every event once it is back, in order, signed, and the secret appears nowhere', async () => {
    const wms = await startFakeWms({ secret: WMS_SECRET });
    cleanups.push(() => wms.close());
    const s = await station();
    const view = await s.call('saveWebhook', {
      webhook: { name: 'Main WMS', url: wms.url, events: ['label.bought', 'label.printed'], enabled: true },
    });
    const webhookId = view.webhooks[0]!.id;
    await s.call('setWebhookSecret', { webhookId, value: WMS_SECRET });
    expect(JSON.stringify(await s.call('getWriteback', {}))).not.toContain(WMS_SECRET);

    wms.setState('error');
    const orders = ['576100000000000001', '576100000000000002', '576100000000000003'];
    const labels = [];
    for (const order of orders) {
      const outcome = await s.call('submitScan', { scan: order });
      expectOutcome(outcome, 'printed');
      labels.push(outcome.label);
    }
    await until(() => wms.requests.length >= 3, 'retries against the WMS that is down');
    expect(wms.received).toEqual([]);
    const waiting = await s.call('getDeliveryLog', {});
    expect(waiting.pending).toBe(6);
    expect(waiting.entries.find((e) => e.destinationName === 'Main WMS' && e.attempts > 0)?.lastError).toMatch(/HTTP 503/);

    wms.setState('drop');
    await until(() => wms.requests.length >= 6, 'retries while the WMS drops connections');
    wms.setState('up');
    await until(() => wms.received.length === 6, 'all six events');
    await until(async () => (await s.call('getDeliveryLog', {})).pending === 0, 'nothing pending');
    expect(wms.received.map((r) => [r.type, r.data.orderId])).toEqual(
      orders.flatMap((o) => [
        ['label.bought', o],
        ['label.printed', o],
      ]),
    );
    expect(new Set(wms.received.map((r) => r.id)).size).toBe(6);
    expect(wms.received[0]).toMatchObject({
      data: { labelId: labels[0]!.id, trackingNumbers: labels[0]!.trackingNumbers, provider: 'aftership', station: expect.any(String) },
      headers: { 'label-station-event': 'label.bought', 'label-station-delivery': wms.received[0]!.id },
    });
    expect(wms.badSignatures).toBe(0);
    const logDir = path.join(s.dataDir, 'logs');
    const written = readdirSync(logDir)
      .map((f) => readFileSync(path.join(logDir, f), 'utf8'))
      .join('\n');
    expect(written).not.toContain(WMS_SECRET);
    expect(s.logs.join('\n')).not.toContain(WMS_SECRET);
  });

  it('a webhook removed from Settings leaves nothing waiting forever: its deliveries are set aside, kept in the log', async () => {
    const wms = await startFakeWms({ secret: WMS_SECRET });
    cleanups.push(() => wms.close());
    wms.setState('error');
    const s = await station();
    const view = await s.call('saveWebhook', { webhook: { name: 'Old WMS', url: wms.url, events: ['label.bought'], enabled: true } });
    await s.call('setWebhookSecret', { webhookId: view.webhooks[0]!.id, value: WMS_SECRET });
    expectOutcome(await s.call('submitScan', { scan: '576100000000000009' }), 'printed');
    await until(() => wms.requests.length >= 1, 'a first try');
    await s.call('removeWebhook', { webhookId: view.webhooks[0]!.id });
    const log = await s.call('getDeliveryLog', {});
    expect(log).toMatchObject({ pending: 0, failed: 1 });
    expect(log.entries.find((e) => e.destinationName === 'Old WMS')).toMatchObject({
      state: 'failed',
      lastError: 'The webhook was removed from Settings.',
    });
  });

  it('refuses a plain-http address that is not this computer, and only a supervisor adds a webhook', async () => {
    const s = await station();
    await expect(
      s.call('saveWebhook', { webhook: { name: 'WMS', url: 'http://wms.example.com/hook', events: ['label.bought'], enabled: true } }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/https:\/\//) });
    await s.call('signOut', {});
    await expect(
      s.call('saveWebhook', { webhook: { name: 'WMS', url: 'https://wms.example.com/hook', events: ['label.bought'], enabled: true } }),
    ).rejects.toMatchObject({ code: 'supervisor_required' });
  });
});

describe('export file', () => {
  it('appends one CSV row per chosen event, with a header once, and never again after a restart', async () => {
    const s = await station();
    const file = path.join(s.dataDir, 'wms', 'labels.csv');
    await expect(s.call('setExportFile', { path: 'labels.csv', events: ['label.bought'] })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await s.call('setExportFile', { path: file, events: ['label.bought', 'label.printed'] });
    const bought = await s.call('submitScan', { scan: '576100000000000077' });
    expectOutcome(bought, 'printed');
    await until(() => existsSync(file) && readFileSync(file, 'utf8').trim().split('\n').length === 3, 'two rows');
    await s.restart({ outboxTiming: FAST });
    await until(async () => (await s.call('getDeliveryLog', {})).pending === 0, 'nothing pending');
    const rows = parse(readFileSync(file, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => [r.type, r.order_id, r.tracking_numbers])).toEqual([
      ['label.bought', '576100000000000077', bought.label.trackingNumbers.join(' ')],
      ['label.printed', '576100000000000077', bought.label.trackingNumbers.join(' ')],
    ]);
    expect(rows[0]!.event_id).toMatch(/^evt_/);
  });
});

describe('TikTok', () => {
  it('a label bought through TikTok Shop’s own API is not pushed to TikTok again', async () => {
    const tiktok = await startFakeTikTok({ appKey: 'station_app_key', appSecret: 'station_app_secret_01' });
    cleanups.push(() => tiktok.close());
    tiktok.addOrder({
      orderId: '576000000000000777',
      status: 'AWAITING_SHIPMENT',
      lineItems: [{ id: 'li-1', sku: 'MUG', name: 'Mug', quantity: 1 }],
    });
    const s = await startStation({ ...tiktok.stationEnv(), LABEL_STATION_PRINTER: printer.address }, { outboxTiming: FAST });
    cleanups.push(() => s.close());
    expectOutcome(await s.call('submitScan', { scan: '576000000000000777' }), 'printed');
    const callsAfterBuying = tiktok.requests.length;
    const entry = await until(
      async () => (await s.call('getDeliveryLog', {})).entries.find((e) => e.destination === 'tiktok'),
      'the TikTok note',
    );
    expect(entry).toMatchObject({ state: 'through_provider', note: expect.stringContaining('through TikTok Shop’s own fulfillment API') });
    await s.restart({ outboxTiming: FAST });
    await until(async () => (await s.call('getDeliveryLog', {})).pending === 0, 'nothing pending');
    expect(tiktok.requests.length).toBe(callsAfterBuying);
    expect((await s.call('getDeliveryLog', {})).entries.filter((e) => e.destination === 'tiktok')).toHaveLength(1);
  });
});
