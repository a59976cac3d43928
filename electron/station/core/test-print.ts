/** The test print from Settings: a ZPL test label, or a SANDBOX sample label in the printer's own language. */
import type { MethodOutput } from '../../../shared/contract';
import type { PrinterSettings } from '../../../shared/domain/printers';
import { StationError } from '../../../shared/errors';
import { renderForPrinter, sendToPrinter, testLabelZpl } from '../printing';
import { renderSandboxLabelPdf } from '../providers';

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

/** Sends the test print straight to the printer (not through the queue): the answer is the printer's own. */
export async function testPrint(printer: PrinterSettings): Promise<MethodOutput<'testPrint'>> {
  try {
    const { bytes } = await sendToPrinter(printer.address, await testPrintPayload(printer));
    return { ok: true, printer: printer.address, bytes };
  } catch (error) {
    if (error instanceof StationError) return { ok: false, printer: printer.address, bytes: 0, problem: error.toProblem() };
    throw error;
  }
}
