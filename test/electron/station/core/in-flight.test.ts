/** Closing the station waits for calls still running, so none meets a closed database. */
import { describe, expect, it } from 'vitest';
import { trackInFlight } from '../../../../electron/station/core/in-flight';
import type { StationHandlers } from '../../../../shared/contract';

function handlersWith(getLabel: StationHandlers['getLabel']): StationHandlers {
  return { getLabel } as StationHandlers;
}

describe('calls in flight', () => {
  it('drain waits for a running call to settle', async () => {
    let finish: () => void = () => {};
    const calls = trackInFlight(handlersWith(() => new Promise((resolve) => (finish = () => resolve({} as never)))));
    const call = calls.handlers.getLabel({ labelId: 'x' });
    let drained = false;
    const draining = calls.drain(5000).then(() => (drained = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(drained).toBe(false);
    finish();
    await call;
    await draining;
    expect(drained).toBe(true);
  });

  it('drain gives up after its bound, and a failed call does not count as running', async () => {
    const calls = trackInFlight(handlersWith(() => new Promise(() => {})));
    void calls.handlers.getLabel({ labelId: 'x' });
    const started = Date.now();
    await calls.drain(50);
    expect(Date.now() - started).toBeLessThan(4000);

    const failing = trackInFlight(handlersWith(() => Promise.reject(new Error('no'))));
    await expect(failing.handlers.getLabel({ labelId: 'x' })).rejects.toThrow('no');
    await failing.drain(5000); // returns at once
  });
});
