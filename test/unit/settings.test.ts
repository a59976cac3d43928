import { describe, expect, it } from 'vitest';
import type { KeyValueStore, SecretStore } from '../../electron/station/core-types';
import { readEnvPresets } from '../../electron/station/settings/env-presets';
import { SettingsService } from '../../electron/station/settings/settings-service';

function memoryStores() {
  const kv = new Map<string, unknown>();
  const secrets = new Map<string, string>();
  const settingsStore: KeyValueStore = { get: (k) => kv.get(k), set: (k, v) => void kv.set(k, v), delete: (k) => void kv.delete(k) };
  const secretStore: SecretStore = { get: (k) => secrets.get(k), set: (k, v) => void secrets.set(k, v), delete: (k) => void secrets.delete(k) };
  return { kv, secrets, settingsStore, secretStore };
}

describe('settings', () => {
  it('starts on the sandbox provider with a 203 dpi printer when nothing is configured', () => {
    const { settingsStore, secretStore } = memoryStores();
    const view = new SettingsService(settingsStore, secretStore, readEnvPresets({})).publicView();
    expect(view).toMatchObject({ provider: 'sandbox', printer: { dpi: 203 }, apiKeySet: false, lockedByEnv: [] });
  });

  it('saves a partial update and keeps the rest', () => {
    const { kv, settingsStore, secretStore } = memoryStores();
    const service = new SettingsService(settingsStore, secretStore, readEnvPresets({}));
    service.update({ printer: { address: 'tcp://10.0.0.5:9100' } });
    expect(service.current().printer).toEqual({ address: 'tcp://10.0.0.5:9100', dpi: 203 });
    expect(new SettingsService(settingsStore, secretStore, readEnvPresets({})).current().printer.address).toBe('tcp://10.0.0.5:9100');
    expect(kv.get('settings')).toBeDefined();
  });

  it('holds the API key as write-only: the public view says only whether it is set', () => {
    const { settingsStore, secretStore } = memoryStores();
    const service = new SettingsService(settingsStore, secretStore, readEnvPresets({}));
    service.setApiKey('asat_secret_value_123');
    const view = service.publicView();
    expect(view.apiKeySet).toBe(true);
    expect(JSON.stringify(view)).not.toContain('asat_secret_value_123');
    service.clearApiKey();
    expect(service.publicView().apiKeySet).toBe(false);
  });

  it('applies environment presets over saved values and locks them', () => {
    const { settingsStore, secretStore } = memoryStores();
    const presets = readEnvPresets({
      LABEL_STATION_PROVIDER: 'aftership',
      AFTERSHIP_API_KEY: 'asat_from_env_456',
      AFTERSHIP_BASE_URL: 'http://127.0.0.1:9999/postmen/v3/',
      LABEL_STATION_PRINTER: 'tcp://127.0.0.1:9101',
      LABEL_STATION_PRINTER_DPI: '300',
    });
    const service = new SettingsService(settingsStore, secretStore, presets);
    expect(service.current()).toMatchObject({ provider: 'aftership', aftership: { baseUrl: 'http://127.0.0.1:9999/postmen/v3' }, printer: { address: 'tcp://127.0.0.1:9101', dpi: 300 } });
    expect(service.apiKey()).toBe('asat_from_env_456');
    expect(service.publicView().lockedByEnv.map((l) => l.variable)).toContain('LABEL_STATION_PRINTER');
    expect(() => service.update({ printer: { address: 'tcp://127.0.0.1:1' } })).toThrow(/set by LABEL_STATION_PRINTER/);
    expect(() => service.update({ printer: { address: 'tcp://127.0.0.1:9101', dpi: 300 } })).not.toThrow();
    expect(() => service.setApiKey('another_key_789')).toThrow(/AFTERSHIP_API_KEY/);
  });

  it('names the variable when a preset is invalid', () => {
    expect(() => readEnvPresets({ LABEL_STATION_PRINTER_DPI: '250' })).toThrow(/LABEL_STATION_PRINTER_DPI="250"/);
    expect(() => readEnvPresets({ LABEL_STATION_PROVIDER: 'fedex' })).toThrow(/LABEL_STATION_PROVIDER/);
    expect(() => readEnvPresets({ LABEL_STATION_PRINTER: 'printer-1' })).toThrow(/tcp:\/\//);
  });
});
