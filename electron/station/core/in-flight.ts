/**
 * The calls a shell made that are still running. Closing the station waits for them (bounded), so
 * a reprint or a scan answered just before a shutdown is not cut off with the database closed.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { StationHandlers } from '../../../shared/contract';

export interface InFlightCalls {
  handlers: StationHandlers;
  /** Resolves once every running call has settled, or after `maxWaitMs`. */
  drain(maxWaitMs: number): Promise<void>;
}

export function trackInFlight(handlers: StationHandlers): InFlightCalls {
  const running = new Set<Promise<unknown>>();
  const tracked = Object.fromEntries(
    Object.entries(handlers).map(([method, handler]) => [
      method,
      (input: never) => {
        const call = (handler as (input: never) => Promise<unknown>)(input);
        running.add(call);
        void call.then(
          () => running.delete(call),
          () => running.delete(call),
        );
        return call;
      },
    ]),
  ) as StationHandlers;
  return {
    handlers: tracked,
    drain: async (maxWaitMs) => {
      if (running.size === 0) return;
      await Promise.race([Promise.allSettled([...running]), delay(maxWaitMs, undefined, { ref: false })]);
    },
  };
}
