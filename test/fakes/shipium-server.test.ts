import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildShipiumLabelBody } from '../../electron/station/providers/shipium';
import { startFakeShipium, type FakeShipium } from './shipium-server';

const KEY = 'fake-shipium-key';
const ORDER = '576477431806268482';
const box = { dimension: { width: 8, height: 5, depth: 10, unit: 'in' as const }, weight: { value: 1.5, unit: 'lb' as const } };
const body = buildShipiumLabelBody({
  orderId: ORDER,
  parcels: [{ ...box, itemIds: ['577100000000000001'] }],
  reference: 'ref-1',
  fileType: 'zpl',
  order: null,
});
const basic = (user: string) => `Basic ${Buffer.from(`${user}:`).toString('base64')}`;

let fake: FakeShipium;
beforeEach(async () => {
  fake = await startFakeShipium({ apiKey: KEY });
});
afterEach(async () => {
  await fake.close();
});

function post(payload: unknown, authorization = basic(KEY)) {
  return fetch(`${fake.baseUrl}/api/v1/shipment/carrierselection/label`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
}

describe('fake Shipium speaks the protocol strictly', () => {
  it('answers 401 without Basic auth of the key as user and an empty password', async () => {
    for (const auth of ['', basic('other'), `Basic ${Buffer.from(`${KEY}:secret`).toString('base64')}`, `Bearer ${KEY}`]) {
      const response = await post(body, auth);
      expect(response.status).toBe(401);
    }
    expect(fake.created).toHaveLength(0);
  });

  it('refuses an item without orderItemReferenceIdentifier and a non-TikTok order ID', async () => {
    const noRef = structuredClone(body) as unknown as { shipmentParameters: { orderItemQuantities: Array<Record<string, unknown>> } };
    delete noRef.shipmentParameters.orderItemQuantities[0]!.orderItemReferenceIdentifier;
    const refused = await post(noRef);
    expect(refused.status).toBe(400);
    expect((await refused.json()).message).toMatch(/orderItemReferenceIdentifier/);
    const shopifyNumber = await post({ ...body, shipmentParameters: { ...body.shipmentParameters, purchaseOrderIdentifier: '1001' } });
    expect(shopifyNumber.status).toBe(400);
    expect(fake.created).toHaveLength(0);
  });

  it('creates one shipment per partnerShipmentId and answers the repeat with 409', async () => {
    const first = await post(body);
    const json = await first.json();
    expect(first.status).toBe(200);
    expect(json.carrierLabel.packageScannableId).toBe(fake.created[0]!.trackingNumbers[0]);
    expect(Buffer.from(json.carrierLabel.documents[0].labelImage.imageContents, 'base64').toString('latin1')).toMatch(/^\^XA/);
    expect((await post(body)).status).toBe(409);
    expect(fake.created).toHaveLength(1);
  });
});
