/**
 * Fulfillment 202309 shapes: the Create Packages body (US "purchase shipping" flow: creating the
 * package buys the label), Get Package Detail and Get Package Shipping Document answers.
 */
import { z } from 'zod';
import type { Dimension, Weight } from '../../../../shared/domain/parcels';

export interface CreatePackageBody {
  order_id: string;
  order_line_item_ids: string[];
  weight: { value: string; unit: 'GRAM' | 'POUND' };
  dimension: { length: string; width: string; height: string; unit: 'CM' | 'INCH' };
}

/** TikTok takes numbers as decimal strings. */
function decimal(value: number, places: number): string {
  const fixed = value.toFixed(places);
  const text = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return text === '0' ? (1 / 10 ** places).toFixed(places) : text;
}

/** lb and oz go as POUND, kg and g as GRAM (TikTok knows only those two). */
export function tiktokWeight(weight: Weight): CreatePackageBody['weight'] {
  switch (weight.unit) {
    case 'lb':
      return { value: decimal(weight.value, 2), unit: 'POUND' };
    case 'oz':
      return { value: decimal(weight.value / 16, 2), unit: 'POUND' };
    case 'kg':
      return { value: decimal(weight.value * 1000, 0), unit: 'GRAM' };
    case 'g':
      return { value: decimal(weight.value, 0), unit: 'GRAM' };
  }
}

/** The station's depth is TikTok's length. */
export function tiktokDimension(dimension: Dimension): CreatePackageBody['dimension'] {
  return {
    length: decimal(dimension.depth, 1),
    width: decimal(dimension.width, 1),
    height: decimal(dimension.height, 1),
    unit: dimension.unit === 'in' ? 'INCH' : 'CM',
  };
}

export const CreatedPackage = z.object({
  package_id: z.string().min(1),
  order_id: z.string().nullish(),
  order_line_item_ids: z.array(z.string()).nullish(),
});

export const PackageDetail = z.object({
  package_id: z.string().min(1),
  package_status: z.string().nullish(),
  order_line_item_ids: z.array(z.string()).default([]),
  orders: z.array(z.object({ id: z.string() }).loose()).nullish(),
  tracking_number: z.string().nullish(),
  shipping_provider_name: z.string().nullish(),
});
export type PackageDetail = z.infer<typeof PackageDetail>;

export const ShippingDocument = z.object({
  doc_url: z.string().regex(/^https?:\/\//i, 'doc_url must be a web address'),
  tracking_number: z.string().nullish(),
});

export const PACKAGE_CANCELLED = 'CANCELLED';
