/**
 * The Station API in a fleet (one shared PostgreSQL): a token created at one station works at every
 * station and its revocation holds at once everywhere; an idempotency key answered at one station
 * is answered the same at another without buying again; a label asked at one station for another
 * named station is passed on to it and printed there (421 when that station's API is off or unknown).
 */
import { afterEach, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { startFakeAfterShip } from '../../../fakes/aftership-server';
import { startZebraStatusPrinter } from '../../../fakes/zebra-status-printer';
import { freshPostgresDatabase } from '../../../support/postgres-database';
import { startStation, type Harness } from '../../../support/station-harness';
import { callApi, createToken, enableApi } from '../../../support/systems-api-client';

const API_KEY = 'asat_fleet_api_key_0123456789';
const ORDER = '577100000000000777';
const OTHER_ORDER = '577100000000000778';
let printer: Awaited<ReturnType<typeof startZebraStatusPrinter>>;
let aftership: Awaited<ReturnType<typeof startFakeAfterShip>>;
const cleanups: Array<() => Promise<void>> = [];

beforeEach(async () => {
  printer = await startZebraStatusPrinter();
  aftership = await startFakeAfterShip({ apiKey: API_KEY, labelFormat: 'zpl' });
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await aftership.close();
  await printer.close();
});

async function fleetStation(databaseUrl: string, name: string): Promise<Harness> {
  const harness = await startStation(
    {
      LABEL_STATION_PROVIDER: 'aftership',
      AFTERSHIP_API_KEY: API_KEY,
      AFTERSHIP_BASE_URL: aftership.baseUrl,
      LABEL_STATION_PRINTER: printer.address,
      LABEL_STATION_NAME: name,
      LABEL_STATION_DATABASE_URL: databaseUrl,
    },
    { fleetTiming: { checkEveryMs: 100, connectTimeoutMs: 1000, statementTimeoutMs: 3000 } },
  );
  cleanups.push(() => harness.close());
  onTestFailed(() => console.log(`${name} log:\n${harness.logs.join('\n')}`));
  return harness;
}

describe('the Station API in a fleet', () => {
  it('shares tokens and idempotency keys through the warehouse database', async () => {
    const db = await freshPostgresDatabase('sysapi');
    const a = await fleetStation(db, 'Packing 1');
    const b = await fleetStation(db, 'Packing 2');
    const urlA = await enableApi(a);
    const urlB = await enableApi(b);
    const token = await createToken(a, 'WMS', ['read', 'buy']);
    expect((await b.call('getSystemsApi', {})).tokens.map((t) => t.name)).toEqual(['WMS']);

    const body = { order: ORDER };
    const atA = await callApi(urlA, 'POST', '/v1/labels', { token: token.secret, body, idempotencyKey: 'fleet-key-1' });
    expect(atA.status).toBe(201);
    const atB = await callApi(urlB, 'POST', '/v1/labels', { token: token.secret, body, idempotencyKey: 'fleet-key-1' });
    expect(atB.status).toBe(201);
    expect(atB.headers.get('idempotent-replayed')).toBe('true');
    expect(atB.body).toEqual(atA.body);
    expect(aftership.createdFor(ORDER)).toHaveLength(1);

    // Asked at Packing 2 for Packing 1: passed on, bought and printed at Packing 1, its answer relayed.
    const forwarded = { order: OTHER_ORDER, station: 'Packing 1' };
    const viaB = await callApi(urlB, 'POST', '/v1/labels', { token: token.secret, body: forwarded, idempotencyKey: 'fleet-key-2' });
    expect(viaB.status).toBe(201);
    expect(viaB.body.labels[0]).toMatchObject({ orderId: OTHER_ORDER, station: 'Packing 1', operator: 'API: WMS' });
    const retried = await callApi(urlB, 'POST', '/v1/labels', { token: token.secret, body: forwarded, idempotencyKey: 'fleet-key-2' });
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.body).toEqual(viaB.body);
    expect(aftership.createdFor(OTHER_ORDER)).toHaveLength(1);
    expect(a.logs.some((line) => line.includes('systems API POST /v1/labels by "WMS": 201 printed'))).toBe(true);
    expect(b.logs.some((line) => line.includes('201 printed at Packing 1'))).toBe(true);

    const unknown = await callApi(urlB, 'POST', '/v1/labels', {
      token: token.secret,
      body: { order: OTHER_ORDER, station: 'Packing 9' },
      idempotencyKey: 'fleet-key-3',
    });
    expect(unknown.status).toBe(421);
    expect(unknown.body.detail).toMatch(/This is station "Packing 2".*"Packing 9", whose Station API is off or unknown/);

    await b.call('revokeApiToken', { tokenId: token.id });
    const refused = await callApi(urlA, 'GET', '/v1/health', { token: token.secret });
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toMatch(/revoked/);
  });
});
