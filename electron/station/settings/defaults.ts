import type { PrinterProfile } from '../../../shared/domain/printers';
import type { Settings } from '../../../shared/domain/settings';

export const AFTERSHIP_PRODUCTION_URL = 'https://api.aftership.com/postmen/v3';
export const TIKTOK_API_URL = 'https://open-api.tiktokglobalshop.com';
export const TIKTOK_AUTH_URL = 'https://auth.tiktok-shops.com';
export const SHIPIUM_URL = 'https://api.shipium.com';

/** A fresh station's only printer: a 203 dpi ZPL printer on this machine's port 9100 until set up. */
export const DEFAULT_PRINTER: PrinterProfile = {
  id: 'label',
  name: 'Label printer',
  address: 'tcp://127.0.0.1:9100',
  dpi: 203,
  language: 'zpl',
  media: '4x6',
  statusCheck: true,
};

export const DEFAULT_SETTINGS: Settings = {
  provider: 'sandbox',
  aftership: {
    baseUrl: AFTERSHIP_PRODUCTION_URL,
    shipperAccountId: '',
    serviceType: 'tiktok-shipping_standard_shipping',
    lateLabelWindowSeconds: 120,
  },
  tiktok: { apiBaseUrl: TIKTOK_API_URL, authBaseUrl: TIKTOK_AUTH_URL, appKey: '', shopCipher: '', lateLabelWindowSeconds: 120 },
  // Shipium's answers are slow (tens of seconds) and multi-parcel calls slower still.
  shipium: { baseUrl: SHIPIUM_URL, lateLabelWindowSeconds: 300 },
  shopify: { storeUrl: '' },
  ordersFile: '',
  printers: { defaultId: DEFAULT_PRINTER.id, list: [DEFAULT_PRINTER] },
  defaultParcel: {
    dimension: { width: 8, height: 4, depth: 6, unit: 'in' },
    weight: { value: 1, unit: 'lb' },
  },
  operator: '',
  sandbox: { latencyMs: 300 },
  operators: { idleSignOutMinutes: 0 },
};
