import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createShipiumProvider, type ShipiumProviderOptions } from '../../../../../electron/station/providers/shipium';
import { ProviderError, type LabelProvider, type LabelRequest } from '../../../../../electron/station/providers/provider';
import { startFakeShipium, type FakeShipium } from '../../../../fakes/shipium-server';
import { decodeZplBarcodes } from '../../../../support/zpl-barcode';
import { freePort } from '../../../../support/free-port';

const KEY = 'shp_live_key_7c1d2e3f4a5b6c7d';
const ORDER = '576477431806268482';
const box = { dimension: { width: 8, height: 5, depth: 10, unit: 'in' as const }, weight: { value: 1.5, unit: 'lb' as const } };
const order = {
  orderId: ORDER,
  displayName: null,
  source: 'file' as const,
  cancelled: false,
  status: null,
  lineItems: [
    { id: '577100000000000001', sku: 'MUG', name: 'Mug', quantity: 1 },
    { id: '577100000000000002', sku: 'CUP', name: 'Cup', quantity: 3 },
  ],
};
let seq = 0;
const request = (extra: Partial<LabelRequest> = {}): LabelRequest => ({
  orderId: ORDER,
  parcels: [{ ...box, itemIds: [] }],
  reference: `station-1:${ORDER}:${++seq}`,
  fileType: 'zpl',
  order,
  ...extra,
});

let fake: FakeShipium;
beforeEach(async () => {
  fake = await startFakeShipium({ apiKey: KEY });
});
afterEach(async () => {
  await fake.close();
});

function provider(extra: Partial<ShipiumProviderOptions> = {}): LabelProvider {
  return createShipiumProvider({ baseUrl: fake.baseUrl, apiKey: KEY, timeoutMs: 3_000, downloadBackoffMs: 10, ...extra });
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  const providerError = error as ProviderError;
  expect(`${providerError.message} ${providerError.nextStep}`).not.toContain(KEY);
  return providerError;
}

