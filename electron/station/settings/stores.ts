/** Where a shell keeps the station's settings and secrets; each shell brings its own. */
/** Settings: electron-store in Electron, conf in plain Node. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

/**
 * Where the shell keeps secrets (the provider API key). Electron: safeStorage-encrypted.
 * Values never leave the main process: the contract only exposes whether a key is set.
 */
export interface SecretStore {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  delete(name: string): void;
}
