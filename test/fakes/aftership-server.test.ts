import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeAfterShip, type FakeAfterShip } from './aftership-server';

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
    expect(fake.created).toEqual([
      expect.objectContaining({ orderId: '576477431806268482', id: json.data.id, trackingNumbers: json.data.tracking_numbers }),
    ]);
  });

  it('answers 401 with an envelope when the key is missing or wrong', async () => {
    const attempts: Array<Record<string, string>> = [
      { 'content-type': 'application/json' },
      { 'as-api-key': 'nope', 'content-type': 'application/json' },
    ];
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

  it('refuses a split shipment whose parcels do not all name their items (TikTok needs them)', async () => {
    const parcel = documentedBody.shipment.parcels[0];
    const json = await (
      await post({ ...documentedBody, shipment: { parcels: [{ ...parcel, items: [{ item_id: 'a' }] }, parcel] } })
    ).json();
    expect(json.meta.code).toBe(4104);
    expect(json.meta.details[0].path).toBe('data.shipment.parcels.1.items');
    expect(fake.created).toHaveLength(0);
  });

  it('lists with AfterShip’s filters: bad dates and limits are 4104, pages follow next_token', async () => {
    // Every label made in the same millisecond: newest first is then the order they were made in, backwards.
    await fake.close();
    const at = new Date();
    fake = await startFakeAfterShip({ apiKey: KEY, now: () => at });
    for (let i = 0; i < 5; i++) await post({ ...documentedBody, references: [`batch-${i}`] });
    const get = async (query: string) => (await fetch(`${fake.baseUrl}/labels?${query}`, { headers: { 'as-api-key': KEY } })).json();
    expect((await get('created_at_min=yesterday')).meta.code).toBe(4104);
    expect((await get('limit=0')).meta.code).toBe(4104);
    expect((await get('next_token=%%%')).meta.code).toBe(4104);
    const first = await get('s=batch&limit=2');
    expect(first.data.labels).toHaveLength(2);
    const second = await get(`s=batch&limit=2&next_token=${encodeURIComponent(first.data.next_token)}`);
    const third = await get(`s=batch&limit=2&next_token=${encodeURIComponent(second.data.next_token)}`);
    expect(third.data.labels).toHaveLength(1);
    expect(third.data).not.toHaveProperty('next_token');
    const refs = [...first.data.labels, ...second.data.labels, ...third.data.labels].map((l: { references: string[] }) => l.references[0]);
    expect(refs).toEqual(['batch-4', 'batch-3', 'batch-2', 'batch-1', 'batch-0']);
  });

  it('records the label, then loses the answer, for the "after create" faults', async () => {
    fake.failNext('server-error-after-create');
    expect((await post(documentedBody)).status).toBe(500);
    fake.failNext('reset-after-create');
    await expect(post(documentedBody)).rejects.toThrow();
    expect(fake.createdFor('576477431806268482')).toHaveLength(2);
  });

  it('a 429 storm refuses the next N requests with a reset header, then serves again', async () => {
    fake.rateLimitStorm(2, 5);
    const a = await post(documentedBody);
    const b = await post(documentedBody);
    expect([a.status, b.status]).toEqual([429, 429]);
    expect(Number(a.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    expect((await post(documentedBody)).status).toBe(200);
    expect(fake.created).toHaveLength(1);
  });

  it('enforces 10 requests per second when asked, like AfterShip', async () => {
    const strict = await startFakeAfterShip({ apiKey: KEY, rateLimitPerSecond: 10 });
    try {
      const statuses = await Promise.all(
        Array.from({ length: 12 }, () => fetch(`${strict.baseUrl}/labels`, { headers: { 'as-api-key': KEY } }).then((r) => r.status)),
      );
      expect(statuses.filter((s) => s === 429)).toHaveLength(2);
      expect(strict.rateLimitedCount).toBe(2);
    } finally {
      await strict.close();
    }
  });

  it('answers a 429 with the AfterShip rate headers, resetting when the oldest request leaves the sliding second', async () => {
    const strict = await startFakeAfterShip({ apiKey: KEY, rateLimitPerSecond: 3, latencyMs: 20 });
    try {
      const answers = await Promise.all(
        Array.from({ length: 4 }, () => fetch(`${strict.baseUrl}/labels`, { headers: { 'as-api-key': KEY } })),
      );
      const refused = answers.filter((r) => r.status === 429);
      expect(refused).toHaveLength(1);
      const headers = refused[0]!.headers;
      expect(headers.get('x-ratelimit-limit')).toBe('3');
      expect(headers.get('x-ratelimit-remaining')).toBe('0');
      const reset = Number(headers.get('x-ratelimit-reset'));
      expect(reset).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000));
      expect(reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 1);
      const accepted = answers.filter((r) => r.status === 200);
      expect(accepted.map((r) => r.headers.get('x-ratelimit-limit'))).toEqual(['3', '3', '3']);
      expect(strict.rateLimitedCount).toBe(1);
    } finally {
      await strict.close();
    }
  });
});
