import { describe, expect, it } from 'vitest';
import type { BoxPreset } from '../../../shared/domain/box-presets';
import type { LineItem, OrderDetails } from '../../../shared/domain/orders';
import { ShipmentPlan } from '../../../shared/domain/shipments';
import {
  MAX_BOXES_PER_SHIPMENT,
  checkShipmentPlan,
  problemsAt,
  shipmentLimits,
  type PlanDraft,
} from '../../../shared/domain/shipment-rules';

const ORDER_ID = '576477431806268482';
const limits = shipmentLimits('aftership');
const MEDIUM: BoxPreset = {
  id: 'medium',
  name: 'Medium',
  dimension: { width: 12, height: 10, depth: 6, unit: 'in' },
  tareWeight: { value: 0.6, unit: 'lb' },
};

function item(id: string, sku: string, name: string, quantity = 1): LineItem {
  return { id, sku, name, quantity };
}

/** TikTok's way: one line item per unit (three red mugs, one blue cup, one tee). */
const tiktokOrder: OrderDetails = {
  orderId: ORDER_ID,
  displayName: null,
  source: 'tiktok',
  cancelled: false,
  status: 'AWAITING_SHIPMENT',
  lineItems: [
    item('577100000000000001', 'MUG-RED', 'Red mug'),
    item('577100000000000002', 'MUG-RED', 'Red mug'),
    item('577100000000000003', 'MUG-RED', 'Red mug'),
    item('577100000000000004', 'CUP-BLU', 'Blue cup'),
    item('577100000000000005', 'TEE-M', 'T-shirt (M)'),
  ],
};

function box(itemIds: string[], overrides: Partial<PlanDraft['boxes'][number]> = {}): PlanDraft['boxes'][number] {
  return {
    presetId: null,
    dimension: { width: 12, height: 10, depth: 6, unit: 'in' },
    weight: { value: 2, unit: 'lb' },
    itemIds,
    ...overrides,
  };
}

const ids = tiktokOrder.lineItems.map((i) => i.id);
const goodPlan: PlanDraft = { orderId: ORDER_ID, boxes: [box(ids.slice(0, 2)), box(ids.slice(2, 4)), box(ids.slice(4))] };

describe('checkShipmentPlan: every line item in exactly one box', () => {
  it('accepts a plan with every item in one box', () => {
    expect(checkShipmentPlan(goodPlan, tiktokOrder, limits)).toEqual([]);
  });

  it('names an item in no box, telling equal items apart', () => {
    const plan = { ...goodPlan, boxes: [box(ids.slice(0, 2)), box(ids.slice(3))] };
    expect(checkShipmentPlan(plan, tiktokOrder, limits)).toEqual([
      { path: `items.${ids[2]}`, message: 'Red mug (MUG-RED), unit 3 of 3 is in no box: put it in a box.' },
    ]);
  });

  it('names both boxes of an item put in two', () => {
    const plan = { ...goodPlan, boxes: [box(ids.slice(0, 3)), box(ids.slice(2, 4)), box(ids.slice(4))] };
    expect(checkShipmentPlan(plan, tiktokOrder, limits)).toEqual([
      {
        path: `items.${ids[2]}`,
        message: 'Red mug (MUG-RED), unit 3 of 3 is in boxes 1 and 2: it can go in one box only, take it out of the others.',
      },
    ]);
  });

  it('says a WMS line of several units under one ID ships in one box', () => {
    const order: OrderDetails = { ...tiktokOrder, source: 'file', lineItems: [item('L1', 'SOCK', 'Socks', 3), item('L2', 'HAT', 'Hat')] };
    const plan: PlanDraft = { orderId: ORDER_ID, boxes: [box(['L1']), box(['L1', 'L2'])] };
    expect(checkShipmentPlan(plan, order, limits)).toEqual([
      {
        path: 'items.L1',
        message:
          'Socks (SOCK) is in boxes 1 and 2: it can go in one box only, take it out of the others. Its 3 units share one line item ID, so they ship together.',
      },
    ]);
  });

  it('refuses an item listed twice in one box and an ID the order does not have', () => {
    const plan = { ...goodPlan, boxes: [box([ids[0]!, ids[0]!, ids[1]!]), box([...ids.slice(2, 4), '999']), box(ids.slice(4))] };
    expect(checkShipmentPlan(plan, tiktokOrder, limits)).toEqual([
      { path: `items.${ids[0]}`, message: 'Red mug (MUG-RED), unit 1 of 3 is listed 2 times in box 1: list it once.' },
      { path: 'items.999', message: 'Box 2 holds line item 999, which is not in this order: take it out.' },
    ]);
  });
});

