import { describe, expect, it } from 'vitest';
import type { OrderDetails } from '../../../../../shared/domain/orders';
import { buildShipiumLabelBody } from '../../../../../electron/station/providers/shipium';
import { decodeLabelDataUrl } from '../../../../../electron/station/providers/shipium';
import { readLabelResponse, ShipiumLabelResponse } from '../../../../../electron/station/providers/shipium/response';
import type { LabelRequest } from '../../../../../electron/station/providers/provider';

const ORDER = '576477431806268482';
const order: OrderDetails = {
  orderId: ORDER,
  displayName: '#1001',
  source: 'shopify',
  cancelled: false,
  status: 'UNFULFILLED',
  lineItems: [
    { id: '577000000000000001', sku: 'MUG-RED', name: 'Red mug', quantity: 2 },
    { id: '577000000000000002', sku: '', name: 'Gift card', quantity: 1 },
  ],
};
const box = { dimension: { width: 8, height: 5, depth: 10, unit: 'in' as const }, weight: { value: 1.5, unit: 'lb' as const } };
const base: LabelRequest = { orderId: ORDER, parcels: [{ ...box, itemIds: [] }], reference: `st-1:${ORDER}:a`, fileType: 'zpl', order };

describe('Shipium label request body', () => {
  it('carries the TikTok order ID, the station reference and the asked label format', () => {
    const body = buildShipiumLabelBody({ ...base, fileType: 'pdf' }, new Date('2026-02-01T10:00:00Z'));
    expect(body.shipmentParameters.purchaseOrderIdentifier).toBe(ORDER);
    expect(body.shipmentParameters.partnerShipmentId).toBe(`st-1:${ORDER}:a`);
    expect(body.shipmentParameters.shippedDateTime).toBe('2026-02-01T10:00:00.000Z');
    expect(body.labelParameters).toEqual({
      currencyCode: 'usd',
      labelFormats: ['pdf'],
      includeLabelImagesInResponse: true,
      manifest: false,
    });
    expect(body.shipmentParameters.packagingType.linearDimensions).toEqual({ linearUnit: 'in', length: 10, width: 8, height: 5 });
    expect(body.shipmentParameters.totalWeight).toEqual({ weightUnit: 'lb', weight: 1.5 });
    expect(body.shipmentParameters.packages).toBeUndefined();
  });

  it('gives every line item of the order an orderItemReferenceIdentifier when the parcel names none', () => {
    const items = buildShipiumLabelBody(base).shipmentParameters.orderItemQuantities;
    expect(items).toEqual([
      { productId: 'MUG-RED', quantity: 2, orderItemReferenceIdentifier: '577000000000000001' },
      // No SKU: the line item ID stands in as the product.
      { productId: '577000000000000002', quantity: 1, orderItemReferenceIdentifier: '577000000000000002' },
    ]);
  });

  it('uses the parcel’s own items, even ones the order source did not list', () => {
    const items = buildShipiumLabelBody({ ...base, order: null, parcels: [{ ...box, itemIds: ['577000000000000009'] }] }).shipmentParameters
      .orderItemQuantities;
    expect(items).toEqual([{ productId: '577000000000000009', quantity: 1, orderItemReferenceIdentifier: '577000000000000009' }]);
  });

  it('splits a multi-box shipment into packages with their own items, in the asked format', () => {
    const body = buildShipiumLabelBody({
      ...base,
      fileType: 'pdf',
      parcels: [
        { ...box, itemIds: ['577000000000000001'] },
        { ...box, weight: { value: 500, unit: 'g' }, itemIds: ['577000000000000002'] },
      ],
    });
    expect(body.labelParameters.labelFormats).toEqual(['pdf']);
    expect(body.shipmentParameters.packages?.map((p) => p.orderItemQuantities.map((i) => i.orderItemReferenceIdentifier))).toEqual([
      ['577000000000000001'],
      ['577000000000000002'],
    ]);
    expect(body.shipmentParameters.orderItemQuantities).toHaveLength(2);
    // 1.5 lb + 500 g, in pounds.
    expect(body.shipmentParameters.totalWeight.weightUnit).toBe('lb');
    expect(body.shipmentParameters.totalWeight.weight).toBeCloseTo(2.602, 2);
  });
});

