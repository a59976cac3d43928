export { createStationCore } from './core/station-core';
export { createNodeStores } from './settings/node-stores';
export type { StationCore, StationCoreOptions, KeyValueStore, SecretStore } from './core/core-types';
