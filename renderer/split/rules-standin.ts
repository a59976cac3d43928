/**
 * STAND-IN until the rules helper's shared/domain/shipment-rules.ts lands on issue10-rules: the same
 * names, the smallest behaviour the splitter needs. Deleted when the real rules are merged.
 */
import type { Dimension, Weight } from '../../shared/domain/parcels';
import type { LineItem, OrderDetails } from '../../shared/domain/orders';
import type { ShipmentBox, ShipmentPlan } from '../../shared/domain/shipments';
import type { FieldIssues } from '../../shared/errors';

export interface BoxPreset {
  id: string;
  name: string;
  dimension: Dimension;
  tare: Weight;
}

export interface LineItemGroup {
  sku: string;
  name: string;
  imageUrl?: string;
  /** Every line item ID of the group, in the order's order. */
  itemIds: string[];
  /** Units: the sum of the line items' quantities. */
  quantity: number;
}

export function groupLineItems(lineItems: LineItem[]): LineItemGroup[] {
  const groups = new Map<string, LineItemGroup>();
  for (const item of lineItems) {
    const key = item.sku || `#${item.id}`;
    const group = groups.get(key) ?? { sku: item.sku, name: item.name, itemIds: [], quantity: 0 };
    group.itemIds.push(item.id);
    group.quantity += item.quantity;
    groups.set(key, group);
  }
  return [...groups.values()];
}

const LB_PER = { lb: 1, oz: 1 / 16, kg: 2.20462262, g: 0.00220462262 } as const;
const IN_PER = { in: 1, cm: 1 / 2.54 } as const;

export function convertWeight(weight: Weight, unit: Weight['unit']): Weight {
  return { value: (weight.value * LB_PER[weight.unit]) / LB_PER[unit], unit };
}

export function convertDimension(dimension: Dimension, unit: Dimension['unit']): Dimension {
  const f = IN_PER[dimension.unit] / IN_PER[unit];
  return { width: dimension.width * f, height: dimension.height * f, depth: dimension.depth * f, unit };
}

/** Every problem of a plan by path (`boxes.1.weight`, `items.<lineItemId>`; '' for the whole plan). */
export function checkShipmentPlan(plan: ShipmentPlan, order: OrderDetails): FieldIssues {
  const issues: FieldIssues = {};
  const add = (path: string, message: string) => (issues[path] ??= []).push(message);
  const placed = new Map<string, number>();
  plan.boxes.forEach((box, i) => {
    if (box.itemIds.length === 0) add(`boxes.${i}.itemIds`, 'This box is empty: put items in it or remove it.');
    for (const key of ['width', 'height', 'depth'] as const)
      if (!(box.dimension[key] > 0)) add(`boxes.${i}.dimension.${key}`, `Type the box's ${key}.`);
    if (!(box.weight.value > 0)) add(`boxes.${i}.weight`, 'Weigh the packed box and type its weight.');
    for (const id of box.itemIds) {
      if (placed.has(id)) add(`items.${id}`, `This unit is in box ${placed.get(id)! + 1} and box ${i + 1}.`);
      placed.set(id, i);
    }
  });
  for (const item of order.lineItems) if (!placed.has(item.id)) add(`items.${item.id}`, 'Not in a box yet.');
  return issues;
}

/** Boxes filled from the first preset, `maxUnits` line items each, as a starting point. */
export function suggestBoxes(order: OrderDetails, presets: BoxPreset[], maxUnits: number): ShipmentBox[] {
  const preset = presets[0];
  const ids = order.lineItems.map((i) => i.id);
  const boxes: ShipmentBox[] = [];
  for (let at = 0; at < ids.length; at += Math.max(1, maxUnits)) {
    boxes.push({
      presetId: preset?.id ?? null,
      dimension: preset?.dimension ?? { width: 0, height: 0, depth: 0, unit: 'in' },
      weight: { value: 0, unit: 'lb' },
      itemIds: ids.slice(at, at + Math.max(1, maxUnits)),
    });
  }
  return boxes;
}

const STANDIN_PRESETS: BoxPreset[] = [
  { id: 'small', name: 'Small', dimension: { width: 8, height: 6, depth: 4, unit: 'in' }, tare: { value: 4, unit: 'oz' } },
  { id: 'medium', name: 'Medium', dimension: { width: 12, height: 10, depth: 6, unit: 'in' }, tare: { value: 8, unit: 'oz' } },
  { id: 'large', name: 'Large', dimension: { width: 18, height: 14, depth: 10, unit: 'in' }, tare: { value: 14, unit: 'oz' } },
];

/** Settings.boxPresets and Settings.packing.maxUnitsPerBox, until Settings has them. */
export function packingSettings(settings: unknown): { presets: BoxPreset[]; maxUnitsPerBox: number } {
  const s = settings as { boxPresets?: BoxPreset[]; packing?: { maxUnitsPerBox?: number } } | undefined;
  return { presets: s?.boxPresets ?? STANDIN_PRESETS, maxUnitsPerBox: s?.packing?.maxUnitsPerBox ?? 2 };
}
