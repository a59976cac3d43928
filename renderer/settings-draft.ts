/** The settings form's editable copy (numbers as typed text) and the patch it turns into. Pure. */
import type { Dimension, Dpi, MediaSize, PrinterLanguage, ProviderName, PublicSettings, SecretName, SettingsPatch, Weight } from '../shared/schemas';

export interface SettingsDraft {
  provider: ProviderName;
  baseUrl: string;
  shipperAccountId: string;
  serviceType: string;
  tiktokApiBaseUrl: string;
  tiktokAuthBaseUrl: string;
  tiktokAppKey: string;
  tiktokShopCipher: string;
  shipiumBaseUrl: string;
  shopifyStoreUrl: string;
  ordersFile: string;
  printerAddress: string;
  dpi: Dpi;
  printerLanguage: PrinterLanguage;
  media: MediaSize;
  width: string;
  height: string;
  depth: string;
  dimensionUnit: Dimension['unit'];
  weight: string;
  weightUnit: Weight['unit'];
  operator: string;
  latencyMs: string;
}

/** The providers a station can use, in the order the Provider list shows them. */
export const PROVIDER_CHOICES: Array<{ value: ProviderName; text: string }> = [
  { value: 'sandbox', text: 'Sandbox (test labels, nothing is bought)' },
  { value: 'aftership', text: 'AfterShip Shipping API' },
  { value: 'tiktok', text: 'TikTok Shop (direct)' },
  { value: 'shipium', text: 'Shipium (TikTok Shop carrier)' },
];

/** Printer languages in plain words: what a worker knows about the printer on the table. */
export const LANGUAGE_CHOICES: Array<{ value: PrinterLanguage; text: string }> = [
  { value: 'zpl', text: 'ZPL (Zebra and compatibles)' },
  { value: 'epl', text: 'EPL2 (older Zebra/Eltron)' },
  { value: 'tspl', text: 'TSPL (TSC and many 4x6 printers)' },
  { value: 'escpos', text: 'ESC/POS (receipt-style thermal)' },
  { value: 'pdf', text: 'PDF to an OS queue (laser / A4)' },
];

export const MEDIA_CHOICES: Array<{ value: MediaSize; text: string }> = [
  { value: '4x6', text: '4x6 in' },
  { value: '4x8', text: '4x8 in' },
  { value: 'a6', text: 'A6' },
  { value: '100x150mm', text: '100x150 mm' },
];

export const DPI_CHOICES: Dpi[] = [203, 300, 600];

/** The select's text back to a Dpi; anything unexpected falls back to the common 203. */
export function dpiFromText(text: string): Dpi {
  return DPI_CHOICES.find((d) => String(d) === text) ?? 203;
}

export function draftFromSettings(s: PublicSettings): SettingsDraft {
  return {
    provider: s.provider,
    baseUrl: s.aftership.baseUrl,
    shipperAccountId: s.aftership.shipperAccountId,
    serviceType: s.aftership.serviceType,
    tiktokApiBaseUrl: s.tiktok.apiBaseUrl,
    tiktokAuthBaseUrl: s.tiktok.authBaseUrl,
    tiktokAppKey: s.tiktok.appKey,
    tiktokShopCipher: s.tiktok.shopCipher,
    shipiumBaseUrl: s.shipium.baseUrl,
    shopifyStoreUrl: s.shopify.storeUrl,
    ordersFile: s.ordersFile,
    printerAddress: s.printer.address,
    dpi: s.printer.dpi,
    printerLanguage: s.printer.language,
    media: s.printer.media,
    width: String(s.defaultParcel.dimension.width),
    height: String(s.defaultParcel.dimension.height),
    depth: String(s.defaultParcel.dimension.depth),
    dimensionUnit: s.defaultParcel.dimension.unit,
    weight: String(s.defaultParcel.weight.value),
    weightUnit: s.defaultParcel.weight.unit,
    operator: s.operator,
    latencyMs: String(s.sandbox.latencyMs),
  };
}

/** The environment variable that sets `field` (e.g. "printer.address"), if any. */
export function lockedBy(locked: PublicSettings['lockedByEnv'], field: string): string | undefined {
  return locked.find((l) => l.field === field || field.startsWith(`${l.field}.`))?.variable;
}

/** The variable that sets a secret (field "secrets.<name>"; the older "apiKey" entry means AfterShip's key). */
export function secretLockedBy(locked: PublicSettings['lockedByEnv'], secret: SecretName): string | undefined {
  return lockedBy(locked, `secrets.${secret}`) ?? (secret === 'aftershipApiKey' ? lockedBy(locked, 'apiKey') : undefined);
}

/** True when the draft's TikTok fields differ from what is saved (authorization uses the saved ones). */
export function tiktokDraftChanged(draft: SettingsDraft, saved: PublicSettings): boolean {
  return (
    draft.tiktokApiBaseUrl.trim() !== saved.tiktok.apiBaseUrl ||
    draft.tiktokAuthBaseUrl.trim() !== saved.tiktok.authBaseUrl ||
    draft.tiktokAppKey.trim() !== saved.tiktok.appKey ||
    draft.tiktokShopCipher.trim() !== saved.tiktok.shopCipher
  );
}

/**
 * Builds the patch to send: every section, including providers not shown, so nothing typed is lost.
 * Locked fields are left out (the station would refuse them); numbers that are not numbers are
 * reported here, everything else is validated by the station.
 */
