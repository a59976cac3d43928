/**
 * A WMS buying, printing and tracking labels through the Station API, against the real station core
 * on the loopback AfterShip fake and a Zebra fake. Every request and answer is checked against the
 * committed OpenAPI document (test/support/systems-api-client.ts).
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeAfterShip } from '../../../fakes/aftership-server';
import { startZebraStatusPrinter } from '../../../fakes/zebra-status-printer';
import { startStation, type Harness } from '../../../support/station-harness';
import { callApi, createToken, enableApi } from '../../../support/systems-api-client';

const API_KEY = 'asat_station_api_key_0123456789';
const ORDER = '577100000000000042';
const OTHER_ORDER = '577100000000000043';
const PARCEL = { dimension: { width: 10, height: 6, depth: 4, unit: 'in' }, weight: { value: 2, unit: 'lb' } } as const;

let printer: Awaited<ReturnType<typeof startZebraStatusPrinter>>;
let aftership: Awaited<ReturnType<typeof startFakeAfterShip>>;
let station: Harness;
let url: string;
let buyer: string;

beforeEach(async () => {
  printer = await startZebraStatusPrinter();
  aftership = await startFakeAfterShip({ apiKey: API_KEY, labelFormat: 'zpl' });
  station = await startStation({
    LABEL_STATION_PROVIDER: 'aftership',
    AFTERSHIP_API_KEY: API_KEY,
    AFTERSHIP_BASE_URL: aftership.baseUrl,
    LABEL_STATION_PRINTER: printer.address,
  });
  url = await enableApi(station);
  buyer = (await createToken(station, 'WMS production', ['read', 'print', 'buy'])).secret;
});
afterEach(async () => {
  await station.close();
  await aftership.close();
  await printer.close();
});

const bought = (orderId: string) => aftership.createdFor(orderId).length;
const requestLabel = (key: string, body: unknown = { order: ORDER, parcel: PARCEL }, token = buyer) =>
  callApi(url, 'POST', '/v1/labels', { token, body, idempotencyKey: key });

describe('requesting a label with an idempotency key', () => {
  it('buys and prints once; the same key retried 10 times answers the same and buys nothing more', async () => {
    const first = await requestLabel('wms-key-0001');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ outcome: 'printed', orderId: ORDER });
    expect(first.body.labels[0].trackingNumbers).toHaveLength(1);
    expect(first.body.labels[0].operator).toBe('API: WMS production');
    expect(first.body.labels[0]).not.toHaveProperty('filePath');
    for (let i = 0; i < 10; i++) {
      const again = await requestLabel('wms-key-0001');
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body).toEqual(first.body);
    }
    expect(bought(ORDER)).toBe(1);
    expect(await printer.waitForJobs(1, 5000)).toHaveLength(1);
  });

  it('10 concurrent calls with one key buy exactly one label and all get its answer', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => requestLabel('wms-key-concurrent')));
    expect(bought(ORDER)).toBe(1);
    const ids = new Set(answers.map((a) => a.body.labels?.[0]?.id));
    expect(ids.size).toBe(1);
    expect(answers.every((a) => a.status === 201)).toBe(true);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(9);
  });

  it('a new key for an order that has its label buys nothing: the station’s own rule answers already_labelled', async () => {
    await requestLabel('wms-key-0002');
    const second = await requestLabel('wms-key-0003');
    expect(second.status).toBe(200);
    expect(second.body.outcome).toBe('already_labelled');
    expect(bought(ORDER)).toBe(1);
  });

  it('the same key with another body is a 422 problem and buys nothing', async () => {
    await requestLabel('wms-key-0004');
    const other = await requestLabel('wms-key-0004', { order: OTHER_ORDER, parcel: PARCEL });
    expect(other.status).toBe(422);
    expect(other.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(other.body).toMatchObject({
      code: 'idempotency_key_reused',
      status: 422,
      type: 'urn:label-station:problem:idempotency_key_reused',
    });
    expect(bought(OTHER_ORDER)).toBe(0);
  });

  it('a refusal lets the key go: the same request retried once the provider answers buys the label', async () => {
    aftership.failNext({ type: 'business', code: 4104, message: 'Invalid ship_from address' });
    const refused = await requestLabel('wms-key-0005');
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.body.detail).toBeTruthy();
    expect(bought(ORDER)).toBe(0);
    const retried = await requestLabel('wms-key-0005');
    expect(retried.status).toBe(201);
    expect(bought(ORDER)).toBe(1);
  });

  it('asks for an Idempotency-Key and names a missing printer or another station specifically', async () => {
    const noKey = await callApi(url, 'POST', '/v1/labels', { token: buyer, body: { order: ORDER } });
    expect(noKey.status).toBe(400);
    expect(noKey.body.code).toBe('idempotency_key_missing');
    const noPrinter = await requestLabel('wms-key-0006', { order: ORDER, printerId: 'dock-9' });
    expect(noPrinter.status).toBe(422);
    expect(noPrinter.body).toMatchObject({ code: 'printer_not_found' });
    expect(noPrinter.body.detail).toMatch(/no printer "dock-9"/);
    const elsewhere = await requestLabel('wms-key-0007', { order: ORDER, station: 'Packing 7' });
    expect(elsewhere.status).toBe(421);
    expect(elsewhere.body.code).toBe('other_station');
    expect(elsewhere.body.nextStep).toMatch(/Packing 7/);
    expect(bought(ORDER)).toBe(0);
  });
});

describe('tokens and scopes', () => {
  it('a token without the buy scope cannot buy (403) but can read', async () => {
    const reader = (await createToken(station, 'WMS reports', ['read'])).secret;
    const refused = await requestLabel('wms-key-0100', { order: ORDER }, reader);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('api_scope_missing');
    expect(refused.body.detail).toMatch(/may not buy labels/);
    expect(bought(ORDER)).toBe(0);
    expect((await callApi(url, 'GET', '/v1/health', { token: reader })).status).toBe(200);
  });

  it('a revoked token is refused at once', async () => {
    const token = await createToken(station, 'Old ERP', ['read']);
    expect((await callApi(url, 'GET', '/v1/printers', { token: token.secret })).status).toBe(200);
    await station.call('revokeApiToken', { tokenId: token.id });
    const after = await callApi(url, 'GET', '/v1/printers', { token: token.secret });
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ code: 'api_token_invalid' });
    expect(after.body.detail).toMatch(/revoked/);
    const listed = (await station.call('getSystemsApi', {})).tokens.find((t) => t.id === token.id)!;
    expect(listed.revokedAt).not.toBeNull();
    expect(listed.lastUsedAt).not.toBeNull();
  });

  it('refuses calls without a token or with an unknown one, and keeps only the hash', async () => {
    const none = await callApi(url, 'GET', '/v1/health');
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('api_token_missing');
    const unknown = await callApi(url, 'GET', '/v1/health', { token: `lsk_${'A'.repeat(43)}` });
    expect(unknown.status).toBe(401);
    expect(unknown.body.code).toBe('api_token_invalid');
    const database = readFileSync(`${station.dataDir}/history.sqlite`);
    expect(database.includes(Buffer.from(buyer))).toBe(false);
  });

  it('logs each call with the token’s name, never the token', async () => {
    await callApi(url, 'GET', '/v1/health', { token: buyer });
    expect(station.logs.some((line) => line.includes('systems API GET /v1/health by "WMS production": 200'))).toBe(true);
    expect(station.logs.join('\n')).not.toContain(buyer);
  });
});

describe('validation and problems', () => {
  it('answers bad JSON, bad fields, a wrong content type and unknown paths with specific problems', async () => {
    const badJson = await callApi(url, 'POST', '/v1/labels', { token: buyer, raw: '{"order": ', idempotencyKey: 'wms-key-0200' });
    expect(badJson.status).toBe(400);
    expect(badJson.body).toMatchObject({ code: 'bad_request', title: 'Bad request', status: 400 });
    expect(badJson.body.detail).toMatch(/not valid JSON/);

    const badFields = await callApi(url, 'POST', '/v1/labels', {
      token: buyer,
      raw: JSON.stringify({ order: ORDER, parcel: { ...PARCEL, weight: { value: -1, unit: 'lb' } }, colour: 'red' }),
      idempotencyKey: 'wms-key-0201',
    });
    expect(badFields.status).toBe(400);
    expect(badFields.body.code).toBe('invalid_input');
    expect(badFields.body.fields['parcel.weight.value']).toEqual(['Weight must be more than 0']);
    expect(badFields.body.detail).toMatch(/colour/);

    const boxesWithoutId = await callApi(url, 'POST', '/v1/labels', {
      token: buyer,
      raw: JSON.stringify({ order: '#1001', boxes: [{ dimension: PARCEL.dimension, weight: PARCEL.weight, itemIds: ['li-1'] }] }),
      idempotencyKey: 'wms-key-0202',
    });
    expect(boxesWithoutId.status).toBe(400);
    expect(boxesWithoutId.body.fields.order[0]).toMatch(/18-digit TikTok order ID/);

    const text = await callApi(url, 'POST', '/v1/labels', {
      token: buyer,
      raw: 'order=1',
      headers: { 'content-type': 'text/plain' },
      idempotencyKey: 'wms-key-0203',
    });
    expect(text.status).toBe(415);
    expect(text.body.code).toBe('unsupported_media_type');

    const nowhere = await callApi(url, 'GET', '/v1/orders', { token: buyer, unchecked: true });
    expect(nowhere.status).toBe(404);
    expect(nowhere.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const wrongMethod = await callApi(url, 'DELETE', '/v1/labels', { token: buyer, unchecked: true });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST, GET');

    const badQuery = await callApi(url, 'GET', '/v1/labels?limit=500', { token: buyer });
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.fields.limit).toEqual(['`limit` is 1 to 200.']);
    expect(bought(ORDER)).toBe(0);
  });
});

describe('after the purchase: state, file, reprint, history, health', () => {
  it('reads the label and its file, reprints it on a named printer with a reason, finds it in history', async () => {
    const first = await requestLabel('wms-key-0300');
    const label = first.body.labels[0];
    await printer.waitForJobs(1, 5000);

    const state = await callApi(url, 'GET', `/v1/labels/${label.id}`, { token: buyer });
    expect(state.status).toBe(200);
    expect(state.body).toMatchObject({ id: label.id, status: 'printed', trackingNumbers: label.trackingNumbers });
    expect(state.body.printAttempts.length).toBeGreaterThanOrEqual(1);

    const file = await callApi(url, 'GET', `/v1/labels/${label.id}/file`, { token: buyer });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/zpl');
    expect(file.bytes.toString('latin1')).toMatch(/^\^XA/);

    const printers = await callApi(url, 'GET', '/v1/printers', { token: buyer });
    const printerId = printers.body[0].id as string;
    const reprint = await callApi(url, 'POST', `/v1/labels/${label.id}/reprints`, {
      token: buyer,
      body: { printerId, reason: 'Label damaged' },
    });
    expect(reprint.status).toBe(200);
    expect(reprint.body.ok).toBe(true);
    await printer.waitForJobs(2, 5000);
    const detail = await station.call('getLabel', { labelId: label.id });
    expect(detail.printAttempts.some((a) => a.reason === 'Label damaged' && a.operator === 'API: WMS production')).toBe(true);

    const found = await callApi(url, 'GET', `/v1/labels?q=${label.trackingNumbers[0]}`, { token: buyer });
    expect(found.status).toBe(200);
    expect(found.body.labels.map((l: { id: string }) => l.id)).toEqual([label.id]);

    const health = await callApi(url, 'GET', '/v1/health', { token: buyer });
    expect(health.status).toBe(200);
    expect(health.body.light).toBeDefined();

    // The day's figures a WMS reads: the same as the Reports screen's, with who reprinted and why.
    const day = await callApi(url, 'GET', '/v1/reports/day', { token: buyer });
    expect(day.status).toBe(200);
    const screen = await station.call('getDaySummary', { date: day.body.date });
    expect(day.body).toEqual(screen);
    expect(day.body).toMatchObject({ labels: 1, reprints: 1, reprintReasons: [{ reason: 'Label damaged', reprints: 1 }] });
    expect(day.body.operators.map((o: { operator: string }) => o.operator)).toContain('API: WMS production');
    const badDay = await callApi(url, 'GET', '/v1/reports/day?date=2026-02-30', { token: buyer });
    expect(badDay.status).toBe(400);
    expect(badDay.body.detail).toMatch(/date/);

    const missing = await callApi(url, 'GET', '/v1/labels/no-such-label', { token: buyer });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('label_not_found');
  });

  it('a token with read only cannot reprint (403)', async () => {
    const first = await requestLabel('wms-key-0301');
    const reader = (await createToken(station, 'Reports', ['read'])).secret;
    const refused = await callApi(url, 'POST', `/v1/labels/${first.body.labels[0].id}/reprints`, {
      token: reader,
      body: { reason: 'Label damaged' },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/may not reprint labels/);
  });
});
