import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ItemPictures } from '../../../../electron/station/orders';
import type { OrderDetails } from '../../../../shared/domain/orders';
import { startFakePictureServer, type FakePictureServer } from '../../../fakes/picture-server';
import { makeLabelPng } from '../../../support/sample-labels';

const ORDER = '576000000000000111';
let cdn: FakePictureServer;
beforeEach(async () => {
  cdn = await startFakePictureServer();
});
afterEach(async () => {
  await cdn.close();
});

function order(pictures: Record<string, string | null>): OrderDetails {
  return {
    orderId: ORDER,
    displayName: null,
    source: 'file',
    cancelled: false,
    status: null,
    lineItems: Object.entries(pictures).map(([id, imageUrl]) => ({ id, sku: `SKU-${id}`, name: `Item ${id}`, quantity: 1, imageUrl })),
  };
}

describe('product pictures for the splitter', () => {
  it('hands over the picture of a loaded order’s line item as a data: URL with its own bytes, fetched once', async () => {
    const png = await makeLabelPng('123456', { width: 60, height: 60 });
    cdn.serve('/mug.png', { bytes: png, type: 'image/png' });
    const pictures = new ItemPictures();
    pictures.remember(order({ li1: `${cdn.origin}/mug.png` }));
    const [first, second] = await Promise.all([pictures.picture(ORDER, 'li1'), pictures.picture(ORDER, 'li1')]);
    expect(first).toBe(`data:image/png;base64,${png.toString('base64')}`);
    expect(second).toBe(first);
    expect(await pictures.picture(ORDER, 'li1')).toBe(first);
    expect(cdn.requests).toEqual(['/mug.png']);
  });

  it('fetches nothing for an order or line item it was not given, nor a plain-http address off this machine', async () => {
    const pictures = new ItemPictures({ fetch: () => Promise.reject(new Error('must not fetch')) });
    pictures.remember(order({ li1: 'http://cdn.example.com/mug.png', li2: null }));
    expect(await pictures.picture(ORDER, 'li1')).toBeNull();
    expect(await pictures.picture(ORDER, 'li2')).toBeNull();
    expect(await pictures.picture('576000000000000999', 'li1')).toBeNull();
  });

  it('shows nothing for a file that is not a picture, too large (even without a length), missing or too slow', async () => {
    cdn.serve('/page.png', { bytes: new TextEncoder().encode('<html>login</html>'), type: 'image/png' });
    const big = new Uint8Array(300_000);
    big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    cdn.serve('/big.png', { bytes: big, type: 'image/png', chunked: true });
    cdn.serve('/slow.png', 'hang');
    const pictures = new ItemPictures({ maxBytes: 200_000, timeoutMs: 300 });
    pictures.remember(
      order({ a: `${cdn.origin}/page.png`, b: `${cdn.origin}/big.png`, c: `${cdn.origin}/gone.png`, d: `${cdn.origin}/slow.png` }),
    );
    expect(await Promise.all(['a', 'b', 'c', 'd'].map((id) => pictures.picture(ORDER, id)))).toEqual([null, null, null, null]);
  });

  it('does not ask again for a picture that failed until a while has passed', async () => {
    let now = 0;
    const pictures = new ItemPictures({ retryAfterMs: 60_000, now: () => now });
    pictures.remember(order({ li1: `${cdn.origin}/later.png` }));
    expect(await pictures.picture(ORDER, 'li1')).toBeNull();
    expect(await pictures.picture(ORDER, 'li1')).toBeNull();
    expect(cdn.requests).toHaveLength(1);
    const png = await makeLabelPng('123456', { width: 40, height: 40 });
    cdn.serve('/later.png', { bytes: png, type: 'image/png' });
    now = 61_000;
    expect(await pictures.picture(ORDER, 'li1')).toMatch(/^data:image\/png;base64,/);
  });

  it('forgets the addresses of orders loaded long ago', async () => {
    let fetched = 0;
    const counting = new ItemPictures({
      maxOrders: 2,
      fetch: () => {
        fetched += 1;
        return Promise.reject(new Error('offline'));
      },
    });
    for (const id of ['576000000000000001', '576000000000000002', '576000000000000003'])
      counting.remember({ ...order({ li1: `https://cdn.example.com/${id}.png` }), orderId: id });
    await counting.picture('576000000000000001', 'li1');
    expect(fetched).toBe(0);
    await counting.picture('576000000000000003', 'li1');
    expect(fetched).toBe(1);
  });
});
