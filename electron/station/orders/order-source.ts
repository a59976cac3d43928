/** Where the station learns about an order: TikTok (direct), Shopify, or a WMS order file. */
import type { OrderDetails } from '../../../shared/domain/orders';

export type OrderQuery = { kind: 'tiktok'; orderId: string } | { kind: 'shopify'; orderName: string };

export interface OrderSource {
  readonly name: 'tiktok' | 'shopify' | 'file';
  /** Human name for messages, e.g. "Shopify (acme.myshopify.com)". */
  readonly title: string;
  /** Which scans this source can answer. */
  accepts(query: OrderQuery): boolean;
  /**
   * The order, or null when this source does not know it. Throws StationError when the source
   * cannot be asked (unreachable, refused credentials, unreadable file).
   */
  lookup(query: OrderQuery, signal?: AbortSignal): Promise<OrderDetails | null>;
  /** A batch barcode's orders (TikTok order IDs in list order), null when this source does not know the batch. */
  batch?(batchId: string): Promise<string[] | null>;
}
