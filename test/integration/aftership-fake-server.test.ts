import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeAfterShip, type FakeAfterShip } from '../fakes/aftership-server';

const KEY = 'fake-server-key-42';
const guideRequest = JSON.parse(readFileSync(new URL('../fixtures/aftership/guide-create-label-request.json', import.meta.url), 'utf8'));
const documentedBody = { ...guideRequest, order_id: '576477431806268482' };

let fake: FakeAfterShip;
beforeEach(async () => {
  fake = await startFakeAfterShip({ apiKey: KEY });
});
afterEach(async () => {
  await fake.close();
});

function post(body: unknown, headers: Record<string, string> = { 'as-api-key': KEY, 'content-type': 'application/json' }) {
  return fetch(`${fake.baseUrl}/labels`, { method: 'POST', headers, body: JSON.stringify(body) });
}

describe('fake AfterShip server speaks the protocol strictly', () => {
  it('accepts the request documented in AfterShip’s TikTok guide and records the label', async () => {
    const response = await post(documentedBody);
    const json = await response.json();
    expect(response.status).toBe(200);
    expect(json.meta.code).toBe(200);
    expect(json.data.status).toBe('created');
    expect(fake.created).toEqual([expect.objectContaining({ orderId: '576477431806268482', id: json.data.id, trackingNumbers: json.data.tracking_numbers })]);
  });

  it('answers 401 with an envelope when the key is missing or wrong', async () => {
    const attempts: Array<Record<string, string>> = [{ 'content-type': 'application/json' }, { 'as-api-key': 'nope', 'content-type': 'application/json' }];
    for (const headers of attempts) {
      const response = await post(documentedBody, headers);
      expect(response.status).toBe(401);
      expect((await response.json()).meta.code).toBe(401);
    }
    expect(fake.created).toHaveLength(0);
  });

  it('answers 4104 with HTTP 200 and details for a misspelt field', async () => {
    const parcel = { ...documentedBody.shipment.parcels[0], weight: { units: 'lb', value: 1.5 } };
    const response = await post({ ...documentedBody, shipment: { parcels: [parcel] } });
    const json = await response.json();
    expect(response.status).toBe(200);
    expect(json.meta.code).toBe(4104);
    expect(json.meta.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['data.shipment.parcels.0.weight.unit']));
    expect(fake.created).toHaveLength(0);
  });

  it('rejects a service type other than TikTok Shipping', async () => {
    const json = await (await post({ ...documentedBody, service_type: 'ups_ground' })).json();
    expect(json.meta.code).toBe(4104);
  });

  it('finds labels by reference, like GET /labels?s=', async () => {
    await post({ ...documentedBody, references: ['station-9:576477431806268482:1'] });
    const json = await (await fetch(`${fake.baseUrl}/labels?s=station-9`, { headers: { 'as-api-key': KEY } })).json();
    expect(json.data.labels).toHaveLength(1);
    expect(json.data.labels[0].order_id).toBe('576477431806268482');
  });
});
