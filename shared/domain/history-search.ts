/**
 * What History can be asked: a query (any part of an order ID, a tracking number of any box, the
 * Shopify order number that was scanned, an operator), filters, and a keyset cursor. Pages are read
 * newest first by (createdAt, id): the cursor is the last row of the previous page.
 */
import { z } from 'zod';
import { LabelRecord, LabelStatus } from './labels';
import { ProviderName } from './providers';

/** Shorter queries match the start of a field only; from this length any part of it. */
export const SUBSTRING_MIN_LENGTH = 3;

/** Totals are counted up to this many rows; beyond it History says "more than 1,000". */
export const HISTORY_TOTAL_CAP = 1000;

const IsoTime = z.iso.datetime({ offset: true, message: 'A date must be a full date and time, e.g. 2026-12-05T00:00:00Z.' });

export const HistoryCursor = z.object({ createdAt: IsoTime, id: z.string().min(1).max(64) }).strict();
export type HistoryCursor = z.infer<typeof HistoryCursor>;

export const HistoryFilters = z
  .object({
    /** Labels created at or after this time. */
    from: IsoTime.optional(),
    /** Labels created before this time. */
    to: IsoTime.optional(),
    provider: ProviderName.optional(),
    status: LabelStatus.optional(),
    printer: z.string().trim().min(1).max(300).optional(),
    station: z.string().trim().min(1).max(100).optional(),
    operator: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
  .refine((f) => !f.from || !f.to || Date.parse(f.from) < Date.parse(f.to), {
    message: 'The date range ends before it starts: pick a "to" date after the "from" date.',
  });
export type HistoryFilters = z.infer<typeof HistoryFilters>;

export const HistorySearchInput = z.object({
  query: z.string().max(100, 'A search is at most 100 characters: scan or type one order or tracking number.').default(''),
  /** 'uncertain': only purchases under way or without a clear answer (buying, checking, unknown). */
  filter: z.enum(['all', 'uncertain']).default('all'),
  filters: HistoryFilters.optional(),
  /** The last label of the previous page; none for the first page. */
  cursor: HistoryCursor.nullish(),
  limit: z.number().int().min(1).max(200).default(50),
  /**
   * false: the total is not counted (History's later pages: the first page's total is the one shown,
   * and each page asked again while rows settle would count it once more). The page's total is then null.
   */
  countTotal: z.boolean().optional(),
  /** Before cursors: only the first page (0) is still accepted, so callers asking for it keep working. */
  offset: z.literal(0, 'Pages of History follow the cursor of the previous page, not an offset.').optional(),
});
export type HistorySearchInput = z.input<typeof HistorySearchInput>;
export type HistorySearch = z.output<typeof HistorySearchInput>;

export const HistoryPage = z.object({
  labels: z.array(LabelRecord),
  /** Where the next page starts; null on the last page. */
  nextCursor: HistoryCursor.nullable(),
  /** Matching labels, counted up to HISTORY_TOTAL_CAP (null when not asked for); `totalIsMore`: there are more than that. */
  total: z.number().int().nullable(),
  totalIsMore: z.boolean(),
});
export type HistoryPage = z.infer<typeof HistoryPage>;

/** "1 label", "25 labels", "more than 1,000 labels". */
export function describeTotal(page: { total: number; totalIsMore: boolean }): string {
  if (page.totalIsMore) return `more than ${HISTORY_TOTAL_CAP.toLocaleString('en-US')} labels`;
  return `${page.total.toLocaleString('en-US')} label${page.total === 1 ? '' : 's'}`;
}
