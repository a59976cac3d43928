/**
 * The station's boxes (managed in Settings) and its rule for one box. A preset names a carton the
 * table stocks: its inner size and what the empty carton weighs.
 */
import { z } from 'zod';
import { Dimension, Weight } from './parcels';

export const BoxPreset = z.object({
  id: z
    .string()
    .trim()
    .min(1, 'The box needs an ID')
    .max(64, 'At most 64 characters')
    .regex(/^[A-Za-z0-9._-]+$/, 'Letters, digits, dots, dashes and underscores only'),
  name: z.string().trim().min(1, 'Give the box a name').max(60, 'At most 60 characters'),
  /** Inside size: what fits in it. */
  dimension: Dimension,
  /** The empty carton; a packed box never weighs less. */
  tareWeight: Weight,
});
export type BoxPreset = z.infer<typeof BoxPreset>;

/** Presets in the order Settings lists them; the first is the station's usual box. */
export const BoxPresets = z
  .array(BoxPreset)
  .min(1, 'Keep at least one box: the splitter suggests boxes from this list')
  .max(30, 'At most 30 boxes')
  .superRefine((presets, ctx) => {
    const ids = new Set<string>();
    const names = new Set<string>();
    presets.forEach((preset, index) => {
      if (ids.has(preset.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `Two boxes have the ID "${preset.id}"` });
      const name = preset.name.trim().toLowerCase();
      if (names.has(name))
        ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `Two boxes are called "${preset.name}": give each its own name` });
      ids.add(preset.id);
      names.add(name);
    });
  });
export type BoxPresets = z.infer<typeof BoxPresets>;

/** The station's rule for one box: an order with more units than this opens the splitter. */
export const PackingRule = z.object({
  maxUnitsPerBox: z.number().int('A whole number of units').min(1, 'At least 1 unit').max(500, 'At most 500 units'),
  /** The packing check: every unit of an order is scanned before its label is bought. */
  checkItems: z.boolean().default(false),
});
export type PackingRule = z.infer<typeof PackingRule>;
/** What filling boxes needs of the packing rule. */
export type BoxRule = Pick<PackingRule, 'maxUnitsPerBox'>;

/** Units of an order: TikTok lists one line item per unit, a WMS file may give a quantity. */
export function unitsOf(items: ReadonlyArray<{ quantity: number }>): number {
  return items.reduce((sum, item) => sum + item.quantity, 0);
}

/** Whether the station should offer the splitter for an order of these items. */
export function needsSplitter(items: ReadonlyArray<{ quantity: number }>, rule: BoxRule): boolean {
  return unitsOf(items) > rule.maxUnitsPerBox;
}