describe('reading Shipium’s label answer', () => {
  const zpl = '^XA^FO30,30^FDlabel^FS^XZ';
  const answer = (carrierLabel: unknown) => ShipiumLabelResponse.parse({ shipiumShipmentId: 'shp-1', carrierLabel });

  it('turns an inline base64 label into a data: URL that decodes to the same bytes', async () => {
    const pdf = Buffer.from('%PDF-1.7\n%fake\n');
    const read = await readLabelResponse(
      answer({ packageScannableId: 'TRK1', documents: [{ documentType: 'label', labelImage: { imageContents: pdf.toString('base64') } }] }),
      'ref',
    );
    if (!('label' in read)) throw new Error(`unexpected ${read.problem}`);
    expect(read.label).toMatchObject({ providerLabelId: 'shp-1', trackingNumbers: ['TRK1'], cost: null });
    expect(read.label.labelUrl).toMatch(/^data:application\/pdf;base64,/);
    expect(Buffer.from(decodeLabelDataUrl(read.label.labelUrl)!).equals(pdf)).toBe(true);
  });

  it('accepts ZPL sent as the ZPL code itself rather than base64', async () => {
    const read = await readLabelResponse(
      answer({ packageScannableId: 'TRK1', documents: [{ labelImage: { imageContents: zpl } }] }),
      'ref',
    );
    if (!('label' in read)) throw new Error('no label');
    expect(Buffer.from(decodeLabelDataUrl(read.label.labelUrl)!).toString('latin1')).toBe(zpl);
  });

  it('keeps a label address when Shipium sends one instead of the image', async () => {
    const read = await readLabelResponse(
      answer({ packageScannableId: 'TRK1', documents: [{ documentUrl: 'https://labels.example/1.pdf' }] }),
      'ref',
    );
    expect('label' in read && read.label.labelUrl).toBe('https://labels.example/1.pdf');
  });

  it('joins the ZPL labels of several boxes into one file with every tracking number', async () => {
    const read = await readLabelResponse(
      answer({
        packages: [
          { packageScannableId: 'TRK1', documents: [{ labelImage: { imageContents: Buffer.from(zpl).toString('base64') } }] },
          { packageScannableId: 'TRK2', documents: [{ labelImage: { imageContents: zpl } }] },
        ],
      }),
      'ref',
    );
    if (!('label' in read)) throw new Error('no label');
    expect(read.label.trackingNumbers).toEqual(['TRK1', 'TRK2']);
    expect(Buffer.from(decodeLabelDataUrl(read.label.labelUrl)!).toString('latin1').match(/\^XA/g)).toHaveLength(2);
  });

  it('reports a bought label it cannot print (no file, several PDFs) instead of inventing one', async () => {
    expect(await readLabelResponse(answer({ packageScannableId: 'TRK1', documents: [] }), 'ref')).toMatchObject({
      problem: 'no_file',
      trackingNumbers: ['TRK1'],
    });
    const pdf = Buffer.from('%PDF-1.7\n').toString('base64');
    const two = answer({
      packages: [1, 2].map((n) => ({ packageScannableId: `T${n}`, documents: [{ labelImage: { imageContents: pdf } }] })),
    });
    expect(await readLabelResponse(two, 'ref')).toMatchObject({ problem: 'several_files', trackingNumbers: ['T1', 'T2'] });
    expect(await readLabelResponse(answer({ documents: [{ labelImage: { imageContents: pdf } }] }), 'ref')).toMatchObject({
      problem: 'no_tracking',
    });
  });
});
