/**
 * The order a split is for, as the order sources describe it, and the plan checked against it
 * before anything is bought: the provider needs its own line item IDs in every box.
 */
import type { OrderDetails } from '../../../shared/domain/orders';
import type { ShipmentPlan } from '../../../shared/domain/shipments';
import { StationError } from '../../../shared/errors';
import { resolveOrder, type OrderSources } from '../orders';
import type { Settings } from '../../../shared/domain/settings';

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

/** Every box names line items of this order, each line item in exactly one box, no box empty. */
export function checkPlanAgainstOrder(plan: ShipmentPlan, order: OrderDetails): void {
  const fields: Record<string, string[]> = {};
  const add = (path: string, message: string) => (fields[path] ??= []).push(message);
  const known = new Set(order.lineItems.map((item) => item.id));
  const boxOf = new Map<string, number>();
  plan.boxes.forEach((box, index) => {
    if (box.itemIds.length === 0) add(`boxes.${index}`, `Box ${index + 1} is empty: put an item in it or remove it.`);
    for (const id of box.itemIds) {
      if (!known.has(id)) add(`boxes.${index}.itemIds`, `Box ${index + 1} holds line item ${id}, which is not in order ${order.orderId}.`);
      const other = boxOf.get(id);
      if (other !== undefined) add(`items.${id}`, `Line item ${id} is in box ${other + 1} and box ${index + 1}: take it out of one.`);
      boxOf.set(id, index);
    }
  });
  for (const item of order.lineItems) {
    if (!boxOf.has(item.id)) add(`items.${item.id}`, `${item.name || item.sku || item.id} is in no box: put it in one.`);
  }
  const problems = Object.values(fields).flat();
  if (problems.length === 0) return;
  throw new StationError(
    'shipment_invalid',
    `The boxes of order ${order.orderId} are not ready: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''} Nothing was bought.`,
    'Fix what is marked in the splitter, then buy again.',
    fields,
  );
}
