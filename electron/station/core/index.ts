/** The core room: wiring, the handler table, the event bus. */
export { createStationCore } from './station-core';
export type { StationCore, StationCoreOptions, StationEvents } from './core-types';
