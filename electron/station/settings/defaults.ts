import type { BoxPreset, PackingRule } from '../../../shared/domain/box-presets';
import type { PrinterProfile } from '../../../shared/domain/printers';
import { DEFAULT_LABEL_DOWNLOAD, type Settings, type StorageSettings } from '../../../shared/domain/settings';
import { DEFAULT_SYSTEMS_API } from '../../../shared/domain/systems-api';
import { DEFAULT_SCALE } from '../../../shared/domain/scale';
import { DEFAULT_EXPORTS } from '../../../shared/domain/reports';

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

/**
 * Three common single-wall cartons (inside sizes). Tares are what such cartons typically weigh
 * empty; a station weighs its own and corrects them. Medium first: the box a station reaches for.
 */
export const DEFAULT_BOX_PRESETS: BoxPreset[] = [
  { id: 'medium', name: 'Medium', dimension: { width: 12, height: 10, depth: 6, unit: 'in' }, tareWeight: { value: 0.6, unit: 'lb' } },
  { id: 'small', name: 'Small', dimension: { width: 8, height: 6, depth: 4, unit: 'in' }, tareWeight: { value: 0.3, unit: 'lb' } },
  { id: 'large', name: 'Large', dimension: { width: 18, height: 14, depth: 8, unit: 'in' }, tareWeight: { value: 1.2, unit: 'lb' } },
];

/**
 * Four units: most TikTok Shop orders are one to three units and ship in one box without anyone's
 * help; four units of typical goods (apparel, beauty, small home items) still fill a medium carton.
 * A larger order is where a second box, and so a supervisor, is likely.
 */
export const DEFAULT_PACKING: PackingRule = { maxUnitsPerBox: 4, checkItems: false };

/**
 * 90 days of label files: past the window in which carriers take claims and customers ask for a
 * reprint, and small (a 4x6 label is 10–100 KB: a busy station's 90 days are a few GB at most).
 * Seven daily backups: a week to notice a problem.
 */
export const DEFAULT_STORAGE: StorageSettings = { labelFileRetentionDays: 90, backupFolder: '', backupsKept: 7, dailyBackup: true };

export const DEFAULT_SETTINGS: Settings = {
  provider: 'sandbox',
  aftership: {
    baseUrl: AFTERSHIP_PRODUCTION_URL,
    shipperAccountId: '',
    serviceType: 'tiktok-shipping_standard_shipping',
    lateLabelWindowSeconds: 120,
    askBeforeBuying: 'always',
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
  operators: { idleSignOutMinutes: 0, returnToScanSeconds: 60 },
  boxPresets: DEFAULT_BOX_PRESETS,
  packing: DEFAULT_PACKING,
  scale: DEFAULT_SCALE,
  storage: DEFAULT_STORAGE,
  labelDownload: DEFAULT_LABEL_DOWNLOAD,
  systemsApi: DEFAULT_SYSTEMS_API,
  exports: DEFAULT_EXPORTS,
};
