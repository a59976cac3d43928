/**
 * From a scan to the order to label: its TikTok order ID, line items and whether it was cancelled,
 * asking the configured order sources. A cancelled order is refused before anything is bought.
 */
import type { OrderDetails } from '../../../shared/domain/orders';
import { StationError } from '../../../shared/errors';
import { resolveScan, shopifyNumberRejection } from '../../../shared/domain/scan';
import type { OrderQuery, OrderSource } from './order-source';

export interface ResolvedOrder {
  order: OrderDetails;
  /** Things the packer should know but that do not stop the label (odd prefix, a source was down). */
  warnings: string[];
}

export async function resolveOrder(scan: string, sources: OrderSource[], log: (line: string) => void): Promise<ResolvedOrder> {
  const resolved = resolveScan(scan);
  if (resolved.kind === 'rejected') throw new StationError(resolved.code, resolved.message, resolved.nextStep);
  const warnings: string[] = resolved.kind === 'tiktok' && resolved.warning ? [resolved.warning] : [];
  const query: OrderQuery =
    resolved.kind === 'tiktok' ? { kind: 'tiktok', orderId: resolved.orderId } : { kind: 'shopify', orderName: resolved.orderName };
  const asked = sources.filter((source) => source.accepts(query));

  if (query.kind === 'shopify' && asked.length === 0) {
    const rejection = shopifyNumberRejection(
      query.orderName,
      'Shopify is not connected to this station and there is no WMS order file to look it up in.',
    );
    throw new StationError(rejection.code, rejection.message, rejection.nextStep);
  }

  for (const source of asked) {
    let order: OrderDetails | null;
    try {
      order = await source.lookup(query);
    } catch (error) {
      // The TikTok order itself must be readable; Shopify or the file only add detail to a TikTok ID.
      if (source.name === 'tiktok' || query.kind === 'shopify') throw error;
      const reason = error instanceof StationError ? error.message : 'it did not answer';
      warnings.push(`${source.title} could not be asked about this order (${reason}); a cancellation there would not be seen.`);
      log(`order source ${source.name} failed for a scan: ${reason}`);
      continue;
    }
    if (order) return refuseCancelled({ order, warnings });
  }

  if (query.kind === 'shopify') {
    throw new StationError(
      'order_not_found',
      `No order ${query.orderName} was found in ${asked.map((s) => s.title).join(' or ')}.`,
      'Check the number on the packing slip, or scan the TikTok order ID barcode instead.',
    );
  }
  return { order: { orderId: query.orderId, displayName: null, source: 'scan', cancelled: false, status: null, lineItems: [] }, warnings };
}

function refuseCancelled(resolved: ResolvedOrder): ResolvedOrder {
  const { order } = resolved;
  if (order.cancelled) {
    const name = order.displayName ? `${order.displayName} (TikTok ${order.orderId})` : `TikTok order ${order.orderId}`;
    throw new StationError(
      'order_cancelled',
      `Order ${name} was cancelled. No label was bought.`,
      'Do not ship it: put the items back and tell a supervisor.',
    );
  }
  return resolved;
}
