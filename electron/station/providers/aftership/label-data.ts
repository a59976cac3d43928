/**
 * The AfterShip label object (the `data` of /labels answers) as far as the station reads it, and
 * its mapping to a PurchasedLabel. The sandbox builds the same shape so both providers agree.
 */
import { z } from 'zod';
import type { PurchasedLabel } from '../provider';

const Money = z.object({ amount: z.number(), currency: z.string() });

export const AfterShipLabelStatus = z.enum(['creating', 'created', 'cancelling', 'cancelled', 'manifesting', 'manifested', 'failed']);

export const AfterShipLabelData = z.object({
  id: z.string().min(1),
  status: AfterShipLabelStatus,
  tracking_numbers: z.array(z.string()).nullish(),
  files: z
    .object({
      label: z
        .object({
          paper_size: z.string().nullish(),
          url: z.string().nullish(),
          file_type: z.string().nullish(),
        })
        .nullish(),
    })
    .nullish(),
  rate: z
    .object({
      total_charge: Money.nullish(),
      error_message: z.string().nullish(),
    })
    .nullish(),
  order_id: z.string().nullish(),
  references: z.array(z.string()).nullish(),
  created_at: z.string().nullish(),
  ship_date: z.string().nullish(),
});
export type AfterShipLabelData = z.infer<typeof AfterShipLabelData>;

/** Maps a label with status `created`; null when it lacks what the station needs to print. */
export function toPurchasedLabel(data: AfterShipLabelData): PurchasedLabel | null {
  const url = data.files?.label?.url;
  const trackingNumbers = (data.tracking_numbers ?? []).filter((t) => t.trim() !== '');
  if (!url || !/^(https?|sandbox):\/\//i.test(url) || trackingNumbers.length === 0) return null;
  const charge = data.rate?.total_charge;
  return {
    providerLabelId: data.id,
    trackingNumbers,
    cost: charge ? { amount: charge.amount, currency: charge.currency } : null,
    labelUrl: url,
  };
}
