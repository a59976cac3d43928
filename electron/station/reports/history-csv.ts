/**
 * The CSV export of History: rows read a keyset page at a time and streamed through csv-stringify
 * into any writable (a file, an HTTP response), with backpressure: memory stays flat however many
 * labels there are.
 */
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { EXPORT_COLUMNS, type HistoryExportFilter } from '../../../shared/domain/reports';
import type { ExportCursor, ExportRow, LabelHistory } from '../history';

/** Rows per keyset page: one short query each, so the station's other work runs between them. */
export const EXPORT_PAGE_ROWS = 1000;

export type ExportSource = Pick<LabelHistory, 'exportPage'>;

/** Every label the filter selects, newest first, one page in memory at a time. */
export async function* exportRows(
  history: ExportSource,
  filter: HistoryExportFilter,
  pageRows = EXPORT_PAGE_ROWS,
): AsyncGenerator<ExportRow> {
  let cursor: ExportCursor | null = null;
  for (;;) {
    const page = await history.exportPage(filter, cursor, pageRows);
    yield* page;
    if (page.length < pageRows) return;
    const last = page[page.length - 1]!;
    cursor = { createdAt: last.createdAt, id: last.id };
  }
}

/** One label as the CSV's cells, in EXPORT_COLUMNS order. */
export function csvRecord(row: ExportRow): Record<(typeof EXPORT_COLUMNS)[number], string | number> {
  return {
    created: row.createdAt,
    order: row.orderId,
    shopify_order: row.shopifyOrder,
    tracking_numbers: row.trackingNumbers.join(' '),
    provider: row.provider,
    status: row.status,
    cost: row.cost === null ? '' : row.cost,
    currency: row.currency ?? '',
    operator: row.operator,
    printer: row.printer,
    station: row.station,
    prints: row.prints,
    reprints: row.reprints,
    check_skipped_by: row.checkOverride?.by ?? '',
    check_skip_reason: row.checkOverride?.reason ?? '',
    check_skipped_at: row.checkOverride?.at ?? '',
  };
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula:
 * such text (an operator's name, a printer's address) is written with a leading apostrophe.
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Streams the selected labels as CSV (header first) into `out`; the number of label rows written. */
export async function writeHistoryCsv(history: ExportSource, filter: HistoryExportFilter, out: Writable): Promise<number> {
  let rows = 0;
  const records = Readable.from(
    (async function* () {
      for await (const row of exportRows(history, filter)) {
        rows += 1;
        yield csvRecord(row);
      }
    })(),
  );
  const csv = stringify({
    header: true,
    columns: [...EXPORT_COLUMNS],
    bom: true,
    record_delimiter: 'windows',
    cast: { string: neutralizeFormula },
  });
  await pipeline(records, csv, out);
  return rows;
}
