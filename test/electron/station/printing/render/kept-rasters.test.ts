/**
 * The scan screen previews the label just printed: its dots are drawn once for the printer and the
 * preview, and any other label, size or box is drawn for itself.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PrintError, renderForPrinter, renderPreviewPng, type Bitmap } from '../../../../../electron/station/printing/index';
import { bitmapToPng } from '../../../../../electron/station/printing/render/png-encode';
import { keptRaster } from '../../../../../electron/station/printing/render/kept-rasters';
import { makeLabelPdf } from '../../../../support/sample-labels';
import { customsPdf } from '../../../../support/stress-labels';
import * as raster from '../../../../../electron/station/printing/render/raster';

vi.mock('../../../../../electron/station/printing/render/raster', async (importOriginal) => {
  const real = await importOriginal<typeof raster>();
  return { ...real, rasterizeLabel: vi.fn(real.rasterizeLabel) };
});
const drawn = vi.mocked(raster.rasterizeLabel);
const realDraw = (await vi.importActual<typeof raster>('../../../../../electron/station/printing/render/raster')).rasterizeLabel;

let serial = 0;
/** A label no other test drew: each has its own tracking number. */
const freshLabel = () => makeLabelPdf(`1Z999AA1012345${String(6000 + serial++)}`);

describe('the dots of a label printed and then previewed', () => {
  beforeEach(() => {
    drawn.mockClear();
  });

  it('are drawn once for the printer and the scan screen’s preview, and the preview shows what was printed', async () => {
    const label = await freshLabel();
    await renderForPrinter(label, { dpi: 203, language: 'zpl', media: '4x6' });
    const preview = await renderPreviewPng(label, { dpi: 203, media: '4x6' });
    expect(drawn).toHaveBeenCalledTimes(1);
    expect(preview.png.equals(bitmapToPng(await realDraw(label, { dpi: 203 })))).toBe(true);
  });

  it('are drawn again for another label, another resolution, media or box of a split label', async () => {
    const label = await freshLabel();
    await keptRaster(label, { dpi: 203 });
    await keptRaster(label, { dpi: 300 });
    await keptRaster(label, { dpi: 203, media: '4x8' });
    await keptRaster(await freshLabel(), { dpi: 203 });
    const split = await customsPdf(2);
    await keptRaster(split, { dpi: 203, page: 1 });
    await keptRaster(split, { dpi: 203, page: 2 });
    expect(drawn).toHaveBeenCalledTimes(6);
  });

  it('are drawn once when the preview is asked while the print is still being drawn', async () => {
    const label = await freshLabel();
    const [printed, previewed] = await Promise.all([keptRaster(label, { dpi: 203 }), keptRaster(label, { dpi: 203 })]);
    expect(drawn).toHaveBeenCalledTimes(1);
    expect(previewed.data).toEqual(printed.data);
  });

  it('are each caller’s own: a change to one copy does not reach the next', async () => {
    const label = await freshLabel();
    const first: Bitmap = await keptRaster(label, { dpi: 203 });
    const original = first.data.slice();
    first.data.fill(0xff);
    expect((await keptRaster(label, { dpi: 203 })).data).toEqual(original);
  });

  it('are kept for the last four labels drawn only', async () => {
    const labels = await Promise.all([0, 1, 2, 3, 4].map(() => freshLabel()));
    for (const label of labels) await keptRaster(label, { dpi: 203 });
    await keptRaster(labels[4]!, { dpi: 203 });
    await keptRaster(labels[1]!, { dpi: 203 });
    expect(drawn).toHaveBeenCalledTimes(5);
    await keptRaster(labels[0]!, { dpi: 203 });
    expect(drawn).toHaveBeenCalledTimes(6);
  });

  it('are drawn again after a label could not be drawn, and the error is each caller’s', async () => {
    const damaged = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<');
    await expect(keptRaster(damaged, { dpi: 203 })).rejects.toBeInstanceOf(PrintError);
    await expect(keptRaster(damaged, { dpi: 203 })).rejects.toMatchObject({ code: 'label_unreadable' });
    expect(drawn).toHaveBeenCalledTimes(2);
  });
});