describe('checkShipmentPlan: boxes', () => {
  it('names an empty box by its number', () => {
    const plan = { ...goodPlan, boxes: [...goodPlan.boxes.slice(0, 1), box([]), ...goodPlan.boxes.slice(1)] };
    expect(checkShipmentPlan(plan, tiktokOrder, limits)).toEqual([
      { path: 'boxes.1', message: 'Box 2 is empty: put an item in it or remove it.' },
    ]);
  });

  it('asks for a weight and each missing side while the supervisor is still typing', () => {
    const plan = {
      ...goodPlan,
      boxes: [box(ids, { weight: { value: 0, unit: 'lb' }, dimension: { width: 12, height: 0, depth: Number.NaN, unit: 'in' } })],
    };
    expect(checkShipmentPlan(plan, tiktokOrder, limits)).toEqual([
      { path: 'boxes.0.weight', message: 'Box 1 has no weight: weigh the packed box.' },
      { path: 'boxes.0.dimension.height', message: 'Box 1 needs its height: measure the box or choose a box.' },
      { path: 'boxes.0.dimension.depth', message: 'Box 1 needs its depth: measure the box or choose a box.' },
    ]);
  });

  it('refuses a box over the carriers’ weight, in the unit the supervisor typed', () => {
    const plan = { ...goodPlan, boxes: [box(ids, { weight: { value: 32, unit: 'kg' } })] };
    expect(checkShipmentPlan(plan, tiktokOrder, limits)).toEqual([
      { path: 'boxes.0.weight', message: 'Box 1 weighs 32 kg; the carriers take at most 70 lb per box: move items to another box.' },
    ]);
    // 31.75 kg is 69.99 lb.
    expect(checkShipmentPlan({ ...plan, boxes: [box(ids, { weight: { value: 31.75, unit: 'kg' } })] }, tiktokOrder, limits)).toEqual([]);
    expect(checkShipmentPlan({ ...plan, boxes: [box(ids, { weight: { value: 70, unit: 'lb' } })] }, tiktokOrder, limits)).toEqual([]);
  });

  it('refuses a packed box lighter than its empty preset carton', () => {
    const plan = { ...goodPlan, boxes: [box(ids, { presetId: 'medium', weight: { value: 8, unit: 'oz' } })] };
    expect(checkShipmentPlan(plan, tiktokOrder, limits, [MEDIUM])).toEqual([
      { path: 'boxes.0.weight', message: 'Box 1 weighs 8 oz, less than the empty Medium box (0.6 lb): weigh the packed box again.' },
    ]);
    const exactlyTare = { ...plan, boxes: [box(ids, { presetId: 'medium', weight: { value: 9.6, unit: 'oz' } })] };
    expect(checkShipmentPlan(exactlyTare, tiktokOrder, limits, [MEDIUM])).toEqual([]);
  });

  it('refuses a box longer than the carriers take, then one too large around', () => {
    const long = { ...goodPlan, boxes: [box(ids, { dimension: { width: 280, height: 10, depth: 10, unit: 'cm' } })] };
    expect(checkShipmentPlan(long, tiktokOrder, limits)).toEqual([
      {
        path: 'boxes.0.dimension',
        message: 'Box 1 is 280 cm long; the carriers take at most 274.3 cm on the longest side: use a smaller box.',
      },
    ]);
    // 40 + 2 × (24 + 22) = 132 in of length plus girth.
    const bulky = { ...goodPlan, boxes: [box(ids, { dimension: { width: 24, height: 40, depth: 22, unit: 'in' } })] };
    expect(checkShipmentPlan(bulky, tiktokOrder, limits)).toEqual([
      {
        path: 'boxes.0.dimension',
        message:
          'Box 1 measures 132 in in length plus girth (longest side + twice the other two); the carriers take at most 130 in: use a smaller box.',
      },
    ]);
    const justFits = { ...goodPlan, boxes: [box(ids, { dimension: { width: 24, height: 40, depth: 21, unit: 'in' } })] };
    expect(checkShipmentPlan(justFits, tiktokOrder, limits)).toEqual([]);
  });

  it('passes on what only the schema knows (a side too large to enter) at the side itself', () => {
    const plan = { ...goodPlan, boxes: [box(ids, { dimension: { width: 250, height: 10, depth: 10, unit: 'cm' } })] };
    expect(checkShipmentPlan(plan, tiktokOrder, limits)).toEqual([
      { path: 'boxes.0.dimension.width', message: 'Box 1: Width is too large.' },
    ]);
  });

  it('refuses more boxes than the provider takes, and no box at all', () => {
    const many = { orderId: ORDER_ID, boxes: Array.from({ length: 21 }, (_, i) => box(i < ids.length ? [ids[i]!] : [`x${i}`])) };
    const problems = checkShipmentPlan(many, tiktokOrder, limits);
    expect(problemsAt(problems, 'boxes').filter((p) => p.path === 'boxes')).toEqual([
      { path: 'boxes', message: 'This shipment has 21 boxes and AfterShip takes at most 20 per order: use fewer, larger boxes.' },
    ]);
    expect(checkShipmentPlan({ orderId: ORDER_ID, boxes: [] }, tiktokOrder, limits)).toContainEqual({
      path: 'boxes',
      message: 'There is no box: add a box and put the items in it.',
    });
  });

  it('lists one box’s problems for its card', () => {
    const plan = { ...goodPlan, boxes: [box([]), box(ids, { weight: { value: 0, unit: 'g' } })] };
    const problems = checkShipmentPlan(plan, tiktokOrder, limits);
    expect(problemsAt(problems, 'boxes.1').map((p) => p.path)).toEqual(['boxes.1.weight']);
    expect(problemsAt(problems, 'boxes.0').map((p) => p.path)).toEqual(['boxes.0']);
  });

  it('matches a line item’s problems by its whole ID, dots and all', () => {
    const order: OrderDetails = { ...tiktokOrder, source: 'file', lineItems: [item('L1', 'APR', 'Apron'), item('L1.2', 'BAG', 'Bag')] };
    const problems = checkShipmentPlan({ orderId: ORDER_ID, boxes: [box(['L1'])] }, order, limits);
    expect(problemsAt(problems, 'items.L1')).toEqual([]);
    expect(problemsAt(problems, 'items.L1.2').map((p) => p.message)).toEqual(['Bag (BAG) is in no box: put it in a box.']);
  });
});

