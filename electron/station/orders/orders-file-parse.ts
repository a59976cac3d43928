/**
 * Reads a WMS order export: CSV (one row per line item) or JSON (an array of orders), checked with
 * zod. A bad row is reported by file, row and column so someone can fix the export.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import type { LineItem, OrderDetails } from '../../../shared/domain/orders';
import { StationError } from '../../../shared/errors';
import { csvItemExtras, definedExtras, JsonItemExtras } from './orders-file-item-extras';

export interface OrdersIndex {
  byTikTokId: Map<string, OrderDetails>;
  /** Keyed by the order number without '#', lower case. */
  byOrderNumber: Map<string, OrderDetails>;
  /** Batch barcodes (BATCH:<id>): the optional `batch` column, lower case -> TikTok order IDs in file order. */
  byBatch: Map<string, string[]>;
}

export const ORDERS_CSV_COLUMNS = ['order_number', 'tiktok_order_id', 'status', 'line_item_id', 'sku', 'name', 'quantity'] as const;
const REQUIRED_CSV_COLUMNS = ['tiktok_order_id', 'line_item_id', 'quantity'] as const;
const FIX = 'A supervisor must fix the order file exported by the WMS (or export it again), then scan again.';

const tiktokId = z
  .string()
  .trim()
  .refine(
    (s) => !/^\d(\.\d+)?e\+\d+$/i.test(s),
    'was turned into a number by a spreadsheet (like 5.76E+17): format the column as text and export again',
  )
  .refine((s) => /^\d{18}$/.test(s), 'must be the 18-digit TikTok order ID');
const quantity = z
  .string()
  .trim()
  .refine((s) => /^\d+$/.test(s), 'must be a whole number')
  .transform(Number)
  .refine((n) => n >= 1 && n <= 10_000, 'must be between 1 and 10000');
const text = (max: number) => z.string().trim().max(max, `is longer than ${max} characters`);

const CsvRow = z.object({
  order_number: text(100).default(''),
  tiktok_order_id: tiktokId,
  status: text(60).default(''),
  line_item_id: text(64),
  sku: text(100).default(''),
  name: text(300).default(''),
  quantity: z.string().trim().default(''),
  batch: text(64).default(''),
});

const JsonLineItem = JsonItemExtras.extend({
  id: z.union([z.string(), z.number()]).transform(String).pipe(text(64).min(1, 'is empty')),
  sku: text(100)
    .nullish()
    .transform((s) => s ?? ''),
  name: text(300)
    .nullish()
    .transform((s) => s ?? ''),
  quantity: z
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(10_000, 'must be at most 10000'),
});
const JsonOrder = z.object({
  // An 18-digit JSON number loses its last digits when read: it must be a string.
  tiktokOrderId: z.string({ error: 'must be text in quotes ("576…"): as a JSON number it loses its last digits' }).pipe(tiktokId),
  orderNumber: z.union([z.string(), z.number()]).transform(String).pipe(text(100)).nullish(),
  status: text(60).nullish(),
  batch: z.union([z.string(), z.number()]).transform(String).pipe(text(64)).nullish(),
  lineItems: z.array(JsonLineItem).default([]),
});

interface Draft {
  orderId: string;
  orderNumber: string;
  status: string;
  cancelled: boolean;
  lineItems: LineItem[];
  firstRow: string;
  batch: string;
}

