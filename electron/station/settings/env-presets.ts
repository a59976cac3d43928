/**
 * Environment variables that preset settings for fleet set-up and automation. A preset wins over
 * what was saved in the UI and is shown there as read-only, so a fleet's configuration cannot drift.
 * Secrets from the environment are held in memory only, never written to disk by the station.
 */
import { z } from 'zod';
import { PackingRule } from '../../../shared/domain/box-presets';
import { Dpi, MediaSize, PrinterAddress, PrinterLanguage } from '../../../shared/domain/printers';
import { ProviderName } from '../../../shared/domain/providers';
import {
  AskBeforeBuying,
  HttpUrl,
  OptionalFilePath,
  OptionalHttpUrl,
  type SecretName,
  type SettingsPatch,
} from '../../../shared/domain/settings';
import { describeZodError, StationError } from '../../../shared/errors';

export interface EnvPresets {
  patch: SettingsPatch;
  locked: Array<{ field: string; variable: string }>;
  secrets: Partial<Record<SecretName, string>>;
  /** TIKTOK_REFRESH_TOKEN: seeds the TikTok token store when it holds no tokens yet. */
  tiktokRefreshToken?: string;
}

type Section = 'aftership' | 'tiktok' | 'shipium' | 'shopify' | 'printer' | 'sandbox' | 'packing';

interface PresetSpec {
  variable: string;
  /** 'provider', 'operator', 'ordersFile' or 'section.key'. */
  field: string;
  schema: z.ZodType;
}

const url = (s: string) => s.replace(/\/+$/, '');
const ShopCipher = z.string().trim().min(1).max(200);
const OnOff = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['on', 'off', 'true', 'false', '1', '0', 'yes', 'no'], 'use on or off'))
  .transform((v) => ['on', 'true', '1', 'yes'].includes(v));

const specs: PresetSpec[] = [
  { variable: 'LABEL_STATION_PROVIDER', field: 'provider', schema: ProviderName },
  { variable: 'AFTERSHIP_BASE_URL', field: 'aftership.baseUrl', schema: HttpUrl.transform(url) },
  { variable: 'AFTERSHIP_SHIPPER_ACCOUNT_ID', field: 'aftership.shipperAccountId', schema: z.string().trim().max(200) },
  {
    variable: 'AFTERSHIP_ASK_BEFORE_BUYING',
    field: 'aftership.askBeforeBuying',
    schema: z.string().trim().toLowerCase().pipe(AskBeforeBuying),
  },
  { variable: 'TIKTOK_APP_KEY', field: 'tiktok.appKey', schema: z.string().trim().min(1).max(200) },
  { variable: 'TIKTOK_API_BASE_URL', field: 'tiktok.apiBaseUrl', schema: HttpUrl.transform(url) },
  { variable: 'TIKTOK_AUTH_BASE_URL', field: 'tiktok.authBaseUrl', schema: HttpUrl.transform(url) },
  { variable: 'TIKTOK_SHOP_CIPHER', field: 'tiktok.shopCipher', schema: ShopCipher },
  { variable: 'SHIPIUM_BASE_URL', field: 'shipium.baseUrl', schema: HttpUrl.transform(url) },
  { variable: 'SHOPIFY_STORE_URL', field: 'shopify.storeUrl', schema: OptionalHttpUrl.transform(url) },
  { variable: 'LABEL_STATION_ORDERS_FILE', field: 'ordersFile', schema: OptionalFilePath },
  { variable: 'LABEL_STATION_PRINTER', field: 'printer.address', schema: PrinterAddress },
  { variable: 'LABEL_STATION_PRINTER_DPI', field: 'printer.dpi', schema: z.coerce.number().pipe(Dpi) },
  { variable: 'LABEL_STATION_PRINTER_LANGUAGE', field: 'printer.language', schema: z.string().trim().toLowerCase().pipe(PrinterLanguage) },
  { variable: 'LABEL_STATION_MEDIA', field: 'printer.media', schema: z.string().trim().toLowerCase().pipe(MediaSize) },
  { variable: 'LABEL_STATION_PRINTER_STATUS_CHECK', field: 'printer.statusCheck', schema: OnOff },
  { variable: 'LABEL_STATION_SANDBOX_LATENCY_MS', field: 'sandbox.latencyMs', schema: z.coerce.number().int().min(0).max(30_000) },
  { variable: 'LABEL_STATION_OPERATOR', field: 'operator', schema: z.string().trim().max(60) },
  {
    variable: 'LABEL_STATION_MAX_UNITS_PER_BOX',
    field: 'packing.maxUnitsPerBox',
    schema: z.coerce.number().pipe(PackingRule.shape.maxUnitsPerBox),
  },
  {
    variable: 'LABEL_STATION_CHECK_ITEMS',
    field: 'packing.checkItems',
    schema: z.enum(['0', '1', 'false', 'true']).transform((v) => v === '1' || v === 'true'),
  },
];

const secretSpecs: Array<{ variable: string; secret: SecretName }> = [
  { variable: 'AFTERSHIP_API_KEY', secret: 'aftershipApiKey' },
  { variable: 'TIKTOK_APP_SECRET', secret: 'tiktokAppSecret' },
  { variable: 'SHIPIUM_API_KEY', secret: 'shipiumApiKey' },
  { variable: 'SHOPIFY_ADMIN_TOKEN', secret: 'shopifyAdminToken' },
];

export function readEnvPresets(env: Record<string, string | undefined>): EnvPresets {
  const patch: Record<string, unknown> = {};
  const locked: EnvPresets['locked'] = [];
  for (const spec of specs) {
    const raw = env[spec.variable];
    if (raw === undefined || raw.trim() === '') continue;
    const parsed = spec.schema.safeParse(raw.trim());
    if (!parsed.success) throw invalid(spec.variable, raw, describeZodError(parsed.error));
    const [section, key] = spec.field.split('.') as [string, string | undefined];
    if (key === undefined) patch[section] = parsed.data;
    else patch[section as Section] = { ...(patch[section] as object | undefined), [key]: parsed.data };
    locked.push({ field: spec.field, variable: spec.variable });
  }
  // The environment's printer is the default one: which printer is the default is then locked too.
  const printerPreset = locked.find((l) => l.field.startsWith('printer.'));
  if (printerPreset) locked.push({ field: 'printers.defaultId', variable: printerPreset.variable });
  const secrets: EnvPresets['secrets'] = {};
  for (const { variable, secret } of secretSpecs) {
    const value = env[variable]?.trim();
    if (!value) continue;
    if (value.length < 8) throw invalid(variable, '(hidden)', 'too short to be a key or token');
    secrets[secret] = value;
    locked.push({ field: `secrets.${secret}`, variable });
  }
  const refresh = env.TIKTOK_REFRESH_TOKEN?.trim();
  if (refresh) locked.push({ field: 'tiktokAuthorization', variable: 'TIKTOK_REFRESH_TOKEN' });
  const presets: EnvPresets = { patch: patch as SettingsPatch, locked, secrets };
  return refresh ? { ...presets, tiktokRefreshToken: refresh } : presets;
}

function invalid(variable: string, shown: string, why: string): StationError {
  return new StationError(
    'invalid_env',
    `${variable}="${shown}" is not valid: ${why}`,
    `Fix or remove ${variable} in the station's environment and start it again.`,
  );
}
