/** Labels that turned up late: told apart from a scan's steps, shown until seen, and settling the scan that set the parcel aside. */
import { beforeEach, describe, expect, it } from 'vitest';
import { isLateLabelEvent, lateLabelOf, useLateLabels } from '../../../renderer/state/late-labels';
import { routeJobProgress } from '../../../renderer/state/job-progress';
import { useScanStore } from '../../../renderer/state/scan-store';
import { labelRecord } from '../label-record';

const AT = new Date('2026-12-04T14:31:00.000Z');
const LATE = {
  jobId: 'late-label-1',
  step: 'done' as const,
  orderId: '577100000000000101',
  message: 'The label for order 577100000000000101 turned up late and was printed: put it on the parcel you set aside.',
};

beforeEach(() => {
  useLateLabels.setState({ notices: [] });
  useScanStore.setState({ phase: 'idle', recent: [], result: undefined, jobId: undefined, step: undefined, waitingAt: undefined });
});

describe('lateLabelOf', () => {
  it('reads the label, order and words of a late label’s event', () => {
    expect(lateLabelOf(LATE, AT)).toEqual({
      labelId: 'label-1',
      orderId: '577100000000000101',
      message: LATE.message,
      at: AT.toISOString(),
    });
    expect(isLateLabelEvent(LATE)).toBe(true);
  });

  it('is nothing for a scan’s own steps', () => {
    const step = { jobId: 'job-3', step: 'done' as const, orderId: '577100000000000101', message: 'Printed order 577100000000000101' };
    expect(lateLabelOf(step)).toBeUndefined();
    expect(isLateLabelEvent(step)).toBe(false);
    expect(lateLabelOf({ ...LATE, step: 'printing' })).toBeUndefined();
  });
});

describe('notices', () => {
  it('keep one per label, newest first, at most three; OK takes one away, a new scan of its order too', () => {
    const { arrived } = useLateLabels.getState();
    for (const n of [1, 2, 3, 4]) arrived({ labelId: `label-${n}`, orderId: `order-${n}`, message: `m${n}`, at: AT.toISOString() });
    arrived({ labelId: 'label-4', orderId: 'order-4', message: 'again', at: AT.toISOString() });
    expect(useLateLabels.getState().notices.map((n) => [n.labelId, n.message])).toEqual([
      ['label-4', 'again'],
      ['label-3', 'm3'],
      ['label-2', 'm2'],
    ]);
    useLateLabels.getState().dismiss('label-3');
    useLateLabels.getState().orderScanned('order-2');
    expect(useLateLabels.getState().notices.map((n) => n.labelId)).toEqual(['label-4']);
  });
});

describe('routeJobProgress', () => {
  it('a late label becomes a notice and settles the recent scan that set its parcel aside', () => {
    const scan = '577100000000000101';
    useScanStore.getState().start(scan);
    useScanStore.getState().finish(
      {
        outcome: 'failed',
        jobId: 'job-1',
        problem: { code: 'label_checking', message: 'No clear answer…', nextStep: 'Set this parcel aside…' },
        label: labelRecord(),
      },
      scan,
    );
    useScanStore.getState().start('577100000000000202'); // the packer went on with the next order

    expect(routeJobProgress(LATE)).toBe(true);
    expect(useLateLabels.getState().notices).toMatchObject([{ labelId: 'label-1', message: LATE.message }]);
    expect(useScanStore.getState().recent[0]!.result).toBe('printed_late');
    expect(useScanStore.getState()).toMatchObject({ phase: 'running', jobId: undefined, step: 'resolving' });
  });

  it('a scan’s step goes to the scan on screen', () => {
    useScanStore.getState().start('577100000000000202');
    expect(routeJobProgress({ jobId: 'job-2', step: 'buying', message: 'Buying…' })).toBe(false);
    expect(useScanStore.getState()).toMatchObject({ jobId: 'job-2', step: 'buying' });
    expect(useLateLabels.getState().notices).toEqual([]);
  });
});
