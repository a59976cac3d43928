/**
 * Checks a supervisor's split before anything is bought: the splitter screen shows each problem
 * next to what causes it, and the core refuses to buy while any remains.
 *
 * Paths name the cause:
 * - `order`: the order itself (cancelled, no line items, line item IDs the provider cannot know,
 *   or a plan for another order);
 * - `boxes`: the box list (none, or more than the provider takes);
 * - `boxes.<i>`: box i (0-based) is empty;
 * - `boxes.<i>.weight`, `boxes.<i>.dimension`, `boxes.<i>.dimension.width` (height, depth);
 * - `items.<lineItemId>`: a line item in no box, in two boxes, twice in one box, or not in the order;
 *   with the packing check on, a line item in a box whose item was not scanned.
 */
import type { BoxPreset } from './box-presets';
import { describeLineItem, groupKeyOf, lineItemById } from './item-groups';
import type { LineItem, OrderDetails } from './orders';
import type { Dimension, Weight } from './parcels';
import type { ShipmentLimits } from './shipment-limits';
import { ShipmentPlan } from './shipments';
import { centimetresOf, convertLength, formatLength, formatWeight, gramsOf, lengthPlusGirthInCm, sidesInCm } from './units';

export interface ShipmentProblem {
  path: string;
  message: string;
}

/** A plan as the splitter edits it: numbers may still be 0 or empty while the supervisor types. */
export interface PlanDraft {
  orderId: string;
  boxes: ReadonlyArray<{ presetId: string | null; dimension: Dimension; weight: Weight; itemIds: readonly string[] }>;
  /** Line items whose item was scanned into a box (the packing check). */
  checkedItemIds?: readonly string[];
}

// Unit conversions and typed decimals must not turn "exactly the limit" into a refusal.
const TOLERANCE = 1e-6;

export function checkShipmentPlan(
  plan: PlanDraft,
  order: OrderDetails,
  limits: ShipmentLimits,
  presets: readonly BoxPreset[] = [],
  packing: { checkItems: boolean } = { checkItems: false },
): ShipmentProblem[] {
  const problems: ShipmentProblem[] = [...checkOrder(plan, order), ...checkBoxCount(plan, limits)];
  const presetsById = new Map(presets.map((preset) => [preset.id, preset]));
  plan.boxes.forEach((box, index) => problems.push(...checkBox(box, index, limits, presetsById)));
  problems.push(...checkItems(plan, order));
  if (packing.checkItems) problems.push(...checkScanned(plan, order));
  return [...problems, ...schemaProblems(plan, problems)];
}

/**
 * The problems at a path and everything under it ("boxes.1" for box 2's card). An item's path is
 * matched whole: line item IDs from a WMS file may themselves hold dots ("L1" is not "L1.2").
 */
export function problemsAt(problems: readonly ShipmentProblem[], path: string): ShipmentProblem[] {
  const whole = path.startsWith('items.');
  return problems.filter(
    (problem) => problem.path === path || (!whole && !problem.path.startsWith('items.') && problem.path.startsWith(`${path}.`)),
  );
}

function checkOrder(plan: PlanDraft, order: OrderDetails): ShipmentProblem[] {
  const problems: ShipmentProblem[] = [];
  const at = (message: string) => problems.push({ path: 'order', message });
  if (plan.orderId !== order.orderId) at(`These boxes belong to order ${plan.orderId}, not to ${order.orderId}: open the splitter again.`);
  if (order.cancelled) at(`Order ${order.displayName ?? order.orderId} is cancelled: do not ship it, put its items back.`);
  if (order.lineItems.length === 0) {
    at(
      'The order source lists no items for this order, so they cannot be put in boxes: ship it in one box from the Scan screen, or load the order from TikTok Shop or the WMS order file.',
    );
  } else if (!hasProviderLineItemIds(order)) {
    at(
      'These line items come from Shopify, and TikTok does not know Shopify’s line item IDs, so no box can be bought. Load the order through the TikTok Shop provider, or export it in the WMS order file with TikTok’s line item IDs (column line_item_id), then split it again.',
    );
  }
  return problems;
}

/** Whether the line item IDs are TikTok's (what every provider sends per box). */
export function hasProviderLineItemIds(order: Pick<OrderDetails, 'source' | 'lineItems'>): boolean {
  if (order.source === 'shopify') return false;
  return !order.lineItems.some((item) => item.id.startsWith('gid://'));
}

