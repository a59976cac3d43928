import { describe, expect, it } from 'vitest';
import type { BoxPreset } from '../../../shared/domain/box-presets';
import type { LineItem, OrderDetails } from '../../../shared/domain/orders';
import { checkShipmentPlan, groupLineItems, shipmentLimits, suggestBoxes, suggestShipment } from '../../../shared/domain/shipment-rules';

const ORDER_ID = '576477431806268482';
const limits = shipmentLimits('tiktok');
const preset = (id: string, w: number, h: number, d: number, tareLb: number): BoxPreset => ({
  id,
  name: id[0]!.toUpperCase() + id.slice(1),
  dimension: { width: w, height: h, depth: d, unit: 'in' },
  tareWeight: { value: tareLb, unit: 'lb' },
});
// Listed as a station might: its usual box first, not smallest first.
const PRESETS = [preset('medium', 12, 10, 6, 0.6), preset('small', 8, 6, 4, 0.3), preset('large', 18, 14, 8, 1.1)];

function order(lineItems: LineItem[]): OrderDetails {
  return { orderId: ORDER_ID, displayName: null, source: 'tiktok', cancelled: false, status: null, lineItems };
}
const unit = (id: string, sku: string, extra: Partial<LineItem> = {}): LineItem => ({ id, sku, name: sku, quantity: 1, ...extra });

describe('suggestBoxes by count (the order source gives no sizes)', () => {
  it('fills boxes up to the rule’s units, the station’s usual box each, items in the order’s order', () => {
    const items = Array.from({ length: 10 }, (_, i) => unit(`L${i + 1}`, i < 6 ? 'MUG' : 'CUP'));
    const boxes = suggestBoxes(order(items), PRESETS, { maxUnitsPerBox: 4 });
    expect(boxes.map((b) => b.itemIds)).toEqual([
      ['L1', 'L2', 'L3', 'L4'],
      ['L5', 'L6', 'L7', 'L8'],
      ['L9', 'L10'],
    ]);
    expect(boxes.map((b) => b.presetId)).toEqual(['medium', 'medium', 'medium']);
    // The empty carton is all the station knows of the weight.
    expect(boxes[0]!.weight).toEqual({ value: 0.6, unit: 'lb' });
  });

  it('never splits a WMS line of several units, even past the rule', () => {
    const items = [unit('A', 'SOCK', { quantity: 6 }), unit('B', 'HAT'), unit('C', 'CAP', { quantity: 2 })];
    const boxes = suggestBoxes(order(items), PRESETS, { maxUnitsPerBox: 4 });
    expect(boxes.map((b) => b.itemIds)).toEqual([['A'], ['B', 'C']]);
  });
});

