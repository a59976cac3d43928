/**
 * "Suggest": a starting point for the splitter, filled from the station's box presets.
 *
 * First-fit-decreasing: line items are taken largest first (volume, then weight, then units) and
 * each goes into the first open box that can still hold it, that box taking the smallest preset
 * that fits all it holds; a line item is never split (one ID = one box, whatever its quantity).
 * A box may hold at most the rule's units, and, where the order source gives unit sizes and
 * weights, what fills 80 % of the preset's volume (cartons are never packed solid) and keeps the
 * box within the carriers' weight limit. With no sizes at all the count alone decides and a box
 * gets the station's usual box (the first preset), or a larger one where known sizes need it.
 *
 * A suggested weight is the empty carton plus the items' known weights: an estimate, never a
 * measurement. Each box therefore comes with a note on its weight, and the supervisor weighs it.
 */
import type { BoxPreset, BoxRule } from './box-presets';
import { describeLineItem } from './item-groups';
import type { LineItem, OrderDetails } from './orders';
import type { Dimension, Weight } from './parcels';
import type { ShipmentProblem } from './shipment-check';
import type { ShipmentLimits } from './shipment-limits';
import type { ShipmentBox } from './shipments';
import { centimetresOf, convertDimension, convertWeight, gramsOf, lengthPlusGirthInCm, sidesInCm, volumeInCm3 } from './units';

export interface SuggestedShipment {
  boxes: ShipmentBox[];
  /** For the supervisor, placed like problems: `boxes.<i>.weight` (an estimate), `boxes.<i>.dimension`. */
  notes: ShipmentProblem[];
}

const FILL = 0.8;
/** A box when no preset can be used at all: a common mid-size carton, to be measured. */
const STAND_IN: Dimension = { width: 12, height: 10, depth: 6, unit: 'in' };
const STAND_IN_WEIGHT: Weight = { value: 1, unit: 'lb' };

interface Piece {
  item: LineItem;
  index: number;
  units: number;
  /** Known weight of all its units, in grams. */
  grams: number | null;
  volume: number | null;
  /** One unit's sides in cm, longest first. */
  sides: [number, number, number] | null;
}

interface Candidate {
  preset: BoxPreset;
  listIndex: number;
  volume: number;
  sides: [number, number, number];
  tareGrams: number;
}

interface OpenBox {
  pieces: Piece[];
  candidate: Candidate | null;
}

export function suggestBoxes(order: OrderDetails, presets: readonly BoxPreset[], rule: BoxRule, limits?: ShipmentLimits): ShipmentBox[] {
  return suggestShipment(order, presets, rule, limits).boxes;
}

export function suggestShipment(
  order: OrderDetails,
  presets: readonly BoxPreset[],
  rule: BoxRule,
  limits?: ShipmentLimits,
): SuggestedShipment {
  const candidates = usableCandidates(presets, limits);
  const maxGrams = limits ? gramsOf(limits.maxBoxWeight) : Infinity;
  const pieces = order.lineItems.map(toPiece).sort(largestFirst);
  const open: OpenBox[] = [];
  for (const piece of pieces) {
    const placed = open.find((box) => {
      const candidate = pickCandidate([...box.pieces, piece], candidates, rule, maxGrams);
      if (!candidate) return false;
      box.pieces.push(piece);
      box.candidate = candidate;
      return true;
    });
    if (!placed) open.push({ pieces: [piece], candidate: pickCandidate([piece], candidates, rule, maxGrams) });
  }
  // Boxes in the order's own order: box 1 holds the order's first item.
  const sorted = open.map((box) => ({ ...box, pieces: [...box.pieces].sort((a, b) => a.index - b.index) }));
  sorted.sort((a, b) => a.pieces[0]!.index - b.pieces[0]!.index);
  const notes: ShipmentProblem[] = [];
  const boxes = sorted.map((box, index) => toShipmentBox(box, index, maxGrams, notes));
  return { boxes, notes };
}

function toPiece(item: LineItem, index: number): Piece {
  const units = item.quantity;
  return {
    item,
    index,
    units,
    grams: item.unitWeight ? gramsOf(item.unitWeight) * units : null,
    volume: item.unitDimension ? volumeInCm3(item.unitDimension) * units : null,
    sides: item.unitDimension ? sidesInCm(item.unitDimension) : null,
  };
}

function largestFirst(a: Piece, b: Piece): number {
  return (b.volume ?? 0) - (a.volume ?? 0) || (b.grams ?? 0) - (a.grams ?? 0) || b.units - a.units || a.index - b.index;
}

function usableCandidates(presets: readonly BoxPreset[], limits: ShipmentLimits | undefined): Candidate[] {
  return presets
    .map((preset, listIndex) => ({
      preset,
      listIndex,
      volume: volumeInCm3(preset.dimension),
      sides: sidesInCm(preset.dimension),
      tareGrams: gramsOf(preset.tareWeight),
    }))
    .filter((c) => !limits || withinSizeLimits(c.preset.dimension, limits))
    .filter((c) => !limits || c.tareGrams <= gramsOf(limits.maxBoxWeight));
}

function withinSizeLimits(dimension: Dimension, limits: ShipmentLimits): boolean {
  if (sidesInCm(dimension)[0] > centimetresOf(limits.maxSide)) return false;
  return !limits.maxLengthPlusGirth || lengthPlusGirthInCm(dimension) <= centimetresOf(limits.maxLengthPlusGirth);
}

