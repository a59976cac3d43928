import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractTikTokOrderId, type ShopifyOrderFields } from '../../../../electron/station/orders/shopify-tiktok-id';
import { fixturePath } from '../../../support/paths';

/** Reads a fixture in Shopify's REST shape and gives the GraphQL fields the station queries. */
function fixture(name: string): ShopifyOrderFields {
  const rest = JSON.parse(readFileSync(fixturePath('shopify', `${name}.json`), 'utf8')) as {
    name: string;
    note: string | null;
    tags: string[];
    note_attributes: Array<{ name: string; value: string }>;
  };
  return {
    name: rest.name,
    note: rest.note,
    tags: rest.tags,
    customAttributes: rest.note_attributes.map((a) => ({ key: a.name, value: a.value })),
  };
}

describe('finding the TikTok order ID in a Shopify order, per sync tool', () => {
  it.each([
    ['aftership-feed', '576477431806268482', 'attribute', 'AfterShip Feed'],
    ['aftership-feed-shop-order-number', '576477431806268483', 'attribute', 'AfterShip Feed or ShopeDance'],
    ['aftership-feed-order-name', '576477431806268484', 'name', 'AfterShip Feed (order name)'],
    ['tiktok-1p', '577010203040506070', 'tag', 'TikTok 1P'],
    ['skuiq', '577010203040506071', 'attribute', 'SKUIQ'],
    ['silk', '577010203040506072', 'attribute', 'SILK'],
    ['shopedance', '577010203040506073', 'attribute', 'AfterShip Feed or ShopeDance'],
    ['cedcommerce', '577010203040506074', 'note', 'CEDCommerce'],
  ])('%s', (name, orderId, place, tool) => {
    expect(extractTikTokOrderId(fixture(name))).toEqual({ orderId, place, tool });
  });

  it('finds nothing in an ordinary web order (its numbers are not TikTok IDs)', () => {
    expect(extractTikTokOrderId(fixture('web-order'))).toBeNull();
  });

  it('ignores a SKUIQ order ID and takes the TikTok one next to it', () => {
    expect(extractTikTokOrderId(fixture('skuiq'))?.orderId).not.toBe('88213');
  });

  it('matches keys whatever their case and spacing, and tolerates a spreadsheet quote in the value', () => {
    const order = {
      name: '#1',
      note: null,
      tags: [],
      customAttributes: [{ key: '  tiktok   ORDER number ', value: "'576477431806268482 " }],
    };
    expect(extractTikTokOrderId(order)?.orderId).toBe('576477431806268482');
  });

  it('rejects values that are not 18 digits', () => {
    const order = {
      name: '#1',
      note: null,
      tags: ['TikTokOrderID:57647743180626848'],
      customAttributes: [{ key: 'TikTok Order Number', value: '5764774318062684821' }],
    };
    expect(extractTikTokOrderId(order)).toBeNull();
  });

  it('prefers a named attribute over a number in the order name', () => {
    const order = {
      name: 'TT577000000000000001',
      note: null,
      tags: [],
      customAttributes: [{ key: 'TTS order number', value: '576477431806268482' }],
    };
    expect(extractTikTokOrderId(order)).toMatchObject({ orderId: '576477431806268482', tool: 'SILK' });
  });

  it('finds the ID Feed leaves in the note with default order names, and another tool’s TikTok attribute', () => {
    expect(
      extractTikTokOrderId({ name: '#1', note: 'TikTok Shop Order ID: 576477431806268482', tags: [], customAttributes: [] }),
    ).toMatchObject({ place: 'note', orderId: '576477431806268482' });
    expect(
      extractTikTokOrderId({
        name: '#1',
        note: null,
        tags: [],
        customAttributes: [{ key: 'TikTok Order Ref', value: '576477431806268482' }],
      }),
    ).toMatchObject({ tool: 'another sync tool' });
  });
});
