/** What the print queue is given (send and status functions) and what it tells the UI. */
import { z } from 'zod';

/** Delivers one payload to a printer address; rejects on a transport failure. */
export type SendFn = (address: string, payload: Buffer) => Promise<{ bytes: number }>;

export interface PrinterStatusReport {
  ok: boolean;
  /** Machine-readable fault names, e.g. 'paused', 'paper_out', 'head_open', 'no_answer'. */
  faults: string[];
  /** The fault in words for a packer, e.g. "The printer is out of paper." */
  message: string;
}

/** Asks the printer whether it is ready; a printer that does not answer must be reported as not ok. */
export type StatusFn = (address: string) => Promise<PrinterStatusReport>;

export type PrinterQueueState = 'ok' | 'held' | 'retrying';

/** The 'printer' event: what the UI shows next to a printer. */
export interface PrinterQueueStatus {
  printer: string;
  state: PrinterQueueState;
  message: string;
}

export const PrinterStatusReportSchema = z.object({
  ok: z.boolean(),
  faults: z.array(z.string()),
  message: z.string(),
});

export const EnqueueInputSchema = z
  .object({
    labelId: z.string().min(1).max(200).nullable(),
    printer: z.string().trim().min(1, 'the printer address is empty').max(1000),
    payload: z
      .custom<Uint8Array>((v) => v instanceof Uint8Array, 'the label to print must be bytes')
      .refine((p) => p.byteLength > 0, 'the label to print is empty'),
    reprint: z.boolean(),
    operator: z.string().max(200).optional(),
    reason: z.string().max(200).nullable().optional(),
  })
  .strict();
export interface EnqueueInput {
  /** The history label this prints, or null (e.g. a test label). */
  labelId: string | null;
  /** Printer address as in Settings; one worker per distinct address. */
  printer: string;
  /** The bytes for the printer, ready to send (ZPL, EPL, ...). */
  payload: Uint8Array;
  reprint: boolean;
  /** Who printed it; recorded with every print attempt of the job. */
  operator?: string;
  /** Why a reprint was made; recorded with every print attempt of the job. */
  reason?: string | null;
}

const delay = z.number().finite().positive();
export const QueueTimingSchema = z.object({
  retryDelaysMs: z.array(delay).min(1).max(100).optional(),
  statusPollMs: delay.optional(),
  statusTimeoutMs: delay.optional(),
});
