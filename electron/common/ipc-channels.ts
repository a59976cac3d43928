/**
 * The IPC channel names for the station contract, named once for main and preload.
 * Pure: no electron import, so the preload bundle and tests can share it.
 */
import type { EventName, MethodName } from '../../shared/contract';

const METHOD_PREFIX = 'station:';
const EVENT_PREFIX = 'station:event:';

export function methodChannel(method: MethodName): string {
  return METHOD_PREFIX + method;
}

export function eventChannel(event: EventName): string {
  return EVENT_PREFIX + event;
}
