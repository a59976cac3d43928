/** The sandbox's fake sender and recipients (resources/sandbox), checked once when loaded. */
import { z } from 'zod';
import recipientsJson from '../../../../resources/sandbox/recipients.json' with { type: 'json' };
import senderJson from '../../../../resources/sandbox/sender.json' with { type: 'json' };
import { pickIndexForOrder } from './sandbox-identity';

export const LabelAddress = z.object({
  name: z.string().min(1),
  company: z.string().optional(),
  street1: z.string().min(1),
  street2: z.string().optional(),
  city: z.string().min(1),
  state: z.string(),
  postalCode: z.string(),
  country: z.string(),
});
export type LabelAddress = z.infer<typeof LabelAddress>;

const recipients = z.array(LabelAddress).min(1).parse(recipientsJson);

export const sandboxSender: LabelAddress = LabelAddress.parse(senderJson);

/** A fake recipient chosen by the order ID: the same order always ships to the same person. */
export function sandboxRecipientFor(orderId: string): LabelAddress {
  return recipients[pickIndexForOrder(orderId, recipients.length)]!;
}
