import { copyFileSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StationError } from '../../../../shared/errors';
import { createOrdersFileSource } from '../../../../electron/station/orders/orders-file-source';
import { parseOrdersFile } from '../../../../electron/station/orders/orders-file-parse';
import { makeTempDir } from '../../../support/temp-dir';
import { fixturePath } from '../../../support/paths';

const fixture = (name: string) => fixturePath('orders', name);
let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('orders-file-');
});
afterEach(() => temp.remove());

function copy(name: string, as = name): string {
  const target = path.join(temp.dir, as);
  copyFileSync(fixture(name), target);
  return target;
}

async function failure(promise: Promise<unknown>): Promise<StationError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StationError);
  return error as StationError;
}

function parseError(content: string, fileName: string): string {
  try {
    parseOrdersFile(content, fileName);
  } catch (error) {
    expect(error).toBeInstanceOf(StationError);
    return (error as StationError).message;
  }
  throw new Error('expected the file to be refused');
}

const HEADER = 'order_number,tiktok_order_id,status,line_item_id,sku,name,quantity';

describe('WMS order file: CSV', () => {
  it('groups the rows of an order and answers TikTok ID and order-number scans', async () => {
    const source = createOrdersFileSource({ path: copy('orders.csv') });
    expect(source.name).toBe('file');
    expect(source.title).toBe('Order file (orders.csv)');
    const order = await source.lookup({ kind: 'tiktok', orderId: '576477431806268482' });
    expect(order).toEqual({
      orderId: '576477431806268482',
      displayName: '#1001',
      source: 'file',
      cancelled: false,
      status: 'AWAITING_SHIPMENT',
      lineItems: [
        { id: '577100000000000001', sku: 'MUG-RED', name: 'Red mug, 12 oz', quantity: 2 },
        { id: '577100000000000002', sku: 'CUP-BLU', name: 'Blue cup', quantity: 1 },
      ],
    });
    expect(await source.lookup({ kind: 'shopify', orderName: '1001' })).toEqual(order);
    expect((await source.lookup({ kind: 'tiktok', orderId: '577010203040506071' }))?.displayName).toBeNull();
  });

  it('marks an order whose status is cancelled', async () => {
    const source = createOrdersFileSource({ path: copy('orders.csv') });
    expect(await source.lookup({ kind: 'shopify', orderName: '#1002' })).toMatchObject({ orderId: '577010203040506070', cancelled: true });
  });

  it('answers null for an order it does not list', async () => {
    const source = createOrdersFileSource({ path: copy('orders.csv') });
    expect(await source.lookup({ kind: 'tiktok', orderId: '576000000000000000' })).toBeNull();
    expect(await source.lookup({ kind: 'shopify', orderName: '#9999' })).toBeNull();
  });

  it('names the file, the row and the column of a bad value', async () => {
    const error = await failure(
      createOrdersFileSource({ path: copy('bad-quantity.csv', 'orders.csv') }).lookup({ kind: 'tiktok', orderId: '576477431806268482' }),
    );
    expect(error.code).toBe('orders_file_invalid');
    expect(error.message).toBe('orders.csv row 14: quantity must be a whole number.');
    expect(error.nextStep).toMatch(/fix the order file/);
  });

  it('explains other mistakes a WMS export or a spreadsheet makes', () => {
    expect(parseError(`${HEADER}\n#1,5.76477E+17,,1,A,a,1\n`, 'orders.csv')).toMatch(
      /^orders\.csv row 2: tiktok_order_id was turned into a number by a spreadsheet/,
    );
    expect(parseError(`${HEADER}\n#1,1001,,1,A,a,1\n`, 'orders.csv')).toBe(
      'orders.csv row 2: tiktok_order_id must be the 18-digit TikTok order ID.',
    );
    expect(parseError(`${HEADER}\n#1,576477431806268482,,1,A,a,0\n`, 'orders.csv')).toBe(
      'orders.csv row 2: quantity must be between 1 and 10000.',
    );
    expect(parseError('order_number,tiktok_order_id,sku\n#1,576477431806268482,A\n', 'orders.csv')).toMatch(
      /columns line_item_id, quantity are missing/,
    );
    expect(parseError(`${HEADER}\n#1,576477431806268482,,1,A,a,1\n#2,576477431806268482,,2,B,b,1\n`, 'orders.csv')).toMatch(
      /row 3: order_number "#2" differs from "#1"/,
    );
    expect(parseError(`${HEADER}\n#1,576477431806268482,,1,A,a,1\n#1,576477431806268482,,1,A,a,1\n`, 'orders.csv')).toMatch(
      /row 3: line_item_id 1 appears twice/,
    );
    expect(parseError(`${HEADER}\n#1,576477431806268482,,1,"A,a,1\n`, 'orders.csv')).toMatch(/^orders\.csv.*not valid CSV/);
  });

  it('reads the file again when it changes, and only then', async () => {
    const file = copy('orders.csv');
    const source = createOrdersFileSource({ path: file });
    expect(await source.lookup({ kind: 'tiktok', orderId: '576477431806268999' })).toBeNull();
    writeFileSync(file, `${readFileSync(file, 'utf8')}#1003,576477431806268999,,577100000000000009,HAT,Hat,1\n`);
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    expect((await source.lookup({ kind: 'tiktok', orderId: '576477431806268999' }))?.displayName).toBe('#1003');
  });

  it('recovers when a broken export is replaced by a good one', async () => {
    const file = copy('bad-quantity.csv', 'orders.csv');
    const source = createOrdersFileSource({ path: file });
    await failure(source.lookup({ kind: 'tiktok', orderId: '576477431806268482' }));
    copyFileSync(fixture('orders.csv'), file);
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    expect(await source.lookup({ kind: 'tiktok', orderId: '576477431806268482' })).not.toBeNull();
  });

  it('says so when the file is missing', async () => {
    const missing = path.join(temp.dir, 'nope.csv');
    const error = await failure(createOrdersFileSource({ path: missing }).lookup({ kind: 'tiktok', orderId: '576477431806268482' }));
    expect(error).toMatchObject({ code: 'orders_file_missing', message: `The order file ${missing} does not exist.` });
  });
});