describe('suggestBoxes by volume and weight', () => {
  const book = (id: string) =>
    unit(id, 'BOOK', { unitDimension: { width: 9, height: 6, depth: 1.5, unit: 'in' }, unitWeight: { value: 1.2, unit: 'lb' } });
  const pen = (id: string) =>
    unit(id, 'PEN', { unitDimension: { width: 6, height: 1, depth: 1, unit: 'in' }, unitWeight: { value: 0.5, unit: 'oz' } });

  it('puts small items in the smallest box that holds them and weighs tare plus items', () => {
    const result = suggestShipment(order([pen('P1'), pen('P2')]), PRESETS, { maxUnitsPerBox: 10 }, limits);
    expect(result.boxes).toEqual([
      { presetId: 'small', dimension: PRESETS[1]!.dimension, weight: { value: 0.37, unit: 'lb' }, itemIds: ['P1', 'P2'] },
    ]);
    expect(result.notes).toEqual([
      { path: 'boxes.0.weight', message: 'Estimated from the empty Small box and its items’ weights: weigh the packed box.' },
    ]);
  });

  it('moves to a larger preset when an item is longer than a small box', () => {
    const boxes = suggestBoxes(order([book('B1'), pen('P1')]), PRESETS, { maxUnitsPerBox: 10 }, limits);
    expect(boxes).toHaveLength(1);
    expect(boxes[0]!.presetId).toBe('medium');
    // 0.6 lb carton + 1.2 lb book + 0.5 oz pen = 1.83125 lb, rounded up.
    expect(boxes[0]!.weight).toEqual({ value: 1.84, unit: 'lb' });
  });

  it('opens another box when the volume (80 % fill) or the carriers’ weight is reached', () => {
    // A large box is 2016 in³: 80 % holds 19 books of 81 in³.
    const books = Array.from({ length: 24 }, (_, i) => book(`B${i + 1}`));
    const boxes = suggestBoxes(order(books), PRESETS, { maxUnitsPerBox: 50 }, limits);
    expect(boxes.map((b) => b.itemIds.length)).toEqual([19, 5]);
    // The five left over fill 405 of a medium box's 720 in³.
    expect(boxes.map((b) => b.presetId)).toEqual(['large', 'medium']);

    const anvil = (id: string) =>
      unit(id, 'ANVIL', { unitDimension: { width: 4, height: 4, depth: 4, unit: 'in' }, unitWeight: { value: 30, unit: 'lb' } });
    const heavy = suggestBoxes(order([anvil('A1'), anvil('A2'), anvil('A3')]), PRESETS, { maxUnitsPerBox: 10 }, limits);
    expect(heavy.map((b) => b.itemIds)).toEqual([['A1', 'A2'], ['A3']]);
    expect(heavy[0]!.weight).toEqual({ value: 60.3, unit: 'lb' });
  });

  it('gives an item larger than every preset a box of its own size to measure', () => {
    const rug = unit('R1', 'RUG', {
      name: 'Rolled rug',
      unitDimension: { width: 40, height: 6, depth: 6, unit: 'in' },
      unitWeight: { value: 5, unit: 'lb' },
    });
    const result = suggestShipment(order([rug, book('B1')]), PRESETS, { maxUnitsPerBox: 4 }, limits);
    expect(result.boxes[0]).toEqual({
      presetId: null,
      dimension: { width: 40, height: 6, depth: 6, unit: 'in' },
      weight: { value: 5, unit: 'lb' },
      itemIds: ['R1'],
    });
    expect(result.notes).toContainEqual({
      path: 'boxes.0.dimension',
      message: 'Rolled rug (RUG) fits none of the station’s boxes: this box is its own size, measure the carton it ships in.',
    });
    expect(result.boxes[1]!.itemIds).toEqual(['B1']);
  });

  it('says which weights are only partly known', () => {
    const result = suggestShipment(order([book('B1'), unit('X', 'MYSTERY')]), PRESETS, { maxUnitsPerBox: 4 }, limits);
    expect(result.notes).toEqual([
      {
        path: 'boxes.0.weight',
        message: 'Estimated from the empty Medium box and 1 of its 2 items (the others’ weights are not known): weigh the packed box.',
      },
    ]);
  });

  it('is deterministic and the result passes the check', () => {
    const items = [book('B1'), pen('P1'), unit('X', 'MYSTERY'), book('B2'), pen('P2')];
    const a = suggestBoxes(order(items), PRESETS, { maxUnitsPerBox: 2 }, limits);
    expect(suggestBoxes(order(items), PRESETS, { maxUnitsPerBox: 2 }, limits)).toEqual(a);
    expect(checkShipmentPlan({ orderId: ORDER_ID, boxes: a }, order(items), limits, PRESETS)).toEqual([]);
  });
});

describe('groupLineItems', () => {
  it('shows TikTok’s one-line-per-unit items as one row per SKU, keeping every ID in order', () => {
    const groups = groupLineItems([
      unit('1', 'MUG-RED', { name: 'Red mug', imageUrl: null }),
      unit('2', 'CUP', { name: 'Cup' }),
      unit('3', 'MUG-RED', { name: 'Red mug', imageUrl: 'https://cdn.example/mug.jpg' }),
      unit('4', '', { name: 'Gift note' }),
      unit('5', '', { name: 'Gift note', quantity: 2 }),
    ]);
    expect(groups).toEqual([
      { key: 'sku:MUG-RED', sku: 'MUG-RED', name: 'Red mug', imageUrl: 'https://cdn.example/mug.jpg', pictureItemId: '3', lineItemIds: ['1', '3'], units: 2 },
      { key: 'sku:CUP', sku: 'CUP', name: 'Cup', imageUrl: null, pictureItemId: null, lineItemIds: ['2'], units: 1 },
      { key: 'name:Gift note', sku: '', name: 'Gift note', imageUrl: null, pictureItemId: null, lineItemIds: ['4', '5'], units: 3 },
    ]);
  });

  it('never merges a SKU with a name that reads the same, nor items with neither', () => {
    const groups = groupLineItems([
      unit('1', 'ABC', { name: 'x' }),
      unit('2', '', { name: 'ABC' }),
      unit('3', '', { name: '' }),
      unit('4', '', { name: '' }),
    ]);
    expect(groups.map((g) => g.key)).toEqual(['sku:ABC', 'name:ABC', 'id:3', 'id:4']);
  });
});
