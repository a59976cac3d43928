/**
 * A SKU barcode scanned in the splitter puts one unit in the current box: which line item that is.
 * TikTok lists one line item per unit, so it is the first of that SKU not in a box yet; a WMS line
 * of several units under one ID goes whole (one ID = one box).
 */
import { describeLineItem } from './item-groups';
import type { OrderDetails } from './orders';

export type ScannedItem = { ok: true; lineItemId: string; units: number } | { ok: false; message: string };

export function pickScannedItem(
  order: Pick<OrderDetails, 'lineItems'>,
  plan: { boxes: ReadonlyArray<{ itemIds: readonly string[] }> },
  scanned: string,
): ScannedItem {
  const code = scanned.trim().toLowerCase();
  const matching = order.lineItems.filter((item) => code !== '' && item.sku.trim().toLowerCase() === code);
  if (matching.length === 0) {
    return { ok: false, message: `No item of this order has the code ${scanned.trim()}: check the item, or put it in a box by hand.` };
  }
  const boxed = new Set(plan.boxes.flatMap((box) => box.itemIds));
  const next = matching.find((item) => !boxed.has(item.id));
  if (!next) {
    const units = matching.reduce((sum, item) => sum + item.quantity, 0);
    return {
      ok: false,
      message: `${describeLineItem(matching[0], matching[0]!.id)}: all ${units} of this order are in boxes already. Scan another item, or take one out of its box first.`,
    };
  }
  return { ok: true, lineItemId: next.id, units: next.quantity };
}
