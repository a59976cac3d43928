/**
 * ESC/POS raster (receipt-style and 4-inch ESC/POS label printers): GS v 0 raster bit images, in
 * bands, then a feed and a cut. A 1 bit prints black, as in our bitmap.
 *
 * Written here rather than with node-thermal-printer: its printImageBuffer takes a PNG, re-reads
 * every pixel into an object (slow at 300 dpi), thresholds again, and sends the label as ONE GS v 0
 * command; many printers cap one raster command's height (2303 rows on Epson TM models) and buffer,
 * so a 4x8 label at 300 dpi (2400 rows) would be cut off. Its output for one band is checked
 * byte-for-byte against ours in test/electron/station/printing/languages/encoders.test.ts.
 */
import type { Bitmap } from '../render/bitmap';

export interface EscPosOptions {
  /** Rows per GS v 0 command. Default 256. */
  bandRows?: number;
  /** Lines fed after the label (ESC d n). Default 3. */
  feedLines?: number;
  /** Partial cut after the label (GS V 1). Default true. */
  cut?: boolean;
}

const ESC = 0x1b;
const GS = 0x1d;

export function bitmapToEscPos(bitmap: Bitmap, opts: EscPosOptions = {}): Buffer {
  const { bytesPerRow, heightDots, data } = bitmap;
  if (data.length !== bytesPerRow * heightDots)
    throw new Error(`bitmap data is ${data.length} bytes, expected ${bytesPerRow * heightDots}`);
  if (bytesPerRow > 0xffff) throw new RangeError('bitmap too wide for GS v 0');
  const bandRows = opts.bandRows ?? 256;
  if (!Number.isInteger(bandRows) || bandRows < 1 || bandRows > 2303) throw new RangeError('bandRows must be 1 to 2303');
  const feedLines = opts.feedLines ?? 3;
  if (!Number.isInteger(feedLines) || feedLines < 0 || feedLines > 255) throw new RangeError('feedLines must be 0 to 255');
  const parts: Buffer[] = [Buffer.from([ESC, 0x40])]; // ESC @: initialise
  for (let y = 0; y < heightDots; y += bandRows) {
    const rows = Math.min(bandRows, heightDots - y);
    // GS v 0 m xL xH yL yH: m = 48 ('0', normal size; same as 0), x in bytes, y in dots.
    parts.push(Buffer.from([GS, 0x76, 0x30, 0x30, bytesPerRow & 0xff, bytesPerRow >> 8, rows & 0xff, rows >> 8]));
    parts.push(Buffer.from(data.buffer, data.byteOffset + y * bytesPerRow, rows * bytesPerRow));
  }
  if (feedLines > 0) parts.push(Buffer.from([ESC, 0x64, feedLines])); // ESC d n: feed n lines
  if (opts.cut ?? true) parts.push(Buffer.from([GS, 0x56, 0x01])); // GS V 1: partial cut
  return Buffer.concat(parts);
}
