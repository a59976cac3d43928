/**
 * The Station API in a fleet (one shared PostgreSQL): a token created at one station works at every
 * station and its revocation holds at once everywhere; an idempotency key answered at one station
 * is answered the same at another without buying again; a label asked at one station for another
 * named station is passed on to it and printed there (421 when that station's API is off or unknown).
 */
import { describe, expect, it } from 'vitest';
import { freshPostgresDatabase } from '../../../support/postgres-database';
import { useFleetStations } from '../../../support/fleet-stations';
import { callApi, createToken, enableApi } from '../../../support/systems-api-client';

const API_KEY = 'asat_fleet_api_key_0123456789';
const ORDER = '577100000000000777';
const OTHER_ORDER = '577100000000000778';
const fleet = useFleetStations(API_KEY);

describe('the Station API in a fleet', () => {
  it('shares tokens and idempotency keys through the warehouse database', async () => {
    const db = await freshPostgresDatabase('sysapi');
    const a = await fleet.station(db, 'Packing 1');
    const b = await fleet.station(db, 'Packing 2');
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
    expect(fleet.aftership.createdFor(ORDER)).toHaveLength(1);

    // Asked at Packing 2 for Packing 1: passed on, bought and printed at Packing 1, its answer relayed.
    const forwarded = { order: OTHER_ORDER, station: 'Packing 1' };
    const viaB = await callApi(urlB, 'POST', '/v1/labels', { token: token.secret, body: forwarded, idempotencyKey: 'fleet-key-2' });
    expect(viaB.status).toBe(201);
    expect(viaB.body.labels[0]).toMatchObject({ orderId: OTHER_ORDER, station: 'Packing 1', operator: 'API: WMS' });
    const retried = await callApi(urlB, 'POST', '/v1/labels', { token: token.secret, body: forwarded, idempotencyKey: 'fleet-key-2' });
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.body).toEqual(viaB.body);
    expect(fleet.aftership.createdFor(OTHER_ORDER)).toHaveLength(1);
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