function checkBoxCount(plan: PlanDraft, limits: ShipmentLimits): ShipmentProblem[] {
  if (plan.boxes.length === 0) return [{ path: 'boxes', message: 'There is no box: add a box and put the items in it.' }];
  if (plan.boxes.length <= limits.maxBoxes) return [];
  return [
    {
      path: 'boxes',
      message: `This shipment has ${plan.boxes.length} boxes and ${limits.providerTitle} takes at most ${limits.maxBoxes} per order: use fewer, larger boxes.`,
    },
  ];
}

function checkBox(
  box: PlanDraft['boxes'][number],
  index: number,
  limits: ShipmentLimits,
  presets: ReadonlyMap<string, BoxPreset>,
): ShipmentProblem[] {
  const problems: ShipmentProblem[] = [];
  const name = `Box ${index + 1}`;
  const path = `boxes.${index}`;
  if (box.itemIds.length === 0) problems.push({ path, message: `${name} is empty: put an item in it or remove it.` });

  const weight = box.weight;
  if (!(Number.isFinite(weight.value) && weight.value > 0)) {
    problems.push({ path: `${path}.weight`, message: `${name} has no weight: weigh the packed box.` });
  } else if (gramsOf(weight) > gramsOf(limits.maxBoxWeight) * (1 + TOLERANCE)) {
    problems.push({
      path: `${path}.weight`,
      message: `${name} weighs ${formatWeight(weight)}; the carriers take at most ${formatWeight(limits.maxBoxWeight)} per box: move items to another box.`,
    });
  } else {
    const preset = box.presetId ? presets.get(box.presetId) : undefined;
    if (preset && gramsOf(weight) < gramsOf(preset.tareWeight) * (1 - TOLERANCE)) {
      problems.push({
        path: `${path}.weight`,
        message: `${name} weighs ${formatWeight(weight)}, less than the empty ${preset.name} box (${formatWeight(preset.tareWeight)}): weigh the packed box again.`,
      });
    }
  }

  const sides = (['width', 'height', 'depth'] as const).filter(
    (side) => !(Number.isFinite(box.dimension[side]) && box.dimension[side] > 0),
  );
  for (const side of sides) {
    problems.push({ path: `${path}.dimension.${side}`, message: `${name} needs its ${side}: measure the box or choose a box.` });
  }
  if (sides.length === 0) problems.push(...checkSize(box.dimension, name, `${path}.dimension`, limits));
  return problems;
}

function checkSize(dimension: Dimension, name: string, path: string, limits: ShipmentLimits): ShipmentProblem[] {
  const [longest] = sidesInCm(dimension);
  if (longest > centimetresOf(limits.maxSide) * (1 + TOLERANCE)) {
    const shown = convertLength({ value: longest, unit: 'cm' }, dimension.unit);
    return [
      {
        path,
        message: `${name} is ${formatLength(shown)} long; the carriers take at most ${formatLength(convertLength(limits.maxSide, dimension.unit))} on the longest side: use a smaller box.`,
      },
    ];
  }
  const max = limits.maxLengthPlusGirth;
  const girth = lengthPlusGirthInCm(dimension);
  if (max && girth > centimetresOf(max) * (1 + TOLERANCE)) {
    const shown = convertLength({ value: girth, unit: 'cm' }, dimension.unit);
    return [
      {
        path,
        message: `${name} measures ${formatLength(shown)} in length plus girth (longest side + twice the other two); the carriers take at most ${formatLength(convertLength(max, dimension.unit))}: use a smaller box.`,
      },
    ];
  }
  return [];
}