describe('WMS order file: JSON', () => {
  it('reads an array of orders, by extension or by content', async () => {
    for (const name of ['orders.json', 'orders.export']) {
      const source = createOrdersFileSource({ path: copy('orders.json', name) });
      expect(await source.lookup({ kind: 'tiktok', orderId: '576477431806268482' })).toMatchObject({
        displayName: '#1001',
        lineItems: [{ quantity: 2 }, { quantity: 1 }],
      });
      expect(await source.lookup({ kind: 'shopify', orderName: '#1002' })).toMatchObject({ cancelled: true, status: 'CANCELLED' });
    }
  });

  it('names the order and the field of a bad value', () => {
    const bad = JSON.stringify([
      {
        tiktokOrderId: '576477431806268482',
        lineItems: [
          { id: 'a', sku: 'A', name: 'a', quantity: 1 },
          { id: 'b', sku: 'B', name: 'b', quantity: 1.5 },
        ],
      },
    ]);
    expect(parseError(bad, 'orders.json')).toBe('orders.json order 1: lineItems.1.quantity must be a whole number.');
    expect(parseError('[{"tiktokOrderId": 576477431806268482}]', 'orders.json')).toMatch(/tiktokOrderId must be text in quotes/);
    expect(parseError('{"not": "orders"}', 'orders.json')).toMatch(/expected an array of orders/);
  });
});

