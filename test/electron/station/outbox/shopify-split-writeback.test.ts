/**
 * A Shopify order shipped in boxes that are each their own label (TikTok Shop's own API buys one
 * package per box): the first label's tracking makes the fulfillment, each later box's tracking is
 * added to it, and a retry of either changes nothing — every box's tracking reaches Shopify once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { writeBackToShopify } from '../../../../electron/station/outbox/shopify-fulfillment';
import type { OutboxEvent } from '../../../../electron/station/outbox/outbox-store';
import { startFakeShopify, type FakeShopify } from '../../../fakes/shopify-server';

const TOKEN = 'shpat_split_writeback_test_0001';
let shopify: FakeShopify | undefined;
afterEach(async () => {
  await shopify?.close();
  shopify = undefined;
});

function event(labelId: string, tracking: string): OutboxEvent {
  return {
    row: 1,
    eventId: `evt_${labelId}`,
    type: 'label.bought',
    labelId,
    orderId: '576477431806260001',
    trackingNumbers: [tracking],
    provider: 'tiktok',
    station: 'Packing 1',
    occurredAt: '2026-12-05T11:00:00.000Z',
    request: null,
    scanned: '#2001',
  };
}

describe('Shopify write-back of a shipment whose boxes are separate labels', () => {
  it('creates the fulfillment with box 1, adds box 2 to it, and a retry of either changes nothing', async () => {
    shopify = await startFakeShopify({ adminToken: TOKEN });
    shopify.addOrder({ name: '#2001', lineItems: [{ sku: 'MUG', name: 'Mug', quantity: 2 }] });
    const access = { storeUrl: shopify.storeUrl, adminToken: TOKEN };
    const options = { timeoutMs: 5_000 };

    const first = await writeBackToShopify(access, event('lbl-1', '9400100000000000000001'), options);
    expect(first.note).toMatch(/^Fulfillment created in Shopify order #2001/);
    const second = await writeBackToShopify(access, event('lbl-2', '9400100000000000000002'), options);
    expect(second.note).toMatch(/^Tracking 9400100000000000000002 added to the fulfillment of Shopify order #2001/);

    expect(shopify.fulfillmentCreates).toHaveLength(1);
    expect(shopify.trackingUpdates).toEqual([
      expect.objectContaining({ orderName: '#2001', trackingNumbers: ['9400100000000000000001', '9400100000000000000002'] }),
    ]);
    // Retries (an answer lost, a second station): both numbers are there already, nothing is sent.
    expect((await writeBackToShopify(access, event('lbl-2', '9400100000000000000002'), options)).note).toMatch(/already has a fulfillment/);
    expect((await writeBackToShopify(access, event('lbl-1', '9400100000000000000001'), options)).note).toMatch(/already has a fulfillment/);
    expect(shopify.fulfillmentCreates).toHaveLength(1);
    expect(shopify.trackingUpdates).toHaveLength(1);
  });
});
