/**
 * A label goes in as the provider sent it (PDF, PNG or ZPL), comes out of the capture printer as
 * ZPL, and an independent ZPL renderer + barcode decoder reads the tracking number back.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  renderForPrinter,
  renderPreviewPng,
  sendToPrinter,
  testLabelBarcodeValue,
  testLabelZpl,
} from '../../../../../electron/station/printing/index';
import { startCapturePrinter, type CapturePrinter } from '../../../../fakes/capture-printer';
import { SAMPLE_TRACKING_PDF, SAMPLE_TRACKING_PNG, makeLabelPdf, makeLabelPng } from '../../../../support/sample-labels';
import { decodePngBarcodes, decodeZplBarcodes } from '../../../../support/zpl-barcode';

let printer: CapturePrinter;
beforeEach(async () => {
  printer = await startCapturePrinter();
});
afterEach(async () => {
  await printer.close();
});

describe.each([203, 300] as const)('printing at %i dpi', (dpi) => {
  it('turns a PDF label into ZPL the printer receives whole, with a scannable tracking barcode', async () => {
    const pdf = await makeLabelPdf(SAMPLE_TRACKING_PDF);
    const { payload, sourceFormat } = await renderForPrinter(pdf, { dpi });
    expect(sourceFormat).toBe('pdf');

    const sent = await sendToPrinter(printer.address, payload);
    expect(sent.bytes).toBe(payload.length);
    const [job] = await printer.waitForJobs(1, 5_000);
    expect(job!.equals(payload)).toBe(true);

    expect(await decodeZplBarcodes(job!, { dpi })).toEqual([SAMPLE_TRACKING_PDF]);
  });

  it('turns a PNG label into ZPL with a scannable tracking barcode', async () => {
    const png = await makeLabelPng(SAMPLE_TRACKING_PNG);
    const { payload, sourceFormat } = await renderForPrinter(png, { dpi });
    expect(sourceFormat).toBe('png');
    await sendToPrinter(printer.address, payload);
    const [job] = await printer.waitForJobs(1, 5_000);
    expect(await decodeZplBarcodes(job!, { dpi })).toEqual([SAMPLE_TRACKING_PNG]);
  });
});

describe('ZPL labels and previews', () => {
  it('sends a ZPL label byte for byte as the carrier made it', async () => {
    const zpl = Buffer.from(
      '\ufeff^XA\r\n^CI28^FO40,40^A0N,30,30^FDCafé ~ straße^FS\r\n^FO40,120^BY3^BCN,150,Y,N,N^FD1Z999AA10123456784^FS^XZ\r\n',
      'utf8',
    );
    const { payload, sourceFormat } = await renderForPrinter(zpl, { dpi: 203 });
    expect(sourceFormat).toBe('zpl');
    expect(payload.equals(zpl)).toBe(true);
    await sendToPrinter(printer.address, payload);
    const [job] = await printer.waitForJobs(1, 5_000);
    expect(job!.equals(zpl)).toBe(true);
  });

  it('previews exactly what the printer will print: the preview PNG scans too', async () => {
    const preview = await renderPreviewPng(await makeLabelPdf(SAMPLE_TRACKING_PDF, { landscape: true }), { dpi: 203 });
    expect([preview.widthDots, preview.heightDots]).toEqual([812, 1218]);
    expect(await decodePngBarcodes(preview.png)).toEqual([SAMPLE_TRACKING_PDF]);
  });

  it('keeps printing jobs in order on one printer', async () => {
    const a = await renderForPrinter(await makeLabelPdf('TRACK0001'), { dpi: 203 });
    const b = await renderForPrinter(await makeLabelPng('TRACK0002'), { dpi: 203 });
    await sendToPrinter(printer.address, a.payload);
    await sendToPrinter(printer.address, b.payload);
    const jobs = await printer.waitForJobs(2, 5_000);
    expect(await decodeZplBarcodes(jobs[0]!)).toEqual(['TRACK0001']);
    expect(await decodeZplBarcodes(jobs[1]!)).toEqual(['TRACK0002']);
  });

  it('rejects a file that is not a label instead of printing garbage', async () => {
    await expect(renderForPrinter(new TextEncoder().encode('{"error":"label not ready"}'), { dpi: 203 })).rejects.toMatchObject({
      name: 'PrintError',
      code: 'unknown_label_format',
      message: expect.stringMatching(/not a PDF, PNG or ZPL/),
    });
    expect(printer.connections).toBe(0);
  });
});

describe('test label', () => {
  it.each([203, 300] as const)('prints a %i dpi test label whose Code 128 scans', async (dpi) => {
    const now = new Date('2025-03-14T09:26:00Z');
    const zpl = testLabelZpl({ dpi, stationName: 'Packing 3 ^XZ~JA', now });
    expect(zpl).toContain('LABEL STATION TEST PRINT');
    expect(zpl).toContain('2025-03-14');
    expect(zpl).toContain(`${dpi} dpi`);
    expect(zpl).toContain('^BC');
    // The station name cannot inject ZPL commands.
    expect(zpl).not.toContain('^XZ~JA');
    expect(zpl.match(/\^XZ/g)).toHaveLength(1);
    await sendToPrinter(printer.address, Buffer.from(zpl, 'utf8'));
    const [job] = await printer.waitForJobs(1, 5_000);
    expect(await decodeZplBarcodes(job!, { dpi })).toEqual([testLabelBarcodeValue(dpi, now)]);
  });
});
