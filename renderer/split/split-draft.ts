/**
 * The splitter's plan as the supervisor edits it, and every edit as a pure function: boxes added,
 * removed (their units go back to the order) and reordered; units moved in and out by count, by
 * line item (drag and drop) or by a scanned SKU; sizes and weights as typed (text, so "1." can be
 * typed), converted when the unit changes. A "unit" moved is one line item: TikTok lists one line
 * item per unit, so a group's units are its line item IDs and every ID is kept.
 */
import type { Dimension, Weight } from '../../shared/domain/parcels';
import type { ShipmentBox, ShipmentPlan } from '../../shared/domain/shipments';
import type { OrderDetails } from '../../shared/domain/orders';
import {
  convertDimension,
  convertWeight,
  pickScannedItem,
  type BoxPreset,
  type ItemGroup,
  type SuggestedShipment,
} from '../../shared/domain/shipment-rules';

export type SizeKey = 'width' | 'height' | 'depth';
export const SIZE_KEYS: readonly SizeKey[] = ['width', 'height', 'depth'];

export interface BoxDraft {
  /** Stable for React and drag and drop while boxes move. */
  key: number;
  presetId: string | null;
  size: Record<SizeKey, string>;
  sizeUnit: Dimension['unit'];
  weight: string;
  weightUnit: Weight['unit'];
  itemIds: string[];
  /** What "Suggest" says of its figures (an estimated weight, a stand-in size) until they are typed over. */
  sizeNote?: string;
  weightNote?: string;
}

export interface SplitDraft {
  boxes: BoxDraft[];
  /** The box that keys and scans fill. */
  current: number;
  /** The item group the arrow keys chose. */
  selected: number;
  nextKey: number;
  /** Line items whose item was scanned into a box (the packing check); kept when moved afterwards. */
  checked?: string[];
}

export interface DraftUnits {
  size: Dimension['unit'];
  weight: Weight['unit'];
}

function emptyBox(key: number, units: DraftUnits): BoxDraft {
  return {
    key,
    presetId: null,
    size: { width: '', height: '', depth: '' },
    sizeUnit: units.size,
    weight: '',
    weightUnit: units.weight,
    itemIds: [],
  };
}

/** A new box's units: the station's default parcel's. */
export function draftUnits(settings: { defaultParcel: { dimension: Dimension; weight: Weight } } | undefined): DraftUnits {
  return { size: settings?.defaultParcel.dimension.unit ?? 'in', weight: settings?.defaultParcel.weight.unit ?? 'lb' };
}

export function newDraft(units: DraftUnits): SplitDraft {
  return { boxes: [emptyBox(1, units)], current: 0, selected: 0, nextKey: 2 };
}

function withBox(draft: SplitDraft, index: number, change: (box: BoxDraft) => BoxDraft): SplitDraft {
  const box = draft.boxes[index];
  if (!box) return draft;
  return { ...draft, boxes: draft.boxes.map((b, i) => (i === index ? change(b) : b)) };
}

export function addBox(draft: SplitDraft, units: DraftUnits): SplitDraft {
  return { ...draft, boxes: [...draft.boxes, emptyBox(draft.nextKey, units)], current: draft.boxes.length, nextKey: draft.nextKey + 1 };
}

/** The box goes; its units are back in the order, unassigned. The last box is replaced by an empty one. */
export function removeBox(draft: SplitDraft, index: number, units: DraftUnits): SplitDraft {
  if (!draft.boxes[index]) return draft;
  const boxes = draft.boxes.filter((_, i) => i !== index);
  if (boxes.length === 0) return { ...draft, boxes: [emptyBox(draft.nextKey, units)], current: 0, nextKey: draft.nextKey + 1 };
  const current = draft.current > index || draft.current >= boxes.length ? Math.max(0, draft.current - 1) : draft.current;
  return { ...draft, boxes, current };
}

/** Moves a box to another place in the print order; the current box follows it. */
export function moveBox(draft: SplitDraft, from: number, to: number): SplitDraft {
  const box = draft.boxes[from];
  if (!box || to < 0 || to >= draft.boxes.length || to === from) return draft;
  const boxes = draft.boxes.filter((_, i) => i !== from);
  boxes.splice(to, 0, box);
  const currentKey = draft.boxes[draft.current]?.key;
  return {
    ...draft,
    boxes,
    current: Math.max(
      0,
      boxes.findIndex((b) => b.key === currentKey),
    ),
  };
}

