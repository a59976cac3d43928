/** Orders as the order sources (TikTok, Shopify, a WMS file) describe them. Pure zod. */
import { z } from 'zod';
import { Dimension, Weight } from './parcels';

/** A picture of the product, only from the web (never a file: or javascript: address). */
export const ImageUrl = z
  .string()
  .trim()
  .max(2000, 'is longer than 2000 characters')
  .refine((s) => /^https?:\/\/[^\s]+$/i.test(s), 'must be a web address starting with https://');

/** A barcode printed on the product (UPC, EAN, GTIN, the WMS's own). */
export const ItemBarcode = z
  .string()
  .trim()
  .min(1, 'is empty')
  .max(64, 'is longer than 64 characters')
  .regex(/^[\x21-\x7e]+$/, 'must be printable characters without spaces');

export const LineItem = z.object({
  /** TikTok order line item ID (what split shipments send per parcel), or the source's own line ID. */
  id: z.string().min(1).max(64),
  sku: z.string().max(100),
  name: z.string().max(300),
  quantity: z.number().int().min(1).max(10_000),
  /** What one unit weighs, when the source knows (a WMS file's unit_weight). */
  unitWeight: Weight.nullable().optional(),
  /** One unit's size, when the source knows; lets "Suggest" fill boxes by volume. */
  unitDimension: Dimension.nullable().optional(),
  imageUrl: ImageUrl.nullable().optional(),
  /** The product's UPC/EAN (or other barcode on the item) when the source knows it: the packing check accepts it as well as the SKU. */
  barcode: ItemBarcode.nullable().optional(),
});
export type LineItem = z.infer<typeof LineItem>;

export const OrderSourceName = z.enum(['scan', 'tiktok', 'shopify', 'file']);
export type OrderSourceName = z.infer<typeof OrderSourceName>;

export const OrderDetails = z.object({
  /** 18-digit TikTok Shop order ID. */
  orderId: z.string().regex(/^\d{18}$/),
  /** How the worker knows the order (Shopify "#1001"), when it differs from the TikTok ID. */
  displayName: z.string().max(100).nullable(),
  source: OrderSourceName,
  cancelled: z.boolean(),
  /** The source's own status words, e.g. AWAITING_SHIPMENT. */
  status: z.string().max(60).nullable(),
  lineItems: z.array(LineItem),
});
export type OrderDetails = z.infer<typeof OrderDetails>;
