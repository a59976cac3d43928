/**
 * The station's box presets and its rule for one box, from Settings (boxPresets, packing). STAND-IN
 * part: until Settings carries them, the presets below and 1 unit per box are used.
 */
import type { BoxPreset, PackingRule } from '../../shared/domain/shipment-rules';

const STANDIN_PRESETS: BoxPreset[] = [
  { id: 'small', name: 'Small', dimension: { width: 8, height: 6, depth: 4, unit: 'in' }, tareWeight: { value: 4, unit: 'oz' } },
  { id: 'medium', name: 'Medium', dimension: { width: 12, height: 10, depth: 6, unit: 'in' }, tareWeight: { value: 8, unit: 'oz' } },
  { id: 'large', name: 'Large', dimension: { width: 18, height: 14, depth: 10, unit: 'in' }, tareWeight: { value: 14, unit: 'oz' } },
];

export function packingSettings(settings: object | undefined): { presets: BoxPreset[]; rule: PackingRule } {
  const s = settings as { boxPresets?: BoxPreset[]; packing?: PackingRule } | undefined;
  return { presets: s?.boxPresets ?? STANDIN_PRESETS, rule: s?.packing ?? { maxUnitsPerBox: 2 } };
}
