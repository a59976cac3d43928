/** KeyValueStore over electron-store: settings.json in the station's data folder. */
import ElectronStore from 'electron-store';
import type { KeyValueStore } from '../station';

export function createElectronSettingsStore(dataDir: string): KeyValueStore {
  const store = new ElectronStore<Record<string, unknown>>({
    cwd: dataDir,
    name: 'settings',
    // Keys are opaque names: 'a.b' is one key, not a nested path.
    accessPropertiesByDotNotation: false,
    // Readable by the station's user only (issue 13).
    configFileMode: 0o600,
  });
  return {
    get: (key) => store.get(key),
    set: (key, value) => {
      // electron-store refuses undefined; storing "nothing" means removing the key.
      if (value === undefined) store.delete(key);
      else store.set(key, value);
    },
    delete: (key) => store.delete(key),
  };
}
