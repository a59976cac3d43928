/**
 * The packer's choice for the next single-parcel scan: a box preset and a typed weight, each optional.
 * Nothing chosen: the station's default parcel. A preset without a typed weight: its size, the default weight.
 */
import type { Dimension, Parcel, Weight } from '../../shared/domain/parcels';
import type { BoxPreset } from '../../shared/domain/box-presets';
import type { ScanOutcome } from '../../shared/contract';
import { formatWeight, gramsOf, type WeightUnit } from '../../shared/domain/units';
import { stableParcelWeight, weightOutsideLimits, type ScaleReading, type ScaleSettings } from '../../shared/domain/scale';

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
  /** Where the weight comes from: typed (Alt+W), the scale's stable reading, or the station default. */
  weightFrom?: 'typed' | 'scale' | 'default';
  /** Set when the scale must be stable and is not (no weight typed): a scan waits for it, then is refused. */
  waitForScale?: string;
  /** Set when the weight (scale or typed) is outside the station's limits: no scan is sent. */
  outsideLimits?: string;
}

/** The scale's latest reading and the station's scale rules. */
export interface ScaleInput {
  reading: ScaleReading | undefined;
  rules: ScaleSettings;
}

/**
 * What the next scan sends. The weight: a typed one wins; else the scale's stable weight (when a
 * scale is set up); else the station default, unless the scale must be stable (then the scan waits).
 */
export function nextParcel(choice: ParcelChoice, defaultParcel: Parcel, presets: readonly BoxPreset[], scale?: ScaleInput): NextParcel {
  const preset = presets.find((p) => p.id === choice.presetId);
  const typed = readTypedWeight(choice.weightText, defaultParcel.weight.unit);
  const dimension: Dimension = preset?.dimension ?? defaultParcel.dimension;
  const scaleOn = scale !== undefined && scale.rules.device.kind !== 'none';
  const weighed = scaleOn && typed.kind !== 'ok' ? stableParcelWeight(scale.reading) : null;
  const weight = typed.kind === 'ok' ? typed.weight : (weighed ?? defaultParcel.weight);
  const weightFrom = typed.kind === 'ok' ? 'typed' : weighed ? 'scale' : 'default';
  const declared: Parcel = { dimension, weight };
  const chosen = preset !== undefined || weightFrom !== 'default';
  const waitForScale = scaleOn && scale.rules.mustBeStable && typed.kind === 'none' && !weighed ? notStableWords(scale.reading) : undefined;
  const outsideLimits = scale && weightFrom !== 'default' ? weightOutsideLimits(weight, scale.rules) : null;
  return {
    declared,
    weightFrom,
    ...(chosen ? { send: declared } : {}),
    ...(preset ? { boxName: preset.name } : {}),
    ...(typed.kind === 'invalid' ? { problem: typed.message } : {}),
    ...(waitForScale ? { waitForScale } : {}),
    ...(outsideLimits ? { outsideLimits } : {}),
  };
}

function notStableWords(reading: ScaleReading | undefined): string {
  if (!reading) return 'the scale has not said anything yet';
  if (reading.state === 'in_motion') return 'the scale is not stable yet';
  if (reading.state === 'zero') return 'the scale is empty: put the parcel on it';
  return reading.message.charAt(0).toLowerCase() + reading.message.slice(1);
}

/** Why a scan is not sent now (refused, its text kept), or null when it may go. */
export function scanRefusal(next: NextParcel): string | null {
  if (next.problem) return `Not sent — ${next.problem}. Fix the weight (Alt+W) or clear it, then press Enter: the scan is kept.`;
  if (next.outsideLimits)
    return `Not sent — ${next.outsideLimits}. Check the parcel, or type its weight (Alt+W), then press Enter: the scan is kept.`;
  if (next.waitForScale)
    return `Not sent — ${next.waitForScale}. This station buys with a stable weight: let the parcel settle (or type its weight, Alt+W), then press Enter: the scan is kept.`;
  return null;
}

/** "12×10×6 in, 2.4 lb". */
export function describeParcel(parcel: Parcel): string {
  const d = parcel.dimension;
  return `${d.width}×${d.height}×${d.depth} ${d.unit}, ${formatWeight(parcel.weight)}`;
}

/** The line under the strip: "Next label: Medium 12×10×6 in, 2.4 lb" or "Station default: 8×4×6 in, 1 lb". */
export function nextLabelLine(next: NextParcel): string {
  if (next.problem) return 'Next label: none until the weight is fixed or cleared';
  if (next.outsideLimits) return `Next label: none — ${next.outsideLimits}`;
  if (next.waitForScale) return `Next label: ${next.boxName ? `${next.boxName}, ` : ''}waits for a stable weight`;
  if (next.weightFrom === 'scale') return `Next label: ${next.boxName ? `${next.boxName} ` : ''}${describeParcel(next.declared)} (scale)`;
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
