/**
 * A split shipment's label holds one page (PDF) or one label format (ZPL) per box: the whole
 * shipment prints every box in order, a one-box reprint prints that box alone.
 */
import { describe, expect, it } from 'vitest';
import { renderForPrinter } from '../../../../../electron/station/printing';
import { code128Png, makePdf } from '../../../../support/sample-labels';
import { decodeZplBarcodes } from '../../../../support/zpl-barcode';

const TRACKING = ['1Z999AA10000000001', '1Z999AA10000000002', '1Z999AA10000000003'];

async function threeBoxPdf(): Promise<Buffer> {
  const barcodes = await Promise.all(TRACKING.map((t) => code128Png(t)));
  return makePdf([288, 432], (doc) => {
    barcodes.forEach((barcode, index) => {
      if (index > 0) doc.addPage({ size: [288, 432], margin: 0 });
      doc.fontSize(14).text(`BOX ${index + 1} OF 3`, 20, 20);
      doc.image(barcode, 20, 120, { width: 248 });
    });
  });
}

const formats = (zpl: Buffer) => zpl.toString('latin1').match(/\^XA[\s\S]*?\^XZ/g) ?? [];

describe('printing the boxes of a split label', () => {
  it('prints every page of a PDF as its own label, in box order', async () => {
    const { payload } = await renderForPrinter(await threeBoxPdf(), { dpi: 203, language: 'zpl', pages: [1, 2, 3] });
    const labels = formats(payload);
    expect(labels).toHaveLength(3);
    for (const [index, label] of labels.entries()) expect(await decodeZplBarcodes(label)).toEqual([TRACKING[index]]);
  });

  it('prints one box alone from a PDF and from a ZPL file', async () => {
    const pdf = await renderForPrinter(await threeBoxPdf(), { dpi: 203, language: 'zpl', pages: [2] });
    expect(formats(pdf.payload)).toHaveLength(1);
    expect(await decodeZplBarcodes(pdf.payload)).toEqual([TRACKING[1]]);

    const zpl = Buffer.from(TRACKING.map((t) => `^XA^PW812^LL1218^FO50,50^BCN,100,Y^FD${t}^FS^XZ`).join('\n'), 'latin1');
    const one = await renderForPrinter(zpl, { dpi: 203, language: 'zpl', pages: [3] });
    expect(formats(one.payload)).toHaveLength(1);
    expect(one.payload.toString('latin1')).toContain(TRACKING[2]);
    const whole = await renderForPrinter(zpl, { dpi: 203, language: 'zpl' });
    expect(formats(whole.payload)).toHaveLength(3);
  });

  it('says which box is missing when the file holds fewer labels than boxes', async () => {
    await expect(renderForPrinter(await threeBoxPdf(), { dpi: 203, language: 'zpl', pages: [4] })).rejects.toMatchObject({
      code: 'label_box_missing',
      message: expect.stringContaining('box 4'),
    });
  });
});
