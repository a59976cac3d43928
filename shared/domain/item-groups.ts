/**
 * An order's line items as a packer sees them: TikTok lists one line item per unit (three red mugs
 * are three line items), so equal SKUs are shown as one row, while every line item ID is kept for
 * the boxes and the label request.
 */
import type { LineItem, OrderDetails } from './orders';

export interface ItemGroup {
  /** Stable and unique within the order: "sku:MUG-RED", or "name:Red mug" when the SKU is empty. */
  key: string;
  sku: string;
  name: string;
  imageUrl: string | null;
  /** The line item whose picture stands for the group (the station fetches it by this ID). */
  pictureItemId: string | null;
  /** Every line item ID of the group, in the order's order. */
  lineItemIds: string[];
  /** Sum of the quantities (a WMS line may carry several units under one ID). */
  units: number;
}

export function groupKeyOf(item: Pick<LineItem, 'id' | 'sku' | 'name'>): string {
  const sku = item.sku.trim();
  if (sku) return `sku:${sku}`;
  const name = item.name.trim();
  // Neither SKU nor name: nothing says two such items are the same product.
  return name ? `name:${name}` : `id:${item.id}`;
}

/** Groups in the order their first line item appears. */
export function groupLineItems(items: readonly LineItem[]): ItemGroup[] {
  const groups = new Map<string, ItemGroup>();
  for (const item of items) {
    const key = groupKeyOf(item);
    const group = groups.get(key);
    if (group) {
      group.lineItemIds.push(item.id);
      group.units += item.quantity;
      if (!group.imageUrl && item.imageUrl) {
        group.imageUrl = item.imageUrl;
        group.pictureItemId = item.id;
      }
      if (!group.name) group.name = item.name.trim();
      continue;
    }
    groups.set(key, {
      key,
      sku: item.sku.trim(),
      name: item.name.trim(),
      imageUrl: item.imageUrl ?? null,
      pictureItemId: item.imageUrl ? item.id : null,
      lineItemIds: [item.id],
      units: item.quantity,
    });
  }
  return [...groups.values()];
}

/** How a supervisor recognises a line item in a message: "Red mug, 12 oz (MUG-RED)". */
export function describeLineItem(item: Pick<LineItem, 'id' | 'sku' | 'name'> | undefined, id: string): string {
  if (!item) return `line item ${id}`;
  const name = item.name.trim();
  const sku = item.sku.trim();
  if (name && sku) return `${name} (${sku})`;
  return name || sku || `line item ${id}`;
}

export function lineItemById(order: Pick<OrderDetails, 'lineItems'>): Map<string, LineItem> {
  return new Map(order.lineItems.map((item) => [item.id, item]));
}
