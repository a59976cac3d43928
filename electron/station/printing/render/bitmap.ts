/** A 1-bit-per-dot image as the printer prints it: 1 = black, most significant bit first. */
export interface Bitmap {
  widthDots: number;
  heightDots: number;
  bytesPerRow: number;
  data: Uint8Array;
}

export function createBitmap(widthDots: number, heightDots: number): Bitmap {
  const bytesPerRow = Math.ceil(widthDots / 8);
  return { widthDots, heightDots, bytesPerRow, data: new Uint8Array(bytesPerRow * heightDots) };
}

export function isBlack(bitmap: Bitmap, x: number, y: number): boolean {
  const byte = bitmap.data[y * bitmap.bytesPerRow + (x >> 3)] ?? 0;
  return (byte & (0x80 >> (x & 7))) !== 0;
}

/** Grey below this (of 255) is ink: a 50% threshold, without dithering, so bar edges stay sharp. */
const INK = 128;
/**
 * A stroke thinner than a dot (a 0.25 pt rule is 0.7 dots at 203 dpi) is drawn as one or two grey
 * dots that a 50% threshold drops. So a dot at least this dark (a quarter covered) is ink too when
 * it is the darkest dot of a run of one or two non-white dots across it, vertically or horizontally:
 * every stroke keeps at least one dot, while the grey edges of wider shapes (text, bars) are left to
 * the threshold.
 */
const FAINT = 192;

/** Four grey bytes all at least FAINT (each has its top two bits set): a word of white dots. */
const FAINT_WORD = 0xc0c0c0c0 | 0;

/**
 * Thresholds 8-bit grey (0 = black, `stride` bytes a row) into the printer's 1-bit bitmap, keeping
 * sub-dot strokes (see FAINT).
 *
 * A label is mostly white, so where rows are 4-byte aligned (PDFium's buffer always is) the grey is
 * read four dots at a time and white words are skipped with one test; the neighbours of a faint dot
 * are read directly, with no closure per dot.
 */
