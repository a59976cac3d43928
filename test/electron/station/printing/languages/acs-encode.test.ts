import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { encodeAcs } from '../../../../../electron/station/printing/languages/acs-encode';
import { bitmapToRgba, createBitmap, type Bitmap } from '../../../../../electron/station/printing/render/bitmap';
import { bitmapToZpl, graphicFieldData } from '../../../../../electron/station/printing/languages/zpl-graphic';
import { decodeAcs, parseZplGraphics, zplGraphicLabel } from '../../../../support/raster-decoders';

const require = createRequire(import.meta.url);
const zplImage = require('zpl-image') as {
  rgbaToACS(rgba: Uint8Array, width: number, opts?: { black?: number; notrim?: boolean }): { length: number; rowlen: number; acs: string };
};

function fromRows(rows: number[][]): Bitmap {
  const bitmap = createBitmap(rows[0]!.length * 8, rows.length);
  rows.forEach((row, y) => bitmap.data.set(row, y * bitmap.bytesPerRow));
  return bitmap;
}

/** A seeded pseudo-random bitmap with white margins, solid blocks, repeated rows and noise. */
function mixedBitmap(width: number, height: number, seed: number): Bitmap {
  const bitmap = createBitmap(width, height);
  let s = seed;
  const rand = (): number => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
  for (let y = 0; y < height; y++) {
    const kind = Math.floor(y / 7) % 5;
    for (let x = 0; x < width; x++) {
      const black =
        kind === 0
          ? false
          : kind === 1
            ? x < width / 3
            : kind === 2
              ? rand() < 0.5
              : kind === 3
                ? Math.floor(x / 5) % 2 === 0
                : x > width - 9;
      if (black) bitmap.data[y * bitmap.bytesPerRow + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return bitmap;
}

describe('ACS decoder (test support) against the ZPL II guide examples', () => {
  it('repeats a digit by G..Y and g..z counts, and adds combined counts', () => {
    // "M6" = seven 6s; "hB" = forty Bs; "vMB" and "MvB" = 327 Bs (v = 320, M = 7).
    expect(
      Buffer.from(decodeAcs('M60', 4, 4))
        .toString('hex')
        .toUpperCase(),
    ).toBe('66666660');
    expect(
      Buffer.from(decodeAcs('hB', 20, 20))
        .toString('hex')
        .toUpperCase(),
    ).toBe('B'.repeat(40));
    const row = Buffer.from(decodeAcs('vMBC', 164, 164))
      .toString('hex')
      .toUpperCase();
    expect(row).toBe('B'.repeat(327) + 'C');
    expect(
      Buffer.from(decodeAcs('MvBC', 164, 164))
        .toString('hex')
        .toUpperCase(),
    ).toBe(row);
  });

  it("reads zpl-image's ACS output (a third-party encoder) back to the same dots", () => {
    const bitmap = mixedBitmap(203, 70, 9);
    const theirs = zplImage.rgbaToACS(bitmapToRgba(bitmap) as unknown as Uint8Array, bitmap.widthDots, { notrim: true });
    expect(theirs.rowlen).toBe(bitmap.bytesPerRow);
    expect(Buffer.from(decodeAcs(theirs.acs, theirs.rowlen, theirs.length)).equals(Buffer.from(bitmap.data))).toBe(true);
  });

  it('fills the row with "," (zeros) and "!" (ones), and repeats the previous row with ":"', () => {
    expect([...decodeAcs('F0,!:', 3, 9)]).toEqual([0xf0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    expect([...decodeAcs('FF0,', 3, 3)]).toEqual([0xff, 0, 0]);
  });
});

describe('encodeAcs', () => {
  it('writes runs, row fills and row repeats the way the guide describes', () => {
    expect(encodeAcs(fromRows([[0x66, 0x66, 0x66, 0x60, 0, 0]]))).toBe('M60,');
    expect(encodeAcs(fromRows([Array(20).fill(0xbb)]))).toBe('hB');
    expect(encodeAcs(fromRows([Array(200).fill(0xbb)]))).toBe('zB');
    expect(
      encodeAcs(
        fromRows([
          [0, 0, 0],
          [0xff, 0xff, 0xff],
          [0xff, 0xff, 0xff],
          [0x12, 0xff, 0xff],
        ]),
      ),
    ).toBe(',!:12!');
    // A row ending in an odd number of zero nibbles keeps one 0 and fills from the byte boundary.
    expect(encodeAcs(fromRows([[0xa0, 0, 0]]))).toBe('A0,');
  });

  it('decodes back to the same dots for odd widths, long runs, repeats and noise', () => {
    for (const [w, h, seed] of [
      [13, 5, 1],
      [203, 57, 2],
      [812, 140, 3],
      [4000, 12, 4],
      [1, 1, 5],
    ] as const) {
      const bitmap = mixedBitmap(w, h, seed);
      const decoded = decodeAcs(encodeAcs(bitmap), bitmap.bytesPerRow, bitmap.data.length);
      expect(Buffer.from(decoded).equals(Buffer.from(bitmap.data))).toBe(true);
    }
  });
});

describe('bitmapToZpl compression choice', () => {
  it('sends the smaller of :Z64: and ACS, and both carry the same dots', () => {
    const sparse = fromRows([[0, 0, 0x18, 0, 0, 0], ...Array(3).fill([0, 0, 0, 0, 0, 0])]);
    const busy = mixedBitmap(812, 300, 7);
    for (const bitmap of [sparse, busy]) {
      const acs = graphicFieldData(bitmap, { compression: 'acs' });
      const z64 = graphicFieldData(bitmap, { compression: 'z64' });
      const chosen = graphicFieldData(bitmap);
      expect(chosen.data.length).toBe(Math.min(acs.data.length, z64.data.length));
      for (const zpl of [bitmapToZpl(bitmap), bitmapToZpl(bitmap, { compression: 'acs' }), bitmapToZpl(bitmap, { compression: 'z64' })]) {
        expect(parseZplGraphics(zpl)).toHaveLength(1);
        const printed = zplGraphicLabel(zpl);
        expect([printed.widthDots, printed.heightDots]).toEqual([bitmap.widthDots, bitmap.heightDots]);
        expect(Buffer.from(printed.data).equals(Buffer.from(bitmap.data))).toBe(true);
      }
    }
    // ACS wins on a nearly blank graphic; deflate wins on a busy one.
    expect(graphicFieldData(sparse).compression).toBe('acs');
    expect(graphicFieldData(busy).compression).toBe('z64');
    expect(parseZplGraphics(bitmapToZpl(sparse))[0]!.encoding).toBe('acs');
  });
});

describe('bitmapToZpl cropping', () => {
  it('sends only the inked box, placed where it prints, and keeps the label size', () => {
    const bitmap = createBitmap(812, 1218);
    // A 40 x 30 dot block at x 100..139, y 500..529.
    for (let y = 500; y < 530; y++) for (let x = 100; x < 140; x++) bitmap.data[y * bitmap.bytesPerRow + (x >> 3)]! |= 0x80 >> (x & 7);
    const zpl = bitmapToZpl(bitmap);
    expect(zpl).toContain('^PW812\n^LL1218');
    const [graphic] = parseZplGraphics(zpl);
    expect(graphic).toMatchObject({ x: 96, y: 500, bytesPerRow: 6, rows: 30 });
    expect(Buffer.from(zplGraphicLabel(zpl).data).equals(Buffer.from(bitmap.data))).toBe(true);
  });

  it('still writes a complete (blank) label for a blank bitmap', () => {
    const zpl = bitmapToZpl(createBitmap(812, 1218));
    expect(zpl).toMatch(/^\^XA\n[\s\S]*\^FO0,0\^GFA,1,1,1,[^^]+\^FS\n\^PQ1\n\^XZ\n$/);
    expect(zplGraphicLabel(zpl).data.every((b) => b === 0)).toBe(true);
  });
});
