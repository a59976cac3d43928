/** What one frame or report from a scale says, before it becomes a reading with a time and words. */
import type { ScaleState, ScaleWeight } from '../../../../shared/domain/scale';

export type WeightUnitName = ScaleWeight['unit'];

export interface ScaleSample {
  state: Exclude<ScaleState, 'off' | 'connecting' | 'not_connected' | 'no_answer'>;
  weight: ScaleWeight | null;
  /** Why a frame meant a fault (an unknown unit, an error code), for the log. */
  detail?: string;
}

const UNIT_NAMES: Record<string, WeightUnitName> = { g: 'g', kg: 'kg', lb: 'lb', lbs: 'lb', oz: 'oz' };

/** "kg", "LB", "lbs" -> the station's unit; milligrams become grams. */
export function weightFromText(valueText: string, unitText: string): ScaleWeight | null {
  const value = Number(valueText.replace(/\s+/g, ''));
  if (!Number.isFinite(value)) return null;
  const unit = unitText.trim().toLowerCase();
  if (unit === 'mg') return { value: value / 1000, unit: 'g' };
  const known = UNIT_NAMES[unit];
  return known ? { value, unit: known } : null;
}
