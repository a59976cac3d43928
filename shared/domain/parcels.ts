/** A parcel's size and weight, as a packer enters them or a scale reads them. */
import { z } from 'zod';

export const Dimension = z.object({
  width: z.number().positive('Width must be more than 0').max(200, 'Width is too large'),
  height: z.number().positive('Height must be more than 0').max(200, 'Height is too large'),
  depth: z.number().positive('Depth must be more than 0').max(200, 'Depth is too large'),
  unit: z.enum(['in', 'cm']),
});
export type Dimension = z.infer<typeof Dimension>;

// The same ceiling in every unit: 2000 alone would refuse a 2.5 kg box typed in grams.
const GRAMS_PER_UNIT = { lb: 453.59237, kg: 1000, oz: 453.59237 / 16, g: 1 } as const;
const MAX_WEIGHT_GRAMS = 2000 * GRAMS_PER_UNIT.lb;

export const Weight = z
  .object({
    value: z.number().positive('Weight must be more than 0'),
    unit: z.enum(['lb', 'kg', 'oz', 'g']),
  })
  .refine((w) => w.value * GRAMS_PER_UNIT[w.unit] <= MAX_WEIGHT_GRAMS, { message: 'Weight is too large', path: ['value'] });
export type Weight = z.infer<typeof Weight>;

export const Parcel = z.object({ dimension: Dimension, weight: Weight });
export type Parcel = z.infer<typeof Parcel>;