describe('checkShipmentPlan: the order', () => {
  it('refuses a cancelled order', () => {
    expect(checkShipmentPlan(goodPlan, { ...tiktokOrder, cancelled: true, displayName: '#1001' }, limits)).toEqual([
      { path: 'order', message: 'Order #1001 is cancelled: do not ship it, put its items back.' },
    ]);
  });

  it('refuses Shopify line items and says where TikTok’s IDs come from', () => {
    const order: OrderDetails = { ...tiktokOrder, source: 'shopify', lineItems: [item('gid://shopify/LineItem/1', 'MUG-RED', 'Red mug')] };
    const problems = checkShipmentPlan({ orderId: ORDER_ID, boxes: [box(['gid://shopify/LineItem/1'])] }, order, limits);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toBe('order');
    expect(problems[0]!.message).toMatch(
      /TikTok does not know Shopify’s line item IDs.*TikTok Shop provider.*WMS order file.*line_item_id/,
    );
  });

  it('refuses an order without line items, and boxes made for another order', () => {
    const empty = checkShipmentPlan({ orderId: ORDER_ID, boxes: [box(['x'])] }, { ...tiktokOrder, lineItems: [] }, limits);
    expect(empty.map((p) => p.path)).toEqual(['order', 'items.x']);
    expect(empty[0]!.message).toMatch(/lists no items for this order/);
    const other = checkShipmentPlan({ ...goodPlan, orderId: '577000000000000000' }, tiktokOrder, limits);
    expect(other).toEqual([
      { path: 'order', message: `These boxes belong to order 577000000000000000, not to ${ORDER_ID}: open the splitter again.` },
    ]);
  });
});

describe('shipmentLimits', () => {
  it('keeps the 20-parcel limit of every label request and of ShipmentPlan', () => {
    for (const provider of ['sandbox', 'aftership', 'tiktok', 'shipium'] as const) {
      expect(shipmentLimits(provider).maxBoxes).toBe(MAX_BOXES_PER_SHIPMENT);
    }
    const boxes = (n: number) => Array.from({ length: n }, (_, i) => box([`L${i}`]));
    expect(ShipmentPlan.safeParse({ orderId: ORDER_ID, boxes: boxes(MAX_BOXES_PER_SHIPMENT) }).success).toBe(true);
    expect(ShipmentPlan.safeParse({ orderId: ORDER_ID, boxes: boxes(MAX_BOXES_PER_SHIPMENT + 1) }).success).toBe(false);
  });

  it('names the provider in its refusals', () => {
    expect(shipmentLimits('tiktok').providerTitle).toBe('TikTok Shop');
    expect(shipmentLimits('shipium').maxBoxWeight).toEqual({ value: 70, unit: 'lb' });
  });
});
