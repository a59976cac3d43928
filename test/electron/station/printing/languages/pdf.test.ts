/**
 * PDF for a system print queue (laser/A4 printers, CUPS, Windows spooler): a PDF label passes
 * through untouched, a PNG label is wrapped in a one-page PDF at the media size, and a bitmap can be
 * sent as a 1-bit image PDF. Poppler (pdfinfo, pdftoppm) reads the PDFs back as a print queue would.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderForPrinter } from '../../../../../electron/station/printing/render/render';
import { rasterizeLabel } from '../../../../../electron/station/printing/render/raster';
import { encodeForLanguage } from '../../../../../electron/station/printing/languages/encode';
import { SAMPLE_TRACKING_PDF, SAMPLE_TRACKING_PNG, makeLabelPdf, makeLabelPng } from '../../../../support/sample-labels';
import { decodePngBarcodes } from '../../../../support/zpl-barcode';
import { makeTempDir } from '../../../../support/temp-dir';

const run = promisify(execFile);
let temp: { dir: string; remove: () => void };
beforeAll(() => {
  temp = makeTempDir('printing-lang-pdf-');
});
afterAll(() => temp.remove());

let n = 0;
/** Page size in points and the barcodes poppler's 203 dpi rendering of page 1 shows. */
async function readBack(pdf: Buffer): Promise<{ pages: number; widthPt: number; heightPt: number; barcodes: string[] }> {
  const file = path.join(temp.dir, `label-${++n}.pdf`);
  await writeFile(file, pdf);
  const { stdout } = await run('pdfinfo', [file]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(stdout);
  const pages = /Pages:\s+(\d+)/.exec(stdout);
  await run('pdftoppm', ['-r', '203', '-png', '-singlefile', '-f', '1', file, path.join(temp.dir, `page-${n}`)]);
  const png = await readFile(path.join(temp.dir, `page-${n}.png`));
  return { pages: Number(pages?.[1]), widthPt: Number(size?.[1]), heightPt: Number(size?.[2]), barcodes: await decodePngBarcodes(png) };
}

describe('PDF for a system print queue', () => {
  it('passes a PDF label through byte for byte', async () => {
    const pdf = await makeLabelPdf(SAMPLE_TRACKING_PDF);
    const out = await renderForPrinter(pdf, { dpi: 300, language: 'pdf', media: '4x8' });
    expect(out).toMatchObject({ sourceFormat: 'pdf', language: 'pdf', warnings: [] });
    expect(out.payload.equals(pdf)).toBe(true);
  });

  it.each([
    ['4x6', 288, 432],
    ['4x8', 288, 576],
    ['a6', 297.64, 419.53],
  ] as const)('wraps a PNG label in one %s page that prints its barcode', async (media, widthPt, heightPt) => {
    const png = await makeLabelPng(SAMPLE_TRACKING_PNG);
    const out = await renderForPrinter(png, { dpi: 203, language: 'pdf', media });
    expect(out.sourceFormat).toBe('png');
    const page = await readBack(out.payload);
    expect(page.pages).toBe(1);
    expect(page.widthPt).toBeCloseTo(widthPt, 1);
    expect(page.heightPt).toBeCloseTo(heightPt, 1);
    expect(page.barcodes).toEqual([SAMPLE_TRACKING_PNG]);
  });

  it('turns a landscape PNG label onto the portrait page, left edge at the top', async () => {
    // A landscape label whose left quarter is solid black: after a clockwise turn it is the top.
    const png = await makeLabelPng(SAMPLE_TRACKING_PNG, { width: 1218, height: 812 });
    const { loadImage, createCanvas } = await import('@napi-rs/canvas');
    const canvas = createCanvas(1218, 812);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(await loadImage(png), 0, 0);
    ctx.fillStyle = '#000000';
    ctx.fillRect(0, 0, 24, 812);
    const out = await renderForPrinter(canvas.toBuffer('image/png'), { dpi: 203, language: 'pdf' });
    const page = await readBack(out.payload);
    expect([Math.round(page.widthPt), Math.round(page.heightPt)]).toEqual([288, 432]);
    expect(page.barcodes).toEqual([SAMPLE_TRACKING_PNG]);
    const thermal = await rasterizeLabel(out.payload, { dpi: 203 });
    const blackAt = (y: number): number => {
      let black = 0;
      for (let x = 0; x < thermal.widthDots; x++) if (thermal.data[y * thermal.bytesPerRow + (x >> 3)]! & (0x80 >> (x & 7))) black++;
      return black / thermal.widthDots;
    };
    expect(blackAt(5)).toBeGreaterThan(0.95);
    expect(blackAt(thermal.heightDots - 5)).toBeLessThan(0.05);
  });

  it('writes a bitmap as a 1-bit image PDF of the media size that prints the same barcode', async () => {
    const bitmap = await rasterizeLabel(await makeLabelPdf(SAMPLE_TRACKING_PDF), { dpi: 300, media: '4x8' });
    const pdf = encodeForLanguage(bitmap, 'pdf', { media: '4x8' });
    const page = await readBack(pdf);
    expect(page.pages).toBe(1);
    expect([page.widthPt, page.heightPt]).toEqual([288, 576]);
    expect(page.barcodes).toEqual([SAMPLE_TRACKING_PDF]);
  });

  it('explains a damaged PNG instead of printing a blank page', async () => {
    const png = await makeLabelPng(SAMPLE_TRACKING_PNG);
    await expect(renderForPrinter(png.subarray(0, 200), { dpi: 203, language: 'pdf' })).rejects.toMatchObject({
      name: 'PrintError',
      code: 'label_unreadable',
    });
  });
});
