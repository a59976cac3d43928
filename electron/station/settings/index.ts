/** The station's settings room: saved settings under environment presets, secrets, and the stores behind them. */
export { SettingsService } from './settings-service';
export { readEnvPresets, type EnvPresets } from './env-presets';
export { createNodeStores } from './node-stores';
export type { KeyValueStore, SecretStore } from './stores';
export {
  DEFAULT_HASH_COST,
  DEMO_USERS,
  OperatorService,
  OperatorSessionState,
  readSupervisorPreset,
  signInRequired,
  supervisorRequired,
  type HashCost,
  type OperatorStore,
  type SessionState,
  type StoredOperator,
} from './operators';
export { checkBackupFolder, folderProblemWords, probeFolder } from './folder-check';
