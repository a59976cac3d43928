import { describe, expect, it } from 'vitest';
import type { KeyValueStore, SecretStore } from '../../../../electron/station';
import { readEnvPresets } from '../../../../electron/station/settings/env-presets';
import { SettingsService } from '../../../../electron/station/settings/settings-service';
import type { StationHandlers } from '../../../../shared/contract';
import { defaultPrinter, findPrinter } from '../../../../shared/domain/printers';
import { dispatch } from '../../../../shared/rpc';
import { StationError } from '../../../../shared/errors';
import { MAX_PRINTERS, type PrinterProfile, type PrinterSetup } from '../../../../shared/domain/printers';
import { type SettingsPatch } from '../../../../shared/domain/settings';

function memoryStores() {
  const kv = new Map<string, unknown>();
  const secrets = new Map<string, string>();
  const settingsStore: KeyValueStore = { get: (k) => kv.get(k), set: (k, v) => void kv.set(k, v), delete: (k) => void kv.delete(k) };
  const secretStore: SecretStore = {
    get: (k) => secrets.get(k),
    set: (k, v) => void secrets.set(k, v),
    delete: (k) => void secrets.delete(k),
  };
  return { kv, secrets, settingsStore, secretStore };
}

describe('settings', () => {
  it('starts on the sandbox provider with a 203 dpi printer when nothing is configured', () => {
    const { settingsStore, secretStore } = memoryStores();
    const view = new SettingsService(settingsStore, secretStore, readEnvPresets({})).publicView();
    expect(view).toMatchObject({
      provider: 'sandbox',
      printers: { defaultId: 'label', list: [{ id: 'label', name: 'Label printer', dpi: 203 }] },
      lockedByEnv: [],
    });
    expect(Object.values(view.secrets)).toEqual([false, false, false, false]);
    expect(view.tiktokAuthorization.authorized).toBe(false);
  });

  it('saves a partial update and keeps the rest', () => {
    const { kv, settingsStore, secretStore } = memoryStores();
    const service = new SettingsService(settingsStore, secretStore, readEnvPresets({}));
    service.update({ printer: { address: 'tcp://10.0.0.5:9100' } });
    expect(service.current().printers.list).toEqual([
      { id: 'label', name: 'Label printer', address: 'tcp://10.0.0.5:9100', dpi: 203, language: 'zpl', media: '4x6', statusCheck: true },
    ]);
    expect(defaultPrinter(new SettingsService(settingsStore, secretStore, readEnvPresets({})).current().printers).address).toBe(
      'tcp://10.0.0.5:9100',
    );
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
    service.saveTikTokTokens({
      accessToken: 'TTP_access_secret',
      accessTokenExpiresAt: '2026-12-01T00:00:00.000Z',
      refreshToken: 'TTP_refresh_secret',
      refreshTokenExpiresAt: null,
      shopName: 'Acme',
    });
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
    kv.set('settings', {
      provider: 'aftership',
      aftership: { baseUrl: 'https://api.aftership.com/postmen/v3' },
      printer: { address: 'tcp://10.1.1.1:9100', dpi: 300 },
      defaultParcel: { dimension: { width: 1, height: 1, depth: 1, unit: 'in' }, weight: { value: 1, unit: 'lb' } },
      operator: 'Bo',
      sandbox: { latencyMs: 0 },
    });
    const current = new SettingsService(settingsStore, secretStore, readEnvPresets({})).current();
    expect(current).toMatchObject({
      provider: 'aftership',
      aftership: { serviceType: 'tiktok-shipping_standard_shipping' },
      ordersFile: '',
    });
    expect(defaultPrinter(current.printers).address).toBe('tcp://10.1.1.1:9100');
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
    expect(service.current()).toMatchObject({ provider: 'aftership', aftership: { baseUrl: 'http://127.0.0.1:9999/postmen/v3' } });
    expect(defaultPrinter(service.current().printers)).toMatchObject({ address: 'tcp://127.0.0.1:9101', dpi: 300 });
    expect(service.secret('aftershipApiKey')).toBe('asat_from_env_456');
    expect(service.secret('shopifyAdminToken')).toBe('shpat_from_env_0001');
    expect(service.current()).toMatchObject({
      aftership: { shipperAccountId: 'acct_123' },
      tiktok: { appKey: 'app_key_1' },
      shopify: { storeUrl: 'https://acme.myshopify.com' },
      ordersFile: '/srv/wms/orders.csv',
    });
    expect(JSON.stringify(service.publicView())).not.toMatch(/from_env/);
    expect(service.publicView().lockedByEnv.map((l) => l.variable)).toContain('LABEL_STATION_PRINTER');
    expect(() => service.update({ printer: { address: 'tcp://127.0.0.1:1' } })).toThrow(/set by LABEL_STATION_PRINTER/);
    expect(() => service.update({ printer: { address: 'tcp://127.0.0.1:9101', dpi: 300 } })).not.toThrow();
    expect(() => service.setSecret('aftershipApiKey', 'another_key_789')).toThrow(/AFTERSHIP_API_KEY/);
    expect(() => service.update({ ordersFile: '/tmp/other.csv' })).toThrow(/LABEL_STATION_ORDERS_FILE/);
  });

  it('presets the printer language, media and OS-queue addresses', () => {
    const { settingsStore, secretStore } = memoryStores();
    const presets = readEnvPresets({
      LABEL_STATION_PRINTER: 'cups:Zebra_ZD421',
      LABEL_STATION_PRINTER_LANGUAGE: 'TSPL',
      LABEL_STATION_MEDIA: '4X8',
      LABEL_STATION_PRINTER_DPI: '600',
    });
    expect(defaultPrinter(new SettingsService(settingsStore, secretStore, presets).current().printers)).toMatchObject({
      address: 'cups:Zebra_ZD421',
      dpi: 600,
      language: 'tspl',
      media: '4x8',
    });
    expect(readEnvPresets({ LABEL_STATION_PRINTER: 'windows:Zebra ZD421 (Bay 3)' }).patch.printer?.address).toBe(
      'windows:Zebra ZD421 (Bay 3)',
    );
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

const label: PrinterProfile = {
  id: 'label',
  name: 'Label printer',
  address: 'tcp://10.0.0.5:9100',
  dpi: 203,
  language: 'zpl',
  media: '4x6',
  statusCheck: true,
};
const office: PrinterProfile = {
  id: 'office-a4',
  name: 'Office A4',
  address: 'cups:Office',
  dpi: 300,
  language: 'pdf',
  media: '4x6',
  statusCheck: true,
};
const twoPrinters: PrinterSetup = { defaultId: 'label', list: [label, office] };

/** updateSettings as the station answers it: the contract's validation first, then the settings service. */
function updateThroughContract(service: SettingsService, patch: unknown) {
  const handlers = { updateSettings: async (p: SettingsPatch) => (service.update(p), service.publicView()) } as unknown as StationHandlers;
  return dispatch(handlers, 'updateSettings', patch);
}

describe('settings: several printers', () => {
  it('turns the single printer an older station saved into a one-printer list, keeping address, dpi, language and label size', () => {
    const { kv, settingsStore, secretStore } = memoryStores();
    kv.set('settings', {
      provider: 'sandbox',
      printer: { address: 'cups:Zebra_ZD421', dpi: 300, language: 'tspl', media: '4x8' },
      operator: 'Bo',
    });
    const service = new SettingsService(settingsStore, secretStore, readEnvPresets({}));
    expect(service.current().printers).toEqual({
      defaultId: 'label',
      list: [
        { id: 'label', name: 'Label printer', address: 'cups:Zebra_ZD421', dpi: 300, language: 'tspl', media: '4x8', statusCheck: true },
      ],
    });
    expect(service.current().operator).toBe('Bo');
    // The next save writes the new shape only.
    service.update({ operator: 'Ana' });
    expect(kv.get('settings')).not.toHaveProperty('printer');
    expect((kv.get('settings') as { printers: PrinterSetup }).printers.list[0]?.address).toBe('cups:Zebra_ZD421');
  });

  it('keeps a saved list of printers, the default included, across a restart', () => {
    const { settingsStore, secretStore } = memoryStores();
    new SettingsService(settingsStore, secretStore, readEnvPresets({})).update({ printers: { ...twoPrinters, defaultId: 'office-a4' } });
    const again = new SettingsService(settingsStore, secretStore, readEnvPresets({})).current().printers;
    expect(again).toEqual({ defaultId: 'office-a4', list: [label, office] });
    expect(defaultPrinter(again).name).toBe('Office A4');
  });

  it('applies LABEL_STATION_PRINTER* to the default printer only and locks which printer is the default', () => {
    const { settingsStore, secretStore } = memoryStores();
    new SettingsService(settingsStore, secretStore, readEnvPresets({})).update({ printers: { ...twoPrinters, defaultId: 'office-a4' } });
    const presets = readEnvPresets({
      LABEL_STATION_PRINTER: 'tcp://10.9.9.9:9100',
      LABEL_STATION_PRINTER_LANGUAGE: 'zpl',
      LABEL_STATION_PRINTER_DPI: '203',
    });
    const service = new SettingsService(settingsStore, secretStore, presets);
    const { printers } = service.current();
    expect(findPrinter(printers, 'office-a4')).toMatchObject({
      name: 'Office A4',
      address: 'tcp://10.9.9.9:9100',
      language: 'zpl',
      dpi: 203,
    });
    expect(findPrinter(printers, 'label')).toEqual(label);
    expect(service.publicView().lockedByEnv).toContainEqual({ field: 'printers.defaultId', variable: 'LABEL_STATION_PRINTER' });
    expect(() => service.update({ printers: { ...printers, defaultId: 'label' } })).toThrow(/set by LABEL_STATION_PRINTER/);
    // Even to a printer with the very same address and language: which printer is the default is locked itself.
    const twin = { ...printers, list: printers.list.map((p) => (p.id === 'label' ? { ...p, address: 'tcp://10.9.9.9:9100' } : p)) };
    expect(() => service.update({ printers: twin })).not.toThrow();
    expect(() => service.update({ printers: { ...twin, defaultId: 'label' } })).toThrow(
      /printers\.defaultId is set by LABEL_STATION_PRINTER/,
    );
    expect(defaultPrinter(service.current().printers).id).toBe('office-a4');
    // No printer preset: nothing about printers is locked.
    expect(readEnvPresets({ LABEL_STATION_OPERATOR: 'Bo' }).locked.map((l) => l.field)).toEqual(['operator']);
  });

  it('refuses a printers patch that changes the preset default printer, but lets a second printer be edited', () => {
    const { settingsStore, secretStore } = memoryStores();
    new SettingsService(settingsStore, secretStore, readEnvPresets({})).update({ printers: twoPrinters });
    const service = new SettingsService(settingsStore, secretStore, readEnvPresets({ LABEL_STATION_PRINTER: 'tcp://10.9.9.9:9100' }));
    const shown = service.current().printers;
    const moved = { ...shown, list: shown.list.map((p) => (p.id === 'label' ? { ...p, address: 'tcp://10.0.0.77:9100' } : p)) };
    let refusal: unknown;
    try {
      service.update({ printers: moved });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(StationError);
    expect(refusal).toMatchObject({
      code: 'locked_by_env',
      message: expect.stringContaining('printer.address is set by LABEL_STATION_PRINTER'),
      fields: { 'printer.address': ['Set by LABEL_STATION_PRINTER'] },
    });
    expect(defaultPrinter(service.current().printers).address).toBe('tcp://10.9.9.9:9100');

    // What the Settings screen sends: the default printer as shown (the preset address), the second one edited, a third added.
    const spare: PrinterProfile = { ...label, id: 'spare', name: 'Spare', address: 'tcp://10.0.0.8:9100' };
    const edited = {
      ...shown,
      list: [shown.list[0]!, { ...office, name: 'Office laser', address: 'cups:Office_2', dpi: 600 as const }, spare],
    };
    expect(() => service.update({ printers: edited })).not.toThrow();
    expect(service.current().printers.list.map((p) => [p.id, p.name, p.address])).toEqual([
      ['label', 'Label printer', 'tcp://10.9.9.9:9100'],
      ['office-a4', 'Office laser', 'cups:Office_2'],
      ['spare', 'Spare', 'tcp://10.0.0.8:9100'],
    ]);
    // Removing the preset default printer is a change to it too.
    expect(() => service.update({ printers: { defaultId: 'office-a4', list: [edited.list[1]!] } })).toThrow(/set by LABEL_STATION_PRINTER/);
  });

  it('does not save the preset printer values when the Settings screen saves the list: without the variable, the saved printer is back', () => {
    const { kv, settingsStore, secretStore } = memoryStores();
    new SettingsService(settingsStore, secretStore, readEnvPresets({})).update({ printers: twoPrinters });
    const preset = new SettingsService(
      settingsStore,
      secretStore,
      readEnvPresets({ LABEL_STATION_PRINTER: 'tcp://10.9.9.9:9100', LABEL_STATION_PRINTER_DPI: '300' }),
    );
    const shown = preset.current().printers;
    preset.update({ printers: { ...shown, list: shown.list.map((p) => (p.id === 'label' ? { ...p, name: 'Bay 3 Zebra' } : p)) } });
    expect(defaultPrinter(preset.current().printers)).toMatchObject({ name: 'Bay 3 Zebra', address: 'tcp://10.9.9.9:9100', dpi: 300 });
    expect((kv.get('settings') as { printers: PrinterSetup }).printers.list[0]).toMatchObject({
      name: 'Bay 3 Zebra',
      address: label.address,
      dpi: label.dpi,
    });

    const after = new SettingsService(settingsStore, secretStore, readEnvPresets({})).current().printers;
    expect(defaultPrinter(after)).toEqual({ ...label, name: 'Bay 3 Zebra' });
  });

  it('refuses duplicate printer names and a default that is not in the list, saying which', async () => {
    const { settingsStore, secretStore } = memoryStores();
    const service = new SettingsService(settingsStore, secretStore, readEnvPresets({}));
    const twins = await updateThroughContract(service, {
      printers: { defaultId: 'label', list: [label, { ...office, name: ' label PRINTER ' }] },
    });
    expect(twins).toMatchObject({
      ok: false,
      problem: {
        code: 'invalid_input',
        message: 'printers.list.1.name: Two printers are called "label PRINTER": give each its own name',
        fields: { 'printers.list.1.name': ['Two printers are called "label PRINTER": give each its own name'] },
      },
    });
    const sameId = await updateThroughContract(service, { printers: { defaultId: 'label', list: [label, { ...office, id: 'label' }] } });
    expect(sameId).toMatchObject({ ok: false, problem: { message: 'printers.list.1.id: Two printers have the ID "label"' } });
    const noDefault = await updateThroughContract(service, { printers: { defaultId: 'warehouse', list: [label, office] } });
    expect(noDefault).toMatchObject({
      ok: false,
      problem: {
        code: 'invalid_input',
        message: 'printers.defaultId: Choose which printer is the default',
        fields: { 'printers.defaultId': ['Choose which printer is the default'] },
      },
    });
    const none = await updateThroughContract(service, { printers: { defaultId: 'label', list: [] } });
    expect(none).toMatchObject({ ok: false, problem: { message: expect.stringContaining('Keep at least one printer') } });
    const badId = await updateThroughContract(service, { printers: { defaultId: 'Office A4', list: [{ ...office, id: 'Office A4' }] } });
    expect(badId).toMatchObject({ ok: false, problem: { message: expect.stringContaining('lower-case letters, digits and dashes') } });
    // Nothing of it was saved.
    expect(service.current().printers.list.map((p) => p.id)).toEqual(['label']);
    expect(await updateThroughContract(service, { printers: twoPrinters })).toMatchObject({ ok: true });
  });

  it(`allows at most ${MAX_PRINTERS} printers`, async () => {
    const { settingsStore, secretStore } = memoryStores();
    const service = new SettingsService(settingsStore, secretStore, readEnvPresets({}));
    const many = (n: number): PrinterSetup => ({
      defaultId: 'p1',
      list: Array.from({ length: n }, (_, i) => ({ ...label, id: `p${i + 1}`, name: `Packing ${i + 1}` })),
    });
    expect(await updateThroughContract(service, { printers: many(MAX_PRINTERS) })).toMatchObject({ ok: true });
    expect(service.current().printers.list).toHaveLength(MAX_PRINTERS);
    const tooMany = await updateThroughContract(service, { printers: many(MAX_PRINTERS + 1) });
    expect(tooMany).toMatchObject({
      ok: false,
      problem: { code: 'invalid_input', message: `printers.list: A station can have up to ${MAX_PRINTERS} printers` },
    });
    expect(service.current().printers.list).toHaveLength(MAX_PRINTERS);
  });
});

describe('settings: box presets and the rule for one box', () => {
  const mailer = {
    id: 'mailer',
    name: 'Mailer',
    dimension: { width: 9, height: 6, depth: 2, unit: 'in' as const },
    tareWeight: { value: 2, unit: 'oz' as const },
  };

  it('starts with small, medium and large boxes and proposes the splitter past 4 units', () => {
    const { settingsStore, secretStore } = memoryStores();
    const view = new SettingsService(settingsStore, secretStore, readEnvPresets({})).publicView();
    expect(view.boxPresets.map((b) => [b.name, b.dimension.width, b.dimension.height, b.dimension.depth])).toEqual([
      ['Medium', 12, 10, 6],
      ['Small', 8, 6, 4],
      ['Large', 18, 14, 8],
    ]);
    expect(view.boxPresets.every((b) => b.tareWeight.value > 0)).toBe(true);
    expect(view.packing).toEqual({ maxUnitsPerBox: 4, checkItems: false });
  });

  it('saves the whole preset list in its order and the rule, kept across a restart', () => {
    const { settingsStore, secretStore } = memoryStores();
    const service = new SettingsService(settingsStore, secretStore, readEnvPresets({}));
    const [medium, small] = service.current().boxPresets;
    service.update({ boxPresets: [mailer, small!, medium!], packing: { maxUnitsPerBox: 6 } });
    const after = new SettingsService(settingsStore, secretStore, readEnvPresets({})).current();
    expect(after.boxPresets.map((b) => b.id)).toEqual(['mailer', 'small', 'medium']);
    expect(after.boxPresets[0]).toEqual(mailer);
    expect(after.packing.maxUnitsPerBox).toBe(6);
  });

  it('gives an older station the default boxes and rule', () => {
    const { kv, settingsStore, secretStore } = memoryStores();
    kv.set('settings', { provider: 'sandbox', operator: 'Bo' });
    const current = new SettingsService(settingsStore, secretStore, readEnvPresets({})).current();
    expect(current.boxPresets.map((b) => b.id)).toEqual(['medium', 'small', 'large']);
    expect(current.packing).toEqual({ maxUnitsPerBox: 4, checkItems: false });
  });

  it('refuses twin names and IDs, an empty list and a bad rule, each on its field', async () => {
    const { settingsStore, secretStore } = memoryStores();
    const service = new SettingsService(settingsStore, secretStore, readEnvPresets({}));
    const twins = await updateThroughContract(service, { boxPresets: [mailer, { ...mailer, id: 'mailer-2', name: ' MAILER ' }] });
    expect(twins).toMatchObject({
      ok: false,
      problem: { code: 'invalid_input', fields: { 'boxPresets.1.name': ['Two boxes are called "MAILER": give each its own name'] } },
    });
    const sameId = await updateThroughContract(service, { boxPresets: [mailer, { ...mailer, name: 'Other' }] });
    expect(sameId).toMatchObject({ ok: false, problem: { fields: { 'boxPresets.1.id': ['Two boxes have the ID "mailer"'] } } });
    const flat = await updateThroughContract(service, { boxPresets: [{ ...mailer, dimension: { ...mailer.dimension, depth: 0 } }] });
    expect(flat).toMatchObject({ ok: false, problem: { fields: { 'boxPresets.0.dimension.depth': ['Depth must be more than 0'] } } });
    const none = await updateThroughContract(service, { boxPresets: [] });
    expect(none).toMatchObject({ ok: false, problem: { message: expect.stringContaining('Keep at least one box') } });
    const rule = await updateThroughContract(service, { packing: { maxUnitsPerBox: 0 } });
    expect(rule).toMatchObject({ ok: false, problem: { fields: { 'packing.maxUnitsPerBox': ['At least 1 unit'] } } });
    expect(service.current().boxPresets.map((b) => b.id)).toEqual(['medium', 'small', 'large']);
  });

  it('takes the rule from LABEL_STATION_MAX_UNITS_PER_BOX and locks it', () => {
    const { settingsStore, secretStore } = memoryStores();
    const service = new SettingsService(settingsStore, secretStore, readEnvPresets({ LABEL_STATION_MAX_UNITS_PER_BOX: '8' }));
    expect(service.publicView()).toMatchObject({
      packing: { maxUnitsPerBox: 8 },
      lockedByEnv: [{ field: 'packing.maxUnitsPerBox', variable: 'LABEL_STATION_MAX_UNITS_PER_BOX' }],
    });
    expect(() => service.update({ packing: { maxUnitsPerBox: 3 } })).toThrow(/LABEL_STATION_MAX_UNITS_PER_BOX/);
    expect(() => readEnvPresets({ LABEL_STATION_MAX_UNITS_PER_BOX: 'lots' })).toThrow(
      /LABEL_STATION_MAX_UNITS_PER_BOX="lots" is not valid/,
    );
  });
});
