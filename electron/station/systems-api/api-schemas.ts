/**
 * What the Station API for systems takes and gives, as zod schemas: every request is validated with
 * them and the OpenAPI document is generated from them (openapi.ts), so the two cannot drift.
 * Labels, history pages, print outcomes and health reuse the station's own shared schemas.
 */
import { z } from 'zod';
import { ShipmentBoxOutcome } from '../../../shared/contract';
import { HealthReport } from '../../../shared/domain/health';
import { DaySummary, LocalDate } from '../../../shared/domain/reports';
import { HistoryCursor } from '../../../shared/domain/history-search';
import { LabelDetail, LabelRecord, LabelStatus } from '../../../shared/domain/labels';
import { Parcel } from '../../../shared/domain/parcels';
import { PrinterId } from '../../../shared/domain/printers';
import { ReprintReason } from '../../../shared/domain/reprint-reasons';
import { ShipmentBox } from '../../../shared/domain/shipments';
import { ProblemCode } from '../../../shared/errors';

export { HealthReport, DaySummary };

/** The caller's key for one label request: the same key again returns the first answer, never a second label. */
export const IdempotencyKey = z
  .string()
  .min(8, 'The Idempotency-Key header must be 8 to 200 characters (a UUID is a good key).')
  .max(200, 'The Idempotency-Key header must be 8 to 200 characters (a UUID is a good key).')
  .regex(/^[\x21-\x7e]+$/, 'The Idempotency-Key header may hold only visible ASCII characters (no spaces).');

export const LabelRequestBody = z
  .object({
    order: z
      .string()
      .trim()
      .min(1, 'Give the order: its 18-digit TikTok order ID, a Shopify order number (#1001) or a packing-slip barcode.')
      .max(200, 'That order is too long to be an order ID.')
      .describe('The order as the station would scan it: the 18-digit TikTok order ID, a Shopify order number or a packing-slip barcode.'),
    parcel: Parcel.optional().describe("One parcel's box size and packed weight; the station's default package when absent."),
    boxes: z
      .array(ShipmentBox)
      .min(1, 'Send at least one box.')
      .max(20, 'At most 20 boxes per shipment.')
      .optional()
      .describe(
        'A shipment packed in several boxes: each box with its line item IDs (one per unit), size and weight, in the order the labels print. Needs the 18-digit TikTok order ID as `order`.',
      ),
    printerId: PrinterId.optional().describe(
      'Which of the station’s printers prints the label (GET /v1/printers); the default printer when absent.',
    ),
    itemsChecked: z
      .array(z.string().trim().min(1).max(64))
      .max(2000)
      .optional()
      .describe(
        'Where the station checks items before buying (Settings → packing check): the line item IDs the WMS checked into the parcel, one per unit. Without it such a station answers 409 check_needed.',
      ),
    station: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe(
        'The station that must print the label (its name). A station prints only on its own printers: a request naming another station of the fleet is passed on to that station’s Station API (with the same token and Idempotency-Key) and its answer returned; 421 other_station when that station’s API is off or unknown, 502 station_unreachable when it does not answer.',
      ),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.itemsChecked && body.boxes)
      ctx.addIssue({
        code: 'custom',
        path: ['itemsChecked'],
        message: 'A shipment in boxes lists its items per box (`boxes[].itemIds`), not in `itemsChecked`.',
      });
    if (body.parcel && body.boxes)
      ctx.addIssue({ code: 'custom', path: ['boxes'], message: 'Send either `parcel` (one box) or `boxes`, not both.' });
    if (body.boxes && !/^\d{18}$/.test(body.order))
      ctx.addIssue({ code: 'custom', path: ['order'], message: 'A shipment in boxes needs the 18-digit TikTok order ID as `order`.' });
  });
export type LabelRequestBody = z.infer<typeof LabelRequestBody>;

/** A label as the API shows it: the history's record without the station's own file path. */
export const ApiLabel = LabelRecord.omit({ filePath: true });
export const ApiLabelDetail = LabelDetail.omit({ filePath: true });

/**
 * The station's problem code. Open-ended in the document (new codes come with new versions of the
 * station; each is listed in the station's shared/errors.ts), checked against the table when sent.
 */
const ApiProblemCode = z
  .string()
  .regex(/^[a-z0-9_]+$/)
  .refine((code) => ProblemCode.safeParse(code).success, 'Not a station problem code')
  .describe('The station’s problem code, e.g. label_may_exist, order_busy, idempotency_key_reused (the set grows with new versions).');

