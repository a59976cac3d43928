/** Checks a LabelRequest at the provider boundary, before anything is sent or bought. */
import { z } from 'zod';
import { OrderDetails } from '../../../shared/domain/orders';
import { Parcel } from '../../../shared/domain/parcels';
import { MAX_BOXES_PER_SHIPMENT } from '../../../shared/domain/shipment-limits';
import { describeZodError } from '../../../shared/errors';
import { ProviderError, type LabelRequest } from './provider';

const ItemId = z.string().trim().min(1, 'A line item ID is empty').max(64, 'A line item ID is too long');

const ParcelRequestSchema = Parcel.extend({
  itemIds: z.array(ItemId).max(500, 'Too many line items in one parcel').default([]),
});

const LabelRequestSchema = z
  .object({
    orderId: z.string().regex(/^\d{18}$/, 'A TikTok order ID is 18 digits'),
    parcels: z
      .array(ParcelRequestSchema)
      .min(1, 'At least one parcel is needed')
      .max(MAX_BOXES_PER_SHIPMENT, `At most ${MAX_BOXES_PER_SHIPMENT} parcels per label request`),
    reference: z.string().trim().min(1, 'The request reference is empty').max(200),
    fileType: z.enum(['pdf', 'zpl']).default('pdf'),
    order: OrderDetails.nullish().transform((order) => order ?? null),
  })
  .superRefine((request, ctx) => {
    const seen = new Set<string>();
    request.parcels.forEach((parcel, index) => {
      for (const id of parcel.itemIds) {
        if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['parcels', index, 'itemIds'], message: `Line item ${id} is in two boxes` });
        seen.add(id);
      }
    });
    if (request.order && request.order.orderId !== request.orderId) {
      ctx.addIssue({ code: 'custom', path: ['order'], message: 'The order details belong to another order' });
    }
  });

/** The request with its defaults filled in (itemIds [], fileType pdf, order null); throws ProviderError. */
export function validateLabelRequest(request: LabelRequest): LabelRequest {
  const parsed = LabelRequestSchema.safeParse(request);
  if (!parsed.success) {
    throw new ProviderError(
      'invalid_label_request',
      `The label request is not valid: ${describeZodError(parsed.error)}.`,
      'Check the order ID, the boxes and the items in each box, then scan again.',
      false,
    );
  }
  return parsed.data;
}

/**
 * A split shipment (several parcels) must say which line items each parcel holds (TikTok checks
 * them); refused here, before anything is sent.
 */
export function requireItemsForSplit(request: LabelRequest): void {
  if (request.parcels.length < 2) return;
  const empty = request.parcels.findIndex((parcel) => parcel.itemIds.length === 0);
  if (empty === -1) return;
  throw new ProviderError(
    'split_without_items',
    `Box ${empty + 1} of ${request.parcels.length} has no items assigned, and TikTok needs the items of every box of a split shipment; nothing was bought.`,
    'Assign the order’s items to every box in the split screen (or ship in one box), then buy again.',
    false,
  );
}

/** Thrown when the caller cancelled before anything was sent: nothing can have been bought. */
export function cancelledBeforeSending(): ProviderError {
  return new ProviderError(
    'label_cancelled',
    'The label request was cancelled before it was sent; nothing was bought.',
    'Scan the order again when ready.',
    false,
  );
}
