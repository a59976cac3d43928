/**
 * The Station API's server as Settings drive it: off by default, on where the administrator says
 * (loopback or LAN only), a clear status when the port is taken, per-token rate limit with 429 and
 * Retry-After, and a shipment in boxes bought through the same path as the splitter.
 */
import { createServer } from 'node:net';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startZebraStatusPrinter } from '../../../fakes/zebra-status-printer';
import { freePort } from '../../../support/free-port';
import { startStation, type Harness } from '../../../support/station-harness';
import { callApi, createToken, enableApi } from '../../../support/systems-api-client';

let station: Harness | undefined;
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await station?.close();
  station = undefined;
  for (const close of closers.splice(0)) await close();
});

describe('turning the API on and off', () => {
  it('is off by default, listens once enabled, and stops when disabled', async () => {
    station = await startStation({});
    expect((await station.call('getSystemsApi', {})).status.state).toBe('off');
    expect((await station.call('getSettings', {})).systemsApi.enabled).toBe(false);
    const url = await enableApi(station);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await callApi(url, 'GET', '/openapi.json')).status).toBe(200);
    await station.call('updateSettings', { systemsApi: { enabled: false } });
    expect((await station.call('getSystemsApi', {})).status).toMatchObject({ state: 'off', url: null });
    await expect(fetch(`${url}/openapi.json`)).rejects.toThrow();
  });

  it('refuses a public address in Settings with a specific message', async () => {
    station = await startStation({});
    await expect(station.call('updateSettings', { systemsApi: { enabled: true, host: '8.8.8.8', port: 7420 } })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/127\.0\.0\.1.*warehouse network/),
    });
  });

  it('says so when its port is taken by another program', async () => {
    station = await startStation({});
    const port = await freePort();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => blocker.close(() => resolve())));
    await station.call('updateSettings', { systemsApi: { enabled: true, host: '127.0.0.1', port } });
    const { status } = await station.call('getSystemsApi', {});
    expect(status.state).toBe('failed');
    expect(status.message).toBe(`Port ${port} is used by another program: choose another port.`);
  });

  it('lets only a supervisor create or revoke tokens, and shows the token only once', async () => {
    station = await startStation({});
    const { token, secret } = await station.call('createApiToken', { name: 'WMS', scopes: ['read'] });
    expect(secret).toMatch(/^lsk_[A-Za-z0-9_-]{43}$/);
    const view = await station.call('getSystemsApi', {});
    expect(JSON.stringify(view)).not.toContain(secret);
    expect(view.tokens).toEqual([
      expect.objectContaining({ id: token.id, name: 'WMS', scopes: ['read'], lastUsedAt: null, revokedAt: null }),
    ]);
    await station.call('signOut', {});
    await expect(station.call('createApiToken', { name: 'Other', scopes: ['buy'] })).rejects.toMatchObject({ code: 'supervisor_required' });
    await expect(station.call('revokeApiToken', { tokenId: token.id })).rejects.toMatchObject({ code: 'supervisor_required' });
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After once a token has used its burst, and other tokens still pass', async () => {
    station = await startStation({}, { systemsApiRateLimit: { burst: 3, perSecond: 0.01 } });
    const url = await enableApi(station);
    const busy = (await createToken(station, 'Busy WMS', ['read'])).secret;
    const calm = (await createToken(station, 'Calm ERP', ['read'])).secret;
    for (let i = 0; i < 3; i++) expect((await callApi(url, 'GET', '/v1/printers', { token: busy })).status).toBe(200);
    const limited = await callApi(url, 'GET', '/v1/printers', { token: busy });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await callApi(url, 'GET', '/v1/printers', { token: calm })).status).toBe(200);
  });

  it('slows token guessing: refused calls from one address share a bucket', async () => {
    station = await startStation({}, { systemsApiRateLimit: { burst: 3, perSecond: 0.01 } });
    const url = await enableApi(station);
    const guess = `lsk_${'B'.repeat(43)}`;
    for (let i = 0; i < 3; i++) expect((await callApi(url, 'GET', '/v1/health', { token: guess })).status).toBe(401);
    const limited = await callApi(url, 'GET', '/v1/health', { token: guess });
    expect(limited.status).toBe(429);
    expect(limited.body.detail).toMatch(/without a valid token/);
  });
});

