/** Properties of the splitter's rules over thousands of generated orders, presets and plans. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BoxPreset } from '../../../shared/domain/box-presets';
import type { LineItem, OrderDetails } from '../../../shared/domain/orders';
import type { Dimension, Weight } from '../../../shared/domain/parcels';
import {
  checkShipmentPlan,
  convertDimension,
  convertWeight,
  groupLineItems,
  shipmentLimits,
  suggestShipment,
  type PlanDraft,
} from '../../../shared/domain/shipment-rules';

const ORDER_ID = '576477431806268482';
const limits = shipmentLimits('aftership');

const weightUnit = fc.constantFrom<Weight['unit']>('lb', 'oz', 'kg', 'g');
const lengthUnit = fc.constantFrom<Dimension['unit']>('in', 'cm');
const positive = (max: number) => fc.double({ min: 0.01, max, noNaN: true, noDefaultInfinity: true });

/** Sizes and weights given in inches and pounds, then written in any unit. */
const dimensionUpTo = (maxIn: number) =>
  fc
    .tuple(positive(maxIn), positive(maxIn), positive(maxIn), lengthUnit)
    .map(([w, h, d, unit]) => convertDimension({ width: w, height: h, depth: d, unit: 'in' }, unit));
const weightUpTo = (maxLb: number) =>
  fc.tuple(positive(maxLb), weightUnit).map(([lb, unit]) => convertWeight({ value: lb, unit: 'lb' }, unit));

const skus = fc.constantFrom('MUG', 'CUP', 'TEE', '', 'SOCK');
/**
 * Items small and light enough that any one line item fits the carriers' limits on its own
 * (≤ 5 units of ≤ 2 lb, ≤ 12 in a side): then the order fits, whatever the presets.
 */
const lineItems = fc
  .array(
    fc.record({
      sku: skus,
      name: fc.constantFrom('Red mug', 'Cup', ''),
      quantity: fc.integer({ min: 1, max: 5 }),
      unitWeight: fc.option(weightUpTo(2), { nil: null }),
      unitDimension: fc.option(dimensionUpTo(12), { nil: null }),
    }),
    { minLength: 1, maxLength: 20 },
  )
  .map((items): LineItem[] => items.map((item, i) => ({ id: `5771000000000${String(i).padStart(5, '0')}`, ...item })));

const presets = fc
  .array(fc.record({ dimension: dimensionUpTo(30), tareWeight: weightUpTo(2) }), { minLength: 0, maxLength: 5 })
  .map((list): BoxPreset[] => list.map((p, i) => ({ id: `box-${i}`, name: `Box ${i}`, ...p })));

const orderOf = (items: LineItem[]): OrderDetails => ({
  orderId: ORDER_ID,
  displayName: null,
  source: 'tiktok',
  cancelled: false,
  status: null,
  lineItems: items,
});

