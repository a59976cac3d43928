/** What the printer will print, as a PNG for the screen (History and the scan screen). */
import { bitmapToPng } from './png-encode';
import type { MediaSize, PrinterDpi } from './media';
import { keptRaster } from './kept-rasters';
import { rasterizeZpl } from './zpl-raster';
import { sniffLabelFormat } from '../../../../shared/domain/label-format';

export interface LabelPreview {
  png: Buffer;
  widthDots: number;
  heightDots: number;
}

/**
 * The dots the printer gets: a PDF or PNG label rasterized exactly as for printing; a ZPL label
 * drawn by a ZPL renderer at the printer's dpi (its first label; a ZPL printer prints the ZPL as is).
 */
export async function renderPreviewPng(
  label: Uint8Array,
  opts: { dpi: PrinterDpi; media?: MediaSize; page?: number },
): Promise<LabelPreview> {
  const bitmap = sniffLabelFormat(label) === 'zpl' ? await rasterizeZpl(label, opts.dpi, opts.media) : await keptRaster(label, opts);
  return { png: bitmapToPng(bitmap), widthDots: bitmap.widthDots, heightDots: bitmap.heightDots };
}
