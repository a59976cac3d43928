/**
 * PDF or PNG label -> the 1-bit bitmap the printer will print: fitted to the media (4x6 unless
 * told), turned 90° when the label is landscape and the media portrait, thresholded (no dithering).
 */
import type { Bitmap } from './bitmap';
import type { MediaSize, PrinterDpi } from './media';
import { rasterizePdf } from './pdf-raster';
import { rasterizePng } from './png-raster';
import { PrintError } from '../print-error';
import { sniffLabelFormat } from '../../../../shared/domain/label-format';
import { unknownFormatError } from './render-errors';

export interface RasterOptions {
  dpi: PrinterDpi;
  media?: MediaSize;
  /** Which page of a PDF (1-based; a split shipment's label has one page per box). Default 1. */
  page?: number;
}

export async function rasterizeLabel(bytes: Uint8Array, opts: RasterOptions): Promise<Bitmap> {
  const format = sniffLabelFormat(bytes);
  if (format !== 'pdf' && format !== 'png') {
    if (format === 'zpl') {
      throw new PrintError(
        'preview_unavailable',
        'This label is already ZPL, so there is no picture to draw from it.',
        'Print it to see it; the printer prints ZPL as is.',
      );
    }
    throw unknownFormatError();
  }
  try {
    return format === 'pdf' ? await rasterizePdf(bytes, opts.dpi, opts.media, opts.page) : await rasterizePng(bytes, opts.dpi, opts.media);
  } catch (error) {
    if (error instanceof PrintError) throw error;
    throw new PrintError(
      'label_unreadable',
      `The label file looks like a ${format.toUpperCase()} but could not be read (it may be damaged or cut short).`,
      'Reprint from History to fetch the label again; if it fails again, tell a supervisor.',
    );
  }
}
