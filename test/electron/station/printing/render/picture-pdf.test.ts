/**
 * A PDF label that is one picture (a carrier's label image wrapped in a PDF) is decoded and scaled
 * by the station itself (image-page.ts), not by PDFium: it must print the same barcode and nearly
 * the same dots as PDFium draws it, and a picture page this path does not take still prints
 * through PDFium.
 */
import { describe, expect, it } from 'vitest';
import { rasterizeLabel, renderForPrinter, type Bitmap } from '../../../../../electron/station/printing/index';
import { isBlack } from '../../../../../electron/station/printing/render/bitmap';
import { imagePage, singleImageRect } from '../../../../../electron/station/printing/render/image-page';
import { rasterizePdf } from '../../../../../electron/station/printing/render/pdf-raster';
import { loadPdfium } from '../../../../../electron/station/printing/render/pdfium';
import { bitmapToPng } from '../../../../../electron/station/printing/render/png-encode';
import { makePdf } from '../../../../support/sample-labels';
import { pictureLabelImage, pictureLabelPdf, type PictureKind } from '../../../../support/stress-labels';
import { decodePngBarcodes, decodeZplBarcodes } from '../../../../support/zpl-barcode';

/** Does the station's own picture path take this page (rather than leaving it to PDFium)? */
async function takenByPicturePath(pdf: Buffer, dpi = 203): Promise<boolean> {
  const pdfium = await loadPdfium();
  const file = pdfium.wasmExports.malloc(pdf.byteLength);
  pdfium.HEAPU8.set(pdf, file);
  const doc = pdfium._FPDF_LoadMemDocument(file, pdf.byteLength, 0);
  const page = pdfium._FPDF_LoadPage(doc, 0);
  try {
    const rect = singleImageRect(pdfium, page);
    if (!rect) return false;
    const scale = dpi / 72;
    const size = { width: Math.round(rect.width * scale), height: Math.round(rect.height * scale), x0: 0, y0: 0 };
    return (await imagePage(pdf, 0, rect, scale, size)) !== null;
  } finally {
    pdfium._FPDF_ClosePage(page);
    pdfium._FPDF_CloseDocument(doc);
    pdfium.wasmExports.free(file);
  }
}

/** Share of the media's dots printed differently by the two bitmaps. */
function differentShare(a: Bitmap, b: Bitmap): number {
  expect([a.widthDots, a.heightDots]).toEqual([b.widthDots, b.heightDots]);
  let differ = 0;
  for (let y = 0; y < a.heightDots; y++) for (let x = 0; x < a.widthDots; x++) if (isBlack(a, x, y) !== isBlack(b, x, y)) differ++;
  return differ / (a.widthDots * a.heightDots);
}

function blackDots(bitmap: Bitmap): number {
  let n = 0;
  for (let y = 0; y < bitmap.heightDots; y++) for (let x = 0; x < bitmap.widthDots; x++) if (isBlack(bitmap, x, y)) n++;
  return n;
}

describe('a PDF label that is one picture', () => {
  const kinds: Array<[PictureKind, { landscape?: boolean }]> = [
    ['rgba-png', {}],
    ['rgb-png', {}],
    ['rgba-png', { landscape: true }],
    ['rgb-png', { landscape: true }],
  ];
  for (const [kind, opts] of kinds) {
    it(`(${kind}${opts.landscape ? ', landscape' : ''}) is drawn by the station and prints the same barcode and dots as PDFium draws it`, async () => {
      const tracking = '1Z999AA10123456784';
      const pdf = await pictureLabelPdf(tracking, kind, opts);
      expect(await takenByPicturePath(pdf)).toBe(true);
      const ours = await rasterizeLabel(pdf, { dpi: 203 });
      const pdfium = await rasterizePdf(pdf, 203, undefined, 1, { wholeInPdfium: true });
      expect(await decodePngBarcodes(bitmapToPng(ours))).toEqual([tracking]);
      // Both scale the same picture smoothly: at most a dot's shift along some edges.
      expect(differentShare(ours, pdfium)).toBeLessThan(0.002);
      expect(Math.abs(blackDots(ours) - blackDots(pdfium)) / blackDots(pdfium)).toBeLessThan(0.02);
    });
  }

  it('prints as ZPL whose barcode scans, at 203 and at 300 dpi', async () => {
    const pdf = await pictureLabelPdf('9400111899223344556677', 'rgba-png');
    for (const dpi of [203, 300] as const) {
      const { payload } = await renderForPrinter(pdf, { dpi });
      expect(await decodeZplBarcodes(payload, { dpi })).toContain('9400111899223344556677');
    }
  });

  it('prints transparent parts white even where their colour is black (the alpha mask is applied)', async () => {
    const pdf = await pictureLabelPdf('1Z999AA10123456784', 'rgba-png', { transparentInk: true });
    expect(await takenByPicturePath(pdf)).toBe(true);
    const bitmap = await rasterizeLabel(pdf, { dpi: 203 });
    // Ink covers a few percent of the label; transparent black printed as black would cover all of it.
    expect(blackDots(bitmap) / (bitmap.widthDots * bitmap.heightDots)).toBeLessThan(0.15);
    expect(await decodePngBarcodes(bitmapToPng(bitmap))).toEqual(['1Z999AA10123456784']);
  });
});

describe('a picture page the station leaves to PDFium', () => {
  it('still prints: a picture drawn upside down, a picture with text beside it, a see-through picture, a JPEG, a grey PNG', async () => {
    const turned = await pictureLabelPdf('1Z999AA10123456784', 'rgba-png', { turned: true });
    const jpeg = await pictureLabelPdf('1Z999AA10123456784', 'jpeg');
    const grey = await pictureLabelPdf('1Z999AA10123456784', 'gray-png');
    const pictureImage = await pictureLabelImage('1Z999AA10123456784', 'rgb-png');
    const withText = await makePdf([288, 432], (doc) => {
      doc.image(pictureImage, 0, 0, { width: 288, height: 432 });
      doc.fontSize(8).text('REF 12345', 200, 420, { lineBreak: false });
    });
    const seeThrough = await makePdf([288, 432], (doc) => {
      doc.opacity(0.9);
      doc.image(pictureImage, 0, 0, { width: 288, height: 432 });
    });
    for (const pdf of [turned, withText, seeThrough, jpeg, grey]) {
      expect(await takenByPicturePath(pdf)).toBe(false);
      const bitmap = await rasterizeLabel(pdf, { dpi: 203 });
      expect(await decodePngBarcodes(bitmapToPng(bitmap))).toEqual(['1Z999AA10123456784']);
    }
  });

  it('still prints when its image data is damaged past what the station decodes', async () => {
    const pdf = await pictureLabelPdf('1Z999AA10123456784', 'rgba-png');
    // The picture's Flate data after its 2-byte header overwritten (same length): its first block
    // has the reserved type, which zlib refuses; PDFium draws what it can (here: nothing).
    const text = pdf.toString('latin1');
    const at = text.indexOf('/SMask');
    const start = text.indexOf('stream', at) + 'stream\n'.length;
    const damaged = Buffer.from(pdf);
    damaged.fill(0xff, start + 2, start + 400);
    expect(await takenByPicturePath(damaged)).toBe(false);
    const bitmap = await rasterizeLabel(damaged, { dpi: 203 });
    expect(bitmap.widthDots).toBe(812);
  });
});
