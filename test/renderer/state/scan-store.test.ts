/** The scan workflow's state for purchases without a clear answer, and for labels that turn up late. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Problem } from '../../../shared/errors';
import { useScanStore, type ScanResult } from '../../../renderer/state/scan-store';
import { labelRecord } from '../label-record';

const CHECKING: Problem = {
  code: 'label_checking',
  message: 'No clear answer from AfterShip Shipping API for order 577100000000000101: a label may still be created.',
  nextStep: 'Set this parcel aside and go on with the next order. Do not scan it again before 14:32:05.',
};
const UNKNOWN: Problem = {
  code: 'purchase_unknown',
  message: 'No clear answer from Shipium, and it cannot be asked whether the label was made.',
  nextStep:
    'Set the parcel aside and do not scan it again. A supervisor must check it in the provider’s dashboard, then settle it in History.',
};

function failed(problem: Problem, label = labelRecord({ checkUntil: '2026-12-04T14:32:05.000Z' })): ScanResult {
  return { outcome: 'failed', jobId: 'job-1', problem, label };
}

function scanAndFinish(result: ScanResult, scan = '577100000000000101'): void {
  const store = useScanStore.getState();
  store.start(scan);
  store.progress({ jobId: 'job-1', step: 'buying', message: 'Buying the label from AfterShip…' });
  useScanStore.getState().finish(result, scan);
}

beforeEach(() => {
  useScanStore.setState({
    phase: 'idle',
    recent: [],
    result: undefined,
    jobId: undefined,
    step: undefined,
    waitingAt: undefined,
    failedAt: undefined,
  });
});

describe('a purchase without a clear answer', () => {
  it('label_checking sets the parcel aside: the buying step waits (it has not failed), and the recent scan says so', () => {
    scanAndFinish(failed(CHECKING));
    const state = useScanStore.getState();
    expect(state).toMatchObject({ phase: 'finished', step: 'buying', waitingAt: 'buying', failedAt: undefined });
    expect(state.recent[0]).toMatchObject({ result: 'set_aside', labelId: 'label-1', orderId: '577100000000000101' });
  });

  it('a label the station cannot ask about still needs a supervisor: a failed step, "needs checking"', () => {
    scanAndFinish(failed(UNKNOWN, labelRecord({ status: 'unknown', provider: 'shipium' })));
    const state = useScanStore.getState();
    expect(state).toMatchObject({ failedAt: 'buying', waitingAt: undefined });
    expect(state.recent[0]!.result).toBe('needs_checking');
  });

  it('its late label printed here settles the recent scan, and the steps of the outcome still on screen', () => {
    scanAndFinish(failed(CHECKING));
    useScanStore.getState().lateLabelPrinted('label-1', '577100000000000101');
    const state = useScanStore.getState();
    expect(state.recent[0]!.result).toBe('printed_late');
    expect(state).toMatchObject({ step: 'done', waitingAt: undefined });
  });

  it('another label turning up leaves the scan on screen and other recent scans as they are', () => {
    scanAndFinish(failed(CHECKING));
    useScanStore.getState().lateLabelPrinted('label-2', '577100000000000999');
    const state = useScanStore.getState();
    expect(state.recent[0]!.result).toBe('set_aside');
    expect(state).toMatchObject({ step: 'buying', waitingAt: 'buying' });
  });
});

describe('job progress', () => {
  it('a late label’s event is never taken for the running scan’s own job', () => {
    const store = useScanStore.getState();
    store.start('577100000000000202');
    useScanStore.getState().progress({ jobId: 'late-label-1', step: 'done', orderId: '577100000000000101', message: 'turned up late' });
    expect(useScanStore.getState()).toMatchObject({ jobId: undefined, step: 'resolving', orderId: undefined });
    useScanStore.getState().progress({ jobId: 'job-7', step: 'buying', orderId: '577100000000000202', message: 'Buying…' });
    expect(useScanStore.getState()).toMatchObject({ jobId: 'job-7', step: 'buying' });
  });
});

describe('a scan refused while the fleet database is away', () => {
  const AWAY: Problem = {
    code: 'fleet_database_unreachable',
    message: 'The warehouse database is not reachable (connection refused): nothing was bought.',
    nextStep: 'Set the parcel aside and scan it again once the database light is green. Reprints from History still work.',
  };

  it('fails at buying, not at reading the scan: the scan was fine, the claim could not be made', () => {
    const store = useScanStore.getState();
    store.start('577100000000000101');
    // The station fails the job before it says "buying": the claim comes first.
    store.progress({ jobId: 'job-1', step: 'failed', message: AWAY.message, orderId: '577100000000000101' });
    useScanStore.getState().finish({ outcome: 'failed', jobId: 'job-1', problem: AWAY }, '577100000000000101');
    const state = useScanStore.getState();
    expect(state).toMatchObject({ phase: 'finished', step: 'buying', failedAt: 'buying', waitingAt: undefined });
    expect(state.recent[0]).toMatchObject({ result: 'failed', orderId: '577100000000000101' });
  });
});

describe('a scan of an order that needs splitting', () => {
  it('stops before buying (nothing was bought), whatever step the station last said; the recent scan says so', () => {
    const store = useScanStore.getState();
    store.start('#1001');
    store.progress({ jobId: 'job-1', step: 'done', message: 'Order #1001 needs splitting.' });
    const order = {
      orderId: '576000000000000001',
      displayName: '#1001',
      source: 'file' as const,
      cancelled: false,
      status: null,
      lineItems: [],
    };
    useScanStore.getState().finish({ outcome: 'split_needed', jobId: 'job-1', order, message: 'Needs splitting.' }, '#1001');
    expect(useScanStore.getState()).toMatchObject({ phase: 'finished', step: 'buying', failedAt: 'buying' });
    expect(useScanStore.getState().recent[0]).toMatchObject({ result: 'split_needed', orderId: '576000000000000001' });
  });
});
