/** Domain schemas shared by the station core, the shells and the renderer. Pure zod, no Node, no DOM. */
import { z } from 'zod';

export const ProviderName = z.enum(['sandbox', 'aftership', 'tiktok', 'shipium']);
export type ProviderName = z.infer<typeof ProviderName>;

export const Dpi = z.union([z.literal(203), z.literal(300), z.literal(600)]);
export type Dpi = z.infer<typeof Dpi>;

export const Dimension = z.object({
  width: z.number().positive('Width must be more than 0').max(200, 'Width is too large'),
  height: z.number().positive('Height must be more than 0').max(200, 'Height is too large'),
  depth: z.number().positive('Depth must be more than 0').max(200, 'Depth is too large'),
  unit: z.enum(['in', 'cm']),
});
export type Dimension = z.infer<typeof Dimension>;

export const Weight = z.object({
  value: z.number().positive('Weight must be more than 0').max(2000, 'Weight is too large'),
  unit: z.enum(['lb', 'kg', 'oz', 'g']),
});
export type Weight = z.infer<typeof Weight>;

export const Parcel = z.object({ dimension: Dimension, weight: Weight });
export type Parcel = z.infer<typeof Parcel>;

/**
 * A printer address: `tcp://host[:port]` (port 9100 when omitted), an absolute device/file path such
 * as `/dev/usb/lp0`, an OS queue `cups:QUEUE` (Linux/macOS) or `windows:PRINTER NAME`.
 */
export const PrinterAddress = z
  .string()
  .trim()
  .min(1, 'Enter the printer address, e.g. tcp://192.168.1.50:9100, /dev/usb/lp0 or cups:Zebra')
  .max(300)
  .refine(
    (s) =>
      /^tcp:\/\/[A-Za-z0-9.\-[\]:]+(:\d{1,5})?\/?$/.test(s) ||
      /^(\/|[A-Za-z]:\\|\\\\)/.test(s) ||
      /^cups:[A-Za-z0-9_.\-@]{1,127}$/.test(s) ||
      /^windows:[^\u0000-\u001f]{1,200}$/.test(s),
    { message: 'Printer address must look like tcp://192.168.1.50:9100, /dev/usb/lp0, cups:QUEUE or windows:PRINTER NAME' },
  );

/** What the printer understands: label languages for thermal printers, or PDF for an OS queue (laser/A4). */
export const PrinterLanguage = z.enum(['zpl', 'epl', 'tspl', 'escpos', 'pdf']);
export type PrinterLanguage = z.infer<typeof PrinterLanguage>;

export const MediaSize = z.enum(['4x6', '4x8', 'a6', '100x150mm']);
export type MediaSize = z.infer<typeof MediaSize>;

export const PrinterSettings = z.object({
  address: PrinterAddress,
  dpi: Dpi,
  language: PrinterLanguage,
  media: MediaSize,
  /**
   * Ask the printer after each label whether it is ready (Zebra ~HS, ESC/POS status; network
   * printers only): a label counts as printed only then. Off for a printer that never answers.
   */
  statusCheck: z.boolean().default(true),
});
export type PrinterSettings = z.infer<typeof PrinterSettings>;

export const PrinterId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'A printer ID is 1 to 40 lower-case letters, digits and dashes');
export type PrinterId = z.infer<typeof PrinterId>;

/** One printer of the station: a label printer, an A4 laser queue, a spare... */
export const PrinterProfile = PrinterSettings.extend({
  id: PrinterId,
  name: z.string().trim().min(1, 'Give the printer a name, e.g. "Packing 1 labels"').max(60, 'Keep the printer name under 60 characters'),
});
export type PrinterProfile = z.infer<typeof PrinterProfile>;

export const MAX_PRINTERS = 8;