export function bitmapFromGray(gray: Uint8Array, widthDots: number, heightDots: number, stride = widthDots): Bitmap {
  const bitmap = createBitmap(widthDots, heightDots);
  const { data, bytesPerRow } = bitmap;
  const needed = heightDots > 0 ? stride * (heightDots - 1) + widthDots : 0;
  if (gray.length < needed) throw new RangeError(`expected ${stride * heightDots} grey bytes, got ${gray.length}`);
  const aligned = gray.byteOffset % 4 === 0 && stride % 4 === 0;
  const words = aligned ? new Uint32Array(gray.buffer, gray.byteOffset, needed >> 2) : null;
  const wordsPerRow = aligned ? widthDots >> 2 : 0;
  for (let y = 0; y < heightDots; y++) {
    const row = y * stride;
    const rowByte = y * bytesPerRow;
    let x = 0;
    if (words) {
      const rowWord = row >> 2;
      for (let w = 0; w < wordsPerRow; w++) {
        if ((words[rowWord + w]! & FAINT_WORD) === FAINT_WORD) continue;
        const x0 = w << 2;
        for (let xi = x0; xi < x0 + 4; xi++) {
          if (isInk(gray, stride, widthDots, heightDots, xi, y, gray[row + xi]!)) data[rowByte + (xi >> 3)]! |= 0x80 >> (xi & 7);
        }
      }
      x = wordsPerRow << 2;
    }
    for (; x < widthDots; x++) {
      if (isInk(gray, stride, widthDots, heightDots, x, y, gray[row + x]!)) data[rowByte + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return bitmap;
}

/** Is the dot at (x, y), of grey v, printed: dark, or the core of a stroke thinner than a dot? */
function isInk(gray: Uint8Array, stride: number, width: number, height: number, x: number, y: number, v: number): boolean {
  if (v >= FAINT) return false; // white and nearly white: most of a label
  if (v < INK) return true;
  const at = y * stride + x;
  // Outside the image counts as white.
  const up = y >= 1 ? gray[at - stride]! : 255;
  const down = y + 1 < height ? gray[at + stride]! : 255;
  const up2 = y >= 2 ? gray[at - 2 * stride]! : 255;
  const down2 = y + 2 < height ? gray[at + 2 * stride]! : 255;
  if (thinStrokeCore(v, up, down, up2, down2)) return true;
  const left = x >= 1 ? gray[at - 1]! : 255;
  const right = x + 1 < width ? gray[at + 1]! : 255;
  const left2 = x >= 2 ? gray[at - 2]! : 255;
  const right2 = x + 2 < width ? gray[at + 2]! : 255;
  return thinStrokeCore(v, left, right, left2, right2);
}

/**
 * Is a faint dot (v) the darkest of a run of at most two non-white dots, given its neighbours
 * before/after and the dots two away? Ties go to the later dot, so a stroke split evenly over two
 * dots keeps one.
 */
function thinStrokeCore(v: number, before: number, after: number, before2: number, after2: number): boolean {
  const beforeWhite = before >= FAINT;
  const afterWhite = after >= FAINT;
  if (beforeWhite && afterWhite) return true;
  if (beforeWhite) return after2 >= FAINT && v < after;
  if (afterWhite) return before2 >= FAINT && v <= before;
  return false;
}

/** The grey image bitmapFromRgba makes on the way, kept between calls (a 4x6 label at 203 dpi is 1 MB). */
let scratch = new Uint8Array(0);

/**
 * Thresholds RGBA pixels (straight alpha) like bitmapFromGray. Alpha is composited over white, so
 * transparent pixels print white.
 */
export function bitmapFromRgba(rgba: Uint8Array | Uint8ClampedArray, widthDots: number, heightDots: number): Bitmap {
  const pixels = widthDots * heightDots;
  if (rgba.length < pixels * 4) throw new RangeError(`expected ${pixels * 4} RGBA bytes, got ${rgba.length}`);
  if (scratch.length < pixels) scratch = new Uint8Array(pixels);
  const gray = scratch.subarray(0, pixels).fill(255);
  // Labels are mostly white: compare whole pixels as 32-bit words and skip white ones outright.
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : rgba.slice(0, pixels * 4);
  const words = new Uint32Array(aligned.buffer, aligned.byteOffset, pixels);
  const WHITE = 0xffffffff;
  for (let i = 0; i < pixels; i++) {
    if (words[i] === WHITE) continue;
    const p = i << 2;
    const a = aligned[p + 3]!;
    // BT.601 luma scaled by 1000.
    let lum = 299 * aligned[p]! + 587 * aligned[p + 1]! + 114 * aligned[p + 2]!;
    if (a !== 255) lum = (lum * a + 255_000 * (255 - a)) / 255;
    gray[i] = Math.round(lum / 1000);
  }
  return bitmapFromGray(gray, widthDots, heightDots);
}

/** Expands the bitmap back to opaque RGBA (black/white), e.g. to encode a preview PNG. */
export function bitmapToRgba(bitmap: Bitmap): Uint8ClampedArray {
  const { widthDots, heightDots } = bitmap;
  const out = new Uint8ClampedArray(widthDots * heightDots * 4);
  for (let y = 0; y < heightDots; y++) {
    for (let x = 0; x < widthDots; x++) {
      const v = isBlack(bitmap, x, y) ? 0 : 255;
      const p = (y * widthDots + x) * 4;
      out[p] = v;
      out[p + 1] = v;
      out[p + 2] = v;
      out[p + 3] = 255;
    }
  }
  return out;
}

/** The smallest whole-byte-column box holding every black dot, or null for a blank bitmap. */
export function inkBounds(bitmap: Bitmap): { byteX0: number; byteX1: number; y0: number; y1: number } | null {
  const { bytesPerRow, heightDots, data } = bitmap;
  let byteX0 = bytesPerRow;
  let byteX1 = -1;
  let y0 = -1;
  let y1 = -1;
  for (let y = 0; y < heightDots; y++) {
    const row = y * bytesPerRow;
    let first = -1;
    for (let i = 0; i < bytesPerRow; i++) {
      if (data[row + i] !== 0) {
        first = i;
        break;
      }
    }
    if (first < 0) continue;
    let last = bytesPerRow - 1;
    while (data[row + last] === 0) last--;
    if (y0 < 0) y0 = y;
    y1 = y;
    if (first < byteX0) byteX0 = first;
    if (last > byteX1) byteX1 = last;
  }
  return y0 < 0 ? null : { byteX0, byteX1, y0, y1 };
}

/** Copies rows y0..y1 and byte columns byteX0..byteX1 into a new bitmap. */
export function cropBitmap(bitmap: Bitmap, box: { byteX0: number; byteX1: number; y0: number; y1: number }): Bitmap {
  const bytesPerRow = box.byteX1 - box.byteX0 + 1;
  const heightDots = box.y1 - box.y0 + 1;
  const data = new Uint8Array(bytesPerRow * heightDots);
  for (let y = 0; y < heightDots; y++) {
    const from = (box.y0 + y) * bitmap.bytesPerRow + box.byteX0;
    data.set(bitmap.data.subarray(from, from + bytesPerRow), y * bytesPerRow);
  }
  const widthDots = Math.min(bytesPerRow * 8, bitmap.widthDots - box.byteX0 * 8);
  return { widthDots, heightDots, bytesPerRow, data };
}