describe('Shipium provider: buying a label', () => {
  it('says what it is: slow, no tracking, no void, no lookup', () => {
    const p = provider();
    expect(p.name).toBe('shipium');
    expect(p.title).toBe('Shipium (TikTok Shop carrier)');
    expect(p.sandbox).toBe(false);
    expect(p.capabilities).toEqual({ tracking: false, void: false, lookup: false, slow: true, boxesPerRequest: 'all' });
  });

  it('posts with Basic auth (key as user, empty password) and an item reference for every item', async () => {
    await provider().createLabel(request());
    const sent = fake.requests[0]!;
    expect(sent.method).toBe('POST');
    expect(sent.path).toBe('/api/v1/shipment/carrierselection/label');
    expect(Buffer.from(sent.headers.authorization!.replace(/^Basic /, ''), 'base64').toString()).toBe(`${KEY}:`);
    expect(fake.created).toEqual([
      expect.objectContaining({
        orderId: ORDER,
        partnerShipmentId: `station-1:${ORDER}:${seq}`,
        itemReferences: [['577100000000000001', '577100000000000002']],
      }),
    ]);
  });

  it('returns a ZPL label whose barcode scans as the tracking number', async () => {
    const p = provider();
    const label = await p.createLabel(request());
    const shipment = fake.created[0]!;
    expect(label).toMatchObject({ providerLabelId: shipment.shipiumShipmentId, trackingNumbers: shipment.trackingNumbers, cost: null });
    expect(label.labelUrl).toMatch(/^data:application\/zpl;base64,/);
    const zpl = Buffer.from(await p.downloadLabel(label.labelUrl));
    expect(zpl.toString('latin1')).toMatch(/^\^XA/);
    expect(await decodeZplBarcodes(zpl)).toContain(shipment.trackingNumbers[0]);
  });

  it('returns a PDF label when the printer asked for PDF', async () => {
    const p = provider();
    const label = await p.createLabel(request({ fileType: 'pdf' }));
    const bytes = Buffer.from(await p.downloadLabel(label.labelUrl));
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('downloads a label Shipium sends by address, sending the key only to Shipium’s own host', async () => {
    fake.setLabelDelivery('url');
    const p = provider();
    const label = await p.createLabel(request());
    expect(label.labelUrl).toMatch(new RegExp(`^${fake.baseUrl}/files/`));
    const bytes = Buffer.from(await p.downloadLabel(label.labelUrl));
    expect(bytes.toString('latin1')).toContain(fake.created[0]!.trackingNumbers[0]);
    const download = fake.requests.at(-1)!;
    expect(download.method).toBe('GET');
    expect(download.headers.authorization).toMatch(/^Basic /);
  });

  it('buys one label for a split shipment: one package per box, every box’s items, one printable file', async () => {
    const p = provider();
    const label = await p.createLabel(
      request({
        fileType: 'pdf',
        parcels: [
          { ...box, itemIds: ['577100000000000001'] },
          { ...box, itemIds: ['577100000000000002'] },
        ],
      }),
    );
    expect(fake.created).toHaveLength(1);
    expect(fake.created[0]!.itemReferences).toEqual([['577100000000000001'], ['577100000000000002']]);
    expect(label.trackingNumbers).toEqual(fake.created[0]!.trackingNumbers);
    // The asked PDF: one page per box, in box order, so box k reprints alone as page k.
    const joined = await PDFDocument.load(await p.downloadLabel(label.labelUrl));
    expect(joined.getPageCount()).toBe(2);
  });

  it('joins the ZPL labels of a split shipment, one format per box', async () => {
    const p = provider();
    const label = await p.createLabel(
      request({
        fileType: 'zpl',
        parcels: [
          { ...box, itemIds: ['577100000000000001'] },
          { ...box, itemIds: ['577100000000000002'] },
        ],
      }),
    );
    const zpl = Buffer.from(await p.downloadLabel(label.labelUrl)).toString('latin1');
    const formats = zpl.split('^XZ').filter((part) => part.includes('^XA'));
    expect(formats.map((format, k) => format.includes(fake.created[0]!.trackingNumbers[k]!))).toEqual([true, true]);
  });

  it('refuses a bad request before sending anything', async () => {
    const error = await failure(provider().createLabel(request({ orderId: '1001' })));
    expect(error.code).toBe('invalid_label_request');
    expect(error.ambiguous).toBe(false);
    expect(fake.requests).toHaveLength(0);
  });

  it('throws lookup_unsupported when asked whether a label exists', async () => {
    const error = await failure(provider().findLabel(request()));
    expect(error.code).toBe('lookup_unsupported');
    expect(error.message).toContain('Shipium');
  });
});

describe('Shipium provider: failures, sorted by whether a label may exist', () => {
  it('a refused key: nothing bought, says to check the key', async () => {
    const error = await failure(createShipiumProvider({ baseUrl: fake.baseUrl, apiKey: 'wrong-key' }).createLabel(request()));
    expect(error).toMatchObject({ code: 'shipium_unauthorized', ambiguous: false });
    expect(error.nextStep).toMatch(/API key in Settings/);
    expect(fake.created).toHaveLength(0);
  });

  it('429: nothing bought, wait as Shipium asks', async () => {
    fake.failNext({ type: 'rate-limited', retryAfterSeconds: 2 });
    const error = await failure(provider().createLabel(request()));
    expect(error).toMatchObject({ code: 'shipium_rate_limited', ambiguous: false, retryAfterMs: 2_000 });
    expect(error.nextStep).toBe('Wait 2 seconds and scan again.');
  });

  it('a 4xx refusal: nothing bought, Shipium’s reason shown, the key never echoed', async () => {
    fake.failNext({ type: 'refused', status: 422, message: `TikTok order is not awaiting shipment (key ${KEY})` });
    const error = await failure(provider().createLabel(request()));
    expect(error).toMatchObject({ code: 'shipium_refused', ambiguous: false });
    expect(error.message).toContain('TikTok order is not awaiting shipment');
    expect(error.message).toContain('[hidden]');
  });

  it('5xx: ambiguous, a supervisor must check Shipium', async () => {
    fake.failNext('server-error');
    const error = await failure(provider().createLabel(request()));
    expect(error).toMatchObject({ code: 'shipium_server_error', ambiguous: true });
    expect(error.nextStep).toMatch(/Do not scan this order again/);
  });

  it('no answer in time while Shipium bought the label anyway: ambiguous', async () => {
    fake.setDelayMs(800);
    const error = await failure(provider({ timeoutMs: 200 }).createLabel(request()));
    expect(error).toMatchObject({ code: 'shipium_no_answer', ambiguous: true });
    expect(fake.created).toHaveLength(1);
  });

  it('waits through a slow answer within its time limit', async () => {
    fake.setDelayMs(300);
    const label = await provider({ timeoutMs: 2_000 }).createLabel(request());
    expect(label.trackingNumbers).toEqual(fake.created[0]!.trackingNumbers);
  });

  it('a hung server: ambiguous', async () => {
    fake.failNext('hang');
    const error = await failure(provider({ timeoutMs: 200 }).createLabel(request()));
    expect(error).toMatchObject({ code: 'shipium_no_answer', ambiguous: true });
  });

  it('a connection reset after the label was created: ambiguous, and the fake kept the label', async () => {
    fake.failNext('reset-after-create');
    const error = await failure(provider().createLabel(request()));
    expect(error).toMatchObject({ code: 'shipium_connection_lost', ambiguous: true });
    expect(fake.created).toHaveLength(1);
  });

  it('the same reference twice: Shipium refuses the repeat and the station is told a label probably exists', async () => {
    const p = provider();
    const same = request();
    await p.createLabel(same);
    const error = await failure(p.createLabel(same));
    expect(error).toMatchObject({ code: 'shipium_duplicate_shipment', ambiguous: true });
    expect(fake.created).toHaveLength(1);
  });

  it('a bought label without a file: ambiguous, tracking number in the words', async () => {
    fake.failNext({ type: 'no-document' });
    const error = await failure(provider().createLabel(request()));
    expect(error).toMatchObject({ code: 'shipium_label_unusable', ambiguous: true });
    expect(error.message).toContain(fake.created[0]!.trackingNumbers[0]);
  });

  it('an address that is not Shipium: nothing bought', async () => {
    const error = await failure(createShipiumProvider({ baseUrl: `${fake.baseUrl}/wrong`, apiKey: KEY }).createLabel(request()));
    // The fake checks the key first, then answers 404 with its JSON error: a refusal, not a purchase.
    expect(error.ambiguous).toBe(false);
  });

  it('nothing listening: nothing bought, check the connection', async () => {
    const port = await freePort();
    const error = await failure(createShipiumProvider({ baseUrl: `http://127.0.0.1:${port}`, apiKey: KEY }).createLabel(request()));
    expect(error).toMatchObject({ code: 'shipium_unreachable', ambiguous: false });
  });

  it('a damaged stored label is reported, not printed', async () => {
    const error = await failure(provider().downloadLabel('data:application/zpl;base64,'));
    expect(error.code).toBe('label_download_failed');
  });
});