export function setCurrent(draft: SplitDraft, index: number): SplitDraft {
  return index >= 0 && index < draft.boxes.length ? { ...draft, current: index } : draft;
}

export function selectGroup(draft: SplitDraft, index: number, groupCount: number): SplitDraft {
  return groupCount === 0 ? draft : { ...draft, selected: Math.min(Math.max(index, 0), groupCount - 1) };
}

/** The index of the box holding a line item, or -1 when it is not in a box. */
export function boxOf(draft: SplitDraft, itemId: string): number {
  return draft.boxes.findIndex((b) => b.itemIds.includes(itemId));
}

export function unassignedOf(draft: SplitDraft, group: ItemGroup): string[] {
  return group.lineItemIds.filter((id) => boxOf(draft, id) < 0);
}

export function inBox(draft: SplitDraft, group: ItemGroup, index: number): string[] {
  const box = draft.boxes[index];
  return box ? group.lineItemIds.filter((id) => box.itemIds.includes(id)) : [];
}

/** Puts line items into a box (index), or takes them out of every box (null). */
export function moveItems(draft: SplitDraft, itemIds: string[], target: number | null): SplitDraft {
  if (target !== null && !draft.boxes[target]) return draft;
  const moving = new Set(itemIds);
  const boxes = draft.boxes.map((b, i) => {
    const kept = b.itemIds.filter((id) => !moving.has(id));
    return i === target ? { ...b, itemIds: [...kept, ...itemIds.filter((id, at) => itemIds.indexOf(id) === at)] } : { ...b, itemIds: kept };
  });
  return { ...draft, boxes };
}

/** Up to `count` unassigned units of the group into the box. */
export function addUnits(draft: SplitDraft, group: ItemGroup, index: number, count: number): SplitDraft {
  const taking = unassignedOf(draft, group).slice(0, Math.max(0, count));
  return taking.length === 0 ? draft : moveItems(draft, taking, index);
}

/** Up to `count` units of the group out of the box, back to the order. */
export function takeUnits(draft: SplitDraft, group: ItemGroup, index: number, count: number): SplitDraft {
  const there = inBox(draft, group, index);
  const taking = count <= 0 ? [] : there.slice(-count);
  return taking.length === 0 ? draft : moveItems(draft, taking, null);
}

/** Exactly `count` units of the group in the box, as far as the unassigned units allow. */
export function setGroupCount(draft: SplitDraft, group: ItemGroup, index: number, count: number): SplitDraft {
  const now = inBox(draft, group, index).length;
  return count >= now ? addUnits(draft, group, index, count - now) : takeUnits(draft, group, index, now - count);
}

export type ScanResult = { kind: 'added'; group: ItemGroup; box: number; units: number } | { kind: 'refused'; message: string };

/** A scanned SKU: its next unit not in a box into the current box (the rules' pickScannedItem), or why nothing changed. */
export function scanSku(
  draft: SplitDraft,
  order: Pick<OrderDetails, 'lineItems'>,
  groups: ItemGroup[],
  scanned: string,
): { draft: SplitDraft; result: ScanResult } {
  const picked = pickScannedItem(order, draft, scanned);
  if (!picked.ok) return { draft, result: { kind: 'refused', message: picked.message } };
  const at = groups.findIndex((g) => g.lineItemIds.includes(picked.lineItemId));
  const checked = draft.checked?.includes(picked.lineItemId) ? draft.checked : [...(draft.checked ?? []), picked.lineItemId];
  const moved = { ...moveItems(draft, [picked.lineItemId], draft.current), selected: Math.max(at, 0), checked };
  return { draft: moved, result: { kind: 'added', group: groups[at]!, box: draft.current, units: picked.units } };
}

function text(n: number): string {
  return n > 0 ? String(Math.round(n * 100) / 100) : '';
}

export function choosePreset(draft: SplitDraft, index: number, preset: BoxPreset): SplitDraft {
  return withBox(draft, index, (b) => ({
    ...b,
    presetId: preset.id,
    sizeNote: undefined,
    size: { width: text(preset.dimension.width), height: text(preset.dimension.height), depth: text(preset.dimension.depth) },
    sizeUnit: preset.dimension.unit,
  }));
}

