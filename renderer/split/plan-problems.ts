/**
 * Where each problem of a plan is shown: next to the box's size, its weight, the box itself, the
 * item group a line item belongs to, or above the boxes for the plan as a whole. Paths are the
 * rules' and the core's (`boxes.1.weight` is the second box; `items.<lineItemId>`; `order`, `boxes`).
 */
import type { FieldIssues } from '../../shared/errors';
import type { OrderDetails } from '../../shared/domain/orders';
import { hasProviderLineItemIds, type ItemGroup, type ShipmentProblem } from '../../shared/domain/shipment-rules';
import type { SplitDraft } from './split-draft';

export interface BoxProblems {
  box: string[];
  size: string[];
  weight: string[];
}

export interface PlacedProblems {
  general: string[];
  boxes: BoxProblems[];
  /** By line item ID. */
  items: Map<string, string[]>;
  count: number;
}

const BOX_PATH = /^boxes\.(\d+)(?:\.(\w+))?/;

/** The core's refusal of a plan (Problem.fields) as the rules' problems. */
export function fromFieldIssues(fields: FieldIssues | undefined): ShipmentProblem[] {
  return Object.entries(fields ?? {}).flatMap(([path, messages]) => messages.map((message) => ({ path, message })));
}

export function placeProblems(found: readonly ShipmentProblem[], boxCount: number): PlacedProblems {
  const fields: FieldIssues = {};
  for (const { path, message } of found) if (!fields[path]?.includes(message)) (fields[path] ??= []).push(message);
  const placed: PlacedProblems = {
    general: [],
    boxes: Array.from({ length: boxCount }, () => ({ box: [], size: [], weight: [] })),
    items: new Map(),
    count: 0,
  };
  for (const [path, messages] of Object.entries(fields)) {
    if (messages.length === 0) continue;
    placed.count += messages.length;
    const item = path.startsWith('items.') ? path.slice('items.'.length) : null;
    const box = BOX_PATH.exec(path);
    const target = box ? placed.boxes[Number(box[1])] : undefined;
    if (item) placed.items.set(item, [...(placed.items.get(item) ?? []), ...messages]);
    else if (target && box?.[2] === 'weight') target.weight.push(...messages);
    else if (target && (box?.[2] === 'dimension' || box?.[2] === 'presetId')) target.size.push(...new Set(messages));
    else if (target) target.box.push(...messages);
    else placed.general.push(...messages);
  }
  return placed;
}

/**
 * A group's problems, the rules' words kept: the first unit's message, and how many more units of
 * the group have a problem ("and 2 more units"), so a row stays one or two lines long.
 */
export function groupProblems(placed: PlacedProblems, group: ItemGroup): string[] {
  const messages = group.lineItemIds.flatMap((id) => placed.items.get(id) ?? []);
  const [first] = messages;
  if (!first) return [];
  const more = group.lineItemIds.filter((id) => (placed.items.get(id) ?? []).length > 0).length - 1;
  return [more > 0 ? `${first} (and ${more} more ${more === 1 ? 'unit' : 'units'})` : first];
}

/** Line items in a problem that belong to no group on screen (the core knows items the screen does not). */
export function strayItemProblems(placed: PlacedProblems, groups: ItemGroup[]): string[] {
  const known = new Set(groups.flatMap((g) => g.lineItemIds));
  return [...placed.items].filter(([id]) => !known.has(id)).flatMap(([id, messages]) => messages.map((m) => `Line item ${id}: ${m}`));
}

/**
 * Why this order cannot be split here, or null. The boxes of a TikTok label name TikTok's own line
 * item IDs; a Shopify order's are Shopify's, and a scan no source knew has none.
 */
export function sourceRefusal(order: OrderDetails): { title: string; how: string } | null {
  if (order.lineItems.length > 0 && !hasProviderLineItemIds(order))
    return {
      title: "This order's line items come from Shopify, not TikTok: TikTok refuses them in a split label.",
      how: 'Load the order through the TikTok provider (Settings › Label provider: TikTok Shop, which reads the order detail with its line items), or give the WMS order file a line_item_id column with the TikTok line item IDs. Then scan the order again.',
    };
  if (order.lineItems.length === 0)
    return {
      title: "No order source lists this order's line items, so its units cannot be put in boxes.",
      how: 'Load the order through the TikTok provider (Settings › Label provider: TikTok Shop), or add the order to the WMS order file with its TikTok line item IDs (line_item_id column). Then scan the order again.',
    };
  return null;
}

/** A weight "Suggest" estimated is not a measurement: Buy waits until the packed box is weighed. */
export function estimateProblems(draft: SplitDraft): ShipmentProblem[] {
  return draft.boxes.flatMap((box, i) =>
    box.weightNote ? [{ path: `boxes.${i}.weight`, message: `${box.weightNote} Type the weight the scale shows.` }] : [],
  );
}
