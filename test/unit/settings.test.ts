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
    expect(view).toMatchObject({ provider: 'sandbox', printer: { dpi: 203 }, lockedByEnv: [] });
    expect(Object.values(view.secrets)).toEqual([false, false, false, false]);
    expect(view.tiktokAuthorization.authorized).toBe(false);
  });

  it('saves a partial update and keeps the rest', () => {
    const { kv, settingsStore, secretStore } = memoryStores();
    const service = new SettingsService(settingsStore, secretStore, readEnvPresets({}));
    service.update({ printer: { address: 'tcp://10.0.0.5:9100' } });
    expect(service.current().printer).toEqual({ address: 'tcp://10.0.0.5:9100', dpi: 203, language: 'zpl', media: '4x6' });
    expect(new SettingsService(settingsStore, secretStore, readEnvPresets({})).current().printer.address).toBe('tcp://10.0.0.5:9100');
    expect(kv.get('settings')).toBeDefined();
  });

  it('holds secrets as write-only: the public view says only whether each is set', () => {
    const { settingsStore, secretStore } = memoryStores();
    const service = new SettingsService(settingsStore, secretStore, readEnvPresets({}));
    service.setSecret('aftershipApiKey', 'asat_secret_value_123');
    service.setSecret('shopifyAdminToken', 'shpat_secret_value_456');
    const view = service.publicView();
    expect(view.secrets).toEqual({ aftershipApiKey: true, tiktokAppSecret: false, shipiumApiKey: false, shopifyAdminToken: true });
    expect(JSON.stringify(view)).not.toMatch(/secret_value/);
    service.clearSecret('aftershipApiKey');
    expect(service.publicView().secrets.aftershipApiKey).toBe(false);
  });

  it('keeps TikTok tokens encrypted with the secrets and reports only the authorization state', () => {
    const { secrets, settingsStore, secretStore } = memoryStores();
    const service = new SettingsService(settingsStore, secretStore, readEnvPresets({}));
    service.saveTikTokTokens({ accessToken: 'TTP_access_secret', accessTokenExpiresAt: '2026-12-01T00:00:00.000Z', refreshToken: 'TTP_refresh_secret', refreshTokenExpiresAt: null, shopName: 'Acme' });
    expect(secrets.has('tiktokTokens')).toBe(true);
    const view = service.publicView();
    expect(view.tiktokAuthorization).toEqual({ authorized: true, accessTokenExpiresAt: '2026-12-01T00:00:00.000Z', shopName: 'Acme' });
    expect(JSON.stringify(view)).not.toMatch(/TTP_/);
  });

  it('seeds TikTok authorization from TIKTOK_REFRESH_TOKEN: refreshed before the first call', () => {
    const { settingsStore, secretStore } = memoryStores();
    const service = new SettingsService(settingsStore, secretStore, readEnvPresets({ TIKTOK_REFRESH_TOKEN: 'TTP_fleet_refresh' }));
    const tokens = service.tiktokTokens()!;
    expect(tokens.refreshToken).toBe('TTP_fleet_refresh');
    expect(Date.parse(tokens.accessTokenExpiresAt)).toBeLessThan(Date.now());
  });

  it('reads settings saved by an older station, filling the new sections from the defaults', () => {
    const { kv, settingsStore, secretStore } = memoryStores();
    kv.set('settings', { provider: 'aftership', aftership: { baseUrl: 'https://api.aftership.com/postmen/v3' }, printer: { address: 'tcp://10.1.1.1:9100', dpi: 300 }, defaultParcel: { dimension: { width: 1, height: 1, depth: 1, unit: 'in' }, weight: { value: 1, unit: 'lb' } }, operator: 'Bo', sandbox: { latencyMs: 0 } });
    const current = new SettingsService(settingsStore, secretStore, readEnvPresets({})).current();
    expect(current).toMatchObject({ provider: 'aftership', printer: { address: 'tcp://10.1.1.1:9100' }, aftership: { serviceType: 'tiktok-shipping_standard_shipping' }, ordersFile: '' });
  });

  it('applies environment presets over saved values and locks them', () => {
    const { settingsStore, secretStore } = memoryStores();
    const presets = readEnvPresets({
      LABEL_STATION_PROVIDER: 'aftership',
      AFTERSHIP_SHIPPER_ACCOUNT_ID: 'acct_123',
      TIKTOK_APP_KEY: 'app_key_1',
      SHOPIFY_STORE_URL: 'https://acme.myshopify.com/',
      SHOPIFY_ADMIN_TOKEN: 'shpat_from_env_0001',
      LABEL_STATION_ORDERS_FILE: '/srv/wms/orders.csv',
      AFTERSHIP_API_KEY: 'asat_from_env_456',
      AFTERSHIP_BASE_URL: 'http://127.0.0.1:9999/postmen/v3/',
      LABEL_STATION_PRINTER: 'tcp://127.0.0.1:9101',
      LABEL_STATION_PRINTER_DPI: '300',
    });
    const service = new SettingsService(settingsStore, secretStore, presets);
    expect(service.current()).toMatchObject({ provider: 'aftership', aftership: { baseUrl: 'http://127.0.0.1:9999/postmen/v3' }, printer: { address: 'tcp://127.0.0.1:9101', dpi: 300 } });
    expect(service.secret('aftershipApiKey')).toBe('asat_from_env_456');
    expect(service.secret('shopifyAdminToken')).toBe('shpat_from_env_0001');
    expect(service.current()).toMatchObject({ aftership: { shipperAccountId: 'acct_123' }, tiktok: { appKey: 'app_key_1' }, shopify: { storeUrl: 'https://acme.myshopify.com' }, ordersFile: '/srv/wms/orders.csv' });
    expect(JSON.stringify(service.publicView())).not.toMatch(/from_env/);
    expect(service.publicView().lockedByEnv.map((l) => l.variable)).toContain('LABEL_STATION_PRINTER');
    expect(() => service.update({ printer: { address: 'tcp://127.0.0.1:1' } })).toThrow(/set by LABEL_STATION_PRINTER/);
    expect(() => service.update({ printer: { address: 'tcp://127.0.0.1:9101', dpi: 300 } })).not.toThrow();
    expect(() => service.setSecret('aftershipApiKey', 'another_key_789')).toThrow(/AFTERSHIP_API_KEY/);
    expect(() => service.update({ ordersFile: '/tmp/other.csv' })).toThrow(/LABEL_STATION_ORDERS_FILE/);
  });

  it('presets the printer language, media and OS-queue addresses', () => {
    const { settingsStore, secretStore } = memoryStores();
    const presets = readEnvPresets({ LABEL_STATION_PRINTER: 'cups:Zebra_ZD421', LABEL_STATION_PRINTER_LANGUAGE: 'TSPL', LABEL_STATION_MEDIA: '4X8', LABEL_STATION_PRINTER_DPI: '600' });
    expect(new SettingsService(settingsStore, secretStore, presets).current().printer).toEqual({ address: 'cups:Zebra_ZD421', dpi: 600, language: 'tspl', media: '4x8' });
    expect(readEnvPresets({ LABEL_STATION_PRINTER: 'windows:Zebra ZD421 (Bay 3)' }).patch.printer?.address).toBe('windows:Zebra ZD421 (Bay 3)');
    expect(() => readEnvPresets({ LABEL_STATION_PRINTER_LANGUAGE: 'postscript' })).toThrow(/LABEL_STATION_PRINTER_LANGUAGE/);
    expect(() => readEnvPresets({ LABEL_STATION_MEDIA: '6x4' })).toThrow(/LABEL_STATION_MEDIA/);
  });

  it('names the variable when a preset is invalid', () => {
    expect(() => readEnvPresets({ LABEL_STATION_PRINTER_DPI: '250' })).toThrow(/LABEL_STATION_PRINTER_DPI="250"/);
    expect(() => readEnvPresets({ LABEL_STATION_PROVIDER: 'fedex' })).toThrow(/LABEL_STATION_PROVIDER/);
    expect(() => readEnvPresets({ LABEL_STATION_PRINTER: 'printer-1' })).toThrow(/tcp:\/\//);
    expect(() => readEnvPresets({ LABEL_STATION_ORDERS_FILE: 'orders.csv' })).toThrow(/full file path/);
    expect(() => readEnvPresets({ SHIPIUM_API_KEY: 'short' })).toThrow(/SHIPIUM_API_KEY="\(hidden\)"/);
  });
});
