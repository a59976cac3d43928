import { describe, expect, it } from 'vitest';
import type { PublicSettings } from '../../shared/schemas';
import {
  dpiFromText,
  draftFromSettings,
  LANGUAGE_CHOICES,
  MEDIA_CHOICES,
  patchFromDraft,
  secretLockedBy,
  splitFieldProblems,
  tiktokDraftChanged,
} from '../../renderer/settings-draft';
import { PrinterLanguage, MediaSize } from '../../shared/schemas';

const settings: PublicSettings = {
  provider: 'sandbox',
  aftership: { baseUrl: 'https://api.aftership.com/postmen/v3', shipperAccountId: '', serviceType: 'tiktok-shipping_standard_shipping' },
  tiktok: { apiBaseUrl: 'https://open-api.tiktokglobalshop.com', authBaseUrl: 'https://auth.tiktok-shops.com', appKey: '6abc123', shopCipher: '' },
  shipium: { baseUrl: 'https://api.shipium.com' },
  shopify: { storeUrl: '' },
  ordersFile: '',
  printer: { address: 'tcp://10.0.0.5:9100', dpi: 203, language: 'zpl', media: '4x6' },
  defaultParcel: { dimension: { width: 8, height: 6, depth: 4, unit: 'in' }, weight: { value: 1.2, unit: 'lb' } },
  operator: 'Maria',
  sandbox: { latencyMs: 400 },
  secrets: { aftershipApiKey: false, tiktokAppSecret: true, shipiumApiKey: false, shopifyAdminToken: false },
  tiktokAuthorization: { authorized: false, accessTokenExpiresAt: null, shopName: null },
  lockedByEnv: [],
};

