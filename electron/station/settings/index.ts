/** The station's settings room: saved settings under environment presets, secrets, and the stores behind them. */
export { SettingsService } from './settings-service';
export { readEnvPresets, type EnvPresets } from './env-presets';
export { createNodeStores } from './node-stores';
export type { KeyValueStore, SecretStore } from './stores';
