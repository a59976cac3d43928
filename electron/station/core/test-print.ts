/** The test print for the configured printer, in its own language. */
import type { PrinterSettings } from '../../../shared/schemas';
import { renderForPrinter, testLabelZpl } from '../printing';
import { renderSandboxLabelPdf } from '../providers/sandbox';

export async function testPrintPayload(printer: PrinterSettings): Promise<Buffer> {
  if (printer.language === 'zpl' && printer.dpi !== 600) return Buffer.from(testLabelZpl({ dpi: printer.dpi }), 'ascii');
  // Other languages (and 600 dpi) print a sandbox-marked sample label through the same path as real labels.
  const pdf = await renderSandboxLabelPdf({
    orderId: '576000000000000000',
    trackingNumbers: ['TESTPRINT0001'],
    parcels: null,
    labelId: 'test-print',
    date: new Date(),
  });
  return (await renderForPrinter(pdf, { dpi: printer.dpi, language: printer.language, media: printer.media })).payload;
}
