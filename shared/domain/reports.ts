/**
 * Reports over the history: the CSV export of what History shows, and the end-of-day summary a
 * supervisor (or a WMS, through the contract) reads: what was shipped, who printed it, what failed.
 */
import { z } from 'zod';
import { fullFolderPath } from './folder-path';

/**
 * Which labels an export holds: the same fields History's search is asked with (a query, the
 * "needs checking" filter). One schema, so History's further filters join it in one place.
 */
export const HistoryExportFilter = z
  .object({
    query: z.string().max(100, 'A search is at most 100 characters.').default(''),
    filter: z.enum(['all', 'uncertain']).default('all'),
  })
  .strict();
export type HistoryExportFilter = z.output<typeof HistoryExportFilter>;

/** The CSV's columns, in order (the header row). */
export const EXPORT_COLUMNS = [
  'created',
  'order',
  'shopify_order',
  'tracking_numbers',
  'provider',
  'status',
  'cost',
  'currency',
  'operator',
  'printer',
  'station',
  'prints',
  'reprints',
  /** Bought without the packing check: by whom, why, when ('' when the items were checked or no check was asked). */
  'check_skipped_by',
  'check_skip_reason',
  'check_skipped_at',
] as const;

export const HistoryExport = z.object({
  /** Where the file was written (on the station's computer) and its name. */
  path: z.string(),
  fileName: z.string(),
  /** Label rows written (the header not counted). */
  rows: z.number().int(),
  bytes: z.number().int(),
});
export type HistoryExport = z.infer<typeof HistoryExport>;

/** A day on the station's calendar, YYYY-MM-DD. */
export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'A day is written YYYY-MM-DD, e.g. 2026-12-05.')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'That day does not exist on the calendar.');

const Amounts = z.array(z.object({ currency: z.string(), amount: z.number() }));

/** Counts of one slice of the day (an hour, an operator). */
const SummaryCounts = z.object({
  /** Labels bought (or adopted): the provider sold them. */
  labels: z.number().int(),
  /** Boxes those labels cover (a single parcel is one box). */
  boxes: z.number().int(),
  /** Purchases the provider refused (nothing was bought). */
  purchaseFailures: z.number().int(),
  /** Print attempts that did not print (a retry that then printed counts here once per failed try). */
  printFailures: z.number().int(),
  /** Reprints that printed. */
  reprints: z.number().int(),
});

export const DaySummary = SummaryCounts.extend({
  date: LocalDate,
  /** The day's bounds (ISO, UTC) in the station's time zone, and that zone's name. */
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  /** Cost of the labels bought, per currency. */
  cost: Amounts,
  /** Purchases still without a clear answer (a label may exist). */
  uncertain: z.number().int(),
  /** Every local hour of the day, 0–23, even those with nothing in them. */
  hours: z.array(SummaryCounts.extend({ hour: z.number().int().min(0).max(23) })),
  /** Everyone who bought, printed or reprinted that day, most labels first. */
  operators: z.array(SummaryCounts.extend({ operator: z.string(), cost: Amounts })),
  /**
   * The same per station of a fleet ('' for prints recorded before stations were kept); one row
   * on a station of its own.
   */
  stations: z.array(SummaryCounts.extend({ station: z.string(), cost: Amounts })),
  /** Reprints that printed, by reason, most first ("" when none was given). */
  reprintReasons: z.array(z.object({ reason: z.string(), reprints: z.number().int() })),
});
export type DaySummary = z.infer<typeof DaySummary>;
export type SummaryCounts = z.infer<typeof SummaryCounts>;

/**
 * A folder the supervisor names for exports: a full path on this computer (/mnt/share/exports,
 * D:\Exports, a shared drive \\server\share\exports) or '' for the data folder's exports/.
 */
export const ExportFolderPath = fullFolderPath('/mnt/share/exports or D:\\Exports');

/** Settings → Exports: where History's CSV exports go ('' = the data folder's exports/). */
export const ExportSettings = z.object({ folder: ExportFolderPath });
export type ExportSettings = z.infer<typeof ExportSettings>;
export const DEFAULT_EXPORTS: ExportSettings = { folder: '' };

/** The environment variable that, when set on the station's computer, wins over Settings' export folder. */
export const EXPORT_DIR_VARIABLE = 'LABEL_STATION_EXPORT_DIR';

/** Where exports go now, and what decided it (the environment wins over Settings, Settings over the default). */
export const ExportFolderView = z.object({
  folder: z.string(),
  setBy: z.enum(['environment', 'settings', 'default']),
  /** The data folder's exports/, used when Settings' field is empty and the environment says nothing. */
  defaultFolder: z.string(),
});
export type ExportFolderView = z.infer<typeof ExportFolderView>;

/** An export the station wrote, named as exportHistory answered it: never a path. */
export const ExportedFileName = z
  .string()
  .regex(/^label-history-\d{8}-\d{6}-\d{3}\.csv$/, 'That is not the name of an export this station wrote.');
