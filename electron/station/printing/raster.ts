/** PDF or PNG label -> the 1-bit bitmap the printer will print (4x6 media, printer dpi). */
import type { Bitmap } from './bitmap';
import type { PrinterDpi } from './media';
import { rasterizePdf } from './pdf-raster';
import { rasterizePng } from './png-raster';
import { PrintError } from './print-error';
import { sniffLabelFormat } from './sniff';
import { unknownFormatError } from './render-errors';

export async function rasterizeLabel(bytes: Uint8Array, opts: { dpi: PrinterDpi }): Promise<Bitmap> {
  const format = sniffLabelFormat(bytes);
  if (format !== 'pdf' && format !== 'png') {
    if (format === 'zpl') {
      throw new PrintError('preview_unavailable', 'This label is already ZPL, so there is no picture to draw from it.', 'Print it to see it; the printer prints ZPL as is.');
    }
    throw unknownFormatError();
  }
  try {
    return format === 'pdf' ? await rasterizePdf(bytes, opts.dpi) : await rasterizePng(bytes, opts.dpi);
  } catch (error) {
    if (error instanceof PrintError) throw error;
    throw new PrintError(
      'label_unreadable',
      `The label file looks like a ${format.toUpperCase()} but could not be read (it may be damaged or cut short).`,
      'Reprint from History to fetch the label again; if it fails again, tell a supervisor.',
    );
  }
}
