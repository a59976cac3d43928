import { describe, expect, it } from 'vitest';
import {
  addBox,
  addUnits,
  applySuggestion,
  boxOf,
  changeSizeUnit,
  changeWeightUnit,
  changesOnlyMeasures,
  choosePreset,
  moveBox,
  moveItems,
  newDraft,
  removeBox,
  scanSku,
  setGroupCount,
  takeUnits,
  toPlan,
  typeSize,
  typeWeight,
  unassignedOf,
  type SplitDraft,
} from '../../../renderer/split/split-draft';
import { checkShipmentPlan, shipmentLimits, type ItemGroup } from '../../../shared/domain/shipment-rules';

const UNITS = { size: 'in', weight: 'lb' } as const;
const MUG: ItemGroup = {
  key: 'sku:MUG-RED',
  sku: 'MUG-RED',
  name: 'Red mug',
  imageUrl: null,
  pictureItemId: null,
  lineItemIds: ['m1', 'm2', 'm3'],
  units: 3,
};
const TEE: ItemGroup = {
  key: 'sku:TEE-L',
  sku: 'TEE-L',
  name: 'T-shirt L',
  imageUrl: null,
  pictureItemId: null,
  lineItemIds: ['t1', 't2'],
  units: 2,
};
const GROUPS = [MUG, TEE];

function threeBoxes(): SplitDraft {
  return addBox(addBox(newDraft(UNITS), UNITS), UNITS);
}

describe('moving units', () => {
  it('puts unassigned units of a group into a box, never more than are left', () => {
    let draft = addUnits(newDraft(UNITS), MUG, 0, 2);
    expect(draft.boxes[0]!.itemIds).toEqual(['m1', 'm2']);
    draft = addUnits(draft, MUG, 0, 5);
    expect(draft.boxes[0]!.itemIds).toEqual(['m1', 'm2', 'm3']);
    expect(unassignedOf(draft, MUG)).toEqual([]);
  });

  it('takes units out of a box back to the order', () => {
    const draft = takeUnits(addUnits(newDraft(UNITS), MUG, 0, 3), MUG, 0, 1);
    expect(draft.boxes[0]!.itemIds).toEqual(['m1', 'm2']);
    expect(unassignedOf(draft, MUG)).toEqual(['m3']);
  });

  it('sets a typed count of a group in a box, up or down, within what is left', () => {
    let draft = addBox(newDraft(UNITS), UNITS);
    draft = setGroupCount(draft, MUG, 1, 2);
    expect(draft.boxes[1]!.itemIds).toEqual(['m1', 'm2']);
    draft = setGroupCount(draft, MUG, 0, 9);
    expect(draft.boxes[0]!.itemIds).toEqual(['m3']);
    draft = setGroupCount(draft, MUG, 1, 0);
    expect(draft.boxes[1]!.itemIds).toEqual([]);
    expect(unassignedOf(draft, MUG)).toEqual(['m1', 'm2']);
  });

  it('moves a dragged unit from one box to another, in exactly one box', () => {
    let draft = addUnits(threeBoxes(), MUG, 0, 3);
    draft = moveItems(draft, ['m2'], 2);
    expect(draft.boxes.map((b) => b.itemIds)).toEqual([['m1', 'm3'], [], ['m2']]);
    draft = moveItems(draft, ['m2'], null);
    expect(boxOf(draft, 'm2')).toBe(-1);
  });
});

