/**
 * Get Order Detail (GET /order/202309/orders?ids=…) read into the station's OrderDetails.
 *
 * TikTok lists one line item per unit sold (two mugs = two line items, each with its own ID), and
 * split shipments name line item IDs per package, so line items are NOT grouped: each becomes one
 * LineItem with quantity 1 and its own TikTok line item ID.
 */
import { z } from 'zod';
import type { LineItem, OrderDetails } from '../../../../shared/domain/orders';
import type { TikTokApiClient } from './client';
import { unavailableError } from './errors';

const TikTokLineItem = z.object({
  id: z.string().min(1),
  sku_id: z.string().nullish(),
  seller_sku: z.string().nullish(),
  product_name: z.string().nullish(),
  sku_name: z.string().nullish(),
  display_status: z.string().nullish(),
  package_id: z.string().nullish(),
  package_status: z.string().nullish(),
  tracking_number: z.string().nullish(),
});

export const TikTokOrder = z.object({
  id: z.string().min(1),
  status: z.string().nullish(),
  line_items: z.array(TikTokLineItem).default([]),
  packages: z.array(z.object({ id: z.string().min(1) })).nullish(),
  shipping_type: z.string().nullish(),
});
export type TikTokOrder = z.infer<typeof TikTokOrder>;

const OrderDetailData = z.object({ orders: z.array(z.unknown()).nullish() });

export const CANCELLED = 'CANCELLED';

/** The order, or null when TikTok does not know it. */
export async function fetchOrder(client: TikTokApiClient, orderId: string, signal?: AbortSignal): Promise<TikTokOrder | null> {
  const data = await client.call({
    method: 'GET',
    path: '/order/202309/orders',
    query: { ids: orderId },
    phase: 'read',
    what: 'reading the order',
    signal,
  });
  const parsed = OrderDetailData.safeParse(data ?? {});
  if (!parsed.success) throw unavailableError('reading the order (the answer had no orders list)');
  for (const raw of parsed.data.orders ?? []) {
    const order = TikTokOrder.safeParse(raw);
    if (!order.success) throw unavailableError('reading the order (the order could not be read)');
    if (order.data.id === orderId) return order.data;
  }
  return null;
}

export function toOrderDetails(order: TikTokOrder): OrderDetails {
  const status = order.status?.trim().slice(0, 60) || null;
  return {
    orderId: order.id,
    displayName: null,
    source: 'tiktok',
    cancelled: status === CANCELLED,
    status,
    lineItems: order.line_items.map(toLineItem),
  };
}

function toLineItem(item: z.infer<typeof TikTokLineItem>): LineItem {
  const product = item.product_name?.trim() ?? '';
  const variant = item.sku_name?.trim() ?? '';
  const name = product && variant && variant.toLowerCase() !== 'default' ? `${product} (${variant})` : product || variant;
  return {
    id: item.id.slice(0, 64),
    sku: (item.seller_sku?.trim() || item.sku_id?.trim() || '').slice(0, 100),
    name: name.slice(0, 300),
    quantity: 1,
  };
}

/** Package IDs TikTok reports for the order (order-level list and per line item). */
export function packageIdsOf(order: TikTokOrder): string[] {
  const ids = new Set<string>();
  for (const p of order.packages ?? []) ids.add(p.id);
  for (const item of order.line_items) if (item.package_id) ids.add(item.package_id);
  return [...ids];
}