describe('WMS order file: unit weights, sizes and pictures for the splitter', () => {
  const EXTRA = `${HEADER},unit_weight,unit_weight_unit,length,width,height,dimension_unit,image_url`;
  const ORDER = '576477431806268482';

  it('reads them from optional CSV columns; rows without them stay plain', () => {
    const csv = [
      EXTRA,
      `#1,${ORDER},,L1,MUG,Mug,2,0.75,lb,5,4,4.5,in,https://cdn.example.com/mug.jpg`,
      `#1,${ORDER},,L2,NOTE,Gift note,1,,,,,,,`,
    ].join('\n');
    const order = parseOrdersFile(csv, 'orders.csv').byTikTokId.get(ORDER)!;
    expect(order.lineItems).toEqual([
      {
        id: 'L1',
        sku: 'MUG',
        name: 'Mug',
        quantity: 2,
        unitWeight: { value: 0.75, unit: 'lb' },
        unitDimension: { width: 4, height: 4.5, depth: 5, unit: 'in' },
        imageUrl: 'https://cdn.example.com/mug.jpg',
      },
      { id: 'L2', sku: 'NOTE', name: 'Gift note', quantity: 1 },
    ]);
  });

  it('names the column of a half-given weight or size', () => {
    const row = (extra: string) => `${EXTRA}\n#1,${ORDER},,L1,MUG,Mug,1,${extra}`;
    expect(parseError(row('0.75,,,,,,'), 'orders.csv')).toBe(
      'orders.csv row 2: unit_weight_unit is empty: say what unit_weight is in (lb, oz, kg or g).',
    );
    expect(parseError(row('0.75,stone,,,,,'), 'orders.csv')).toBe('orders.csv row 2: unit_weight_unit must be lb, oz, kg or g.');
    expect(parseError(row('0,lb,,,,,'), 'orders.csv')).toBe('orders.csv row 2: unit_weight must be more than 0.');
    expect(parseError(row('1;5,lb,,,,,'), 'orders.csv')).toBe('orders.csv row 2: unit_weight must be a number such as 0.75.');
    expect(parseError(row(',,5,,4,in,'), 'orders.csv')).toBe(
      'orders.csv row 2: width is empty: give all three sides of one unit, or none.',
    );
    expect(parseError(row(',,5,4,4,ft,'), 'orders.csv')).toBe('orders.csv row 2: dimension_unit must be in or cm.');
    expect(parseError(row(',,0,4,4,cm,'), 'orders.csv')).toBe('orders.csv row 2: length must be more than 0.');
    expect(parseError(row(',,,,,,javascript:alert(1)'), 'orders.csv')).toBe(
      'orders.csv row 2: image_url must be a web address starting with https://.',
    );
  });

  it('reads them from a JSON line item', () => {
    const json = JSON.stringify([
      {
        tiktokOrderId: ORDER,
        lineItems: [
          {
            id: 'L1',
            sku: 'MUG',
            name: 'Mug',
            quantity: 1,
            unitWeight: { value: 340, unit: 'g' },
            unitDimension: { length: 12, width: 10, height: 11, unit: 'cm' },
            imageUrl: 'https://cdn.example.com/mug.jpg',
          },
          { id: 'L2', sku: 'CUP', name: 'Cup', quantity: 1, unitWeight: null },
        ],
      },
    ]);
    expect(parseOrdersFile(json, 'orders.json').byTikTokId.get(ORDER)!.lineItems).toEqual([
      {
        id: 'L1',
        sku: 'MUG',
        name: 'Mug',
        quantity: 1,
        unitWeight: { value: 340, unit: 'g' },
        unitDimension: { width: 10, height: 11, depth: 12, unit: 'cm' },
        imageUrl: 'https://cdn.example.com/mug.jpg',
      },
      { id: 'L2', sku: 'CUP', name: 'Cup', quantity: 1 },
    ]);
    const bad = JSON.stringify([
      { tiktokOrderId: ORDER, lineItems: [{ id: 'L1', quantity: 1, unitDimension: { length: 1, width: 1, height: 1, unit: 'ft' } }] },
    ]);
    expect(parseError(bad, 'orders.json')).toBe('orders.json order 1: lineItems.0.unitDimension unit must be in or cm.');
  });
});
