/**
 * The grey -> 1-bit threshold reads white four dots at a time where it can: it must print exactly
 * the dots the plain per-dot rule prints (dark dots, and the core dot of a stroke thinner than a
 * dot), whatever the row alignment, width or stride.
 */
import { describe, expect, it } from 'vitest';
import { bitmapFromGray, isBlack, type Bitmap } from '../../../../../electron/station/printing/render/bitmap';

const INK = 128;
const FAINT = 192;

/** The rule as the comments in bitmap.ts state it, one dot at a time. */
function expectedInk(gray: Uint8Array, width: number, height: number, stride: number, x: number, y: number): boolean {
  const at = (i: number, j: number): number => (i < 0 || j < 0 || i >= width || j >= height ? 255 : gray[j * stride + i]!);
  const v = at(x, y);
  if (v >= FAINT) return false;
  if (v < INK) return true;
  const core = (b: number, a: number, b2: number, a2: number): boolean =>
    (b >= FAINT && a >= FAINT) || (b >= FAINT && a2 >= FAINT && v < a) || (a >= FAINT && b2 >= FAINT && v <= b);
  return core(at(x, y - 1), at(x, y + 1), at(x, y - 2), at(x, y + 2)) || core(at(x - 1, y), at(x + 1, y), at(x - 2, y), at(x + 2, y));
}

function mismatches(bitmap: Bitmap, gray: Uint8Array, width: number, height: number, stride: number): string[] {
  const wrong: string[] = [];
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) if (isBlack(bitmap, x, y) !== expectedInk(gray, width, height, stride, x, y)) wrong.push(`${x},${y}`);
  return wrong;
}

/** A label-like grey image: mostly white, with solid bars, grey edges and one-dot grey rules. */
function labelGray(width: number, height: number, stride: number, seed: number): Uint8Array {
  let s = seed;
  const rand = (): number => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
  const gray = new Uint8Array(stride * height).fill(255);
  for (let k = 0; k < (width * height) / 40; k++) {
    const x = Math.floor(rand() * width);
    const y = Math.floor(rand() * height);
    const kind = rand();
    // Solid ink, faint dots (128..191) that are or are not thin-stroke cores, and near-white.
    gray[y * stride + x] =
      kind < 0.3 ? Math.floor(rand() * 128) : kind < 0.8 ? 128 + Math.floor(rand() * 64) : 192 + Math.floor(rand() * 64);
  }
  for (let y = 2; y < height; y += 7) for (let x = 0; x < width; x++) gray[y * stride + x] = 160; // a faint one-dot rule
  return gray;
}

describe('grey to printer dots', () => {
  it('prints exactly the dark dots and thin-stroke cores, at any width, stride and alignment', () => {
    for (const [width, height, stride, offset] of [
      [812, 60, 812, 0], // 4x6 at 203 dpi, aligned (PDFium's buffer)
      [37, 23, 37, 0], // odd width: no word reads
      [41, 19, 44, 0], // padded stride
      [40, 17, 40, 1], // rows not 4-byte aligned
      [3, 3, 3, 0],
    ] as const) {
      const gray = labelGray(width, height, stride, width * 31 + height);
      const backing = new Uint8Array(gray.length + offset);
      backing.set(gray, offset);
      const view = backing.subarray(offset);
      const bitmap = bitmapFromGray(view, width, height, stride);
      expect(mismatches(bitmap, view, width, height, stride), `${width}x${height} stride ${stride} offset ${offset}`).toEqual([]);
    }
  });

  it('keeps a one-dot grey rule that sits in an otherwise white word', () => {
    const width = 16;
    const gray = new Uint8Array(width * 5).fill(255);
    gray[2 * width + 5] = 170; // one faint dot, white all around: the core of a thin stroke
    const bitmap = bitmapFromGray(gray, width, 5);
    expect(isBlack(bitmap, 5, 2)).toBe(true);
    expect(bitmap.data.reduce((n, b) => n + (b ? 1 : 0), 0)).toBe(1);
  });

  it('refuses a grey buffer too short for the size given', () => {
    expect(() => bitmapFromGray(new Uint8Array(10), 4, 4)).toThrow(RangeError);
  });
});
