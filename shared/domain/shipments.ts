/**
 * A shipment split into boxes by a supervisor: which line items go in which box, each box with its
 * size and measured weight. The screens and the core check a plan with the same rules.
 */
import { z } from 'zod';
import { Dimension, Weight } from './parcels';

export const LineItemId = z.string().trim().min(1, 'A line item ID is empty').max(64, 'A line item ID is too long');

/** A box as a supervisor fills it. */
export const ShipmentBox = z.object({
  /** The box preset it started from (Settings), or null for typed dimensions. */
  presetId: z.string().max(64).nullable().default(null),
  dimension: Dimension,
  /** The measured weight of the packed box (contents and box). */
  weight: Weight,
  /** The order's line item IDs packed in this box (TikTok lists one line item per unit). */
  itemIds: z.array(LineItemId).max(500, 'Too many line items in one box'),
});
export type ShipmentBox = z.infer<typeof ShipmentBox>;

/** An order's boxes, in the order their labels print ("box 1 of 3" first). */
export const ShipmentPlan = z.object({
  orderId: z.string().regex(/^\d{18}$/, 'A TikTok order ID is 18 digits'),
  boxes: z.array(ShipmentBox).min(1, 'A shipment needs at least one box').max(20, 'At most 20 boxes per shipment'),
  /**
   * The packing check (Settings → Packing): the line items whose item was scanned into a box in the
   * splitter. With the check on, every line item in a box must be here before anything is bought.
   */
  checkedItemIds: z.array(LineItemId).max(2000, 'Too many checked line items').optional(),
});
export type ShipmentPlan = z.infer<typeof ShipmentPlan>;

/** A box as a label carries it: shown in History and on the printed label ("box k of n"). */
export const LabelBox = z.object({
  /** 1-based position in the shipment. */
  index: z.number().int().min(1),
  count: z.number().int().min(1),
  trackingNumber: z.string().nullable(),
  dimension: Dimension,
  weight: Weight,
  itemIds: z.array(z.string()),
});
export type LabelBox = z.infer<typeof LabelBox>;
