/** A parcel's size and weight, as a packer enters them or a scale reads them. */
import { z } from 'zod';

export const Dimension = z.object({
  width: z.number().positive('Width must be more than 0').max(200, 'Width is too large'),
  height: z.number().positive('Height must be more than 0').max(200, 'Height is too large'),
  depth: z.number().positive('Depth must be more than 0').max(200, 'Depth is too large'),
  unit: z.enum(['in', 'cm']),
});
export type Dimension = z.infer<typeof Dimension>;

export const Weight = z.object({
  value: z.number().positive('Weight must be more than 0').max(2000, 'Weight is too large'),
  unit: z.enum(['lb', 'kg', 'oz', 'g']),
});
export type Weight = z.infer<typeof Weight>;

export const Parcel = z.object({ dimension: Dimension, weight: Weight });
export type Parcel = z.infer<typeof Parcel>;
