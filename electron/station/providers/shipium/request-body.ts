/**
 * The body of Shipium's single-call "carrier selection + label" request
 * (POST /api/v1/shipment/carrierselection/label) for a TikTok Shop order.
 *
 * Field names follow Shipium's published examples (shipmentParameters, packagingType,
 * totalWeight, orderItemQuantities, labelParameters.labelFormats, includeLabelImagesInResponse).
 * Shipium's TikTok Shop page asks for an `orderItemReferenceIdentifier` (the TikTok order line
 * item ID) per item, required for multi-parcel and recommended always: every item carries one.
 * Assumed (the public page does not name them): the TikTok order ID goes in
 * `purchaseOrderIdentifier` (and `referenceIdentifier`, printed on the label), the station's
 * idempotency reference in `partnerShipmentId` (the caller's own shipment ID, unique per shipment).
 */
import type { LineItem } from '../../../../shared/domain/orders';
import type { LabelRequest, ParcelRequest } from '../provider';

export const SHIPIUM_LABEL_PATH = '/api/v1/shipment/carrierselection/label';

export interface ShipiumOrderItem {
  productId: string;
  quantity: number;
  orderItemReferenceIdentifier: string;
}

export interface ShipiumPackage {
  packagingType: {
    packagingMaterial: 'box';
    linearDimensions: { linearUnit: 'in' | 'cm'; length: number; width: number; height: number };
  };
  totalWeight: { weightUnit: 'lb' | 'kg' | 'oz' | 'g'; weight: number };
  orderItemQuantities: ShipiumOrderItem[];
}

export interface ShipiumLabelBody {
  currencyCode: 'usd';
  generateLabel: true;
  shipmentParameters: ShipiumPackage & {
    partnerShipmentId: string;
    purchaseOrderIdentifier: string;
    referenceIdentifier: string;
    orderedDateTime: string;
    shippedDateTime: string;
    /** Only for several parcels: one entry per box, each with its own items. */
    packages?: ShipiumPackage[];
  };
  labelParameters: {
    currencyCode: 'usd';
    labelFormats: Array<'zpl' | 'pdf'>;
    includeLabelImagesInResponse: true;
    manifest: false;
  };
}

export function buildShipiumLabelBody(request: LabelRequest, now: Date = new Date()): ShipiumLabelBody {
  const packages = request.parcels.map((parcel) => toPackage(parcel, request));
  const first = packages[0]!;
  const when = now.toISOString();
  const several = packages.length > 1;
  return {
    currencyCode: 'usd',
    generateLabel: true,
    shipmentParameters: {
      partnerShipmentId: request.reference,
      purchaseOrderIdentifier: request.orderId,
      referenceIdentifier: request.orderId,
      orderedDateTime: when,
      shippedDateTime: when,
      packagingType: first.packagingType,
      totalWeight: several ? totalWeight(packages) : first.totalWeight,
      orderItemQuantities: packages.flatMap((p) => p.orderItemQuantities),
      ...(several ? { packages } : {}),
    },
    labelParameters: {
      currencyCode: 'usd',
      labelFormats: [request.fileType],
      includeLabelImagesInResponse: true,
      manifest: false,
    },
  };
}

function toPackage(parcel: ParcelRequest, request: LabelRequest): ShipiumPackage {
  const { dimension, weight } = parcel;
  return {
    packagingType: {
      packagingMaterial: 'box',
      linearDimensions: { linearUnit: dimension.unit, length: dimension.depth, width: dimension.width, height: dimension.height },
    },
    totalWeight: { weightUnit: weight.unit, weight: weight.value },
    orderItemQuantities: itemsOf(parcel, request),
  };
}

/** The parcel's items (or, when it names none, every line item of the order), one entry per line item. */
function itemsOf(parcel: ParcelRequest, request: LabelRequest): ShipiumOrderItem[] {
  const lineItems = request.order?.lineItems ?? [];
  if (parcel.itemIds.length === 0) return lineItems.map((item) => toItem(item.id, item, item.quantity));
  const counts = new Map<string, number>();
  for (const id of parcel.itemIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].map(([id, times]) => {
    const known = lineItems.find((item) => item.id === id);
    // The same ID listed several times means that many units in this box.
    return toItem(id, known, times > 1 ? times : (known?.quantity ?? 1));
  });
}

function toItem(id: string, item: LineItem | undefined, quantity: number): ShipiumOrderItem {
  return { productId: item?.sku.trim() || id, quantity, orderItemReferenceIdentifier: id };
}

const TO_LB: Record<ShipiumPackage['totalWeight']['weightUnit'], number> = { lb: 1, kg: 2.20462262, oz: 1 / 16, g: 0.00220462262 };

function totalWeight(packages: ShipiumPackage[]): ShipiumPackage['totalWeight'] {
  const units = new Set(packages.map((p) => p.totalWeight.weightUnit));
  if (units.size === 1) {
    const sum = packages.reduce((s, p) => s + p.totalWeight.weight, 0);
    return { weightUnit: packages[0]!.totalWeight.weightUnit, weight: round(sum) };
  }
  const pounds = packages.reduce((s, p) => s + p.totalWeight.weight * TO_LB[p.totalWeight.weightUnit], 0);
  return { weightUnit: 'lb', weight: round(pounds) };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
