/**
 * A REAL station core seen through a thin recording wrapper, for the shells' transport tests:
 *
 * - every handler call is recorded (method and input) and then goes to the real handler untouched,
 *   so a test can prove that a refused request never reached the core;
 * - events are the real core's, forwarded as they are; `emit` adds an event of the test's own
 *   (e.g. a payload the contract does not allow, which the real core would never send).
 *
 * Nothing else is changed: answers, errors and events are the real core's.
 */
import { EventEmitter } from 'node:events';
import { methodNames, type EventName, type EventPayload, type MethodName, type StationHandlers } from '../../shared/contract';
import type { StationCore, StationEvents } from '../../electron/station';

export interface RecordedCall {
  method: MethodName;
  input: unknown;
}

export interface RecordingCore extends StationCore {
  /** Every handler call that reached the core, in order. */
  calls: RecordedCall[];
  /** Sends an event to the core's listeners (the shells) as if the core had emitted it. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export function recordingCore(core: StationCore): RecordingCore {
  const calls: RecordedCall[] = [];
  const handlers = Object.fromEntries(
    methodNames.map((method) => {
      const real = core.handlers[method] as (input: unknown) => Promise<unknown>;
      return [
        method,
        (input: unknown) => {
          calls.push({ method, input });
          return real(input);
        },
      ];
    }),
  ) as unknown as StationHandlers;
  const extra = new EventEmitter();
  const events: StationEvents = {
    on(event, listener) {
      const offReal = core.events.on(event, listener);
      extra.on(event, listener);
      return () => {
        offReal();
        extra.off(event, listener);
      };
    },
  };
  return {
    handlers,
    events,
    reconciled: core.reconciled,
    close: () => core.close(),
    calls,
    emit: (event, payload) => void extra.emit(event, payload),
  };
}
