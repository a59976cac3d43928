/** The print queue as the renderer sees it: which printer waits for what, and why. */
import { z } from 'zod';

export const PrintJobState = z.enum(['queued', 'sending', 'retrying', 'held', 'done', 'cancelled']);
export type PrintJobState = z.infer<typeof PrintJobState>;

export const PrintJobView = z.object({
  id: z.number().int(),
  labelId: z.string().nullable(),
  orderId: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  /** null when no configured printer has this address any more (the job still prints there). */
  printerId: z.string().nullable(),
  printerName: z.string(),
  address: z.string(),
  state: PrintJobState,
  attempts: z.number().int(),
  /** Why the job is retrying or held, in words for a packer. */
  lastError: z.string().nullable(),
  reprint: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PrintJobView = z.infer<typeof PrintJobView>;

export const PrinterQueueView = z.object({
  printerId: z.string().nullable(),
  name: z.string(),
  address: z.string(),
  /** ok: nothing waits or printing flows; held: the printer reports a fault; retrying: it cannot be reached. */
  state: z.enum(['ok', 'held', 'retrying']),
  message: z.string(),
  waiting: z.number().int(),
});
export type PrinterQueueView = z.infer<typeof PrinterQueueView>;

export const PrintQueueView = z.object({
  /** Printers with unfinished jobs or a recent fault; a printer that is fine and idle is left out. */
  printers: z.array(PrinterQueueView),
  /** Unfinished jobs, oldest first. */
  jobs: z.array(PrintJobView),
});
export type PrintQueueView = z.infer<typeof PrintQueueView>;
