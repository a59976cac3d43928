/** What the printer will print, as a PNG for the screen (History and the scan screen). */
import { bitmapToPng } from './png-encode';
import type { MediaSize, PrinterDpi } from './media';
import { rasterizeLabel } from './raster';

export interface LabelPreview {
  png: Buffer;
  widthDots: number;
  heightDots: number;
}

/** PDF/PNG labels only; a ZPL label throws PrintError 'preview_unavailable'. */
export async function renderPreviewPng(label: Uint8Array, opts: { dpi: PrinterDpi; media?: MediaSize }): Promise<LabelPreview> {
  const bitmap = await rasterizeLabel(label, opts);
  return { png: bitmapToPng(bitmap), widthDots: bitmap.widthDots, heightDots: bitmap.heightDots };
}
