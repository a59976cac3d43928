/** The rules of a label's life that the core, the SQL and the screens must agree on. */
import type { LabelStatus } from '../schemas';

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
