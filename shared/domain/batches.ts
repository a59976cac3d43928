/**
 * Batches: a list of orders (pasted order IDs or Shopify numbers, or a WMS batch barcode) bought and
 * printed back to back. Each entry goes through the same scan job as a single scan.
 */
import { z } from 'zod';

/** Where an entry stands. `running`: its scan job started (after a crash it is run again, which never buys twice). */
export const BatchEntryState = z.enum([
  'pending',
  'running',
  /** Bought (or adopted) and printed, or waiting in the print queue. */
  'bought',
  /** The order already had a label: nothing was bought, nothing printed. */
  'already_labelled',
  /** The same order appears earlier in the list: not bought twice. */
  'duplicate',
  'failed',
]);
export type BatchEntryState = z.infer<typeof BatchEntryState>;

export const BatchState = z.enum(['running', 'pausing', 'paused', 'done']);
export type BatchState = z.infer<typeof BatchState>;

export const BatchEntry = z.object({
  position: z.number().int().min(1),
  /** What was pasted or listed, as typed. */
  scan: z.string(),
  orderId: z.string().nullable(),
  state: BatchEntryState,
  /** For a failed entry: what went wrong and what to do, in the scan's own words. */
  message: z.string(),
  tracking: z.string().nullable(),
  /** The label waits in the print queue (printer not ready) rather than printed. */
  queued: z.boolean(),
});
export type BatchEntry = z.infer<typeof BatchEntry>;

export const BatchCounts = z.object({
  total: z.number().int(),
  pending: z.number().int(),
  running: z.number().int(),
  bought: z.number().int(),
  alreadyLabelled: z.number().int(),
  duplicate: z.number().int(),
  failed: z.number().int(),
});
export type BatchCounts = z.infer<typeof BatchCounts>;

export const BatchSummary = z.object({
  id: z.string(),
  name: z.string(),
  state: BatchState,
  createdAt: z.string(),
  updatedAt: z.string(),
  operator: z.string(),
  /** Why it is paused when the station paused it (a restart), else ''. */
  note: z.string(),
  counts: BatchCounts,
});
export type BatchSummary = z.infer<typeof BatchSummary>;

export const BatchView = BatchSummary.extend({ entries: z.array(BatchEntry) });
export type BatchView = z.infer<typeof BatchView>;

/** At most this many orders in one batch. */
export const MAX_BATCH_ORDERS = 1000;

/** A batch barcode: BATCH:<id>, the id as the WMS file's `batch` column has it. */
export const BATCH_BARCODE = /^BATCH:([A-Za-z0-9._-]{1,64})$/i;

export const BatchInput = z.union([
  z.object({
    kind: z.literal('list'),
    /** One order per line: TikTok order IDs, Shopify numbers (#1001), packing-slip barcodes. */
    text: z
      .string()
      .max(100_000, 'That list is too long: split it into batches of at most 1000 orders.')
      .refine((text) => text.split(/\r?\n/).some((line) => line.trim() !== ''), 'Paste at least one order ID, one per line.'),
    name: z.string().trim().max(80).optional(),
  }),
  z.object({
    kind: z.literal('barcode'),
    barcode: z.string().trim().regex(BATCH_BARCODE, 'A batch barcode looks like BATCH:W-1042 (the batch column of the WMS order file).'),
  }),
]);
export type BatchInput = z.infer<typeof BatchInput>;

/** The lines of a pasted list: trimmed, empty lines dropped. */
export function batchLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function countEntries(entries: readonly Pick<BatchEntry, 'state'>[]): BatchCounts {
  const counts: BatchCounts = { total: entries.length, pending: 0, running: 0, bought: 0, alreadyLabelled: 0, duplicate: 0, failed: 0 };
  for (const { state } of entries) {
    if (state === 'already_labelled') counts.alreadyLabelled += 1;
    else counts[state] += 1;
  }
  return counts;
}
