/**
 * SecretStore over Electron's safeStorage (OS keychain / DPAPI / libsecret): only base64
 * ciphertext is written, to secrets.json in the station's data folder. When the OS cannot
 * encrypt, the secret is refused rather than written in plain text.
 */
import { safeStorage } from 'electron';
import ElectronStore from 'electron-store';
import { StationError } from '../../shared/errors';
import type { SecretStore } from '../station';

export interface ElectronSecretStoreOptions {
  /** Log sink; receives secret names and failures, never values. */
  log?: (line: string) => void;
}

export function createElectronSecretStore(dataDir: string, options: ElectronSecretStoreOptions = {}): SecretStore {
  const log = options.log ?? (() => {});
  const store = new ElectronStore<Record<string, unknown>>({
    cwd: dataDir,
    name: 'secrets',
    accessPropertiesByDotNotation: false,
    // Readable by the station's user only (issue 13).
    configFileMode: 0o600,
  });

  return {
    get(name) {
      const sealed = store.get(name);
      if (typeof sealed !== 'string') return undefined;
      if (!safeStorage.isEncryptionAvailable()) {
        log(`secret "${name}" cannot be unlocked: OS encryption is unavailable`);
        return undefined;
      }
      try {
        return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
      } catch {
        // Saved under another OS user or keychain: treat as not set so the worker can enter it again.
        log(`secret "${name}" could not be decrypted on this computer; it must be entered again`);
        return undefined;
      }
    },

    set(name, value) {
      if (!safeStorage.isEncryptionAvailable()) {
        throw new StationError(
          'secret_storage_unavailable',
          'This computer cannot encrypt the API key, so it was not saved.',
          'Ask IT to turn on the system keychain (on Linux: GNOME Keyring or KWallet), restart the station and enter the key again.',
        );
      }
      if (safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
        log('warning: the OS keychain is not available; the API key is protected only by a built-in Electron key');
      }
      store.set(name, safeStorage.encryptString(value).toString('base64'));
    },

    delete(name) {
      store.delete(name);
    },
  };
}
