/** The station's box presets and its rule for one box, from Settings (managed in Settings' Boxes section). */
import type { BoxPreset, PackingRule } from '../../shared/domain/shipment-rules';
import type { PublicSettings } from '../../shared/domain/settings';

/** Before Settings has loaded: no presets (sizes are typed) and no limit on units per box. */
export function packingSettings(settings: PublicSettings | undefined): { presets: BoxPreset[]; rule: PackingRule } {
  return { presets: settings?.boxPresets ?? [], rule: settings?.packing ?? { maxUnitsPerBox: 500, checkItems: false } };
}
