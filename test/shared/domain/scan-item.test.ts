import { describe, expect, it } from 'vitest';
import type { LineItem } from '../../../shared/domain/orders';
import { pickScannedItem } from '../../../shared/domain/shipment-rules';

const item = (id: string, sku: string, quantity = 1): LineItem => ({ id, sku, name: sku === 'MUG-RED' ? 'Red mug' : 'Socks', quantity });
const order = { lineItems: [item('1', 'MUG-RED'), item('2', 'MUG-RED'), item('3', 'SOCK', 3)] };
const plan = (...boxes: string[][]) => ({ boxes: boxes.map((itemIds) => ({ itemIds })) });

describe('pickScannedItem: a scanned SKU puts one unit in the current box', () => {
  it('takes the next unit of that SKU not in a box yet, whatever the case of the scan', () => {
    expect(pickScannedItem(order, plan([]), 'MUG-RED')).toEqual({ ok: true, lineItemId: '1', units: 1 });
    expect(pickScannedItem(order, plan(['1']), ' mug-red ')).toEqual({ ok: true, lineItemId: '2', units: 1 });
  });

  it('moves a WMS line of several units whole', () => {
    expect(pickScannedItem(order, plan([]), 'SOCK')).toEqual({ ok: true, lineItemId: '3', units: 3 });
  });

  it('says when every unit is boxed, and when the code is not in the order', () => {
    expect(pickScannedItem(order, plan(['1'], ['2']), 'MUG-RED')).toEqual({
      ok: false,
      message: 'Red mug (MUG-RED): all 2 of this order are in boxes already. Scan another item, or take one out of its box first.',
    });
    expect(pickScannedItem(order, plan([]), 'HAT-9')).toEqual({
      ok: false,
      message: 'No item of this order has the code HAT-9: check the item, or put it in a box by hand.',
    });
  });
});
