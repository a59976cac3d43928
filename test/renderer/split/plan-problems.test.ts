import { describe, expect, it } from 'vitest';
import {
  estimateProblems,
  fromFieldIssues,
  groupProblems,
  placeProblems,
  sourceRefusal,
  strayItemProblems,
} from '../../../renderer/split/plan-problems';
import type { OrderDetails } from '../../../shared/domain/orders';
import type { ItemGroup } from '../../../shared/domain/shipment-rules';
import { applySuggestion, newDraft, typeWeight } from '../../../renderer/split/split-draft';

const MUG: ItemGroup = { key: 'sku:MUG', sku: 'MUG', name: 'Mug', imageUrl: null, pictureItemId: null, lineItemIds: ['m1', 'm2'], units: 2 };

describe('placing problems next to their cause', () => {
  it('box size, weight and the box itself; line items; the rest above the boxes', () => {
    const placed = placeProblems(
      [
        { path: 'boxes.1.dimension.width', message: 'Box 2 needs its width.' },
        { path: 'boxes.1.dimension', message: 'Box 2 is too long.' },
        { path: 'boxes.0.weight', message: 'Box 1 has no weight.' },
        { path: 'boxes.0', message: 'Box 1 is empty.' },
        { path: 'items.m1', message: 'In no box.' },
        { path: 'items.m2', message: 'In no box.' },
        { path: 'items.x9', message: 'Not in this order.' },
        { path: 'boxes', message: 'Too many boxes.' },
        { path: 'order', message: 'Cancelled.' },
      ],
      2,
    );
    expect(placed.boxes).toEqual([
      { box: ['Box 1 is empty.'], size: [], weight: ['Box 1 has no weight.'] },
      { box: [], size: ['Box 2 needs its width.', 'Box 2 is too long.'], weight: [] },
    ]);
    expect(placed.general).toEqual(['Too many boxes.', 'Cancelled.']);
    expect(groupProblems(placed, MUG)).toEqual(['In no box. (and 1 more unit)']);
    expect(strayItemProblems(placed, [MUG])).toEqual(['Line item x9: Not in this order.']);
    expect(placed.count).toBe(9);
  });

  it('the core’s refusal (Problem.fields) lands in the same places, a message said twice once', () => {
    const fields = { 'boxes.0.weight': ['Too heavy.'] };
    const placed = placeProblems([...fromFieldIssues(fields), { path: 'boxes.0.weight', message: 'Too heavy.' }], 1);
    expect(placed.boxes[0]!.weight).toEqual(['Too heavy.']);
  });
});

describe('orders that cannot be split here', () => {
  const order = (source: OrderDetails['source'], lineItems: OrderDetails['lineItems']): OrderDetails => ({
    orderId: '576000000000000001',
    displayName: '#1001',
    source,
    cancelled: false,
    status: null,
    lineItems,
  });
  const item = { id: '5770001', sku: 'MUG', name: 'Mug', quantity: 1 };

  it('Shopify line items are refused, saying how to get TikTok’s', () => {
    const refusal = sourceRefusal(order('shopify', [item]));
    expect(refusal?.title).toContain('Shopify');
    expect(refusal?.how).toContain('TikTok');
    expect(refusal?.how).toContain('line_item_id');
  });

  it('an order no source lists is refused; a WMS file’s or TikTok’s order is not', () => {
    expect(sourceRefusal(order('scan', []))?.title).toContain('No order source');
    expect(sourceRefusal(order('file', [item]))).toBeNull();
    expect(sourceRefusal(order('tiktok', [item]))).toBeNull();
  });
});

it('a weight Suggest estimated blocks Buy next to the weight until the packed box is weighed', () => {
  const box = {
    presetId: 'small',
    dimension: { width: 8, height: 6, depth: 4, unit: 'in' as const },
    weight: { value: 0.25, unit: 'lb' as const },
    itemIds: ['m1'],
  };
  const suggested = applySuggestion(newDraft({ size: 'in', weight: 'lb' }), {
    boxes: [box, { ...box, itemIds: ['m2'] }],
    notes: [{ path: 'boxes.1.weight', message: 'Only the empty box is counted.' }],
  });
  expect(estimateProblems(suggested)).toEqual([
    { path: 'boxes.1.weight', message: 'Only the empty box is counted. Type the weight the scale shows.' },
  ]);
  expect(estimateProblems(typeWeight(suggested, 1, '0.9'))).toEqual([]);
});