describe('settings form draft', () => {
  it('round-trips unchanged settings into a full patch, every provider section included', () => {
    const { patch, errors } = patchFromDraft(draftFromSettings(settings), []);
    expect(errors).toEqual([]);
    expect(patch).toEqual({
      provider: 'sandbox',
      aftership: settings.aftership,
      tiktok: settings.tiktok,
      shipium: settings.shipium,
      shopify: { storeUrl: '' },
      ordersFile: '',
      printer: { address: 'tcp://10.0.0.5:9100', dpi: 203, language: 'zpl', media: '4x6' },
      defaultParcel: settings.defaultParcel,
      operator: 'Maria',
      sandbox: { latencyMs: 400 },
    });
  });

  it('keeps edits to a provider section that is not shown, trimmed', () => {
    const draft = { ...draftFromSettings(settings), provider: 'shipium' as const, shipperAccountId: '  acc_123 ', shopifyStoreUrl: ' https://sunrise.myshopify.com ' };
    const { patch } = patchFromDraft(draft, []);
    expect(patch.provider).toBe('shipium');
    expect(patch.aftership?.shipperAccountId).toBe('acc_123');
    expect(patch.shopify).toEqual({ storeUrl: 'https://sunrise.myshopify.com' });
  });

  it('leaves fields set by environment variables out of the patch', () => {
    const locked = [
      { field: 'printer.address', variable: 'LABEL_STATION_PRINTER' },
      { field: 'operator', variable: 'LABEL_STATION_OPERATOR' },
      { field: 'tiktok.appKey', variable: 'TIKTOK_APP_KEY' },
      { field: 'shipium', variable: 'SHIPIUM_BASE_URL' },
      { field: 'ordersFile', variable: 'LABEL_STATION_ORDERS_FILE' },
    ];
    const { patch } = patchFromDraft({ ...draftFromSettings(settings), operator: 'Someone else', tiktokAppKey: 'changed' }, locked);
    expect(patch.printer).toEqual({ dpi: 203, language: 'zpl', media: '4x6' });
    expect(patch).not.toHaveProperty('operator');
    expect(patch).not.toHaveProperty('shipium');
    expect(patch).not.toHaveProperty('ordersFile');
    expect(patch.tiktok).toEqual({ apiBaseUrl: settings.tiktok.apiBaseUrl, authBaseUrl: settings.tiktok.authBaseUrl, shopCipher: '' });
  });

  it('sends the chosen printer language, label size and resolution, and a picked OS queue as the address', () => {
    const draft = { ...draftFromSettings(settings), printerLanguage: 'pdf' as const, media: '100x150mm' as const, dpi: dpiFromText('600'), printerAddress: ' windows:ZDesigner ZD421-203dpi ZPL ' };
    expect(patchFromDraft(draft, []).patch.printer).toEqual({ address: 'windows:ZDesigner ZD421-203dpi ZPL', dpi: 600, language: 'pdf', media: '100x150mm' });
    expect(dpiFromText('300')).toBe(300);
    expect(dpiFromText('150')).toBe(203);
  });

  it('leaves a printer language or label size preset by the environment out of the patch', () => {
    const locked = [
      { field: 'printer.language', variable: 'LABEL_STATION_PRINTER_LANGUAGE' },
      { field: 'printer.media', variable: 'LABEL_STATION_MEDIA' },
    ];
    const { patch } = patchFromDraft({ ...draftFromSettings(settings), printerLanguage: 'tspl', media: 'a6' }, locked);
    expect(patch.printer).toEqual({ address: 'tcp://10.0.0.5:9100', dpi: 203 });
    // The whole printer section locked: no printer patch at all.
    const all = patchFromDraft(draftFromSettings(settings), [{ field: 'printer', variable: 'LABEL_STATION_PRINTER' }]).patch;
    expect(all).not.toHaveProperty('printer');
  });

  it('offers every printer language and label size the station knows, each once', () => {
    expect(LANGUAGE_CHOICES.map((c) => c.value).sort()).toEqual([...PrinterLanguage.options].sort());
    expect(MEDIA_CHOICES.map((c) => c.value).sort()).toEqual([...MediaSize.options].sort());
    expect(LANGUAGE_CHOICES.find((c) => c.value === 'tspl')?.text).toBe('TSPL (TSC and many 4x6 printers)');
  });

  it('finds the variable that sets a secret, including the older apiKey entry for AfterShip', () => {
    expect(secretLockedBy([{ field: 'secrets.shipiumApiKey', variable: 'SHIPIUM_API_KEY' }], 'shipiumApiKey')).toBe('SHIPIUM_API_KEY');
    expect(secretLockedBy([{ field: 'secrets.shipiumApiKey', variable: 'SHIPIUM_API_KEY' }], 'aftershipApiKey')).toBeUndefined();
    expect(secretLockedBy([{ field: 'apiKey', variable: 'AFTERSHIP_API_KEY' }], 'aftershipApiKey')).toBe('AFTERSHIP_API_KEY');
  });

  it('knows when TikTok fields were edited but not saved (authorization uses the saved ones)', () => {
    expect(tiktokDraftChanged(draftFromSettings(settings), settings)).toBe(false);
    expect(tiktokDraftChanged({ ...draftFromSettings(settings), tiktokAppKey: '6abc124' }, settings)).toBe(true);
  });

  it('reports numbers that are not numbers instead of sending NaN', () => {
    const { errors } = patchFromDraft({ ...draftFromSettings(settings), width: 'eight', latencyMs: '1.5' }, []);
    expect(errors).toEqual(['Width must be a number.', 'Sandbox delay must be a whole number of milliseconds.']);
    expect(patchFromDraft({ ...draftFromSettings(settings), weight: '2,5' }, []).patch.defaultParcel?.weight).toEqual({ value: 2.5, unit: 'lb' });
  });

  it('turns the station\'s invalid_input message into one readable line per field', () => {
    const message =
      'aftership.baseUrl: Must be a web address starting with https://; aftership.baseUrl: Must be a web address starting with https://; defaultParcel.dimension.width: Width must be more than 0; tiktok.authBaseUrl: Must be a web address starting with https://; printer.media: Invalid option; something odd';
    expect(splitFieldProblems(message)).toEqual([
      { field: 'aftership.baseUrl', text: 'AfterShip address: Must be a web address starting with https://' },
      { field: 'defaultParcel.dimension.width', text: 'Width must be more than 0' },
      { field: 'tiktok.authBaseUrl', text: 'TikTok authorization address: Must be a web address starting with https://' },
      { field: 'printer.media', text: 'Label size: Invalid option' },
      { text: 'something odd' },
    ]);
  });
});
