/** The rules of a label's life that the core, the SQL and the screens must agree on. */
import { z } from 'zod';
import { ProviderName } from './providers';
import { LabelBox } from './shipments';

export const LabelFormat = z.enum(['pdf', 'zpl', 'png']);
export type LabelFormat = z.infer<typeof LabelFormat>;

/**
 * buying: the row was written (the order claimed) before the provider was asked.
 * checking: the purchase got no clear answer (timeout, reset, 5xx, crash): the label may still be
 *   created late, so no station buys this order until `checkUntil` has passed and the provider
 *   has said "none" again after it. The station keeps asking in the background meanwhile.
 * unknown: the provider cannot be asked (Shipium) or kept failing to answer after the window: a
 *   supervisor must check the provider's dashboard; the station still asks in the background.
 * bought: the provider sold the label; printed / print_failed follow.
 * queued: bought and waiting in the print queue (printer off, paused, out of paper): it prints by
 *   itself once the printer is ready.
 * failed: the provider refused; nothing was bought.
 */
export const LabelStatus = z.enum(['buying', 'checking', 'unknown', 'bought', 'queued', 'printed', 'print_failed', 'failed']);
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
  /** Who printed, reprinted or queued it; '' for attempts recorded before operators signed in. */
  operator: z.string(),
  /** Why a reprint was made (the reason the operator picked or typed); null for a first print. */
  reason: z.string().nullable().default(null),
  /** The station that printed it (its name); '' when not recorded (before fleets kept it). */
  station: z.string().default(''),
});
export type PrintAttempt = z.infer<typeof PrintAttempt>;

/**
 * A supervisor bought this label without the packing check (Settings → Packing): who, why and
 * when, kept with the label so History and the export show it.
 */
export const CheckOverride = z.object({
  /** As records name people: "Sue", or "Sue (approved for Ana)". */
  by: z.string(),
  /** The deciding supervisor's operator ID (the approver's, else the signed-in one's); '' if nobody was signed in. */
  byId: z.string(),
  reason: z.string(),
  /** ISO 8601 UTC. */
  at: z.string(),
});
export type CheckOverride = z.infer<typeof CheckOverride>;

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
  /** The station that scanned the order (its name, else its id): in a fleet, where the label was bought. */
  station: z.string(),
  /** While checking: until when a late label is waited for (ISO); null otherwise. */
  checkUntil: z.string().nullable(),
  /** The boxes of a split shipment this label covers, in box order; empty for a single parcel. */
  boxes: z.array(LabelBox),
  /** The Shopify order number the order was scanned by ("#1001"); '' or absent for a TikTok order ID. */
  scanned: z.string().optional(),
  /** Bought without the packing check by a supervisor's decision; null or absent when checked (or no check asked). */
  checkOverride: CheckOverride.nullable().optional(),
});
export type LabelRecord = z.infer<typeof LabelRecord>;

export const LabelDetail = LabelRecord.extend({ printAttempts: z.array(PrintAttempt) });
export type LabelDetail = z.infer<typeof LabelDetail>;

export const JobStep = z.enum(['resolving', 'buying', 'printing', 'done', 'failed']);
export type JobStep = z.infer<typeof JobStep>;

/** What a provider sold: recorded in the history as it came, so any station can reprint it. */
export interface PurchasedLabel {
  providerLabelId: string;
  trackingNumbers: string[];
  cost: { amount: number; currency: string } | null;
  /** Where the label file can be downloaded (https://…, or sandbox://… for the sandbox). */
  labelUrl: string;
}

/**
 * Statuses of a label the provider sold whose file can be printed again. Not 'queued': that label
 * prints by itself once its printer is ready (cancel it in the print queue to print it elsewhere).
 */
export const REPRINTABLE_STATUSES = ['bought', 'printed', 'print_failed'] as const satisfies readonly LabelStatus[];

/** The provider sold the label: it exists and has (or will have) a file to print. */
export const SOLD_STATUSES = ['bought', 'queued', 'printed', 'print_failed'] as const satisfies readonly LabelStatus[];

/**
 * A purchase under way or without a clear answer: a label may exist, so the order must not be
 * bought again until the provider (after the checking window) or a supervisor says none does.
 */
export const UNCERTAIN_STATUSES = ['buying', 'checking', 'unknown'] as const satisfies readonly LabelStatus[];

export function canReprint(status: LabelStatus): boolean {
  return (REPRINTABLE_STATUSES as readonly LabelStatus[]).includes(status);
}

export type UncertainStatus = (typeof UNCERTAIN_STATUSES)[number];

export function isUncertain(status: LabelStatus): status is UncertainStatus {
  return (UNCERTAIN_STATUSES as readonly LabelStatus[]).includes(status);
}

/**
 * Bought (or adopted after a lost answer) but never sent to a printer: the next scan of its order
 * prints it (that is not a reprint), and the Scan screen lists it with a one-key Print.
 */
export function isUnprinted(label: Pick<LabelRecord, 'status' | 'printCount'>): boolean {
  return label.status === 'bought' && label.printCount === 0;
}
