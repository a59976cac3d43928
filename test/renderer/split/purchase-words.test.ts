import { describe, expect, it } from 'vitest';
import { boxTracking, buyBlocker, missingBoxes, outcomeTitle } from '../../../renderer/split/purchase-words';
import type { ShipmentBoxOutcome, ShipmentOutcome } from '../../../shared/contract';
import { labelRecord } from '../label-record';

const problem = { code: 'internal_error' as const, message: 'Provider down.', nextStep: 'Retry.' };
function outcome(states: Array<ShipmentBoxOutcome['state']>): ShipmentOutcome {
  return {
    jobId: 'j1',
    orderId: '576000000000000001',
    boxes: states.map((state, i) => ({
      index: i + 1,
      count: states.length,
      state,
      earlier: false,
      ...(state === 'failed' && { problem }),
    })),
  };
}

describe('Buy', () => {
  it('says why it waits', () => {
    expect(buyBlocker({ hasOrder: false, refused: false, problemCount: 0, buying: false })).toBe('Scan an order first.');
    expect(buyBlocker({ hasOrder: true, refused: true, problemCount: 0, buying: false })).toContain('cannot be split');
    expect(buyBlocker({ hasOrder: true, refused: false, problemCount: 3, firstProblem: 'Box 1 has no weight.', buying: false })).toBe(
      'Fix 3 problems first: Box 1 has no weight.',
    );
    expect(buyBlocker({ hasOrder: true, refused: false, problemCount: 0, buying: false })).toBeNull();
  });
});

describe('the results', () => {
  it('a retry buys only boxes with nothing bought, never one with a label', () => {
    expect(missingBoxes(outcome(['printed', 'failed', 'queued', 'checking', 'failed']))).toEqual([2, 5]);
    expect(missingBoxes(outcome(['printed', 'print_failed']))).toEqual([]);
  });

  it('headline: all printed, some missing, none bought', () => {
    expect(outcomeTitle(outcome(['printed', 'printed', 'printed']))).toEqual({ text: '✓ 3 labels printed, in box order', tone: 'good' });
    expect(outcomeTitle(outcome(['printed', 'failed', 'printed'])).text).toBe('2 of 3 labels bought — box 2 still missing');
    expect(outcomeTitle(outcome(['failed', 'failed'])).tone).toBe('bad');
    expect(outcomeTitle(outcome(['printed', 'queued'])).tone).toBe('warn');
  });

  it('a box’s tracking number: its own on a multi-parcel label', () => {
    const label = labelRecord({
      trackingNumbers: ['T1', 'T2'],
      boxes: [
        {
          index: 1,
          count: 2,
          trackingNumber: 'T1',
          dimension: { width: 1, height: 1, depth: 1, unit: 'in' },
          weight: { value: 1, unit: 'lb' },
          itemIds: ['a'],
        },
        {
          index: 2,
          count: 2,
          trackingNumber: 'T2',
          dimension: { width: 1, height: 1, depth: 1, unit: 'in' },
          weight: { value: 1, unit: 'lb' },
          itemIds: ['b'],
        },
      ],
    });
    expect(boxTracking({ index: 2, count: 2, state: 'printed', earlier: false, label })).toBe('T2');
    expect(boxTracking({ index: 2, count: 2, state: 'failed', earlier: false })).toBeNull();
  });
});
