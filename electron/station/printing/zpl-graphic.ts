/** Turns a 1-bit bitmap into one complete ZPL label that prints it at the top-left of the media. */
import type { Bitmap } from './bitmap';
import { encodeZ64 } from './z64';

export function bitmapToZpl(bitmap: Bitmap): string {
  const total = bitmap.bytesPerRow * bitmap.heightDots;
  if (bitmap.data.length !== total) throw new Error(`bitmap data is ${bitmap.data.length} bytes, expected ${total}`);
  return [
    '^XA',
    '^LH0,0',
    `^PW${bitmap.widthDots}`,
    `^LL${bitmap.heightDots}`,
    `^FO0,0^GFA,${total},${total},${bitmap.bytesPerRow},${encodeZ64(bitmap.data)}^FS`,
    '^PQ1',
    '^XZ',
  ].join('\n') + '\n';
}
