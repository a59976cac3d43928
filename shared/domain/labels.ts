/** The rules of a label's life that the core, the SQL and the screens must agree on. */
import { z } from 'zod';
import { ProviderName } from './providers';

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

/**
 * A purchase that got no clear answer (unknown), or a row left in buying: a label may exist, so the
 * order must not be bought again until the provider or a supervisor says none does.
 */
/** The provider sold the label: it exists and has (or will have) a file to print. */
export const SOLD_STATUSES = ['bought', 'queued', 'printed', 'print_failed'] as const satisfies readonly LabelStatus[];

export const UNCERTAIN_STATUSES = ['buying', 'unknown'] as const satisfies readonly LabelStatus[];

export function canReprint(status: LabelStatus): boolean {
  return (REPRINTABLE_STATUSES as readonly LabelStatus[]).includes(status);
}

export function isUncertain(status: LabelStatus): boolean {
  return (UNCERTAIN_STATUSES as readonly LabelStatus[]).includes(status);
}