function checkItems(plan: PlanDraft, order: OrderDetails): ShipmentProblem[] {
  const items = lineItemById(order);
  const label = itemLabels(order.lineItems);
  const boxesOf = new Map<string, number[]>();
  plan.boxes.forEach((box, index) => {
    for (const id of box.itemIds) boxesOf.set(id, [...(boxesOf.get(id) ?? []), index]);
  });
  const problems: ShipmentProblem[] = [];
  for (const item of order.lineItems) {
    const boxes = boxesOf.get(item.id) ?? [];
    const what = label.get(item.id) ?? describeLineItem(item, item.id);
    const distinct = [...new Set(boxes)];
    if (boxes.length === 0) {
      problems.push({ path: `items.${item.id}`, message: `${capitalize(what)} is in no box: put it in a box.` });
    } else if (distinct.length > 1) {
      problems.push({
        path: `items.${item.id}`,
        message: `${capitalize(what)} is in ${listBoxes(distinct)}: it can go in one box only, take it out of the others.${item.quantity > 1 ? ` Its ${item.quantity} units share one line item ID, so they ship together.` : ''}`,
      });
    } else if (boxes.length > 1) {
      problems.push({
        path: `items.${item.id}`,
        message: `${capitalize(what)} is listed ${boxes.length} times in box ${distinct[0]! + 1}: list it once.`,
      });
    }
  }
  for (const [id, boxes] of boxesOf) {
    if (items.has(id)) continue;
    problems.push({
      path: `items.${id}`,
      message: `${listBoxes([...new Set(boxes)], true)} ${boxes.length > 1 ? 'hold' : 'holds'} line item ${id}, which is not in this order: take it out.`,
    });
  }
  return problems;
}

/**
 * The packing check in the splitter: every line item of the order that sits in a box was scanned
 * into it (placed by key, count or drag, its item was never checked against the order).
 */
function checkScanned(plan: PlanDraft, order: OrderDetails): ShipmentProblem[] {
  const checked = new Set(plan.checkedItemIds ?? []);
  const boxed = new Set(plan.boxes.flatMap((box) => box.itemIds));
  const label = itemLabels(order.lineItems);
  return order.lineItems
    .filter((item) => boxed.has(item.id) && !checked.has(item.id))
    .map((item) => ({
      path: `items.${item.id}`,
      message: `${capitalize(label.get(item.id) ?? describeLineItem(item, item.id))} was put in a box without being scanned: the packing check is on, so take it out and scan the item into its box.`,
    }));
}

/** "Red mug (MUG-RED), unit 2 of 3" when TikTok lists the same product as several line items. */
function itemLabels(items: readonly LineItem[]): Map<string, string> {
  const byGroup = new Map<string, LineItem[]>();
  for (const item of items) byGroup.set(groupKeyOf(item), [...(byGroup.get(groupKeyOf(item)) ?? []), item]);
  const labels = new Map<string, string>();
  for (const group of byGroup.values()) {
    group.forEach((item, index) => {
      const base = describeLineItem(item, item.id);
      labels.set(item.id, group.length > 1 ? `${base}, unit ${index + 1} of ${group.length}` : base);
    });
  }
  return labels;
}

function listBoxes(indexes: readonly number[], capital = false): string {
  const numbers = indexes.map((i) => i + 1);
  const word = capital ? 'Box' : 'box';
  if (numbers.length === 1) return `${word} ${numbers[0]}`;
  return `${word}es ${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What the schema refuses that the rules above did not already name (a side too large to enter, an ID too long). */
function schemaProblems(plan: PlanDraft, found: readonly ShipmentProblem[]): ShipmentProblem[] {
  const parsed = ShipmentPlan.safeParse(plan);
  if (parsed.success) return [];
  const problems: ShipmentProblem[] = [];
  for (const issue of parsed.error.issues) {
    const [first, index, ...rest] = issue.path.map(String);
    const inBox = first === 'boxes' && index !== undefined;
    // One line item's ID: the item rules above already say it is not in the order.
    if (inBox && rest[0] === 'itemIds' && rest.length > 1) continue;
    const path = inBox ? ['boxes', index, ...rest].join('.') : first === 'boxes' ? 'boxes' : 'order';
    if (found.some((problem) => coveredBy(path, problem.path))) continue;
    problems.push({ path, message: `${inBox ? `Box ${Number(index) + 1}: ` : ''}${issue.message}.` });
  }
  return problems;
}

/** Whether a problem already shown at `shown` says what the schema says at `path`. */
function coveredBy(path: string, shown: string): boolean {
  if (path === shown || shown.startsWith(`${path}.`)) return true;
  // "Box 2 is too long" (boxes.1.dimension) covers "Width is too large" (boxes.1.dimension.width),
  // but "Box 2 is empty" (boxes.1) says nothing of its size.
  return shown.split('.').length >= 3 && path.startsWith(`${shown}.`);
}
