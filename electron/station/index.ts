/** The station core, plain Node: what the shells (Electron main, the browser shell) use of it. */
export { createStationCore } from './core';
export type { StationCore, StationCoreOptions, StationEvents } from './core';
export { createNodeStores, type KeyValueStore, type SecretStore } from './settings';
