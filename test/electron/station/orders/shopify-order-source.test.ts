import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StationError } from '../../../../shared/errors';
import { createShopifyOrderSource, type ShopifyOrderSourceOptions } from '../../../../electron/station/orders/shopify-order-source';
import { startFakeShopify, type FakeShopify, type FakeShopifyOrderInput } from '../../../fakes/shopify-server';
import { fixturePath } from '../../../support/paths';
import { freePort } from '../../../support/free-port';

const TOKEN = 'shpat_0123456789abcdef0123456789abcdef';
const TIKTOK = '576477431806268482';

/** A fixture (REST shape, as sync tools write it) as the fake store's order. */
function fixtureOrder(name: string, extra: Partial<FakeShopifyOrderInput> = {}): FakeShopifyOrderInput {
  const rest = JSON.parse(readFileSync(fixturePath('shopify', `${name}.json`), 'utf8'));
  return {
    name: rest.name,
    note: rest.note,
    tags: rest.tags,
    customAttributes: rest.note_attributes.map((a: { name: string; value: string }) => ({ key: a.name, value: a.value })),
    lineItems: [
      { sku: 'MUG-RED', name: 'Red mug', quantity: 2 },
      { sku: null, name: 'Gift card', quantity: 1 },
    ],
    ...extra,
  };
}

let fake: FakeShopify;
beforeEach(async () => {
  fake = await startFakeShopify({ adminToken: TOKEN });
});
afterEach(async () => {
  await fake.close();
});

const source = (extra: Partial<ShopifyOrderSourceOptions> = {}) =>
  createShopifyOrderSource({ storeUrl: fake.storeUrl, adminToken: TOKEN, maxRetryWaitMs: 50, ...extra });

async function failure(promise: Promise<unknown>): Promise<StationError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StationError);
  const stationError = error as StationError;
  expect(`${stationError.message} ${stationError.nextStep}`).not.toContain(TOKEN);
  return stationError;
}

describe('Shopify order source: a Shopify order number', () => {
  it('asks the Admin GraphQL API with the token and finds the TikTok ID and line items', async () => {
    const stored = fake.addOrder(fixtureOrder('aftership-feed'));
    const order = await source().lookup({ kind: 'shopify', orderName: '#1001' });
    expect(order).toEqual({
      orderId: TIKTOK,
      displayName: '#1001',
      source: 'shopify',
      cancelled: false,
      status: 'UNFULFILLED',
      lineItems: [
        { id: stored.lineItems.nodes[0]!.id, sku: 'MUG-RED', name: 'Red mug', quantity: 2 },
        { id: stored.lineItems.nodes[1]!.id, sku: '', name: 'Gift card', quantity: 1 },
      ],
    });
    const sent = fake.requests[0]!;
    expect(sent.path).toMatch(/^\/admin\/api\/\d{4}-\d{2}\/graphql\.json$/);
    expect(sent.headers['x-shopify-access-token']).toBe(TOKEN);
    expect(sent.search).toBe('name:#1001');
  });

  it('accepts the number without # and uses the API version it is given', async () => {
    fake.addOrder(fixtureOrder('cedcommerce'));
    const order = await source({ apiVersion: '2025-07' }).lookup({ kind: 'shopify', orderName: '1008' });
    expect(order?.orderId).toBe('577010203040506074');
    expect(fake.requests[0]!.path).toBe('/admin/api/2025-07/graphql.json');
  });

  it('marks a cancelled Shopify order as cancelled', async () => {
    fake.addOrder(fixtureOrder('tiktok-1p', { cancelledAt: '2026-02-01T09:00:00Z' }));
    expect(await source().lookup({ kind: 'shopify', orderName: '#1004' })).toMatchObject({
      orderId: '577010203040506070',
      cancelled: true,
      status: 'CANCELLED',
    });
  });

  it('says so when the order has no TikTok order ID', async () => {
    fake.addOrder(fixtureOrder('web-order'));
    const error = await failure(source().lookup({ kind: 'shopify', orderName: '#1009' }));
    expect(error.code).toBe('shopify_no_tiktok_id');
    expect(error.message).toBe('Shopify order #1009 has no TikTok order ID: it may not be a TikTok Shop order.');
  });

  it('answers null for an order the store does not have', async () => {
    fake.addOrder(fixtureOrder('aftership-feed'));
    expect(await source().lookup({ kind: 'shopify', orderName: '#4242' })).toBeNull();
  });
});