describe('suggestShipment', () => {
  it('puts every line item in exactly one box, and the plan passes the check', () => {
    fc.assert(
      fc.property(lineItems, presets, fc.integer({ min: 1, max: 12 }), (items, boxes, maxUnitsPerBox) => {
        const order = orderOf(items);
        const { boxes: plan } = suggestShipment(order, boxes, { maxUnitsPerBox }, limits);
        const placed = plan.flatMap((box) => box.itemIds);
        expect([...placed].sort()).toEqual(items.map((i) => i.id).sort());
        expect(checkShipmentPlan({ orderId: ORDER_ID, boxes: plan }, order, limits, boxes)).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps to the rule’s units per box except for a single line item that carries more', () => {
    fc.assert(
      fc.property(lineItems, presets, fc.integer({ min: 1, max: 12 }), (items, boxes, maxUnitsPerBox) => {
        const quantity = new Map(items.map((i) => [i.id, i.quantity]));
        for (const box of suggestShipment(orderOf(items), boxes, { maxUnitsPerBox }, limits).boxes) {
          const units = box.itemIds.reduce((sum, id) => sum + quantity.get(id)!, 0);
          expect(units <= maxUnitsPerBox || box.itemIds.length === 1).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(lineItems, presets, (items, boxes) => {
        expect(suggestShipment(orderOf(items), boxes, { maxUnitsPerBox: 4 }, limits)).toEqual(
          suggestShipment(orderOf(structuredClone(items)), structuredClone(boxes), { maxUnitsPerBox: 4 }, limits),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('checkShipmentPlan on arbitrary assignments', () => {
  const assignment = lineItems.chain((items) =>
    fc.tuple(fc.constant(items), fc.array(fc.integer({ min: 0, max: 4 }), { minLength: items.length, maxLength: items.length })),
  );
  const box = (itemIds: string[]): PlanDraft['boxes'][number] => ({
    presetId: null,
    dimension: { width: 10, height: 10, depth: 10, unit: 'in' },
    weight: { value: 3, unit: 'lb' },
    itemIds,
  });

  it('finds no item problem when each item is in one box, and names the item when one is in two', () => {
    fc.assert(
      fc.property(assignment, fc.nat(), ([items, slots], pick) => {
        const boxes = [0, 1, 2, 3, 4]
          .map((slot) => items.filter((_, i) => slots[i] === slot).map((item) => item.id))
          .filter((b) => b.length > 0);
        const plan = { orderId: ORDER_ID, boxes: boxes.map(box) };
        expect(checkShipmentPlan(plan, orderOf(items), limits)).toEqual([]);

        const twice = items[pick % items.length]!.id;
        const doubled = { orderId: ORDER_ID, boxes: [...plan.boxes, box([twice])] };
        expect(checkShipmentPlan(doubled, orderOf(items), limits).map((p) => p.path)).toEqual([`items.${twice}`]);

        const without = { orderId: ORDER_ID, boxes: plan.boxes.map((b) => box(b.itemIds.filter((id) => id !== twice))) };
        const paths = checkShipmentPlan(without, orderOf(items), limits).map((p) => p.path);
        expect(paths).toContain(`items.${twice}`);
        expect(paths.every((p) => p === `items.${twice}` || /^boxes\.\d+$/.test(p))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('groupLineItems', () => {
  it('never loses or duplicates a line item ID, keeps their order within a group, and counts every unit', () => {
    fc.assert(
      fc.property(lineItems, (items) => {
        const groups = groupLineItems(items);
        const ids = groups.flatMap((g) => g.lineItemIds);
        expect([...ids].sort()).toEqual(items.map((i) => i.id).sort());
        const position = new Map(items.map((item, index) => [item.id, index]));
        for (const group of groups) {
          const order = group.lineItemIds.map((id) => position.get(id)!);
          expect(order).toEqual([...order].sort((a, b) => a - b));
        }
        expect(groups.reduce((sum, g) => sum + g.units, 0)).toBe(items.reduce((sum, i) => sum + i.quantity, 0));
        expect(new Set(groups.map((g) => g.key)).size).toBe(groups.length);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('unit conversions', () => {
  it('round-trip weights and dimensions through every unit', () => {
    fc.assert(
      fc.property(weightUpTo(2000), weightUnit, (weight, unit) => {
        const back = convertWeight(convertWeight(weight, unit), weight.unit);
        expect(back.unit).toBe(weight.unit);
        expect(back.value).toBeCloseTo(weight.value, 9);
      }),
    );
    fc.assert(
      fc.property(dimensionUpTo(200), lengthUnit, (dimension, unit) => {
        const back = convertDimension(convertDimension(dimension, unit), dimension.unit);
        expect(back.width).toBeCloseTo(dimension.width, 9);
        expect(back.height).toBeCloseTo(dimension.height, 9);
        expect(back.depth).toBeCloseTo(dimension.depth, 9);
      }),
    );
  });
});