describe('a shipment in boxes', () => {
  it('buys one label per box through the splitter’s path, and the same key retried buys nothing more', async () => {
    const printer = await startZebraStatusPrinter();
    closers.push(() => printer.close());
    station = await startStation({ LABEL_STATION_PRINTER: printer.address });
    const order = '576000000000004242';
    const file = path.join(station.dataDir, 'orders.csv');
    const rows = ['li-1', 'li-2', 'li-3'].map((id) => `#1001,${order},AWAITING_SHIPMENT,${id},MUG,Mug,1`);
    writeFileSync(file, ['order_number,tiktok_order_id,status,line_item_id,sku,name,quantity', ...rows].join('\n'));
    await station.call('updateSettings', { ordersFile: file });
    const url = await enableApi(station);
    const token = (await createToken(station, 'WMS', ['buy', 'read'])).secret;
    const box = (itemIds: string[]) => ({
      dimension: { width: 12, height: 10, depth: 6, unit: 'in' },
      weight: { value: 2, unit: 'lb' },
      itemIds,
    });
    const body = { order, boxes: [box(['li-1', 'li-2']), box(['li-3'])] };
    const first = await callApi(url, 'POST', '/v1/labels', { token, body, idempotencyKey: 'shipment-0001' });
    expect(first.status).toBe(201);
    expect(first.body.outcome).toBe('printed');
    expect(first.body.boxes.map((b: { index: number; state: string }) => [b.index, b.state])).toEqual([
      [1, 'printed'],
      [2, 'printed'],
    ]);
    const again = await callApi(url, 'POST', '/v1/labels', { token, body, idempotencyKey: 'shipment-0001' });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const newKey = await callApi(url, 'POST', '/v1/labels', { token, body, idempotencyKey: 'shipment-0002' });
    expect(newKey.body.outcome).toBe('already_labelled');
    const page = await callApi(url, 'GET', `/v1/labels?q=${order}`, { token });
    const boxes = page.body.labels.flatMap((l: { boxes: unknown[] }) => l.boxes);
    expect(boxes).toHaveLength(2);
  });
});

describe('the packing check', () => {
  it('answers 409 check_needed without the items, and buys once the WMS lists the items it packed', async () => {
    const printer = await startZebraStatusPrinter();
    closers.push(() => printer.close());
    station = await startStation({ LABEL_STATION_PRINTER: printer.address });
    const order = '576000000000005151';
    const file = path.join(station.dataDir, 'orders.csv');
    const rows = ['li-1', 'li-2'].map((id) => `#1002,${order},AWAITING_SHIPMENT,${id},MUG,Mug,1`);
    writeFileSync(file, ['order_number,tiktok_order_id,status,line_item_id,sku,name,quantity', ...rows].join('\n'));
    await station.call('updateSettings', { ordersFile: file, packing: { checkItems: true } });
    const url = await enableApi(station);
    const token = (await createToken(station, 'WMS', ['buy'])).secret;
    const unchecked = await callApi(url, 'POST', '/v1/labels', { token, body: { order }, idempotencyKey: 'check-0001' });
    expect(unchecked.status).toBe(409);
    expect(unchecked.body.code).toBe('check_needed');
    expect(unchecked.body.nextStep).toMatch(/itemsChecked/);
    const checked = await callApi(url, 'POST', '/v1/labels', {
      token,
      body: { order, itemsChecked: ['li-1', 'li-2'] },
      idempotencyKey: 'check-0001',
    });
    expect(checked.status).toBe(201);
    expect(checked.body.outcome).toBe('printed');
  });
});
