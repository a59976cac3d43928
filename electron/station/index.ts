export { createStationCore } from './station-core';
export { createNodeStores } from './settings/node-stores';
export type { StationCore, StationCoreOptions, KeyValueStore, SecretStore } from './core-types';
