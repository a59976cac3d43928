/**
 * Reads Shipium's answer to the label call. Shape from Shipium's examples: the tracking number in
 * `carrierLabel.packageScannableId`, the label in `carrierLabel.documents[].labelImage.imageContents`
 * (base64 for PNG/PDF; the ZPL code itself for ZPL, as Shipium's label docs put it).
 * Assumed: a label sent by address instead comes as `documents[].documentUrl`; several boxes come
 * as `carrierLabel.packages[]` in the order they were asked, each with its own `packageScannableId`
 * and `documents`. Several boxes need their labels inline (the request asks for them): files sent
 * only by address, one per box, cannot become the one file the station keeps.
 */
import { z } from 'zod';
import { sniffLabelFormat } from '../../../../shared/domain/label-format';
import type { PurchasedLabel } from '../provider';
import { labelDataUrl } from './data-url';
import { joinPackageLabels } from './join-package-labels';

const ShipiumDocument = z
  .object({
    documentType: z.string().nullish(),
    documentFormat: z.string().nullish(),
    labelImage: z.object({ imageContents: z.string().nullish(), imageType: z.string().nullish() }).loose().nullish(),
    documentUrl: z.string().nullish(),
  })
  .loose();
type ShipiumDocument = z.infer<typeof ShipiumDocument>;

const ShipiumPackageLabel = z
  .object({
    packageScannableId: z.string().nullish(),
    carrierTrackingId: z.string().nullish(),
    documents: z.array(ShipiumDocument).nullish(),
  })
  .loose();

export const ShipiumLabelResponse = z
  .object({
    shipiumShipmentId: z.string().nullish(),
    partnerShipmentId: z.string().nullish(),
    carrierSelection: z.object({ carrier: z.string().nullish(), serviceMethodName: z.string().nullish() }).loose().nullish(),
    carrierLabel: ShipiumPackageLabel.extend({ packages: z.array(ShipiumPackageLabel).nullish() }).loose(),
  })
  .loose();
export type ShipiumLabelResponse = z.infer<typeof ShipiumLabelResponse>;

/** Why a bought label cannot be turned into one printable file (the label exists: never "nothing bought"). */
export type UnusableLabel = { problem: 'no_tracking' | 'no_file' | 'several_files'; trackingNumbers: string[]; shipmentId: string | null };

export async function readLabelResponse(data: ShipiumLabelResponse, reference: string): Promise<{ label: PurchasedLabel } | UnusableLabel> {
  const label = data.carrierLabel;
  const packages = label.packages?.length ? label.packages : [label];
  const trackingNumbers = packages.map((p) => (p.packageScannableId ?? p.carrierTrackingId ?? '').trim()).filter((t) => t !== '');
  const shipmentId = data.shipiumShipmentId?.trim() || null;
  if (trackingNumbers.length === 0) return { problem: 'no_tracking', trackingNumbers, shipmentId };

  const labelUrl = packages.length === 1 ? oneLabelUrl(labelDocuments(packages[0]!)) : await joinedPackages(packages);
  if (labelUrl === 'none') return { problem: 'no_file', trackingNumbers, shipmentId };
  if (labelUrl === 'several') return { problem: 'several_files', trackingNumbers, shipmentId };
  return {
    label: {
      providerLabelId: shipmentId ?? data.partnerShipmentId?.trim() ?? reference,
      trackingNumbers,
      // The single-call answer carries no price the station can rely on.
      cost: null,
      labelUrl,
    },
  };
}

function labelDocuments(pkg: z.infer<typeof ShipiumPackageLabel>): ShipiumDocument[] {
  return (pkg.documents ?? []).filter(isLabelDocument);
}

/** Several boxes: each package's one inline label becomes page (or ZPL format) k of one file. */
async function joinedPackages(packages: Array<z.infer<typeof ShipiumPackageLabel>>): Promise<string | 'none' | 'several'> {
  const files = packages.map((pkg) =>
    labelDocuments(pkg)
      .map(inlineBytes)
      .filter((b): b is Uint8Array => b !== null),
  );
  if (files.every((inline) => inline.length === 0)) {
    const urls = packages.flatMap(labelDocuments).filter((d) => d.documentUrl?.trim());
    return urls.length === 0 ? 'none' : 'several';
  }
  if (!files.every((inline) => inline.length === 1)) return 'several';
  const joined = await joinPackageLabels(files.map((inline) => inline[0]!));
  return 'problem' in joined ? 'several' : labelDataUrl(joined.bytes);
}

function isLabelDocument(doc: ShipiumDocument): boolean {
  return !doc.documentType || /label/i.test(doc.documentType);
}

/** One file for all documents: a URL, one inline file, or several ZPL labels joined. */
function oneLabelUrl(documents: ShipiumDocument[]): string | 'none' | 'several' {
  const inline = documents.map(inlineBytes).filter((b): b is Uint8Array => b !== null);
  const urls = documents.map((d) => d.documentUrl?.trim() ?? '').filter((u) => /^https?:\/\//i.test(u));
  if (inline.length === 0) {
    if (urls.length === 0) return 'none';
    return urls.length === 1 ? urls[0]! : 'several';
  }
  if (inline.length === 1) return labelDataUrl(inline[0]!);
  if (!inline.every((bytes) => sniffLabelFormat(bytes) === 'zpl')) return 'several';
  const joined = inline.map((bytes) => Buffer.from(bytes).toString('latin1').trim()).join('\n');
  return labelDataUrl(new Uint8Array(Buffer.from(`${joined}\n`, 'latin1')));
}

function inlineBytes(doc: ShipiumDocument): Uint8Array | null {
  const contents = doc.labelImage?.imageContents?.trim();
  if (!contents) return null;
  // ZPL may come as the ZPL code itself rather than base64.
  if (contents.startsWith('^') || contents.startsWith('~')) return new Uint8Array(Buffer.from(contents, 'latin1'));
  if (!/^[A-Za-z0-9+/=\s]+$/.test(contents)) return null;
  const bytes = new Uint8Array(Buffer.from(contents, 'base64'));
  return bytes.byteLength > 0 ? bytes : null;
}
