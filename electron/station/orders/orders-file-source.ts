/**
 * The WMS order file (CSV or JSON) as an order source: the fallback when neither TikTok nor Shopify
 * can be asked. Re-read whenever the file's modification time or size changes (one stat per lookup).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { OrderDetails } from '../../../shared/domain/orders';
import { StationError } from '../../../shared/errors';
import type { OrderQuery, OrderSource } from './order-source';
import { bareNumber, parseOrdersFile, type OrdersIndex } from './orders-file-parse';

export interface OrdersFileSourceOptions {
  /** Absolute path to the CSV or JSON file the WMS exports. */
  path: string;
}

interface Loaded {
  mtimeMs: number;
  size: number;
  result: { index: OrdersIndex } | { error: StationError };
}

export function createOrdersFileSource(opts: OrdersFileSourceOptions): OrderSource {
  const filePath = opts.path;
  const fileName = path.basename(filePath);
  let loaded: Loaded | null = null;

  async function current(): Promise<OrdersIndex> {
    let info;
    try {
      info = await stat(filePath);
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      throw new StationError(
        missing ? 'orders_file_missing' : 'orders_file_unreadable',
        missing ? `The order file ${filePath} does not exist.` : `The order file ${filePath} cannot be read.`,
        'A supervisor must check the order file path in Settings and that the WMS export ran. Meanwhile, scan the TikTok order ID on the packing slip.',
      );
    }
    if (!loaded || loaded.mtimeMs !== info.mtimeMs || loaded.size !== info.size) {
      loaded = { mtimeMs: info.mtimeMs, size: info.size, result: await load() };
    }
    if ('error' in loaded.result) throw loaded.result.error;
    return loaded.result.index;
  }

  async function load(): Promise<Loaded['result']> {
    try {
      return { index: parseOrdersFile(await readFile(filePath, 'utf8'), fileName) };
    } catch (error) {
      if (error instanceof StationError) return { error };
      return {
        error: new StationError(
          'orders_file_unreadable',
          `The order file ${filePath} cannot be read.`,
          'A supervisor must check the file and its permissions, then scan again.',
        ),
      };
    }
  }

  return {
    name: 'file',
    title: `Order file (${fileName})`,
    accepts: (query) => query.kind === 'tiktok' || query.kind === 'shopify',
    async lookup(query: OrderQuery): Promise<OrderDetails | null> {
      const index = await current();
      if (query.kind === 'tiktok') return index.byTikTokId.get(query.orderId) ?? null;
      return index.byOrderNumber.get(bareNumber(query.orderName)) ?? null;
    },
    async batch(batchId: string): Promise<string[] | null> {
      return (await current()).byBatch.get(batchId.toLowerCase()) ?? null;
    },
  };
}
