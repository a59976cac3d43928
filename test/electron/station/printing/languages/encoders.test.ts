import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createBitmap, type Bitmap } from '../../../../../electron/station/printing/render/bitmap';
import { bitmapToPng } from '../../../../../electron/station/printing/render/png-encode';
import { bitmapToEpl } from '../../../../../electron/station/printing/languages/epl';
import { bitmapToEscPos } from '../../../../../electron/station/printing/languages/escpos';
import { bitmapToTspl } from '../../../../../electron/station/printing/languages/tspl';
import { encodeForLanguage } from '../../../../../electron/station/printing/languages/encode';
import { PRINTER_LANGUAGES } from '../../../../../electron/station/printing/languages/printer-language';
import { decodeEpl, decodeEscPos, decodeTspl, dotAt, type Dots } from '../../../../support/raster-decoders';

const require = createRequire(import.meta.url);
const thermal = require('node-thermal-printer') as {
  printer: new (config: { type: string }) => { printImageBuffer(png: Buffer): Promise<Buffer>; getBuffer(): Buffer | null };
  types: { EPSON: string };
};

/** A recognisable picture: a frame, a diagonal, and a solid block; width need not be a multiple of 8. */
function picture(width: number, height: number): Bitmap {
  const bitmap = createBitmap(width, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const frame = x === 0 || y === 0 || x === width - 1 || y === height - 1;
      const diagonal = Math.abs(x - Math.round((y * width) / height)) < 2;
      const block = x > width / 2 && x < (width * 3) / 4 && y > height / 4 && y < height / 2;
      if (frame || diagonal || block) bitmap.data[y * bitmap.bytesPerRow + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return bitmap;
}

/** Same dots where the bitmap has them, and white everywhere else on the decoded label. */
function expectSameDots(decoded: Dots, bitmap: Bitmap): void {
  expect(decoded.widthDots).toBeGreaterThanOrEqual(bitmap.widthDots);
  expect(decoded.heightDots).toBeGreaterThanOrEqual(bitmap.heightDots);
  let differences = 0;
  for (let y = 0; y < decoded.heightDots; y++) {
    for (let x = 0; x < decoded.widthDots; x++) {
      const want =
        x < bitmap.widthDots && y < bitmap.heightDots && (bitmap.data[y * bitmap.bytesPerRow + (x >> 3)]! & (0x80 >> (x & 7))) !== 0;
      if (dotAt(decoded, x, y) !== want) differences++;
    }
  }
  expect(differences).toBe(0);
}

describe('EPL2 GW', () => {
  it("the test decoder reads Zebra's published GW sample (16x16 box, 0 bits black) as a box", () => {
    // From Zebra's "Details related to the GW EPL Command": GW100,100,2,16 then 0000, 14 x 7FFE, 0000.
    const box = Buffer.concat([
      Buffer.from('N\r\nq300\r\nQ200,24\r\nGW100,100,2,16,', 'latin1'),
      Buffer.from('0000' + '7FFE'.repeat(14) + '0000', 'hex'),
      Buffer.from('\r\nP1\r\n', 'latin1'),
    ]);
    const dots = decodeEpl(box);
    expect(dots.copies).toBe(1);
    const row = (y: number): string => Array.from({ length: 18 }, (_, i) => (dotAt(dots, 99 + i, y) ? '#' : '.')).join('');
    expect(row(100)).toBe('.################.');
    expect(row(101)).toBe('.#..............#.');
    expect(row(115)).toBe('.################.');
    expect(row(99)).toBe('..................');
  });

  it('sizes the label, inverts the dots (1 = white in GW) and prints one copy', () => {
    const bitmap = picture(203, 120);
    const epl = bitmapToEpl(bitmap);
    const text = epl.toString('latin1');
    expect(text.startsWith('\r\nN\r\nq203\r\nQ120,24\r\nGW0,0,26,120,')).toBe(true);
    expect(text.endsWith('\r\nP1\r\n')).toBe(true);
    const dataStart = text.indexOf('GW0,0,26,120,') + 'GW0,0,26,120,'.length;
    // First data byte is the top-left 8 dots: the frame is black there, so GW says 0x00.
    expect(epl[dataStart]).toBe(0x00);
    // Padding bits past dot 203 must be white (1 in GW).
    expect(epl[dataStart + 25]! & 0b0001_1111).toBe(0b0001_1111);
    const dots = decodeEpl(epl);
    expect(dots.copies).toBe(1);
    expectSameDots(dots, bitmap);
  });
});

describe('TSPL BITMAP', () => {
  it('declares the media in mm, inverts the dots (0 = black) and prints once', () => {
    const bitmap = picture(812, 300);
    const tspl = bitmapToTspl(bitmap, { media: '4x6' });
    const text = tspl.toString('latin1');
    expect(
      text.startsWith(
        'SIZE 101.6 mm,152.4 mm\r\nGAP 3 mm,0 mm\r\nDENSITY 8\r\nDIRECTION 0\r\nREFERENCE 0,0\r\nCLS\r\nBITMAP 0,0,102,300,0,',
      ),
    ).toBe(true);
    expect(text.endsWith('\r\nPRINT 1,1\r\n')).toBe(true);
    const decoded = decodeTspl(tspl, 203);
    expect(decoded.copies).toBe(1);
    expect([decoded.widthDots, decoded.heightDots]).toEqual([812, 1218]);
    expectSameDots(decoded, bitmap);
  });

  it('writes each media size', () => {
    const bitmap = picture(16, 4);
    const size = (media: '4x6' | '4x8' | 'a6' | '100x150mm'): string =>
      bitmapToTspl(bitmap, { media }).toString('latin1').split('\r\n')[0]!;
    expect(size('4x8')).toBe('SIZE 101.6 mm,203.2 mm');
    expect(size('a6')).toBe('SIZE 105 mm,148 mm');
    expect(size('100x150mm')).toBe('SIZE 100 mm,150 mm');
    expect(() => bitmapToTspl(bitmap, { density: 16 })).toThrow(RangeError);
  });
});

describe('ESC/POS GS v 0', () => {
  it('sends the label in bands of at most 256 rows, then feeds and cuts', () => {
    const bitmap = picture(812, 1218);
    const escpos = bitmapToEscPos(bitmap);
    expect([...escpos.subarray(0, 10)]).toEqual([0x1b, 0x40, 0x1d, 0x76, 0x30, 0x30, 102, 0, 0, 1]);
    expect([...escpos.subarray(-6)]).toEqual([0x1b, 0x64, 3, 0x1d, 0x56, 0x01]);
    const decoded = decodeEscPos(escpos);
    expect(decoded.bands).toBe(5); // 4 x 256 + 194
    expect(decoded.cut).toBe(true);
    expect(decoded.fedLines).toBe(3);
    expectSameDots(decoded, bitmap);
    // No band may exceed the height many printers cap one raster command at.
    expect(() => bitmapToEscPos(bitmap, { bandRows: 2304 })).toThrow(RangeError);
  });

  it('writes the same raster command as node-thermal-printer for a one-band image', async () => {
    const bitmap = picture(64, 40);
    const printer = new thermal.printer({ type: thermal.types.EPSON });
    await printer.printImageBuffer(bitmapToPng(bitmap));
    const theirs = printer.getBuffer()!;
    const ours = bitmapToEscPos(bitmap, { feedLines: 0, cut: false }).subarray(2); // without ESC @
    expect(theirs.equals(ours)).toBe(true);
  });
});

describe('encodeForLanguage', () => {
  it("produces each language's own output for the same bitmap", () => {
    const bitmap = picture(96, 48);
    const starts = Object.fromEntries(
      PRINTER_LANGUAGES.map((l) => [l, encodeForLanguage(bitmap, l, { media: '4x6' }).subarray(0, 8).toString('latin1')]),
    );
    expect(starts).toEqual({ zpl: '^XA\n^LH0', epl: '\r\nN\r\nq96', tspl: 'SIZE 101', escpos: '\x1b@\x1dv00\x0c\x00', pdf: '%PDF-1.4' });
    expect(() => encodeForLanguage(bitmap, 'dpl' as never)).toThrow(RangeError);
    // The 3 mm label gap in dots follows the printer's resolution.
    expect(encodeForLanguage(bitmap, 'epl', { dpi: 203 }).toString('latin1')).toContain('\r\nQ48,24\r\n');
    expect(encodeForLanguage(bitmap, 'epl', { dpi: 300 }).toString('latin1')).toContain('\r\nQ48,35\r\n');
  });
});
