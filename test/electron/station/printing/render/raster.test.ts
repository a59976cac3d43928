import { describe, expect, it } from 'vitest';
import { PrintError, mediaDots, rasterizeLabel, renderPreviewPng, type Bitmap } from '../../../../../electron/station/printing/index';
import { isBlack } from '../../../../../electron/station/printing/render/bitmap';
import { fitToMedia } from '../../../../../electron/station/printing/render/fit';
import { makeLabelPng, makePdf } from '../../../../support/sample-labels';

function blackShare(bitmap: Bitmap, y: number): number {
  let n = 0;
  for (let x = 0; x < bitmap.widthDots; x++) if (isBlack(bitmap, x, y)) n++;
  return n / bitmap.widthDots;
}

describe('media size', () => {
  it('is 4x6 in at the printer resolution', () => {
    expect(mediaDots(203)).toEqual({ widthDots: 812, heightDots: 1218 });
    expect(mediaDots(300)).toEqual({ widthDots: 1200, heightDots: 1800 });
  });
});

describe('fitToMedia', () => {
  it('keeps the aspect ratio, centres, and turns landscape pages on portrait media', () => {
    const square = fitToMedia(100, 100, 812, 1218);
    expect(square).toMatchObject({ rotate: false, offsetX: 0, offsetY: 203 });
    expect(square.drawnWidth).toBeCloseTo(812);
    expect(square.drawnHeight).toBeCloseTo(812);
    const landscape = fitToMedia(600, 400, 812, 1218);
    expect(landscape.rotate).toBe(true);
    expect(landscape.drawnWidth).toBeCloseTo(812);
    expect(landscape.drawnHeight).toBeCloseTo(1218);
  });
});

describe('rasterizeLabel', () => {
  it('renders a 4x6 PDF to the full media at 203 and at 300 dpi', async () => {
    // Black frame 10 pt thick around the page: the edges of the media must come out black.
    const pdf = await makePdf([288, 432], (doc) => {
      doc.rect(0, 0, 288, 432).lineWidth(20).stroke('#000000');
    });
    for (const dpi of [203, 300] as const) {
      const bitmap = await rasterizeLabel(pdf, { dpi });
      const { widthDots, heightDots } = mediaDots(dpi);
      expect(bitmap.widthDots).toBe(widthDots);
      expect(bitmap.heightDots).toBe(heightDots);
      expect(bitmap.bytesPerRow).toBe(Math.ceil(widthDots / 8));
      expect(bitmap.data.length).toBe(bitmap.bytesPerRow * heightDots);
      expect(blackShare(bitmap, 2)).toBeGreaterThan(0.95);
      expect(blackShare(bitmap, heightDots - 3)).toBeGreaterThan(0.95);
      expect(blackShare(bitmap, Math.round(heightDots / 2))).toBeLessThan(0.1);
    }
  });

  it('centres a square page vertically', async () => {
    const pdf = await makePdf([288, 288], (doc) => doc.rect(0, 0, 288, 288).fill('#000000'));
    const bitmap = await rasterizeLabel(pdf, { dpi: 203 });
    expect(blackShare(bitmap, 100)).toBe(0);
    expect(blackShare(bitmap, 609)).toBeGreaterThan(0.99);
    expect(blackShare(bitmap, 1100)).toBe(0);
  });

  it('turns a landscape page clockwise so its left edge lands at the top', async () => {
    const pdf = await makePdf([432, 288], (doc) => doc.rect(0, 0, 30, 288).fill('#000000'));
    const bitmap = await rasterizeLabel(pdf, { dpi: 203 });
    expect(bitmap.widthDots).toBe(812);
    expect(blackShare(bitmap, 20)).toBeGreaterThan(0.95);
    expect(blackShare(bitmap, 1100)).toBe(0);
  });

  it('centres a wide landscape page on the media after turning it, top-left corner of the page at the top right', async () => {
    // 6 x 3 in: turned, 3 in across (centred, 203 dots of margin each side) and 6 in along the feed.
    const pdf = await makePdf([432, 216], (doc) => {
      doc.rect(0, 0, 20, 20).fill('#000000'); // the page's top left corner
      doc.rect(412, 196, 20, 20).fill('#000000'); // its bottom right corner
    });
    const bitmap = await rasterizeLabel(pdf, { dpi: 203 });
    const place = fitToMedia(432, 216, 812, 1218);
    expect(place.rotate).toBe(true);
    const right = place.offsetX + Math.round(place.drawnWidth) - 1;
    const bottom = place.offsetY + Math.round(place.drawnHeight) - 1;
    // Turned clockwise: the page's top left is the media's top right of the drawn area, its bottom right the bottom left.
    expect(isBlack(bitmap, right - 5, place.offsetY + 5)).toBe(true);
    expect(isBlack(bitmap, place.offsetX + 5, bottom - 5)).toBe(true);
    expect(isBlack(bitmap, place.offsetX + 5, place.offsetY + 5)).toBe(false);
    expect(isBlack(bitmap, right - 5, bottom - 5)).toBe(false);
    // Nothing in the margins either side.
    for (const x of [place.offsetX - 2, right + 2]) expect([0, 300, 600, 1200].some((y) => isBlack(bitmap, x, y))).toBe(false);
  });

  it('prints a transparent PNG background white, not black', async () => {
    const png = await makeLabelPng('123456', { transparent: true, width: 406, height: 609 });
    const bitmap = await rasterizeLabel(png, { dpi: 203 });
    expect(bitmap.widthDots).toBe(812);
    expect(blackShare(bitmap, 1200)).toBe(0);
  });

  it('throws a PrintError for bytes that are not a label, and for a damaged PDF', async () => {
    await expect(rasterizeLabel(new TextEncoder().encode('<html>oops</html>'), { dpi: 203 })).rejects.toMatchObject({
      code: 'unknown_label_format',
    });
    const truncated = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<');
    const error = await rasterizeLabel(truncated, { dpi: 203 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrintError);
    expect((error as PrintError).code).toBe('label_unreadable');
  });
});

describe('renderPreviewPng', () => {
  it('returns a PNG of the printer dots (ZPL previews: fidelity.test.ts)', async () => {
    const pdf = await makePdf([288, 432], (doc) => doc.rect(0, 0, 288, 216).fill('#000000'));
    const preview = await renderPreviewPng(pdf, { dpi: 300 });
    expect(preview.png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(preview.png.readUInt32BE(16)).toBe(1200);
    expect(preview.png.readUInt32BE(20)).toBe(1800);
    expect({ w: preview.widthDots, h: preview.heightDots }).toEqual({ w: 1200, h: 1800 });
  });
});