describe('Shopify order source: a TikTok order ID scan', () => {
  it('finds the order AfterShip Feed named after the TikTok ID, even with a prefix and suffix', async () => {
    fake.addOrder(fixtureOrder('aftership-feed-order-name'));
    const order = await source().lookup({ kind: 'tiktok', orderId: '576477431806268484' });
    expect(order).toMatchObject({
      orderId: '576477431806268484',
      displayName: 'TT576477431806268484-US',
      lineItems: [expect.objectContaining({ sku: 'MUG-RED' }), expect.objectContaining({ name: 'Gift card' })],
    });
  });

  it('finds it in an attribute too, and learns the order is cancelled', async () => {
    fake.addOrder(fixtureOrder('skuiq', { cancelledAt: '2026-02-01T09:00:00Z' }));
    expect(await source().lookup({ kind: 'tiktok', orderId: '577010203040506071' })).toMatchObject({ cancelled: true });
  });

  it('answers null when no order carries that TikTok ID', async () => {
    fake.addOrder(fixtureOrder('silk'));
    expect(await source().lookup({ kind: 'tiktok', orderId: '576000000000000000' })).toBeNull();
  });

  it('accepts both kinds of scan', () => {
    const s = source();
    expect(s.name).toBe('shopify');
    expect(s.title).toBe(`Shopify (${new URL(fake.storeUrl).host})`);
    expect(s.accepts({ kind: 'tiktok', orderId: TIKTOK })).toBe(true);
    expect(s.accepts({ kind: 'shopify', orderName: '#1' })).toBe(true);
  });
});

describe('Shopify order source: failures', () => {
  it('a refused token: says to check the token, never shows it', async () => {
    const error = await failure(
      createShopifyOrderSource({ storeUrl: fake.storeUrl, adminToken: 'shpat_wrong' }).lookup({ kind: 'shopify', orderName: '#1' }),
    );
    expect(error.code).toBe('shopify_unauthorized');
    expect(error.nextStep).toMatch(/admin token in Settings/);
  });

  it('a token without read_orders: says which permission is missing', async () => {
    fake.failNext('forbidden');
    const error = await failure(source().lookup({ kind: 'shopify', orderName: '#1' }));
    expect(error.code).toBe('shopify_forbidden');
    expect(error.nextStep).toContain('read_orders');
  });

  it('retries after THROTTLED and after a 429, then answers', async () => {
    fake.addOrder(fixtureOrder('aftership-feed'));
    fake.failNext('throttled');
    fake.failNext({ type: 'rate-limited', retryAfterSeconds: 0.05 });
    expect((await source().lookup({ kind: 'shopify', orderName: '#1001' }))?.orderId).toBe(TIKTOK);
    expect(fake.requests).toHaveLength(3);
  });

  it('gives up after a bounded number of throttled answers', async () => {
    fake.failNext('throttled', 10);
    const error = await failure(source({ retries: 2 }).lookup({ kind: 'shopify', orderName: '#1001' }));
    expect(error.code).toBe('shopify_throttled');
    expect(fake.requests).toHaveLength(3);
  });

  it('retries a Shopify 5xx once, then reports it', async () => {
    fake.addOrder(fixtureOrder('aftership-feed'));
    fake.failNext({ type: 'server-error', status: 503 });
    expect((await source().lookup({ kind: 'shopify', orderName: '#1001' }))?.orderId).toBe(TIKTOK);
    fake.failNext('server-error', 5);
    const error = await failure(source({ retries: 1, maxRetryWaitMs: 10 }).lookup({ kind: 'shopify', orderName: '#1001' }));
    expect(error).toMatchObject({ code: 'shopify_unavailable' });
  });

  it('an address that is not a Shopify store', async () => {
    const error = await failure(source({ apiVersion: 'latest' }).lookup({ kind: 'shopify', orderName: '#1' }));
    expect(error.code).toBe('shopify_wrong_address');
  });

  it('an unreachable store, a hung store, a reset connection: clear messages', async () => {
    const port = await freePort();
    const unreachable = await failure(
      createShopifyOrderSource({ storeUrl: `http://127.0.0.1:${port}`, adminToken: TOKEN }).lookup({ kind: 'shopify', orderName: '#1' }),
    );
    expect(unreachable.code).toBe('shopify_unreachable');
    expect(unreachable.message).toBe(`Cannot reach Shopify (127.0.0.1:${port}).`);
    fake.failNext('hang');
    expect((await failure(source({ timeoutMs: 200 }).lookup({ kind: 'shopify', orderName: '#1' }))).code).toBe('shopify_no_answer');
    fake.failNext('reset');
    expect((await failure(source().lookup({ kind: 'shopify', orderName: '#1' }))).code).toBe('shopify_unreachable');
  });
});