describe('boxes', () => {
  it('removing a box returns its units to the order and keeps the current box on its box', () => {
    let draft = addUnits(threeBoxes(), TEE, 1, 2);
    draft = addUnits({ ...draft, current: 2 }, MUG, 2, 1);
    draft = removeBox(draft, 1, UNITS);
    expect(draft.boxes).toHaveLength(2);
    expect(unassignedOf(draft, TEE)).toEqual(['t1', 't2']);
    expect(draft.current).toBe(1);
    expect(draft.boxes[1]!.itemIds).toEqual(['m1']);
  });

  it('removing the only box leaves one empty box', () => {
    const draft = removeBox(addUnits(newDraft(UNITS), MUG, 0, 1), 0, UNITS);
    expect(draft.boxes).toHaveLength(1);
    expect(draft.boxes[0]!.itemIds).toEqual([]);
  });

  it('reorders boxes and the current box follows its box', () => {
    let draft = addUnits(threeBoxes(), MUG, 0, 1);
    draft = { ...draft, current: 0 };
    draft = moveBox(draft, 0, 2);
    expect(draft.boxes.map((b) => b.itemIds)).toEqual([[], [], ['m1']]);
    expect(draft.current).toBe(2);
    expect(moveBox(draft, 2, 3)).toBe(draft);
  });
});

describe('scanning a SKU', () => {
  const ORDER_ID = '576000000000000001';
  const ORDER = {
    lineItems: [
      ...MUG.lineItemIds.map((id) => ({ id, sku: 'MUG-RED', name: 'Red mug', quantity: 1 })),
      ...TEE.lineItemIds.map((id) => ({ id, sku: 'TEE-L', name: 'T-shirt L', quantity: 1 })),
    ],
  };

  it('puts the next unit of that SKU not in a box into the current box and selects its group', () => {
    let draft = { ...addBox(newDraft(UNITS), UNITS), current: 1 };
    draft = scanSku(draft, ORDER, GROUPS, ' tee-l ').draft;
    const { draft: after, result } = scanSku({ ...draft, current: 0 }, ORDER, GROUPS, 'TEE-L');
    expect(result).toMatchObject({ kind: 'added', box: 0, units: 1 });
    expect(after.boxes.map((b) => b.itemIds)).toEqual([['t2'], ['t1']]);
    expect(after.selected).toBe(1);
  });

  it('keeps which line items were scanned into a box (the packing check), even after they move, and hands them to the plan', () => {
    let draft = addUnits(newDraft(UNITS), MUG, 0, 1); // m1 placed by key: not checked
    draft = scanSku(draft, ORDER, GROUPS, 'MUG-RED').draft; // m2 scanned
    draft = scanSku(addBox(draft, UNITS), ORDER, GROUPS, 'TEE-L').draft; // t1 scanned into box 2
    draft = moveItems(draft, ['t1'], 0);
    expect(toPlan(ORDER_ID, draft).checkedItemIds).toEqual(['m2', 't1']);
    const problems = checkShipmentPlan(toPlan(ORDER_ID, draft), { ...ORDER, orderId: ORDER_ID } as never, shipmentLimits('sandbox'), [], {
      checkItems: true,
    });
    expect(problems.filter((p) => p.message.includes('without being scanned')).map((p) => p.path)).toEqual(['items.m1']);
    expect(toPlan(ORDER_ID, addUnits(newDraft(UNITS), MUG, 0, 1)).checkedItemIds).toBeUndefined();
  });

  it('an unknown SKU changes nothing and says so', () => {
    const draft = newDraft(UNITS);
    const { draft: after, result } = scanSku(draft, ORDER, GROUPS, 'HAT-9');
    expect(result.kind === 'refused' && result.message).toContain('HAT-9');
    expect(after).toBe(draft);
  });

  it('a SKU with every unit already in boxes says so and moves nothing', () => {
    const draft = addUnits(newDraft(UNITS), TEE, 0, 2);
    const { draft: after, result } = scanSku(draft, ORDER, GROUPS, 'TEE-L');
    expect(result.kind).toBe('refused');
    expect(after).toBe(draft);
  });
});

