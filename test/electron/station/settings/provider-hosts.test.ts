/**
 * Issue 13: a provider's key goes only to the provider's own hosts (https), or to another https
 * host a supervisor chose AND entered the key for again; plain http only to this computer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { KeyValueStore, SecretStore } from '../../../../electron/station';
import { ProviderFactory } from '../../../../electron/station/providers';
import { readEnvPresets } from '../../../../electron/station/settings/env-presets';
import { SettingsService } from '../../../../electron/station/settings/settings-service';
import { type StationError } from '../../../../shared/errors';
import { checkProviderUrl } from '../../../../shared/domain/provider-hosts';
import { startFakeAfterShip } from '../../../fakes/aftership-server';
import { startStation, type Harness } from '../../../support/station-harness';

function service(env: Record<string, string> = {}) {
  const kv = new Map<string, unknown>();
  const secrets = new Map<string, string>();
  const settingsStore: KeyValueStore = {
    get: (k) => kv.get(k),
    set: (k, v) => void kv.set(k, structuredClone(v)),
    delete: (k) => void kv.delete(k),
  };
  const secretStore: SecretStore = {
    get: (k) => secrets.get(k),
    set: (k, v) => void secrets.set(k, v),
    delete: (k) => void secrets.delete(k),
  };
  return { kv, secrets, settings: new SettingsService(settingsStore, secretStore, readEnvPresets(env)) };
}

function refusal(action: () => unknown): StationError {
  try {
    action();
  } catch (error) {
    return error as StationError;
  }
  throw new Error('expected a refusal');
}

describe('provider addresses', () => {
  it('refuses plain http to another computer, and keeps the key and the old address', () => {
    const { settings } = service();
    settings.setSecret('aftershipApiKey', 'asat_key_0123456789');
    const error = refusal(() => settings.update({ aftership: { baseUrl: 'http://collector.example.net/postmen/v3' } }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe(
      'Not saved. The AfterShip address must start with https:// (plain http:// would send the key unencrypted; it is allowed only for this computer, for tests).',
    );
    expect(error.fields).toEqual({ 'aftership.baseUrl': [expect.stringContaining('must start with https://')] });
    expect(settings.current().aftership.baseUrl).toBe('https://api.aftership.com/postmen/v3');
    expect(settings.secret('aftershipApiKey')).toBe('asat_key_0123456789');
  });

  it('keeps the key when the address moves between the provider’s own hosts (production and sandbox)', () => {
    const { settings } = service();
    settings.setSecret('aftershipApiKey', 'asat_key_0123456789');
    settings.update({ aftership: { baseUrl: 'https://sandbox-api.aftership.com/postmen/v3' } });
    expect(settings.secret('aftershipApiKey')).toBe('asat_key_0123456789');
    settings.setSecret('shopifyAdminToken', 'shpat_token_0123');
    settings.update({ shopify: { storeUrl: 'https://my-shop.myshopify.com' } });
    expect(settings.secret('shopifyAdminToken')).toBe('shpat_token_0123');
  });

  it('clears the key when the address moves to another host: it must be entered again for that host', () => {
    const { settings } = service();
    settings.setSecret('aftershipApiKey', 'asat_key_0123456789');
    settings.setSecret('shipiumApiKey', 'shipium_key_0123');
    settings.setSecret('shopifyAdminToken', 'shpat_token_0123');
    settings.setSecret('tiktokAppSecret', 'tt_secret_0123');
    settings.saveTikTokTokens({
      accessToken: 'a',
      accessTokenExpiresAt: '2027-01-01T00:00:00Z',
      refreshToken: 'r',
      refreshTokenExpiresAt: null,
      shopName: 's',
    });
    settings.update({
      aftership: { baseUrl: 'https://proxy.example.net/postmen/v3' },
      shipium: { baseUrl: 'https://shipium.example.net' },
      shopify: { storeUrl: 'https://shop.example.net' },
      tiktok: { apiBaseUrl: 'https://tiktok-proxy.example.net' },
    });
    expect(settings.publicView().secrets).toEqual({
      aftershipApiKey: false,
      tiktokAppSecret: false,
      shipiumApiKey: false,
      shopifyAdminToken: false,
    });
    expect(settings.tiktokTokens()).toBeUndefined();
    // Entered again for the new host: kept from now on.
    settings.setSecret('aftershipApiKey', 'asat_key_for_proxy');
    settings.update({ aftership: { shipperAccountId: 'acct' } });
    expect(settings.secret('aftershipApiKey')).toBe('asat_key_for_proxy');
  });

  it('sends no key to a host it was not entered for, even when the saved settings were changed behind the station’s back', () => {
    const { kv, settings } = service();
    settings.setSecret('aftershipApiKey', 'asat_key_0123456789');
    // Settings written directly to the file (not through update): the provider factory still refuses.
    const saved = kv.get('settings') ?? settings.current();
    kv.set('settings', {
      ...(saved as object),
      provider: 'aftership',
      aftership: { ...settings.current().aftership, baseUrl: 'https://collector.example.net' },
    });
    const reread = new SettingsService(
      { get: (k) => kv.get(k), set: (k, v) => void kv.set(k, v), delete: (k) => void kv.delete(k) },
      { get: (k) => (k === 'aftershipApiKey' ? 'asat_key_0123456789' : undefined), set: () => {}, delete: () => {} },
      readEnvPresets({}),
    );
    const factory = new ProviderFactory(reread, '/nonexistent');
    const error = refusal(() => factory.forSettings(reread.current()));
    expect(error.code).toBe('provider_host_refused');
    expect(error.message).toBe(
      "The AfterShip address (collector.example.net) is not the provider's own, and the key was entered for another address: the key is not sent there.",
    );
    const http = refusal(() =>
      factory.forSettings({ ...reread.current(), aftership: { ...reread.current().aftership, baseUrl: 'http://10.0.0.9/postmen/v3' } }),
    );
    expect(http.code).toBe('provider_host_refused');
  });

  it('accepts http only for this computer, and the providers’ own hosts as official', () => {
    expect(checkProviderUrl('aftership', 'http://127.0.0.1:4000/postmen/v3')).toMatchObject({ ok: true, kind: 'loopback' });
    expect(checkProviderUrl('shipium', 'http://localhost:4000')).toMatchObject({ ok: true, kind: 'loopback' });
    expect(checkProviderUrl('shopify', 'http://[::1]:4000')).toMatchObject({ ok: true, kind: 'loopback' });
    expect(checkProviderUrl('tiktokApi', 'https://open-api.tiktokglobalshop.com')).toMatchObject({ ok: true, kind: 'official' });
    expect(checkProviderUrl('tiktokAuth', 'https://auth.tiktok-shops.com')).toMatchObject({ ok: true, kind: 'official' });
    expect(checkProviderUrl('shopify', 'https://my-shop.myshopify.com')).toMatchObject({ ok: true, kind: 'official' });
    expect(checkProviderUrl('shopify', 'https://myshopify.com.example.net')).toMatchObject({ ok: true, kind: 'other' });
    expect(checkProviderUrl('aftership', 'https://api.aftership.com.example.net')).toMatchObject({ ok: true, kind: 'other' });
    expect(checkProviderUrl('aftership', 'https://user:pw@api.aftership.com')).toMatchObject({ ok: false });
    expect(checkProviderUrl('aftership', 'http://api.aftership.com')).toMatchObject({ ok: false });
  });
});

describe('through the station core', () => {
  let station: Harness | undefined;
  let closeFake: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await station?.close();
    await closeFake?.();
    station = closeFake = undefined;
  });

  it('updateSettings refuses http to another computer; a new https host clears the key, so a scan sends it nowhere', async () => {
    const key = 'asat_planted_key_0123456789';
    const aftership = await startFakeAfterShip({ apiKey: key });
    closeFake = () => aftership.close();
    station = await startStation({ LABEL_STATION_PROVIDER: 'aftership' });
    await station.call('updateSettings', { aftership: { baseUrl: aftership.baseUrl } });
    await station.call('setSecret', { secret: 'aftershipApiKey', value: key });
    await expect(station.call('updateSettings', { aftership: { baseUrl: 'http://198.51.100.7/postmen/v3' } })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('must start with https://'),
    });
    expect((await station.call('getSettings', {})).secrets.aftershipApiKey).toBe(true);

    const moved = await station.call('updateSettings', { aftership: { baseUrl: 'https://collector.example.net/postmen/v3' } });
    expect(moved.secrets.aftershipApiKey).toBe(false);
    const scan = await station.call('submitScan', { scan: '577100000000000042' });
    expect(scan).toMatchObject({ outcome: 'failed', problem: { code: 'provider_not_configured' } });
    expect(aftership.requests).toHaveLength(0);
  });
});
