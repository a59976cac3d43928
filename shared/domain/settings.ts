/** The station's settings as saved, patched and shown (secrets only as "is set"). */
import { z } from 'zod';
import { BoxPresets, PackingRule } from './box-presets';
import { Dimension, Parcel, Weight } from './parcels';
import { PrinterSettings, PrinterSetup } from './printers';
import { ProviderName } from './providers';
import { ScaleSettings } from './scale';
import { DEFAULT_SYSTEMS_API, SystemsApiSettings } from './systems-api';
import { DEFAULT_EXPORTS, ExportSettings } from './reports';
import { fullFolderPath } from './folder-path';

export const HttpUrl = z
  .string()
  .trim()
  .url('Must be a web address starting with https://')
  .refine((s) => /^https?:\/\//.test(s), 'Must be a web address starting with https://');

/** An optional web address: '' means "not configured". */
export const OptionalHttpUrl = z.union([z.literal(''), HttpUrl]);

/** An absolute path to a local file, or '' for none. */
export const OptionalFilePath = z
  .string()
  .trim()
  .max(500)
  .refine((s) => s === '' || /^(\/|[A-Za-z]:\\)/.test(s), 'Must be a full file path such as /srv/wms/orders.csv');

const Identifier = z.string().trim().max(200);

/**
 * After a purchase got no clear answer, how long a label that the provider may still create is
 * waited for before the order may be bought again (the station uses at least twice the provider's
 * request timeout, whatever is set here).
 */
/**
 * Before buying, AfterShip is asked whether the order already has a label: 'always', or only while
 * this history may be missing one ('history-gaps': for an order the history has never seen, once it
 * has held every purchase for longer than the lookup reaches back, 30 days). That halves a batch's
 * requests at 10 per second; what it gives up is a station outside the fleet, with its own history
 * and the same AfterShip account, having bought the same order.
 */
export const AskBeforeBuying = z.enum(['always', 'history-gaps']);
export type AskBeforeBuying = z.infer<typeof AskBeforeBuying>;
/** How far back the station's AfterShip label search reaches (and so how old a history must be to answer alone). */
export const AFTERSHIP_LOOKUP_DAYS = 30;

export const LateLabelWindowSeconds = z
  .number()
  .int('Whole seconds')
  .min(30, 'At least 30 seconds: a provider may still create a label that long after a lost answer')
  .max(3600, 'At most one hour');

/**
 * Label files and backups on this station's disk. Label files older than `labelFileRetentionDays`
 * are removed (the label stays in History; a reprint downloads the file again where the provider
 * still has it); 0 keeps them forever. The history (SQLite) is backed up daily into `backupFolder`
 * ('' = the `backups` folder inside the data folder), keeping the newest `backupsKept`.
 */
export const StorageSettings = z.object({
  labelFileRetentionDays: z.number().int('Whole days').min(0, '0 (keep forever) or more').max(3650, 'At most 3650 days (10 years)'),
  backupFolder: fullFolderPath('/srv/backups or D:\\Backups'),
  backupsKept: z.number().int('Whole backups').min(1, 'Keep at least 1 backup').max(365, 'At most 365 backups'),
  dailyBackup: z.boolean(),
});
export type StorageSettings = z.infer<typeof StorageSettings>;

/**
 * How long a scan waits for a bought label's file (all tries together) before it answers "bought,
 * file pending"; the download goes on in the background and the label prints when it arrives.
 */
export const LabelDownloadSettings = z.object({
  deadlineSeconds: z.number().int('Whole seconds').min(1, 'At least 1 second').max(300, 'At most 300 seconds'),
});
export const DEFAULT_LABEL_DOWNLOAD = { deadlineSeconds: 20 };
/** A download still running after this long is shown on the Scan screen (a quick one would only flash). */
export const DOWNLOAD_NOTICE_AFTER_MS = 1000;

export const Settings = z.object({
  provider: ProviderName,
  aftership: z.object({
    baseUrl: HttpUrl,
    /** '' lets AfterShip pick the TikTok shipper account. */
    shipperAccountId: Identifier,
    serviceType: z.string().trim().min(1).max(100),
    lateLabelWindowSeconds: LateLabelWindowSeconds,
    askBeforeBuying: AskBeforeBuying.default('always'),
  }),
  tiktok: z.object({
    apiBaseUrl: HttpUrl,
    authBaseUrl: HttpUrl,
    appKey: Identifier,
    shopCipher: Identifier,
    lateLabelWindowSeconds: LateLabelWindowSeconds,
  }),
  shipium: z.object({ baseUrl: HttpUrl, lateLabelWindowSeconds: LateLabelWindowSeconds }),
  shopify: z.object({ storeUrl: OptionalHttpUrl }),
  /** A CSV/JSON order file exported by the WMS: the fallback order source. */
  ordersFile: OptionalFilePath,
  printers: PrinterSetup,
  defaultParcel: Parcel,
  /** Kept for stations set up before operators signed in: no record uses it any more (see operators). */
  operator: z.string().trim().max(60),
  sandbox: z.object({ latencyMs: z.number().int().min(0).max(30_000) }),
  operators: z.object({
    /** Signs the operator out after this many minutes without a key or a click; 0 never. */
    idleSignOutMinutes: z.number().int('Whole minutes').min(0, '0 (never) or more').max(480, 'At most 480 minutes (8 hours)'),
    /** History or Settings left untouched this long goes back to the Scan screen; 0 never. */
    returnToScanSeconds: z
      .number()
      .int('Whole seconds')
      .min(0, '0 (never) or more')
      .max(3600, 'At most 3600 seconds (one hour)')
      .default(60),
  }),
  /** The cartons the station stocks, for the splitter; the first is its usual box. */
  boxPresets: BoxPresets,
  /** The station's rule for one box: more units than this and the splitter is proposed. */
  packing: PackingRule,
  /** The shipping scale and the rules a scan follows with it. */
  scale: ScaleSettings,
  /** Retention of label files and the daily backup of the history. */
  storage: StorageSettings,
  /** The label file download's overall deadline (issue 13). */
  labelDownload: LabelDownloadSettings.default(DEFAULT_LABEL_DOWNLOAD),
  /** The Station API for systems (issue 14): off by default. */
  systemsApi: SystemsApiSettings.default(DEFAULT_SYSTEMS_API),
  /** Where History's CSV exports go (issue 12); LABEL_STATION_EXPORT_DIR wins when set. */
  exports: ExportSettings.default(DEFAULT_EXPORTS),
});
export type Settings = z.infer<typeof Settings>;

export const SettingsPatch = z
  .object({
    provider: ProviderName,
    aftership: Settings.shape.aftership.partial(),
    tiktok: Settings.shape.tiktok.partial(),
    shipium: Settings.shape.shipium.partial(),
    shopify: Settings.shape.shopify.partial(),
    ordersFile: Settings.shape.ordersFile,
    /** The whole printer list (the Settings screen saves it at once). */
    printers: PrinterSetup,
    /** Changes the default printer only (environment presets such as LABEL_STATION_PRINTER use this). */
    printer: PrinterSettings.partial(),
    defaultParcel: z.object({ dimension: Dimension, weight: Weight }).partial(),
    operator: Settings.shape.operator,
    sandbox: Settings.shape.sandbox.partial(),
    operators: Settings.shape.operators.partial(),
    /** The whole preset list, in its order (the Settings screen saves it at once). */
    boxPresets: BoxPresets,
    packing: PackingRule.partial(),
    /** The whole scale section (the Settings screen saves it at once). */
    scale: ScaleSettings,
    storage: StorageSettings.partial(),
    labelDownload: LabelDownloadSettings.partial(),
    systemsApi: SystemsApiSettings.partial(),
    exports: ExportSettings.partial(),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

/** Secrets the renderer may set or remove, never read. */
export const SecretName = z.enum(['aftershipApiKey', 'tiktokAppSecret', 'shipiumApiKey', 'shopifyAdminToken']);
export type SecretName = z.infer<typeof SecretName>;

/** Settings as the renderer sees them: never a secret itself, only whether it is set. */
export const PublicSettings = Settings.extend({
  secrets: z.record(SecretName, z.boolean()),
  tiktokAuthorization: z.object({
    authorized: z.boolean(),
    /** When the access token expires (ISO), if authorized. */
    accessTokenExpiresAt: z.string().nullable(),
    shopName: z.string().nullable(),
  }),
  /** Settings preset by environment variables; the UI shows them read-only. */
  lockedByEnv: z.array(z.object({ field: z.string(), variable: z.string() })),
});
export type PublicSettings = z.infer<typeof PublicSettings>;