describe('sizes and weights', () => {
  it('a preset fills the size; typing a figure leaves the preset', () => {
    const preset = {
      id: 'small',
      name: 'Small',
      dimension: { width: 8, height: 6, depth: 4, unit: 'in' as const },
      tareWeight: { value: 4, unit: 'oz' as const },
    };
    let draft = choosePreset(newDraft(UNITS), 0, preset);
    expect(draft.boxes[0]).toMatchObject({ presetId: 'small', size: { width: '8', height: '6', depth: '4' } });
    draft = typeSize(draft, 0, 'depth', '5');
    expect(draft.boxes[0]).toMatchObject({ presetId: null, size: { depth: '5' } });
  });

  it('changing units converts what was typed', () => {
    let draft = typeSize(typeSize(typeSize(newDraft(UNITS), 0, 'width', '10'), 0, 'height', '5'), 0, 'depth', '');
    draft = changeSizeUnit(draft, 0, 'cm');
    expect(draft.boxes[0]).toMatchObject({ sizeUnit: 'cm', size: { width: '25.4', height: '12.7', depth: '' } });
    draft = changeWeightUnit(typeWeight(draft, 0, '2'), 0, 'oz');
    expect(draft.boxes[0]).toMatchObject({ weight: '32', weightUnit: 'oz' });
  });

  it('the plan carries numbers, units and every line item ID per box', () => {
    let draft = addUnits(newDraft(UNITS), MUG, 0, 3);
    draft = typeWeight(typeSize(typeSize(typeSize(draft, 0, 'width', '8'), 0, 'height', '6'), 0, 'depth', '4,5'), 0, '2.5');
    expect(toPlan('576000000000000001', draft)).toEqual({
      orderId: '576000000000000001',
      boxes: [
        {
          presetId: null,
          dimension: { width: 8, height: 6, depth: 4.5, unit: 'in' },
          weight: { value: 2.5, unit: 'lb' },
          itemIds: ['m1', 'm2', 'm3'],
        },
      ],
    });
  });
});

it('a suggestion replaces the boxes, its notes kept next to the figures they are about until typed over', () => {
  let draft = applySuggestion(threeBoxes(), {
    boxes: [
      {
        presetId: 'small',
        dimension: { width: 8, height: 6, depth: 4, unit: 'in' },
        weight: { value: 1.25, unit: 'lb' },
        itemIds: ['m1', 'm2'],
      },
      {
        presetId: null,
        dimension: { width: 20, height: 10, depth: 10, unit: 'cm' },
        weight: { value: 0.5, unit: 'kg' },
        itemIds: ['m3', 't1', 't2'],
      },
    ],
    notes: [
      { path: 'boxes.0.weight', message: 'An estimate: weigh the box.' },
      { path: 'boxes.1.dimension', message: 'No preset fits: measure the box.' },
    ],
  });
  expect(draft.boxes.map((b) => [b.presetId, b.weight, b.sizeUnit, b.itemIds.length, b.weightNote, b.sizeNote])).toEqual([
    ['small', '1.25', 'in', 2, 'An estimate: weigh the box.', undefined],
    [null, '0.5', 'cm', 3, undefined, 'No preset fits: measure the box.'],
  ]);
  expect(new Set(draft.boxes.map((b) => b.key)).size).toBe(2);
  draft = typeSize(typeWeight(draft, 0, '1.3'), 1, 'width', '21');
  expect(draft.boxes.map((b) => [b.weightNote, b.sizeNote])).toEqual([
    [undefined, undefined],
    [undefined, undefined],
  ]);
});

it('after a partial purchase: measures of the open boxes may change, never items, boxes or their order', () => {
  const draft = addUnits(addUnits(addBox(newDraft(UNITS), UNITS), MUG, 0, 2), TEE, 1, 2);
  expect(changesOnlyMeasures(draft, typeWeight(draft, 1, '4'), [1])).toBe(true);
  expect(changesOnlyMeasures(draft, { ...draft, current: 0, selected: 1 }, [1])).toBe(true);
  expect(changesOnlyMeasures(draft, typeWeight(draft, 0, '4'), [1])).toBe(false);
  expect(changesOnlyMeasures(draft, moveItems(draft, ['t1'], 0), [0, 1])).toBe(false);
  expect(changesOnlyMeasures(draft, moveBox(draft, 0, 1), [0, 1])).toBe(false);
  expect(changesOnlyMeasures(draft, addBox(draft, UNITS), [0, 1])).toBe(false);
});