/** A problem as data inside a successful answer (a label bought but not printed yet). */
export const ProblemBrief = z.object({ code: ApiProblemCode, message: z.string(), nextStep: z.string() });

export const LabelRequestResult = z.object({
  /**
   * printed: bought now and printed; queued: bought, waiting for the printer (it prints by itself);
   * print_failed: bought and saved but not printed (reprint it); already_labelled: the order had its
   * label, nothing was bought; incomplete: some boxes of a shipment have no label (retry the same
   * request: only those are bought).
   */
  outcome: z.enum(['printed', 'queued', 'print_failed', 'already_labelled', 'incomplete']),
  orderId: z.string(),
  labels: z.array(ApiLabel),
  /** For a shipment in boxes: each box's outcome, in box order. */
  boxes: z
    .array(
      ShipmentBoxOutcome.omit({ label: true, problem: true }).extend({ labelId: z.string().nullable(), problem: ProblemBrief.optional() }),
    )
    .optional(),
  message: z.string(),
  problem: ProblemBrief.optional(),
});
export type LabelRequestResult = z.infer<typeof LabelRequestResult>;

export const ReprintBody = z
  .object({
    reason: ReprintReason.describe('Why the label is printed again (kept on its print attempts), e.g. "Label damaged".'),
    printerId: PrinterId.optional().describe('Which printer; the default printer when absent.'),
    box: z.number().int().min(1).max(20).optional().describe('Only this box of a shipment in boxes (its number); every box when absent.'),
  })
  .strict();
export type ReprintBody = z.infer<typeof ReprintBody>;

export const PrintResult = z.object({
  /** true only when the printer took the whole label and reported no fault. */
  ok: z.boolean(),
  printer: z.string(),
  /** Set when the label waits in the station's print queue (it prints by itself once the printer is ready). */
  queuedJobId: z.number().int().nullable(),
  problem: ProblemBrief.optional(),
});
export type PrintResult = z.infer<typeof PrintResult>;

export const LabelIdParam = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'A label ID holds only letters, digits, - and _.');

/** GET /v1/labels: History's search as query parameters. */
export const HistoryQuery = z
  .object({
    q: z
      .string()
      .max(100, 'A search is at most 100 characters: one order or tracking number.')
      .default('')
      .describe('Any part of an order ID, tracking number, Shopify order number or operator.'),
    status: LabelStatus.optional(),
    from: z.iso.datetime({ offset: true, message: '`from` must be a full date and time, e.g. 2026-12-05T00:00:00Z.' }).optional(),
    to: z.iso.datetime({ offset: true, message: '`to` must be a full date and time, e.g. 2026-12-06T00:00:00Z.' }).optional(),
    station: z.string().trim().min(1).max(100).optional(),
    limit: z.coerce.number().int('`limit` is a whole number.').min(1, '`limit` is 1 to 200.').max(200, '`limit` is 1 to 200.').default(50),
    cursor: z.string().max(400).optional().describe('`nextCursor` of the previous page.'),
  })
  .strict();
export type HistoryQuery = z.infer<typeof HistoryQuery>;

export const DayQuery = z
  .object({
    date: LocalDate.optional().describe("The station's calendar day, YYYY-MM-DD; today when left out."),
  })
  .strict();
export type DayQuery = z.infer<typeof DayQuery>;

export const HistoryResult = z.object({
  labels: z.array(ApiLabel),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
  total: z.number().int(),
  totalIsMore: z.boolean(),
});
export type HistoryResult = z.infer<typeof HistoryResult>;

export const PrinterList = z.array(z.object({ id: z.string(), name: z.string(), language: z.string(), isDefault: z.boolean() }));
export type PrinterList = z.infer<typeof PrinterList>;

/** RFC 9457 problem details, with the station's problem code and next step. */
export const ProblemDetails = z.object({
  type: z.string().describe('urn:label-station:problem:<code>'),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: ApiProblemCode,
  nextStep: z.string(),
  /** Invalid fields by dotted path, each with its messages (400 invalid_input). */
  fields: z.record(z.string(), z.array(z.string())).optional(),
});
export type ProblemDetails = z.infer<typeof ProblemDetails>;

/** The cursor as the API passes it: opaque base64url of History's keyset cursor. */
export function encodeCursor(cursor: HistoryCursor | null): string | null {
  return cursor && Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(text: string): HistoryCursor | undefined {
  try {
    const parsed = HistoryCursor.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
