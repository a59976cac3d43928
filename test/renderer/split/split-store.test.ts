import { beforeEach, describe, expect, it } from 'vitest';
import { isLocked, openBoxes, useSplitStore } from '../../../renderer/state/split-store';
import { lastScannedOrder } from '../../../renderer/split/last-scanned-order';
import { addBox, typeWeight } from '../../../renderer/split/split-draft';
import type { OrderDetails } from '../../../shared/domain/orders';
import type { ShipmentOutcome } from '../../../shared/contract';
import { labelRecord } from '../label-record';

const UNITS = { size: 'cm', weight: 'kg' } as const;
const ORDER: OrderDetails = {
  orderId: '576000000000000001',
  displayName: '#1001',
  source: 'file',
  cancelled: false,
  status: null,
  lineItems: [{ id: 'a', sku: 'MUG', name: 'Mug', quantity: 1 }],
};
const PLAN = {
  orderId: ORDER.orderId,
  boxes: [
    {
      presetId: null,
      dimension: { width: 1, height: 1, depth: 1, unit: 'in' as const },
      weight: { value: 1, unit: 'lb' as const },
      itemIds: ['a'],
    },
  ],
};
const problem = { code: 'internal_error' as const, message: 'No.', nextStep: 'Retry.' };
function outcome(states: Array<'printed' | 'failed'>): ShipmentOutcome {
  return {
    jobId: 'j',
    orderId: ORDER.orderId,
    boxes: states.map((state, i) => ({
      index: i + 1,
      count: states.length,
      state,
      earlier: false,
      ...(state === 'printed' && { label: labelRecord() }),
    })),
  };
}

beforeEach(() => useSplitStore.getState().open(ORDER, UNITS));

describe('the splitter store', () => {
  it('a new order starts one empty box in the station’s units', () => {
    const { draft } = useSplitStore.getState();
    expect(draft.boxes).toHaveLength(1);
    expect(draft.boxes[0]).toMatchObject({ sizeUnit: 'cm', weightUnit: 'kg', itemIds: [] });
  });

  it('once a box has a label the plan is locked: edits are refused with the reason', () => {
    const store = useSplitStore.getState();
    store.buyStarted(PLAN);
    useSplitStore.getState().bought(outcome(['printed', 'failed']));
    expect(isLocked(useSplitStore.getState().purchase)).toBe(true);
    useSplitStore.getState().edit((d) => addBox(d, UNITS));
    expect(useSplitStore.getState().draft.boxes).toHaveLength(1);
    expect(useSplitStore.getState().notice?.text).toContain('cannot change');
  });

  it('after a partial purchase only the size and weight of a box still to buy may change', () => {
    useSplitStore.getState().edit((d) => addBox(d, UNITS));
    useSplitStore.getState().buyStarted(PLAN);
    useSplitStore.getState().bought(outcome(['printed', 'failed']));
    expect(openBoxes(useSplitStore.getState().purchase)).toEqual([1]);
    useSplitStore.getState().edit((d) => typeWeight(d, 1, '3.5'));
    expect(useSplitStore.getState().draft.boxes[1]!.weight).toBe('3.5');
    useSplitStore.getState().edit((d) => typeWeight(d, 0, '9'));
    expect(useSplitStore.getState().draft.boxes[0]!.weight).toBe('');
    expect(useSplitStore.getState().notice?.text).toContain('only the size or weight of a box still missing');
  });

  it('a refused retry keeps the boxes bought before (and the lock) once its plan is corrected', () => {
    useSplitStore.getState().edit((d) => addBox(d, UNITS));
    useSplitStore.getState().buyStarted(PLAN);
    useSplitStore.getState().bought(outcome(['printed', 'failed']));
    useSplitStore.getState().buyStarted(PLAN);
    useSplitStore.getState().buyRefused(problem);
    useSplitStore.getState().edit((d) => typeWeight(d, 1, '2'));
    const purchase = useSplitStore.getState().purchase;
    expect(purchase.phase).toBe('done');
    expect(isLocked(purchase)).toBe(true);
  });

  it('nothing bought at all: the plan may still change, and a refusal goes once it does', () => {
    useSplitStore.getState().buyStarted(PLAN);
    useSplitStore.getState().buyRefused(problem);
    expect(isLocked(useSplitStore.getState().purchase)).toBe(false);
    useSplitStore.getState().edit((d) => addBox(d, UNITS));
    expect(useSplitStore.getState().draft.boxes).toHaveLength(2);
    expect(useSplitStore.getState().purchase.phase).toBe('none');
  });

  it('a retry keeps showing the boxes bought before while it runs', () => {
    useSplitStore.getState().buyStarted(PLAN);
    useSplitStore.getState().bought(outcome(['printed', 'failed']));
    useSplitStore.getState().buyStarted(PLAN);
    const purchase = useSplitStore.getState().purchase;
    expect(purchase.phase === 'buying' && purchase.earlier?.boxes.map((b) => b.state)).toEqual(['printed', 'failed']);
  });

  it('no supervisor approved: what was shown before is back, nothing marked as bought', () => {
    useSplitStore.getState().buyStarted(PLAN);
    useSplitStore.getState().bought(outcome(['printed', 'failed']));
    const before = useSplitStore.getState().purchase;
    useSplitStore.getState().buyStarted(PLAN);
    useSplitStore.getState().buyStarted(PLAN); // asked again after a wrong PIN: the same purchase
    useSplitStore.getState().buyCancelled();
    expect(useSplitStore.getState().purchase).toBe(before);
  });

  it('progress of this order’s purchase is shown, another order’s is not', () => {
    useSplitStore.getState().buyStarted(PLAN);
    useSplitStore.getState().progress({ jobId: 'x', step: 'buying', orderId: '576999999999999999', message: 'Other' });
    useSplitStore.getState().progress({ jobId: 'j', step: 'printing', orderId: ORDER.orderId, message: 'Printing box 2 of 3' });
    const purchase = useSplitStore.getState().purchase;
    expect(purchase.phase === 'buying' && purchase.message).toBe('Printing box 2 of 3');
  });
});

describe('F6 opens the order last scanned', () => {
  it('the whole order of a split_needed answer, else the scanned order ID, else none', () => {
    expect(lastScannedOrder({ result: { outcome: 'split_needed', jobId: 'j', order: ORDER, message: 'Split it' } })).toEqual({
      order: ORDER,
    });
    expect(lastScannedOrder({ orderId: '576000000000000002' })).toEqual({ orderId: '576000000000000002' });
    expect(lastScannedOrder({})).toBeNull();
  });
});
