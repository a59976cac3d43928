/**
 * The packing check: before a label is bought, the packer scans every unit of the order (its SKU,
 * its barcode, or its line item ID) so a wrong or missing item is caught at the table. Checked
 * units are kept as line item IDs, one entry per unit (a WMS line of 3 units is checked 3 times).
 */
import { describeLineItem, groupKeyOf } from './item-groups';
import type { LineItem } from './orders';

export type CheckedScan = { ok: true; lineItemId: string } | { ok: false; message: string };

function codesOf(item: LineItem): string[] {
  return [item.sku, item.barcode ?? '', item.id].map((c) => c.trim().toLowerCase()).filter((c) => c !== '');
}

/** How many units of each line item the check has seen. */
function countsOf(checked: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of checked) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

/** Which unit an item's scan checks, or why it checks none (not in the order, or all its units seen). */
export function checkItemScan(items: readonly LineItem[], checked: readonly string[], scanned: string): CheckedScan {
  const code = scanned.trim().toLowerCase();
  // A barcode the source gave on one unit names the product: every unit of that SKU matches it.
  const products = new Set(items.filter((item) => code !== '' && codesOf(item).includes(code)).map(groupKeyOf));
  const matching = items.filter((item) => products.has(groupKeyOf(item)));
  if (matching.length === 0)
    return { ok: false, message: `${scanned.trim()} is not an item of this order. Put it back and scan the right one.` };
  const counts = countsOf(checked);
  const open = matching.find((item) => (counts.get(item.id) ?? 0) < item.quantity);
  if (!open) {
    const units = matching.reduce((sum, item) => sum + item.quantity, 0);
    return {
      ok: false,
      message: `${describeLineItem(matching[0], matching[0]!.id)}: this order has ${units === 1 ? 'only 1' : `only ${units}`}, all checked already. One too many in the parcel?`,
    };
  }
  return { ok: true, lineItemId: open.id };
}

/** Units still to scan per line item (only those with some left). */
export function uncheckedUnits(items: readonly LineItem[], checked: readonly string[]): Array<{ item: LineItem; left: number }> {
  const counts = countsOf(checked);
  return items.map((item) => ({ item, left: item.quantity - (counts.get(item.id) ?? 0) })).filter((entry) => entry.left > 0);
}

/** Why a check does not prove the parcel holds exactly the order's items; null when it does. */
export function checkProblem(items: readonly LineItem[], checked: readonly string[]): string | null {
  if (items.length === 0) return 'The order source lists no items for this order, so they cannot be checked.';
  const known = new Set(items.map((item) => item.id));
  const stray = checked.find((id) => !known.has(id));
  if (stray) return `Line item ${stray} is not in this order.`;
  const counts = countsOf(checked);
  const over = items.find((item) => (counts.get(item.id) ?? 0) > item.quantity);
  if (over) return `${describeLineItem(over, over.id)} was checked more times than the order has.`;
  const missing = uncheckedUnits(items, checked);
  if (missing.length === 0) return null;
  const units = missing.reduce((sum, entry) => sum + entry.left, 0);
  return `${units} ${units === 1 ? 'item is' : 'items are'} not checked yet: ${missing.map((m) => describeLineItem(m.item, m.item.id)).join(', ')}.`;
}
