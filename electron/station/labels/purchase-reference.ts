/**
 * The idempotency reference of a purchase: the order, the parcel set and the generation, never the
 * station, so any station (or a reinstalled one) finds at the provider a label another started.
 */
export function purchaseReference(orderId: string, parcelKey: string, generation: number): string {
  return `ls-${orderId}-${parcelKey}-g${generation}`;
}
