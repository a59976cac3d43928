/**
 * Turns a 1-bit bitmap into one complete ZPL label that prints it on the media. Only the inked box
 * is sent (white margins cost bytes even compressed), placed with ^FO, and its ^GF data is written
 * both as :Z64: (deflate + Base64, with a CRC) and as ACS (Zebra's run-length hex): the shorter one
 * is sent. ACS wins on sparse labels, Z64 on busy ones.
 */
import { cropBitmap, inkBounds, type Bitmap } from '../render/bitmap';
import { encodeAcs, encodeAcsWithin } from './acs-encode';
import { encodeZ64 } from './z64';

export type ZplCompression = 'z64' | 'acs';

export interface ZplGraphicOptions {
  /** Force one encoding; by default the smaller payload wins. */
  compression?: ZplCompression | 'smallest';
}

function checked(bitmap: Bitmap): void {
  const total = bitmap.bytesPerRow * bitmap.heightDots;
  if (bitmap.data.length !== total) throw new Error(`bitmap data is ${bitmap.data.length} bytes, expected ${total}`);
}

/** The ^GF data field for the bitmap as given (no cropping), and which encoding it uses. */
export function graphicFieldData(bitmap: Bitmap, opts: ZplGraphicOptions = {}): { data: string; compression: ZplCompression } {
  checked(bitmap);
  const mode = opts.compression ?? 'smallest';
  if (mode === 'acs') return { data: encodeAcs(bitmap), compression: 'acs' };
  const z64 = encodeZ64(bitmap.data);
  if (mode === 'z64') return { data: z64, compression: 'z64' };
  // ACS is only worth finishing while it is still the shorter one.
  const acs = encodeAcsWithin(bitmap, z64.length - 1);
  return acs === null ? { data: z64, compression: 'z64' } : { data: acs, compression: 'acs' };
}

export function bitmapToZpl(bitmap: Bitmap, opts: ZplGraphicOptions = {}): string {
  checked(bitmap);
  const box = inkBounds(bitmap);
  // A blank label still gets a (tiny) graphic, so the printer feeds one label.
  const graphic = box ? cropBitmap(bitmap, box) : cropBitmap(bitmap, { byteX0: 0, byteX1: 0, y0: 0, y1: 0 });
  const x = box ? box.byteX0 * 8 : 0;
  const y = box ? box.y0 : 0;
  const total = graphic.bytesPerRow * graphic.heightDots;
  const { data } = graphicFieldData(graphic, opts);
  return (
    [
      '^XA',
      '^LH0,0',
      `^PW${bitmap.widthDots}`,
      `^LL${bitmap.heightDots}`,
      `^FO${x},${y}^GFA,${total},${total},${graphic.bytesPerRow},${data}^FS`,
      '^PQ1',
      '^XZ',
    ].join('\n') + '\n'
  );
}
