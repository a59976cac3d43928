/**
 * A scan sent without a parcel at a station whose scale must be stable: the core weighs it itself
 * (the scale's stable reading on the station's default box), or refuses it, so a caller that skips
 * the Scan screen cannot buy a label with the default weight.
 */
import type { Parcel } from '../../../shared/domain/parcels';
import { SCALE_STATE_WORDS, stableParcelWeight, weightOutsideLimits, type ScaleReading } from '../../../shared/domain/scale';
import type { Settings } from '../../../shared/domain/settings';
import { StationError } from '../../../shared/errors';

/** The parcel to buy with; undefined: the station's default package (no scale, or no stable rule). */
export function scaledParcel(settings: Settings, reading: ScaleReading): Parcel | undefined {
  if (settings.scale.device.kind === 'none' || !settings.scale.mustBeStable) return undefined;
  const weight = stableParcelWeight(reading);
  if (weight) return { dimension: settings.defaultParcel.dimension, weight };
  throw new StationError(
    'invalid_input',
    `Not sent — the scale has no stable weight (${SCALE_STATE_WORDS[reading.state]}); nothing was bought.`,
    'Put the parcel on the scale and wait for STABLE, or type its weight (Alt+W), then scan again.',
  );
}

/** The parcel as it is, or refused (nothing bought) when its weight is outside the station's limits. */
export function withinWeightLimits<P extends Parcel | undefined>(parcel: P, settings: Settings): P {
  const outside = parcel && weightOutsideLimits(parcel.weight, settings.scale);
  if (outside) throw new StationError('invalid_input', `Not sent — ${outside}.`, 'Check the parcel, or type its weight, and scan again.');
  return parcel;
}
