/** Write-back and events out: the events a WMS may hear of, its webhook destinations, the delivery log. Pure zod. */
import { z } from 'zod';

export const WEBHOOK_EVENTS = ['label.bought', 'label.printed', 'label.print_failed', 'label.needs_checking'] as const;
export const WebhookEvent = z.enum(WEBHOOK_EVENTS);
export type WebhookEvent = z.infer<typeof WebhookEvent>;

/** The words Settings uses for each event. */
export const WEBHOOK_EVENT_TITLES: Record<WebhookEvent, string> = {
  'label.bought': 'Label bought',
  'label.printed': 'Label printed',
  'label.print_failed': 'Print failed',
  'label.needs_checking': 'Needs checking',
};

/** https anywhere; http only to this computer (a WMS on the same machine, tests). */
export const WebhookUrl = z
  .string()
  .trim()
  .max(500, 'That address is too long.')
  .refine((s) => URL.canParse(s), 'Must be a web address such as https://wms.example.com/hooks/labels')
  .refine((s) => {
    if (!URL.canParse(s)) return true;
    const url = new URL(s);
    if (url.username || url.password) return false;
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  }, 'Must start with https:// (http:// only to this computer, 127.0.0.1), without a user name or password in it');

export const WebhookId = z.string().regex(/^wh_[a-z0-9]{6,32}$/, 'Not a webhook of this station.');

export const WebhookDestination = z.object({
  id: WebhookId,
  name: z.string().trim().min(1, 'Give the webhook a name, e.g. "Main WMS".').max(60, 'At most 60 characters.'),
  url: WebhookUrl,
  events: z.array(WebhookEvent).min(1, 'Choose at least one event.'),
  enabled: z.boolean(),
});
export type WebhookDestination = z.infer<typeof WebhookDestination>;

/** A CSV file on this station's computer that gets one row per event (for a WMS that reads files); '' for none. */
export const ExportFileSettings = z.object({
  path: z
    .string()
    .trim()
    .max(500)
    .refine(
      (s) => s === '' || (/^(\/|[A-Za-z]:\\)/.test(s) && /\.csv$/i.test(s)),
      'Must be a full path to a .csv file, such as /srv/wms/labels.csv, or empty for none',
    ),
  events: z.array(WebhookEvent).min(1, 'Choose at least one event.'),
});
export type ExportFileSettings = z.infer<typeof ExportFileSettings>;

/** Write-back settings as saved: Shopify fulfillments on or off, the webhooks, the export file. Secrets live apart. */
export const WritebackSettings = z.object({
  shopifyFulfillment: z.boolean(),
  webhooks: z.array(WebhookDestination).max(20, 'At most 20 webhooks.'),
  exportFile: ExportFileSettings.default({ path: '', events: ['label.bought'] }),
});
export type WritebackSettings = z.infer<typeof WritebackSettings>;

/** As the renderer sees them: whether each webhook has its signing secret, never the secret. */
export const WritebackView = z.object({
  shopifyFulfillment: z.boolean(),
  exportFile: ExportFileSettings,
  webhooks: z.array(WebhookDestination.extend({ secretSet: z.boolean() })),
});
export type WritebackView = z.infer<typeof WritebackView>;

/** A new webhook or changes to one (no id: a new one). */
export const WebhookInput = WebhookDestination.omit({ id: true }).extend({ id: WebhookId.optional() });

export const DeliveryState = z.enum(['pending', 'delivered', 'failed', 'through_provider']);
export type DeliveryState = z.infer<typeof DeliveryState>;

export const DeliveryLogEntry = z.object({
  id: z.number().int(),
  event: z.string(),
  eventId: z.string(),
  labelId: z.string(),
  orderId: z.string(),
  destination: z.string(),
  destinationName: z.string(),
  state: DeliveryState,
  attempts: z.number().int(),
  /** When the next try is due (pending only). */
  nextTryAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** e.g. "tracking reaches TikTok through AfterShip", "fulfillment already in Shopify". */
  note: z.string(),
  occurredAt: z.string(),
  updatedAt: z.string(),
});
export type DeliveryLogEntry = z.infer<typeof DeliveryLogEntry>;

export const DeliveryLog = z.object({
  entries: z.array(DeliveryLogEntry),
  /** Deliveries still waiting, and those that gave up and need attention. */
  pending: z.number().int(),
  failed: z.number().int(),
});
export type DeliveryLog = z.infer<typeof DeliveryLog>;

/**
 * The JSON body of every webhook, stable: fields are only ever added. Signed with HMAC-SHA256 over
 * `${timestamp}.${body}` in the `Label-Station-Signature: t=<unix seconds>,v1=<hex>` header.
 */
export interface WebhookPayload {
  id: string;
  type: WebhookEvent;
  occurredAt: string;
  data: {
    labelId: string;
    orderId: string;
    trackingNumbers: string[];
    provider: string;
    station: string;
  };
}
