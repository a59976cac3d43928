/** Label file (PDF, PNG or ZPL, told apart by content) -> the bytes to send to a ZPL printer. */
import type { PrinterDpi } from './media';
import type { LabelFormat } from './sniff';
import { sniffLabelFormat } from './sniff';
import { rasterizeLabel } from './raster';
import { bitmapToZpl } from './zpl-graphic';
import { unknownFormatError } from './render-errors';

export interface RenderedLabel {
  payload: Buffer;
  sourceFormat: LabelFormat;
}

export async function renderForPrinter(label: Uint8Array, opts: { dpi: PrinterDpi }): Promise<RenderedLabel> {
  const sourceFormat = sniffLabelFormat(label);
  if (sourceFormat === null) throw unknownFormatError();
  // ZPL was made for the printer by the carrier: send it untouched.
  if (sourceFormat === 'zpl') return { payload: Buffer.from(label.buffer, label.byteOffset, label.byteLength), sourceFormat };
  const bitmap = await rasterizeLabel(label, opts);
  return { payload: Buffer.from(bitmapToZpl(bitmap), 'latin1'), sourceFormat };
}
