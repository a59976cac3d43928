/**
 * EPL2 (Eltron/Zebra LP and TLP printers): the whole label as one GW (direct graphic write).
 * In GW data a 1 bit is a WHITE dot and a 0 bit prints black (Zebra support note "Details related
 * to the GW EPL Command"), the opposite of our bitmap, so every byte is inverted.
 */
import type { Bitmap } from '../render/bitmap';

export interface EplOptions {
  /** Gap between labels in dots (Q command). Default 24 (3 mm at 203 dpi). */
  gapDots?: number;
}

function checked(bitmap: Bitmap): void {
  const total = bitmap.bytesPerRow * bitmap.heightDots;
  if (bitmap.data.length !== total) throw new Error(`bitmap data is ${bitmap.data.length} bytes, expected ${total}`);
}

export function bitmapToEpl(bitmap: Bitmap, opts: EplOptions = {}): Buffer {
  checked(bitmap);
  const gap = opts.gapDots ?? 24;
  const data = Buffer.allocUnsafe(bitmap.data.length);
  for (let i = 0; i < data.length; i++) data[i] = ~bitmap.data[i]! & 0xff;
  return Buffer.concat([
    // The leading line break ends anything half-sent before; N clears the image buffer.
    Buffer.from(
      `\r\nN\r\nq${bitmap.widthDots}\r\nQ${bitmap.heightDots},${gap}\r\nGW0,0,${bitmap.bytesPerRow},${bitmap.heightDots},`,
      'latin1',
    ),
    data,
    Buffer.from('\r\nP1\r\n', 'latin1'),
  ]);
}
