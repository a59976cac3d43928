/** Checks a LabelRequest at the provider boundary, before anything is sent or bought. */
import { z } from 'zod';
import { Parcel } from '../../../shared/schemas';
import { describeZodError } from '../../../shared/rpc';
import { ProviderError, type LabelRequest } from './provider';

const LabelRequestSchema = z.object({
  orderId: z.string().regex(/^\d{18}$/, 'A TikTok order ID is 18 digits'),
  parcels: z.array(Parcel).min(1, 'At least one parcel is needed').max(20, 'At most 20 parcels per label request'),
  reference: z.string().trim().min(1, 'The request reference is empty').max(200),
});

export function validateLabelRequest(request: LabelRequest): LabelRequest {
  const parsed = LabelRequestSchema.safeParse(request);
  if (!parsed.success) {
    throw new ProviderError(
      'invalid_label_request',
      `The label request is not valid: ${describeZodError(parsed.error)}.`,
      'Check the order ID and the box size and weight, then scan again.',
      false,
    );
  }
  return parsed.data;
}

/** Thrown when the caller cancelled before anything was sent: nothing can have been bought. */
export function cancelledBeforeSending(): ProviderError {
  return new ProviderError('label_cancelled', 'The label request was cancelled before it was sent; nothing was bought.', 'Scan the order again when ready.', false);
}