export function parseOrdersFile(content: string, fileName: string): OrdersIndex {
  const looksJson = /\.json$/i.test(fileName) || (!/\.(csv|tsv|txt)$/i.test(fileName) && /^\s*[[{]/.test(content.replace(/^\uFEFF/, '')));
  return looksJson ? parseJson(content.replace(/^\uFEFF/, ''), fileName) : parseCsvOrders(content, fileName);
}

function parseCsvOrders(content: string, fileName: string): OrdersIndex {
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parseCsv(content, {
      bom: true,
      columns: (header: string[]) =>
        header.map((h) =>
          h
            .trim()
            .toLowerCase()
            .replace(/[\s-]+/g, '_'),
        ),
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw badFile(`${fileName}${line ? ` row ${line}` : ''}: the file is not valid CSV (${(error as Error).message.split('\n')[0]})`);
  }
  const columns = Object.keys(records[0]?.record ?? {});
  if (records.length > 0) {
    const missing = REQUIRED_CSV_COLUMNS.filter((c) => !columns.includes(c));
    if (missing.length > 0)
      throw badFile(
        `${fileName}: the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing (expected ${ORDERS_CSV_COLUMNS.join(', ')})`,
      );
  }
  const drafts = new Map<string, Draft>();
  for (const { record, info } of records) {
    const where = `${fileName} row ${info.lines}`;
    const row = CsvRow.safeParse(record);
    if (!row.success) throw badFile(`${where}: ${describeIssue(row.error)}`);
    const { line_item_id: id, quantity: rawQuantity, sku, name } = row.data;
    let item: LineItem | null = null;
    if (id !== '' || rawQuantity !== '' || sku !== '' || name !== '') {
      if (id === '') throw badFile(`${where}: line_item_id is empty`);
      const q = quantity.safeParse(rawQuantity);
      if (!q.success) throw badFile(`${where}: quantity ${q.error.issues[0]?.message ?? 'is not valid'}`);
      const extras = csvItemExtras(record);
      if (!extras.ok) throw badFile(`${where}: ${extras.message}`);
      item = { id, sku, name, quantity: q.data, ...extras.extras };
    }
    addToDraft(
      drafts,
      { orderId: row.data.tiktok_order_id, orderNumber: row.data.order_number, status: row.data.status, batch: row.data.batch, item },
      where,
      `row ${info.lines}`,
    );
  }
  return toIndex(drafts, fileName);
}

function parseJson(content: string, fileName: string): OrdersIndex {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    throw badFile(`${fileName}: the file is not valid JSON (${(error as Error).message})`);
  }
  const list = Array.isArray(json) ? json : (json as { orders?: unknown } | null)?.orders;
  if (!Array.isArray(list)) throw badFile(`${fileName}: expected an array of orders ([{ "tiktokOrderId": …, "lineItems": [ … ] }])`);
  const drafts = new Map<string, Draft>();
  list.forEach((entry, index) => {
    const where = `${fileName} order ${index + 1}`;
    const order = JsonOrder.safeParse(entry);
    if (!order.success) throw badFile(`${where}: ${describeIssue(order.error)}`);
    const base = {
      orderId: order.data.tiktokOrderId,
      orderNumber: order.data.orderNumber ?? '',
      status: order.data.status ?? '',
      batch: order.data.batch ?? '',
    };
    if (order.data.lineItems.length === 0) addToDraft(drafts, { ...base, item: null }, where, `order ${index + 1}`);
    for (const { unitWeight, unitDimension, imageUrl, barcode, ...item } of order.data.lineItems) {
      const extras = definedExtras({ unitWeight, unitDimension, imageUrl, barcode });
      addToDraft(drafts, { ...base, item: { ...item, ...extras } }, where, `order ${index + 1}`);
    }
  });
  return toIndex(drafts, fileName);
}

function addToDraft(
  drafts: Map<string, Draft>,
  row: { orderId: string; orderNumber: string; status: string; batch: string; item: LineItem | null },
  where: string,
  label: string,
): void {
  const draft = drafts.get(row.orderId);
  if (!draft) {
    drafts.set(row.orderId, {
      orderId: row.orderId,
      orderNumber: row.orderNumber,
      status: row.status,
      cancelled: isCancelled(row.status),
      lineItems: row.item ? [row.item] : [],
      firstRow: label,
      batch: row.batch,
    });
    return;
  }
  if (row.orderNumber && draft.orderNumber && bareNumber(row.orderNumber) !== bareNumber(draft.orderNumber)) {
    throw badFile(
      `${where}: order_number "${row.orderNumber}" differs from "${draft.orderNumber}" (${draft.firstRow}) for the same TikTok order ${row.orderId}`,
    );
  }
  draft.orderNumber ||= row.orderNumber;
  draft.status ||= row.status;
  draft.batch ||= row.batch;
  draft.cancelled ||= isCancelled(row.status);
  if (row.item) {
    if (draft.lineItems.some((i) => i.id === row.item!.id))
      throw badFile(`${where}: line_item_id ${row.item.id} appears twice for TikTok order ${row.orderId}`);
    draft.lineItems.push(row.item);
  }
}

function toIndex(drafts: Map<string, Draft>, fileName: string): OrdersIndex {
  const index: OrdersIndex = { byTikTokId: new Map(), byOrderNumber: new Map(), byBatch: new Map() };
  for (const draft of drafts.values()) {
    const details: OrderDetails = {
      orderId: draft.orderId,
      displayName: draft.orderNumber || null,
      source: 'file',
      cancelled: draft.cancelled,
      status: draft.status || null,
      lineItems: draft.lineItems,
    };
    index.byTikTokId.set(draft.orderId, details);
    if (draft.batch) {
      const key = draft.batch.toLowerCase();
      index.byBatch.set(key, [...(index.byBatch.get(key) ?? []), draft.orderId]);
    }
    if (draft.orderNumber) {
      const key = bareNumber(draft.orderNumber);
      const other = index.byOrderNumber.get(key);
      if (other)
        throw badFile(
          `${fileName}: order number ${draft.orderNumber} belongs to two TikTok orders (${other.orderId} and ${draft.orderId})`,
        );
      index.byOrderNumber.set(key, details);
    }
  }
  return index;
}

export function bareNumber(orderNumber: string): string {
  return orderNumber.trim().replace(/^#/, '').toLowerCase();
}

function isCancelled(status: string): boolean {
  return /^cancel+ed$/i.test(status.trim());
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'is not valid';
  const path = issue.path.map(String).join('.');
  const message = issue.code === 'invalid_type' && /undefined/.test(issue.message) ? 'is missing' : issue.message;
  return path ? `${path} ${message}` : message;
}

function badFile(message: string): StationError {
  return new StationError('orders_file_invalid', `${message}.`, FIX);
}
