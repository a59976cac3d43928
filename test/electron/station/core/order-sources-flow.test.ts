/**
 * Scans resolved through the order sources, through the real station core: Shopify order numbers
 * (TikTok ID from the sync tool's attribute), a WMS order file, cancelled orders refused before
 * anything is bought, and the TikTok direct and Shipium providers on their loopback fakes.
 */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeAfterShip } from '../../../fakes/aftership-server';
import { startZebraStatusPrinter } from '../../../fakes/zebra-status-printer';
import { startFakeShipium } from '../../../fakes/shipium-server';
import { startFakeShopify } from '../../../fakes/shopify-server';
import { startFakeTikTok } from '../../../fakes/tiktok-server';
import { startStation, type Harness } from '../../../support/station-harness';
import { decodeZplBarcodes } from '../../../support/zpl-barcode';
import { expectOutcome } from '../../../support/expect-outcome';

const AFTERSHIP_KEY = 'asat_order_sources_key_01';
const SHOPIFY_TOKEN = 'shpat_order_sources_token_01';
let printer: Awaited<ReturnType<typeof startZebraStatusPrinter>>;
let station: Harness | undefined;
const closers: Array<() => Promise<void>> = [];

beforeEach(async () => {
  printer = await startZebraStatusPrinter();
});
afterEach(async () => {
  await station?.close();
  station = undefined;
  for (const close of closers.splice(0)) await close();
  await printer.close();
});

async function aftershipWithShopify() {
  const aftership = await startFakeAfterShip({ apiKey: AFTERSHIP_KEY, labelFormat: 'zpl' });
  const shopify = await startFakeShopify({ adminToken: SHOPIFY_TOKEN });
  closers.push(
    () => aftership.close(),
    () => shopify.close(),
  );
  station = await startStation({
    LABEL_STATION_PROVIDER: 'aftership',
    AFTERSHIP_API_KEY: AFTERSHIP_KEY,
    AFTERSHIP_BASE_URL: aftership.baseUrl,
    SHOPIFY_STORE_URL: shopify.storeUrl,
    SHOPIFY_ADMIN_TOKEN: SHOPIFY_TOKEN,
    LABEL_STATION_PRINTER: printer.address,
  });
  return { aftership, shopify, station };
}

