/** A 1-bit label bitmap -> the bytes a printer of the given language prints it from. */
import type { Bitmap } from '../render/bitmap';
import type { MediaSize, PrinterDpi } from '../render/media';
import { bitmapToZpl } from './zpl-graphic';
import { bitmapToEpl } from './epl';
import { bitmapToEscPos } from './escpos';
import { bitmapToPdf } from './pdf-bitmap';
import type { PrinterLanguage } from './printer-language';
import { bitmapToTspl } from './tspl';

export interface EncodeOptions {
  media?: MediaSize;
  /** The printer's resolution, for gaps given in dots (EPL). Default 203. */
  dpi?: PrinterDpi;
}

/** Label gap the printer skips between labels: 3 mm, the usual die-cut gap. */
const GAP_MM = 3;

export function encodeForLanguage(bitmap: Bitmap, language: PrinterLanguage, opts: EncodeOptions = {}): Buffer {
  switch (language) {
    case 'zpl':
      return Buffer.from(bitmapToZpl(bitmap), 'latin1');
    case 'epl':
      return bitmapToEpl(bitmap, { gapDots: Math.round((GAP_MM / 25.4) * (opts.dpi ?? 203)) });
    case 'tspl':
      return bitmapToTspl(bitmap, { media: opts.media, gapMm: GAP_MM });
    case 'escpos':
      return bitmapToEscPos(bitmap);
    case 'pdf':
      return bitmapToPdf(bitmap, { media: opts.media });
    default:
      throw new RangeError(`unknown printer language ${String(language)}`);
  }
}
