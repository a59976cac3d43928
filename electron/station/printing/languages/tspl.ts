/**
 * TSPL/TSPL2 (TSC and the many 4x6 printers that copy it): one BITMAP command for the whole label.
 * In BITMAP data a 0 bit prints black and a 1 bit is white, the opposite of our bitmap, so every
 * byte is inverted (and padding bits at the end of a row stay white).
 */
import type { Bitmap } from '../render/bitmap';
import { DEFAULT_MEDIA, mediaMillimetres, type MediaSize } from '../render/media';

export interface TsplOptions {
  media?: MediaSize;
  /** Gap between labels in mm. Default 3. */
  gapMm?: number;
  /** Print darkness 0-15. Default 8. */
  density?: number;
}

function mm(n: number): string {
  return `${Number(n.toFixed(1))} mm`;
}

export function bitmapToTspl(bitmap: Bitmap, opts: TsplOptions = {}): Buffer {
  const total = bitmap.bytesPerRow * bitmap.heightDots;
  if (bitmap.data.length !== total) throw new Error(`bitmap data is ${bitmap.data.length} bytes, expected ${total}`);
  const density = opts.density ?? 8;
  if (!Number.isInteger(density) || density < 0 || density > 15) throw new RangeError('TSPL density must be a whole number from 0 to 15');
  const { widthMm, heightMm } = mediaMillimetres(opts.media ?? DEFAULT_MEDIA);
  const data = Buffer.allocUnsafe(total);
  for (let i = 0; i < total; i++) data[i] = ~bitmap.data[i]! & 0xff;
  const head = [
    `SIZE ${mm(widthMm)},${mm(heightMm)}`,
    `GAP ${mm(opts.gapMm ?? 3)},0 mm`,
    `DENSITY ${density}`,
    // 0 is the printers' power-on default, so the label comes out as it would with no DIRECTION.
    'DIRECTION 0',
    'REFERENCE 0,0',
    'CLS',
    `BITMAP 0,0,${bitmap.bytesPerRow},${bitmap.heightDots},0,`,
  ].join('\r\n');
  return Buffer.concat([Buffer.from(head, 'latin1'), data, Buffer.from('\r\nPRINT 1,1\r\n', 'latin1')]);
}
