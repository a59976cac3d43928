/**
 * What one shipment may hold for each label provider, checked before anything is bought.
 *
 * None of the providers publishes a box limit for TikTok Shipping: TikTok picks the carrier (USPS,
 * UPS or FedEx in the US) after the request. So the weight and size limits are the station's own,
 * the strictest of those carriers' published domestic limits, so a box the station accepts is one
 * every carrier TikTok may pick accepts:
 * - weight: USPS takes at most 70 lb per parcel (UPS and FedEx Ground 150 lb);
 * - longest side: UPS and FedEx take at most 108 in (USPS Ground Advantage limits length + girth only);
 * - length + girth: USPS Ground Advantage takes at most 130 in (UPS and FedEx 165 in).
 * The box count is the station's 20-parcel limit of every label request (ShipmentPlan and the
 * provider boundary refuse more).
 */
import type { Weight } from './parcels';
import { PROVIDER_SHORT_NAMES, type ProviderName } from './providers';
import type { Length } from './units';

export interface ShipmentLimits {
  provider: ProviderName;
  /** Who the limits are named after in messages ("AfterShip", "TikTok Shop"). */
  providerTitle: string;
  maxBoxes: number;
  maxBoxWeight: Weight;
  /** The longest side of one box. */
  maxSide: Length;
  /** Longest side + 2 × (the two others); null when the provider has no such limit. */
  maxLengthPlusGirth: Length | null;
}

export const MAX_BOXES_PER_SHIPMENT = 20;

const TIKTOK_SHIPPING_CARRIERS = {
  maxBoxWeight: { value: 70, unit: 'lb' },
  maxSide: { value: 108, unit: 'in' },
  maxLengthPlusGirth: { value: 130, unit: 'in' },
} as const satisfies Pick<ShipmentLimits, 'maxBoxWeight' | 'maxSide' | 'maxLengthPlusGirth'>;

export function shipmentLimits(provider: ProviderName): ShipmentLimits {
  // Every provider buys the same TikTok Shipping label; the sandbox keeps the real limits so that
  // a supervisor trying the station meets the same refusals as in production.
  return {
    provider,
    providerTitle: PROVIDER_SHORT_NAMES[provider],
    maxBoxes: MAX_BOXES_PER_SHIPMENT,
    maxBoxWeight: { ...TIKTOK_SHIPPING_CARRIERS.maxBoxWeight },
    maxSide: { ...TIKTOK_SHIPPING_CARRIERS.maxSide },
    maxLengthPlusGirth: { ...TIKTOK_SHIPPING_CARRIERS.maxLengthPlusGirth },
  };
}