export function patchFromDraft(draft: SettingsDraft, locked: PublicSettings['lockedByEnv']): { patch: SettingsPatch; errors: string[] } {
  const errors: string[] = [];
  const num = (text: string, name: string): number => {
    const value = Number(text.trim().replace(',', '.'));
    if (text.trim() === '' || !Number.isFinite(value)) errors.push(`${name} must be a number.`);
    return value;
  };
  const open = (field: string) => lockedBy(locked, field) === undefined;
  /** The fields of one section that are not locked, trimmed; undefined when all are locked. */
  const section = <T extends Record<string, string>>(name: string, values: T): Partial<T> | undefined => {
    const out: Partial<T> = {};
    for (const [key, value] of Object.entries(values) as Array<[keyof T & string, string]>) {
      if (open(`${name}.${key}`)) out[key] = value.trim() as T[keyof T & string];
    }
    return Object.keys(out).length ? out : undefined;
  };
  const patch: SettingsPatch = {};
  if (open('provider')) patch.provider = draft.provider;
  const aftership = section('aftership', { baseUrl: draft.baseUrl, shipperAccountId: draft.shipperAccountId, serviceType: draft.serviceType });
  if (aftership) patch.aftership = aftership;
  const tiktok = section('tiktok', {
    apiBaseUrl: draft.tiktokApiBaseUrl,
    authBaseUrl: draft.tiktokAuthBaseUrl,
    appKey: draft.tiktokAppKey,
    shopCipher: draft.tiktokShopCipher,
  });
  if (tiktok) patch.tiktok = tiktok;
  const shipium = section('shipium', { baseUrl: draft.shipiumBaseUrl });
  if (shipium) patch.shipium = shipium;
  const shopify = section('shopify', { storeUrl: draft.shopifyStoreUrl });
  if (shopify) patch.shopify = shopify;
  if (open('ordersFile')) patch.ordersFile = draft.ordersFile.trim();
  const printer: NonNullable<SettingsPatch['printer']> = {};
  if (open('printer.address')) printer.address = draft.printerAddress.trim();
  if (open('printer.dpi')) printer.dpi = draft.dpi;
  if (open('printer.language')) printer.language = draft.printerLanguage;
  if (open('printer.media')) printer.media = draft.media;
  if (Object.keys(printer).length) patch.printer = printer;
  if (open('defaultParcel.dimension')) {
    patch.defaultParcel = {
      dimension: { width: num(draft.width, 'Width'), height: num(draft.height, 'Height'), depth: num(draft.depth, 'Depth'), unit: draft.dimensionUnit },
    };
  }
  if (open('defaultParcel.weight')) {
    patch.defaultParcel = { ...patch.defaultParcel, weight: { value: num(draft.weight, 'Weight'), unit: draft.weightUnit } };
  }
  if (open('operator')) patch.operator = draft.operator.trim();
  if (open('sandbox.latencyMs')) {
    const latency = num(draft.latencyMs, 'Sandbox delay');
    if (Number.isFinite(latency) && !Number.isInteger(latency)) errors.push('Sandbox delay must be a whole number of milliseconds.');
    patch.sandbox = { latencyMs: latency };
  }
  return { patch, errors };
}

/** Names a worker knows for the settings paths the station reports problems on. */
const FIELD_NAMES: Record<string, string> = {
  provider: 'Provider',
  'aftership.baseUrl': 'AfterShip address',
  'aftership.shipperAccountId': 'AfterShip shipper account ID',
  'aftership.serviceType': 'AfterShip service type',
  'tiktok.apiBaseUrl': 'TikTok API address',
  'tiktok.authBaseUrl': 'TikTok authorization address',
  'tiktok.appKey': 'TikTok app key',
  'tiktok.shopCipher': 'TikTok shop cipher',
  'shipium.baseUrl': 'Shipium address',
  'shopify.storeUrl': 'Shopify store address',
  ordersFile: 'WMS order file',
  'printer.address': 'Printer address',
  'printer.dpi': 'Resolution',
  'printer.language': 'Printer language',
  'printer.media': 'Label size',
  'defaultParcel.dimension.width': 'Width',
  'defaultParcel.dimension.height': 'Height',
  'defaultParcel.dimension.depth': 'Depth',
  'defaultParcel.dimension.unit': 'Size unit',
  'defaultParcel.weight.value': 'Weight',
  'defaultParcel.weight.unit': 'Weight unit',
  operator: 'Operator name',
  'sandbox.latencyMs': 'Sandbox delay',
};

export interface FieldProblem {
  /** Settings path, e.g. "printer.address"; undefined when the message names no field. */
  field?: string;
  text: string;
}

/**
 * Splits an invalid_input message ("path: message; path: message", as the station's dispatcher
 * writes it) into one line per field with a readable field name, without repeats.
 */
export function splitFieldProblems(message: string): FieldProblem[] {
  const seen = new Set<string>();
  const out: FieldProblem[] = [];
  for (const part of message.split('; ')) {
    const match = /^([A-Za-z][\w.]*): (.+)$/.exec(part.trim());
    const field = match?.[1];
    const name = field ? FIELD_NAMES[field] : undefined;
    const detail = match?.[2] ?? '';
    // Schema messages often already start with the field's name ("Width must be more than 0").
    const text = name ? (detail.toLowerCase().startsWith(name.toLowerCase()) ? detail : `${name}: ${detail}`) : part.trim();
    const problem: FieldProblem = name ? { field, text } : { text };
    if (problem.text === '' || seen.has(problem.text)) continue;
    seen.add(problem.text);
    out.push(problem);
  }
  return out;
}
