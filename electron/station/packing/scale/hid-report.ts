/**
 * A USB HID point-of-sale scale's weight report (usage page 0x8D, Weighing Devices, "Scale Data
 * Report"): report ID 3, scale status, weight unit, a signed power-of-ten exponent (two's complement)
 * and the weight as an unsigned 16-bit little-endian count. Some systems hand the report over
 * without its ID byte (5 bytes), as node-hid does on a device without numbered reports.
 */
import type { ScaleSample, WeightUnitName } from './sample';

/** USB HID POS usage page of weighing devices. */
export const HID_SCALE_USAGE_PAGE = 0x8d;
export const HID_SCALE_REPORT_ID = 3;

/** Scale Status values (HID POS usage tables, Weighing Devices: Scale Status). */
const STATUS: Record<number, ScaleSample['state']> = {
  1: 'fault',
  2: 'zero', // stable at center of zero
  3: 'in_motion',
  4: 'stable',
  5: 'under_zero',
  6: 'over_capacity',
  7: 'needs_calibration',
  8: 'needs_rezero',
};

/** Weight Unit values: 1 mg, 2 g, 3 kg, 4 carats, 5 taels, 6 grains, 7 pennyweights, 8 metric tons, 9 avoir tons, 10 troy oz, 11 oz, 12 lb. */
const UNITS: Record<number, { unit: WeightUnitName; factor: number }> = {
  1: { unit: 'g', factor: 1 / 1000 },
  2: { unit: 'g', factor: 1 },
  3: { unit: 'kg', factor: 1 },
  8: { unit: 'kg', factor: 1000 },
  10: { unit: 'g', factor: 31.1034768 },
  11: { unit: 'oz', factor: 1 },
  12: { unit: 'lb', factor: 1 },
};

/** The sample a report says, or null when the bytes are not a scale data report. */
export function parseHidScaleReport(bytes: Uint8Array): ScaleSample | null {
  let at = 0;
  if (bytes.length >= 6) {
    if (bytes[0] !== HID_SCALE_REPORT_ID) return null;
    at = 1;
  } else if (bytes.length !== 5) return null;
  const status = bytes[at]!;
  const unitCode = bytes[at + 1]!;
  const exponent = (bytes[at + 2]! << 24) >> 24; // signed byte
  const count = bytes[at + 3]! | (bytes[at + 4]! << 8);
  const state = STATUS[status];
  if (!state) return { state: 'fault', weight: null, detail: `unknown scale status ${status}` };
  if (state !== 'stable' && state !== 'in_motion' && state !== 'zero') return { state, weight: null };
  const unit = UNITS[unitCode];
  if (!unit) return { state: 'fault', weight: null, detail: `weight unit ${unitCode} is not one the station uses` };
  const value = state === 'zero' ? 0 : roundExact(count * 10 ** exponent * unit.factor);
  return { state, weight: { value, unit: unit.unit } };
}

/** 1234 × 10^-3 as 1.234, not 1.2340000000000002. */
function roundExact(value: number): number {
  return Number(value.toPrecision(12));
}
