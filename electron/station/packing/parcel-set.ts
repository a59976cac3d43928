/**
 * The parcel set of a split shipment names its boxes and what each holds, never the station or the
 * sizes: two stations splitting an order alike claim the same set (the database lets one buy it),
 * and a box whose weight was corrected after a refusal is retried under the same key.
 */
import { createHash } from 'node:crypto';
import type { ShipmentPlan } from '../../../shared/domain/shipments';

export function parcelSetKey(plan: ShipmentPlan): string {
  const contents = plan.boxes.map((box) => [...box.itemIds].sort());
  const digest = createHash('sha256')
    .update(JSON.stringify([plan.orderId, contents]))
    .digest('hex')
    .slice(0, 12);
  return `s${plan.boxes.length}-${digest}`;
}

/** One box of the set, bought alone (providers that take one box per request). */
export function boxKey(setKey: string, index: number): string {
  return `${setKey}.b${index}`;
}
