/**
 * The order a split is for, as the order sources describe it, and the plan checked against it
 * before anything is bought: the provider needs its own line item IDs in every box.
 */
import type { OrderDetails } from '../../../shared/domain/orders';
import type { ShipmentPlan } from '../../../shared/domain/shipments';
import { StationError } from '../../../shared/errors';
import { resolveOrder, type OrderSources } from '../orders';
import type { Settings } from '../../../shared/domain/settings';
import { checkShipmentPlan, shipmentLimits } from '../../../shared/domain/shipment-rules';

export async function orderForSplit(
  plan: ShipmentPlan,
  deps: { orderSources: OrderSources; settings: () => Settings; log: (line: string) => void },
): Promise<OrderDetails> {
  const { order } = await resolveOrder(plan.orderId, deps.orderSources.configured(deps.settings()), deps.log);
  if (order.source === 'shopify') {
    throw new StationError(
      'split_needs_provider_items',
      `The line items of order ${order.displayName ?? order.orderId} come from Shopify, and TikTok only accepts its own line item IDs in each box; nothing was bought.`,
      'Load the order through the TikTok Shop provider, or give the WMS order file a TikTok line item ID column, then split it again.',
    );
  }
  if (order.lineItems.length === 0) {
    throw new StationError(
      'split_unknown_order',
      `The station cannot see the line items of order ${order.orderId}, so it cannot check what goes in each box; nothing was bought.`,
      'Connect the TikTok Shop provider or a WMS order file that lists the order, then split it again.',
    );
  }
  if (order.cancelled) {
    throw new StationError(
      'order_cancelled',
      `Order ${order.orderId} is cancelled; nothing was bought.`,
      'Put the items back on the shelf.',
    );
  }
  return order;
}

/**
 * The plan checked with the splitter's own rules (line items, boxes, the provider's limits, the
 * presets' empty weights) before anything is bought; each problem named by what causes it.
 */
export function checkPlanAgainstOrder(plan: ShipmentPlan, order: OrderDetails, settings: Settings): void {
  const problems = checkShipmentPlan(plan, order, shipmentLimits(settings.provider), settings.boxPresets, settings.packing);
  if (problems.length === 0) return;
  const fields: Record<string, string[]> = {};
  for (const { path, message } of problems) (fields[path] ??= []).push(message);
  const first = problems[0]!.message;
  throw new StationError(
    'shipment_invalid',
    `The boxes of order ${order.orderId} are not ready: ${first}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''} Nothing was bought.`,
    'Fix what is marked in the splitter, then buy again.',
    fields,
  );
}
