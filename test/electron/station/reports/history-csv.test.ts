/** The CSV itself: read back with csv-parse, every row once across pages, text a spreadsheet would run as a formula made inert. */
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ExportCursor, ExportRow } from '../../../../electron/station/history';
import { EXPORT_PAGE_ROWS, writeHistoryCsv } from '../../../../electron/station/reports';
import { EXPORT_COLUMNS } from '../../../../shared/domain/reports';

function row(i: number, over: Partial<ExportRow> = {}): ExportRow {
  return {
    id: `label-${String(i).padStart(6, '0')}`,
    createdAt: new Date(Date.UTC(2026, 11, 5, 12, 0, 0) - i * 1000).toISOString(),
    orderId: `5769${String(i).padStart(14, '0')}`,
    shopifyOrder: '',
    trackingNumbers: [`SBX${i}A`, `SBX${i}B`],
    provider: 'sandbox',
    sandbox: true,
    status: 'printed',
    cost: 6.5,
    currency: 'USD',
    operator: 'Ana',
    printer: 'tcp://127.0.0.1:9100',
    station: 'Packing 1',
    prints: 1,
    reprints: 0,
    ...over,
  };
}

/** Newest first, keyset pages like the history store; counts the pages asked. */
function source(rows: ExportRow[]) {
  const asked: Array<ExportCursor | null> = [];
  return {
    asked,
    exportPage: async (_filter: unknown, cursor: ExportCursor | null, limit: number) => {
      asked.push(cursor);
      const start = cursor ? rows.findIndex((r) => r.id === cursor.id) + 1 : 0;
      return rows.slice(start, start + limit);
    },
  };
}

async function csvOf(rows: ExportRow[]): Promise<{ text: string; written: number; pages: number }> {
  const src = source(rows);
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const written = await writeHistoryCsv(src, { query: '', filter: 'all' }, out);
  return { text: Buffer.concat(chunks).toString('utf8'), written, pages: src.asked.length };
}

describe('History CSV', () => {
  it('writes every label once, in order, across keyset pages, with the header first', async () => {
    const rows = Array.from({ length: EXPORT_PAGE_ROWS * 2 + 5 }, (_, i) => row(i));
    const { text, written, pages } = await csvOf(rows);
    expect(written).toBe(rows.length);
    expect(pages).toBe(3);
    const parsed = parse(text, { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(Object.keys(parsed[0]!)).toEqual([...EXPORT_COLUMNS]);
    expect(parsed.map((r) => r.order)).toEqual(rows.map((r) => r.orderId));
    expect(parsed[0]).toMatchObject({ tracking_numbers: 'SBX0A SBX0B', cost: '6.5', currency: 'USD', prints: '1', reprints: '0' });
  });

  it('keeps commas, quotes and line breaks inside their cell, and makes formula-like text inert', async () => {
    const { text } = await csvOf([
      row(1, {
        operator: '=HYPERLINK("http://evil","x")',
        station: 'Dock 3, "north"\nbay',
        printer: '+cups:Office',
        cost: null,
        currency: null,
      }),
    ]);
    const [parsed] = parse(text, { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(parsed).toMatchObject({
      operator: `'=HYPERLINK("http://evil","x")`,
      station: 'Dock 3, "north"\nbay',
      printer: "'+cups:Office",
      cost: '',
      currency: '',
    });
  });

  it('writes only the header when nothing matches', async () => {
    const { text, written } = await csvOf([]);
    expect(written).toBe(0);
    expect(parse(text, { bom: true })).toEqual([[...EXPORT_COLUMNS]]);
  });
});
