/**
 * Weights and lengths in the units a packing table uses (lb, oz, kg, g; in, cm), converted with the
 * exact legal factors, and shown rounded the way a scale or a tape measure shows them.
 */
import type { Dimension, Weight } from './parcels';

export type WeightUnit = Weight['unit'];
export type LengthUnit = Dimension['unit'];

/** A length with its unit: a side of a box, a carrier's longest side. */
export interface Length {
  value: number;
  unit: LengthUnit;
}

export const WEIGHT_UNITS: readonly WeightUnit[] = ['lb', 'oz', 'kg', 'g'];
export const LENGTH_UNITS: readonly LengthUnit[] = ['in', 'cm'];

const GRAMS_PER: Record<WeightUnit, number> = { lb: 453.59237, oz: 453.59237 / 16, kg: 1000, g: 1 };
const CM_PER: Record<LengthUnit, number> = { in: 2.54, cm: 1 };

export function gramsOf(weight: Weight): number {
  return weight.value * GRAMS_PER[weight.unit];
}

export function centimetresOf(length: Length): number {
  return length.value * CM_PER[length.unit];
}

export function convertWeight(weight: Weight, unit: WeightUnit): Weight {
  if (weight.unit === unit) return { value: weight.value, unit };
  return { value: gramsOf(weight) / GRAMS_PER[unit], unit };
}

export function convertLength(length: Length, unit: LengthUnit): Length {
  if (length.unit === unit) return { value: length.value, unit };
  return { value: centimetresOf(length) / CM_PER[unit], unit };
}

export function convertDimension(dimension: Dimension, unit: LengthUnit): Dimension {
  const side = (value: number) => convertLength({ value, unit: dimension.unit }, unit).value;
  return { width: side(dimension.width), height: side(dimension.height), depth: side(dimension.depth), unit };
}

/** The three sides, longest first, in centimetres. */
export function sidesInCm(dimension: Dimension): [number, number, number] {
  const cm = convertDimension(dimension, 'cm');
  const [a, b, c] = [cm.width, cm.height, cm.depth].sort((x, y) => y - x) as [number, number, number];
  return [a, b, c];
}

export function volumeInCm3(dimension: Dimension): number {
  const [a, b, c] = sidesInCm(dimension);
  return a * b * c;
}

/** Carriers' "length plus girth": the longest side plus twice each of the two others. */
export function lengthPlusGirthInCm(dimension: Dimension): number {
  const [a, b, c] = sidesInCm(dimension);
  return a + 2 * (b + c);
}

// As many decimals as a shipping scale shows in each unit (0.01 lb, 0.1 oz, 0.001 kg, 1 g).
const WEIGHT_DECIMALS: Record<WeightUnit, number> = { lb: 2, oz: 1, kg: 3, g: 0 };
const LENGTH_DECIMALS: Record<LengthUnit, number> = { in: 2, cm: 1 };

/** The value rounded as the unit is shown: 1.25 lb, 20.3 oz, 0.567 kg, 567 g. */
export function roundWeight(weight: Weight): Weight {
  return { value: roundTo(weight.value, WEIGHT_DECIMALS[weight.unit]), unit: weight.unit };
}

export function roundLength(length: Length): Length {
  return { value: roundTo(length.value, LENGTH_DECIMALS[length.unit]), unit: length.unit };
}

/** "1.25 lb", "567 g"; trailing zeros dropped. */
export function formatWeight(weight: Weight): string {
  return `${roundWeight(weight).value} ${weight.unit}`;
}

/** "108 in", "30.5 cm". */
export function formatLength(length: Length): string {
  return `${roundLength(length).value} ${length.unit}`;
}

/** "12 × 10 × 6 in" (width × height × depth, as entered). */
export function formatDimension(dimension: Dimension): string {
  const side = (value: number) => roundLength({ value, unit: dimension.unit }).value;
  return `${side(dimension.width)} × ${side(dimension.height)} × ${side(dimension.depth)} ${dimension.unit}`;
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  // Number.EPSILON keeps 1.005 from showing as 1 (binary 1.00499…).
  return Math.round((value + Math.sign(value) * Number.EPSILON * Math.abs(value)) * factor) / factor;
}
