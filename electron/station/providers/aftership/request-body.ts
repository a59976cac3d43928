/** The POST /labels body for a TikTok Shipping label (field names as in AfterShip Shipping v3). */
import type { LabelRequest } from '../provider';

export const TIKTOK_SERVICE_TYPE = 'tiktok-shipping_standard_shipping';

export interface CreateLabelBody {
  service_type: string;
  order_id: string;
  paper_size: '4x6';
  references: string[];
  shipment: {
    parcels: Array<{
      box_type: 'custom';
      dimension: { width: number; height: number; depth: number; unit: string };
      weight: { value: number; unit: string };
    }>;
  };
}

export function buildCreateLabelBody(request: LabelRequest): CreateLabelBody {
  return {
    service_type: TIKTOK_SERVICE_TYPE,
    order_id: request.orderId,
    paper_size: '4x6',
    references: [request.reference],
    shipment: {
      parcels: request.parcels.map((parcel) => ({
        // AfterShip's Parcel object lists box_type as required; TikTok ignores it.
        box_type: 'custom',
        dimension: {
          width: parcel.dimension.width,
          height: parcel.dimension.height,
          depth: parcel.dimension.depth,
          unit: parcel.dimension.unit,
        },
        weight: { value: parcel.weight.value, unit: parcel.weight.unit },
      })),
    },
  };
}