describe('scans resolved through the order sources', () => {
  it('buys the label for the TikTok order behind a scanned Shopify number (AfterShip Feed attribute)', async () => {
    const { aftership, shopify, station } = await aftershipWithShopify();
    shopify.addOrder({
      name: '#1001',
      customAttributes: [
        { key: 'Sales Channel', value: 'TikTok Shop - SANDBOX' },
        { key: 'TikTok Shop Order Number', value: '576477431806268482' },
      ],
      lineItems: [{ sku: 'MUG', name: 'Mug', quantity: 1 }],
    });
    const result = await station.call('submitScan', { scan: '#1001' });
    expect(result.outcome).toBe('printed');
    expect(result.outcome === 'printed' && result.label.orderId).toBe('576477431806268482');
    expect(aftership.created.map((c) => c.orderId)).toEqual(['576477431806268482']);
    const order = await station.call('lookupOrder', { scan: '1001' });
    expect(order).toMatchObject({ orderId: '576477431806268482', displayName: '#1001', source: 'shopify', cancelled: false });
    expect(order.lineItems).toHaveLength(1);
  });

  it('refuses a cancelled Shopify order before anything is bought', async () => {
    const { aftership, shopify, station } = await aftershipWithShopify();
    shopify.addOrder({ name: '#1002', tags: ['TikTokOrderID:577010203040506070'], cancelledAt: '2026-11-20T10:00:00Z' });
    const result = await station.call('submitScan', { scan: '#1002' });
    expect(result).toMatchObject({ outcome: 'failed', problem: { code: 'order_cancelled' } });
    expect(result.outcome === 'failed' && result.problem.nextStep).toMatch(/Do not ship/);
    expect(aftership.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('says a Shopify number cannot be looked up when no order source is connected', async () => {
    station = await startStation({});
    const result = await station.call('submitScan', { scan: '#1001' });
    expect(result).toMatchObject({ outcome: 'failed', problem: { code: 'shopify_order_number' } });
    expect(result.outcome === 'failed' && result.problem.message).toMatch(/not connected/);
  });

  it('reads a WMS order file: the order number gives the TikTok ID and a cancelled row is refused', async () => {
    station = await startStation({ LABEL_STATION_PRINTER: printer.address });
    const file = path.join(station.dataDir, 'orders.csv');
    copyFileSync(path.resolve(__dirname, '../../../fixtures/orders/orders.csv'), file);
    await station.call('updateSettings', { ordersFile: file });
    const order = await station.call('lookupOrder', { scan: '#1001' });
    expect(order).toMatchObject({ orderId: '576477431806268482', source: 'file' });
    expect(order.lineItems.map((item) => item.sku)).toEqual(['MUG-RED', 'CUP-BLU']);
    expect((await station.call('submitScan', { scan: '#1001' })).outcome).toBe('printed');
    expect(await station.call('submitScan', { scan: '#1002' })).toMatchObject({ outcome: 'failed', problem: { code: 'order_cancelled' } });
  });
});

describe('TikTok Shop direct and Shipium through the station', () => {
  it('TikTok direct: buys a package label, prints it, and refuses a cancelled order before creating anything', async () => {
    const tiktok = await startFakeTikTok({ appKey: 'station_app_key', appSecret: 'station_app_secret_01' });
    closers.push(() => tiktok.close());
    tiktok.addOrder({
      orderId: '576000000000000777',
      status: 'AWAITING_SHIPMENT',
      lineItems: [{ id: 'li-1', sku: 'MUG', name: 'Mug', quantity: 1 }],
    });
    tiktok.addOrder({
      orderId: '576000000000000778',
      status: 'CANCELLED',
      lineItems: [{ id: 'li-2', sku: 'CUP', name: 'Cup', quantity: 1 }],
    });
    station = await startStation({
      ...tiktok.stationEnv(),
      LABEL_STATION_PRINTER: printer.address,
    });
    const result = await station.call('submitScan', { scan: '576000000000000777' });
    expectOutcome(result, 'printed');
    expect(result.label.provider).toBe('tiktok');
    const [job] = await printer.waitForJobs(1, 10_000);
    expect(await decodeZplBarcodes(job!)).toContain(result.label.trackingNumbers[0]);
    expect((await station.call('submitScan', { scan: '576000000000000777' })).outcome).toBe('already_labelled');

    expect(await station.call('submitScan', { scan: '576000000000000778' })).toMatchObject({
      outcome: 'failed',
      problem: { code: 'order_cancelled' },
    });
    expect(tiktok.created.map((c) => c.orderId)).toEqual(['576000000000000777']);
    const settings = await station.call('getSettings', {});
    expect(settings.tiktokAuthorization.authorized).toBe(true);
    expect(JSON.stringify(settings)).not.toContain('station_app_secret_01');
  });

  it('Shipium: prints a label, and blocks the order when the answer is lost (Shipium cannot be asked)', async () => {
    const shipium = await startFakeShipium({ apiKey: 'shipium_station_key_01' });
    closers.push(() => shipium.close());
    station = await startStation({
      LABEL_STATION_PROVIDER: 'shipium',
      SHIPIUM_API_KEY: 'shipium_station_key_01',
      SHIPIUM_BASE_URL: shipium.baseUrl,
      LABEL_STATION_PRINTER: printer.address,
    });
    const info = await station.call('getStationInfo', {});
    expect(info.capabilities).toMatchObject({ tracking: false, lookup: false, slow: true });
    expect((await station.call('submitScan', { scan: '576000000000000901' })).outcome).toBe('printed');

    shipium.failNext('reset-after-create');
    const lost = await station.call('submitScan', { scan: '576000000000000902' });
    expect(lost).toMatchObject({ outcome: 'failed', problem: { code: 'purchase_unknown' } });
    const again = await station.call('submitScan', { scan: '576000000000000902' });
    expect(again).toMatchObject({ outcome: 'failed', problem: { code: 'label_may_exist' } });
    expect(shipium.created.filter((c) => c.orderId === '576000000000000902')).toHaveLength(1);
  });
});
