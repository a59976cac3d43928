/**
 * The packer's choice for the next single-parcel scan: a box preset and a typed weight, each optional.
 * Nothing chosen: the station's default parcel. A preset without a typed weight: its size, the default weight.
 */
import type { Dimension, Parcel, Weight } from '../../shared/domain/parcels';
import type { BoxPreset } from '../../shared/domain/box-presets';
import type { ScanOutcome } from '../../shared/contract';
import { formatWeight, gramsOf, type WeightUnit } from '../../shared/domain/units';

export interface ParcelChoice {
  presetId?: string;
  /** As typed, in the default parcel's weight unit; '' = the default weight. */
  weightText: string;
}

export const NO_CHOICE: ParcelChoice = { weightText: '' };

/** USPS's 70 lb per parcel, the strictest carrier TikTok Shipping may pick (shared/domain/shipment-limits.ts). */
export const MAX_PARCEL_WEIGHT: Weight = { value: 70, unit: 'lb' };

export type TypedWeight = { kind: 'none' } | { kind: 'ok'; weight: Weight } | { kind: 'invalid'; message: string };

export function readTypedWeight(text: string, unit: WeightUnit, max: Weight = MAX_PARCEL_WEIGHT): TypedWeight {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return { kind: 'none' };
  const value = /^[-+]?(\d+\.?\d*|\.\d+)$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!Number.isFinite(value)) return { kind: 'invalid', message: `"${text.trim()}" is not a weight: type a number of ${unit}` };
  const weight: Weight = { value, unit };
  if (!(weight.value > 0)) return { kind: 'invalid', message: 'The weight must be more than 0' };
  if (gramsOf(weight) > gramsOf(max)) return { kind: 'invalid', message: `At most ${formatWeight(max)} per parcel` };
  return { kind: 'ok', weight };
}

export interface NextParcel {
  /** What the scan sends; undefined = the station default (the core uses it). */
  send?: Parcel;
  /** What the label will declare, always known. */
  declared: Parcel;
  boxName?: string;
  /** Set when the typed weight is invalid: no scan is sent until it is fixed or cleared. */
  problem?: string;
}

export function nextParcel(choice: ParcelChoice, defaultParcel: Parcel, presets: readonly BoxPreset[]): NextParcel {
  const preset = presets.find((p) => p.id === choice.presetId);
  const typed = readTypedWeight(choice.weightText, defaultParcel.weight.unit);
  const dimension: Dimension = preset?.dimension ?? defaultParcel.dimension;
  const weight = typed.kind === 'ok' ? typed.weight : defaultParcel.weight;
  const declared: Parcel = { dimension, weight };
  const chosen = preset !== undefined || typed.kind === 'ok';
  return {
    declared,
    ...(chosen ? { send: declared } : {}),
    ...(preset ? { boxName: preset.name } : {}),
    ...(typed.kind === 'invalid' ? { problem: typed.message } : {}),
  };
}

/** "12×10×6 in, 2.4 lb". */
export function describeParcel(parcel: Parcel): string {
  const d = parcel.dimension;
  return `${d.width}×${d.height}×${d.depth} ${d.unit}, ${formatWeight(parcel.weight)}`;
}

/** The line under the strip: "Next label: Medium 12×10×6 in, 2.4 lb" or "Station default: 8×4×6 in, 1 lb". */
export function nextLabelLine(next: NextParcel): string {
  if (next.problem) return 'Next label: none until the weight is fixed or cleared';
  if (!next.send) return `Station default: ${describeParcel(next.declared)}`;
  return `Next label: ${next.boxName ? `${next.boxName} ` : ''}${describeParcel(next.declared)}`;
}

/**
 * A scanner's burst that landed in the weight field (its focus was there): the scan it typed, or null
 * for a weight. `before` is the field's text when it took the focus. No weight is 8 characters long;
 * a Shopify order number starts with #.
 */
export function scanInWeightField(before: string, text: string): string | null {
  const added = (text.startsWith(before) ? text.slice(before.length) : text).trim();
  return added.length >= 8 || (added.startsWith('#') && added.length >= 2) ? added : null;
}

type Finished = ScanOutcome | { outcome: 'call_failed' };

/**
 * A label was bought (or may have been: a purchase still being checked) with this parcel: the next
 * parcel is weighed afresh, so the choice goes back to the default. A refused scan bought nothing: it stays.
 */
export function choiceAfterScan(choice: ParcelChoice, result: Finished): ParcelChoice {
  const bought =
    result.outcome === 'printed' ||
    result.outcome === 'queued' ||
    result.outcome === 'print_failed' ||
    (result.outcome === 'failed' && result.label !== undefined);
  return bought ? NO_CHOICE : choice;
}