/** A typed size: the box no longer matches its preset. */
export function typeSize(draft: SplitDraft, index: number, key: SizeKey, value: string): SplitDraft {
  return withBox(draft, index, (b) => ({ ...b, presetId: null, sizeNote: undefined, size: { ...b.size, [key]: value } }));
}

export function typeWeight(draft: SplitDraft, index: number, value: string): SplitDraft {
  return withBox(draft, index, (b) => ({ ...b, weight: value, weightNote: undefined }));
}

/** Another unit: the typed figures are converted, so the box stays the same size. */
export function changeSizeUnit(draft: SplitDraft, index: number, unit: Dimension['unit']): SplitDraft {
  return withBox(draft, index, (b) => {
    const converted = convertDimension({ ...numbers(b.size), unit: b.sizeUnit }, unit);
    const size = Object.fromEntries(SIZE_KEYS.map((k) => [k, b.size[k].trim() === '' ? '' : text(converted[k])])) as BoxDraft['size'];
    return { ...b, size, sizeUnit: unit };
  });
}

export function changeWeightUnit(draft: SplitDraft, index: number, unit: Weight['unit']): SplitDraft {
  return withBox(draft, index, (b) => {
    const value = number(b.weight);
    return { ...b, weight: value > 0 ? text(convertWeight({ value, unit: b.weightUnit }, unit).value) : b.weight, weightUnit: unit };
  });
}

/** The suggestion replaces the boxes: a starting point, its weights estimates with a note to weigh each box. */
export function applySuggestion(draft: SplitDraft, suggested: SuggestedShipment): SplitDraft {
  if (suggested.boxes.length === 0) return draft;
  let key = draft.nextKey;
  const note = (path: string) => {
    const said = suggested.notes.filter((n) => n.path === path || n.path.startsWith(`${path}.`)).map((n) => n.message);
    return said.length > 0 ? said.join(' ') : undefined;
  };
  const boxes = suggested.boxes.map((s: ShipmentBox, i): BoxDraft => ({
    key: key++,
    presetId: s.presetId,
    size: { width: text(s.dimension.width), height: text(s.dimension.height), depth: text(s.dimension.depth) },
    sizeUnit: s.dimension.unit,
    weight: text(s.weight.value),
    weightUnit: s.weight.unit,
    itemIds: [...s.itemIds],
    sizeNote: note(`boxes.${i}.dimension`),
    weightNote: note(`boxes.${i}.weight`),
  }));
  return { ...draft, boxes, current: 0, nextKey: key };
}

function number(s: string): number {
  const n = Number(s.trim().replace(',', '.'));
  return s.trim() !== '' && Number.isFinite(n) ? n : 0;
}

function numbers(size: BoxDraft['size']): Record<SizeKey, number> {
  return { width: number(size.width), height: number(size.height), depth: number(size.depth) };
}

/** The plan as buyShipment takes it (an untyped figure is 0, which the rules refuse next to its field). */
export function toPlan(orderId: string, draft: SplitDraft): ShipmentPlan {
  return {
    orderId,
    boxes: draft.boxes.map((b) => ({
      presetId: b.presetId,
      dimension: { ...numbers(b.size), unit: b.sizeUnit },
      weight: { value: number(b.weight), unit: b.weightUnit },
      itemIds: [...b.itemIds],
    })),
    ...(draft.checked?.length && { checkedItemIds: [...draft.checked] }),
  };
}

function sameMeasures(a: BoxDraft, b: BoxDraft): boolean {
  return (
    a.presetId === b.presetId &&
    a.sizeUnit === b.sizeUnit &&
    a.weight === b.weight &&
    a.weightUnit === b.weightUnit &&
    SIZE_KEYS.every((k) => a.size[k] === b.size[k])
  );
}

/**
 * Whether an edit only corrects the size or weight of boxes still to buy (`open`, 0-based): the
 * same boxes in the same order with the same items, every other box as it was. After a partial
 * purchase that is all a retry may change (the parcel set names the boxes and their items).
 */
export function changesOnlyMeasures(before: SplitDraft, after: SplitDraft, open: readonly number[]): boolean {
  if (before.boxes.length !== after.boxes.length) return false;
  return after.boxes.every((box, i) => {
    const was = before.boxes[i]!;
    if (box.key !== was.key || box.itemIds.length !== was.itemIds.length || box.itemIds.some((id, at) => was.itemIds[at] !== id))
      return false;
    return open.includes(i) || sameMeasures(box, was);
  });
}