/** The preset these pieces go in, or null when none holds them together. */
function pickCandidate(pieces: readonly Piece[], candidates: readonly Candidate[], rule: BoxRule, maxGrams: number): Candidate | null {
  const alone = pieces.length === 1;
  const units = pieces.reduce((sum, p) => sum + p.units, 0);
  // A line item is never split: one with more units than the rule still gets a box of its own.
  if (!alone && units > rule.maxUnitsPerBox) return null;
  const grams = pieces.reduce((sum, p) => sum + (p.grams ?? 0), 0);
  const volume = pieces.reduce((sum, p) => sum + (p.volume ?? 0), 0);
  const singleUnit = alone && pieces[0]!.units === 1;
  const sizesKnown = pieces.every((p) => p.sides !== null);
  const usual = candidates[0];
  const bySize = [...candidates].sort((a, b) => a.volume - b.volume || a.listIndex - b.listIndex);
  const order = sizesKnown || !usual ? bySize : bySize.filter((c) => c.volume >= usual.volume);
  return (
    order.find(
      (c) =>
        pieces.every((p) => !p.sides || p.sides.every((side, i) => side <= c.sides[i]!)) &&
        (singleUnit || volume <= c.volume * FILL) &&
        (alone || c.tareGrams + grams <= maxGrams),
    ) ?? null
  );
}

function toShipmentBox(box: OpenBox, index: number, maxGrams: number, notes: ShipmentProblem[]): ShipmentBox {
  const itemIds = box.pieces.map((p) => p.item.id);
  const knownGrams = box.pieces.reduce((sum, p) => sum + (p.grams ?? 0), 0);
  const known = box.pieces.filter((p) => p.grams !== null).length;
  const path = `boxes.${index}`;
  if (box.candidate) {
    const { preset } = box.candidate;
    notes.push({ path: `${path}.weight`, message: weightNote(known, box.pieces.length, preset.name) });
    return {
      presetId: preset.id,
      dimension: { ...preset.dimension },
      weight: estimate(box.candidate.tareGrams + knownGrams, preset.tareWeight.unit, maxGrams),
      itemIds,
    };
  }
  // Nothing the station stocks holds it: the item ships in its own carton (or a stand-in) to measure.
  const piece = box.pieces[0]!;
  const ownSize = ownCarton(piece);
  notes.push({
    path: `${path}.dimension`,
    message: ownSize
      ? `${capitalize(describeLineItem(piece.item, piece.item.id))} fits none of the station’s boxes: this box is its own size, measure the carton it ships in.`
      : 'None of the station’s boxes can be used: measure the box these items ship in.',
  });
  notes.push({
    path: `${path}.weight`,
    message: known === box.pieces.length ? weightNote(known, known, null) : 'Not known: weigh the packed box.',
  });
  return {
    presetId: null,
    dimension: ownSize ?? { ...STAND_IN },
    weight:
      known === box.pieces.length && knownGrams > 0
        ? estimate(knownGrams, piece.item.unitWeight?.unit ?? 'lb', maxGrams)
        : { ...STAND_IN_WEIGHT },
    itemIds,
  };
}

/** One unit's carton, its units stacked along the shortest side. */
function ownCarton(piece: Piece): Dimension | null {
  const unit = piece.item.unitDimension;
  if (!unit) return null;
  const [a, b, c] = sidesInCm(unit);
  const cm: Dimension = { width: a, height: b, depth: c * piece.units, unit: 'cm' };
  return roundUpDimension(convertDimension(cm, unit.unit));
}

function weightNote(known: number, count: number, presetName: string | null): string {
  const carton = presetName ? `the empty ${presetName} box` : 'the items';
  if (presetName && known === count) return `Estimated from ${carton} and its items’ weights: weigh the packed box.`;
  if (!presetName) return `Estimated from ${carton}’ weights: weigh the packed box.`;
  if (known === 0) return `Only ${carton} is counted (the items’ weights are not known): weigh the packed box.`;
  return `Estimated from ${carton} and ${known} of its ${count} items (the others’ weights are not known): weigh the packed box.`;
}

/**
 * In pounds, or kilograms where the station weighs in metric (a packed box is not weighed in
 * ounces or grams), rounded up to what a scale shows (an estimate errs heavy), within the limit.
 */
function estimate(grams: number, like: Weight['unit'], maxGrams: number): Weight {
  const unit = like === 'g' || like === 'kg' ? 'kg' : 'lb';
  const exact = convertWeight({ value: grams, unit: 'g' }, unit);
  const step = STEP[unit];
  const up = { value: Math.ceil(exact.value / step - 1e-9) * step, unit };
  const rounded: Weight = { value: Number(up.value.toFixed(3)), unit };
  return gramsOf(rounded) <= maxGrams ? rounded : exact;
}

const STEP = { lb: 0.01, kg: 0.001 } as const;

function roundUpDimension(d: Dimension): Dimension {
  const step = d.unit === 'in' ? 0.25 : 0.5;
  const up = (v: number) => Math.ceil(v / step - 1e-9) * step;
  return { width: up(d.width), height: up(d.height), depth: up(d.depth), unit: d.unit };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
