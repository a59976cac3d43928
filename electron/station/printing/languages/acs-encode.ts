/**
 * Zebra's ASCII compression scheme (ACS) for ^GF/~DG hex graphics, per the ZPL II guide's
 * "Alternative Data Compression Scheme for ~DG and ~DB Commands":
 *   G..Y = repeat the next hex digit 1..19 times, g..z = 20..400 times (counts add up: "zzhM6"),
 *   ',' = zeros to the end of the row, '!' = ones to the end of the row, ':' = repeat the previous row.
 * ',' and '!' are only written on a byte boundary: old firmware documents them that way.
 */
import type { Bitmap } from '../render/bitmap';

const HEX = '0123456789ABCDEF';
const C_COMMA = 0x2c;
const C_BANG = 0x21;
const C_COLON = 0x3a;

/** Appends the repeat-count characters for n (n >= 1) to out at pos; returns the new pos. */
function writeCount(out: Uint8Array, pos: number, n: number): number {
  while (n >= 400) {
    out[pos++] = 0x7a; // 'z' = 400
    n -= 400;
  }
  if (n >= 20) {
    out[pos++] = 0x67 + Math.floor(n / 20) - 1; // 'g' = 20 ... 'y' = 380
    n %= 20;
  }
  if (n > 0) out[pos++] = 0x47 + n - 1; // 'G' = 1 ... 'Y' = 19
  return pos;
}

function rowsEqual(data: Uint8Array, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (data[a + i] !== data[b + i]) return false;
  return true;
}

/** The ACS text of the whole bitmap, row after row (1 = black, as ^GF expects). */
export function encodeAcs(bitmap: Bitmap): string {
  return encodeAcsWithin(bitmap, Infinity)!;
}

/** As encodeAcs, but gives up (null) as soon as the text would be longer than maxLength. */
export function encodeAcsWithin(bitmap: Bitmap, maxLength: number): string | null {
  const { bytesPerRow, heightDots, data } = bitmap;
  if (data.length !== bytesPerRow * heightDots)
    throw new Error(`bitmap data is ${data.length} bytes, expected ${bytesPerRow * heightDots}`);
  const nibblesPerRow = bytesPerRow * 2;
  // Worst case: every nibble written as itself (a run of 1 costs 1 char), plus nothing else.
  const out = new Uint8Array(nibblesPerRow * heightDots + heightDots);
  const nibbles = new Uint8Array(nibblesPerRow);
  let pos = 0;
  for (let y = 0; y < heightDots; y++) {
    const start = y * bytesPerRow;
    if (y > 0 && rowsEqual(data, start, start - bytesPerRow, bytesPerRow)) {
      out[pos++] = C_COLON;
      if (pos > maxLength) return null;
      continue;
    }
    // Bytes before `end` are written out; from `end` on, the row is all 0x00 or all 0xFF.
    let end = bytesPerRow;
    const last = data[start + bytesPerRow - 1]!;
    let fill = -1;
    if (last === 0x00 || last === 0xff) {
      fill = last;
      while (end > 0 && data[start + end - 1] === fill) end--;
    }
    for (let i = 0; i < end; i++) {
      const byte = data[start + i]!;
      nibbles[2 * i] = byte >> 4;
      nibbles[2 * i + 1] = byte & 0x0f;
    }
    const count = end * 2;
    let i = 0;
    while (i < count) {
      const v = nibbles[i]!;
      let run = 1;
      while (i + run < count && nibbles[i + run] === v) run++;
      if (run > 2) pos = writeCount(out, pos, run);
      else if (run === 2) out[pos++] = HEX.charCodeAt(v); // "66" is as short as "H6"
      out[pos++] = HEX.charCodeAt(v);
      i += run;
    }
    if (end < bytesPerRow) out[pos++] = fill === 0 ? C_COMMA : C_BANG;
    if (pos > maxLength) return null;
  }
  return Buffer.from(out.buffer, out.byteOffset, pos).toString('latin1');
}
