/**
 * The POST /labels body for a TikTok Shipping label (AfterShip Shipping v3). AfterShip takes the
 * addresses from the TikTok order, so the shipment carries parcels only, as in AfterShip's guide.
 */
import type { LineItem } from '../../../../shared/domain/orders';
import type { LabelRequest, ParcelRequest } from '../provider';

export const TIKTOK_SERVICE_TYPE = 'tiktok-shipping_standard_shipping';

/** An Item.v3 of the OpenAPI: `description` and `quantity` are required there; `item_id` is what TikTok checks. */
export interface CreateLabelItem {
  item_id: string;
  description: string;
  quantity: number;
  sku?: string;
}

export interface CreateLabelParcel {
  box_type: 'custom';
  dimension: { width: number; height: number; depth: number; unit: string };
  weight: { value: number; unit: string };
  items?: CreateLabelItem[];
}

export interface CreateLabelBody {
  service_type: string;
  shipper_account?: { id: string };
  order_id: string;
  paper_size: '4x6';
  file_type: 'pdf' | 'zpl';
  references: string[];
  shipment: { parcels: CreateLabelParcel[] };
}

export interface CreateLabelBodyOptions {
  serviceType?: string;
  /** '' or undefined: let AfterShip pick the shop's TikTok Shipping account. */
  shipperAccountId?: string;
}

export function buildCreateLabelBody(request: LabelRequest, opts: CreateLabelBodyOptions = {}): CreateLabelBody {
  const shipperAccountId = opts.shipperAccountId?.trim() ?? '';
  const lineItems = new Map((request.order?.lineItems ?? []).map((item) => [item.id, item]));
  return {
    service_type: opts.serviceType?.trim() || TIKTOK_SERVICE_TYPE,
    ...(shipperAccountId ? { shipper_account: { id: shipperAccountId } } : {}),
    order_id: request.orderId,
    paper_size: '4x6',
    file_type: request.fileType,
    references: [request.reference],
    shipment: { parcels: request.parcels.map((parcel) => parcelBody(parcel, lineItems)) },
  };
}

function parcelBody(parcel: ParcelRequest, lineItems: Map<string, LineItem>): CreateLabelParcel {
  const itemIds = parcel.itemIds ?? [];
  return {
    // AfterShip's Parcel object lists box_type as required; TikTok ignores it.
    box_type: 'custom',
    dimension: {
      width: parcel.dimension.width,
      height: parcel.dimension.height,
      depth: parcel.dimension.depth,
      unit: parcel.dimension.unit,
    },
    weight: { value: parcel.weight.value, unit: parcel.weight.unit },
    // Whole order in one box: no items, as in AfterShip's guide (TikTok ships every line item).
    ...(itemIds.length > 0 ? { items: itemIds.map((id) => itemBody(id, lineItems.get(id))) } : {}),
  };
}

function itemBody(id: string, line: LineItem | undefined): CreateLabelItem {
  const sku = line?.sku.trim() ?? '';
  const description = line?.name.trim() || sku || `TikTok order line item ${id}`;
  return {
    item_id: id,
    description: description.slice(0, 255),
    quantity: line?.quantity ?? 1,
    ...(sku ? { sku } : {}),
  };
}