/** The station's printers; scans print on the default one, reprints and test prints may pick another. */
export const PrinterSetup = z
  .object({
    defaultId: PrinterId,
    list: z
      .array(PrinterProfile)
      .min(1, 'Keep at least one printer')
      .max(MAX_PRINTERS, `A station can have up to ${MAX_PRINTERS} printers`),
  })
  .superRefine((setup, ctx) => {
    const ids = new Set<string>();
    const names = new Set<string>();
    setup.list.forEach((p, i) => {
      if (ids.has(p.id)) ctx.addIssue({ code: 'custom', path: ['list', i, 'id'], message: `Two printers have the ID "${p.id}"` });
      const name = p.name.toLowerCase();
      if (names.has(name))
        ctx.addIssue({ code: 'custom', path: ['list', i, 'name'], message: `Two printers are called "${p.name}": give each its own name` });
      ids.add(p.id);
      names.add(name);
    });
    if (!ids.has(setup.defaultId)) ctx.addIssue({ code: 'custom', path: ['defaultId'], message: 'Choose which printer is the default' });
  });
export type PrinterSetup = z.infer<typeof PrinterSetup>;

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

export const Settings = z.object({
  provider: ProviderName,
  aftership: z.object({
    baseUrl: HttpUrl,
    /** '' lets AfterShip pick the TikTok shipper account. */
    shipperAccountId: Identifier,
    serviceType: z.string().trim().min(1).max(100),
  }),
  tiktok: z.object({
    apiBaseUrl: HttpUrl,
    authBaseUrl: HttpUrl,
    appKey: Identifier,
    shopCipher: Identifier,
  }),
  shipium: z.object({ baseUrl: HttpUrl }),
  shopify: z.object({ storeUrl: OptionalHttpUrl }),
  /** A CSV/JSON order file exported by the WMS: the fallback order source. */
  ordersFile: OptionalFilePath,
  printers: PrinterSetup,
  defaultParcel: Parcel,
  operator: z.string().trim().max(60),
  sandbox: z.object({ latencyMs: z.number().int().min(0).max(30_000) }),
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

export const LabelFormat = z.enum(['pdf', 'zpl', 'png']);
export type LabelFormat = z.infer<typeof LabelFormat>;

/**
 * buying: the row was written before the provider was asked; left there only if the answer was lost.
 * unknown: the request may have reached the provider but no answer came (timeout, reset): a label
 *   may exist, so the station refuses to buy again until someone checks.
 * bought: the provider sold the label; printed / print_failed follow.
 * queued: bought and waiting in the print queue (printer off, paused, out of paper): it prints by
 *   itself once the printer is ready.
 * failed: the provider refused; nothing was bought.
 */
export const LabelStatus = z.enum(['buying', 'unknown', 'bought', 'queued', 'printed', 'print_failed', 'failed']);
export type LabelStatus = z.infer<typeof LabelStatus>;

export const Money = z.object({ amount: z.number(), currency: z.string() });

export const PrintAttempt = z.object({
  id: z.number().int(),
  labelId: z.string(),
  at: z.string(),
  printer: z.string(),
  ok: z.boolean(),
  reprint: z.boolean(),
  bytes: z.number().int(),
  error: z.string().nullable(),
});
export type PrintAttempt = z.infer<typeof PrintAttempt>;

export const LabelRecord = z.object({
  id: z.string(),
  orderId: z.string(),
  provider: ProviderName,
  sandbox: z.boolean(),
  providerLabelId: z.string().nullable(),
  trackingNumbers: z.array(z.string()),
  cost: Money.nullable(),
  status: LabelStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
  operator: z.string(),
  printer: z.string(),
  format: LabelFormat.nullable(),
  filePath: z.string().nullable(),
  error: z.string().nullable(),
  printCount: z.number().int(),
});
export type LabelRecord = z.infer<typeof LabelRecord>;

export const LabelDetail = LabelRecord.extend({ printAttempts: z.array(PrintAttempt) });
export type LabelDetail = z.infer<typeof LabelDetail>;

export const JobStep = z.enum(['resolving', 'buying', 'printing', 'done', 'failed']);
export type JobStep = z.infer<typeof JobStep>;
