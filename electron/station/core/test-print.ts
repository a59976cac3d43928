/** The test print from Settings: a ZPL test label, or a SANDBOX sample label in the printer's own language. */
import type { MethodOutput } from '../../../shared/contract';
import { isFilePrinterAddress, type PrinterSettings } from '../../../shared/domain/printers';
import { StationError } from '../../../shared/errors';
import { filePrintersEnabled, renderForPrinter, sendToPrinter, testLabelZpl } from '../printing';
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

/**
 * Sends the test print straight to the printer (not through the queue): the answer is the printer's own.
 * A draft (a printer not saved yet) never writes to a capture file: that kind exists for saved test set-ups only.
 */
export async function testPrint(printer: PrinterSettings, opts: { draft: boolean }): Promise<MethodOutput<'testPrint'>> {
  try {
    if (opts.draft && isFilePrinterAddress(printer.address)) {
      throw new StationError(
        'invalid_printer_address',
        'A test print cannot go to a capture file (file:…) from an unsaved printer.',
        'Enter a real printer address (tcp://…, /dev/usb/lp0, cups:QUEUE or windows:NAME), or save the printer first.',
      );
    }
    const { bytes } = await sendToPrinter(printer.address, await testPrintPayload(printer));
    return { ok: true, printer: printer.address, bytes };
  } catch (error) {
    if (error instanceof StationError) return { ok: false, printer: printer.address, bytes: 0, problem: error.toProblem() };
    throw error;
  }
}

/** Refuses capture-file printers (file:…) in a saved printer list unless this station allows them (tests). */
export function refuseFilePrinters(printers: ReadonlyArray<{ name: string; address: string }>): void {
  if (filePrintersEnabled()) return;
  const file = printers.find((p) => isFilePrinterAddress(p.address));
  if (!file) return;
  throw new StationError(
    'invalid_input',
    `Not saved. Printer "${file.name}" writes to a capture file (${file.address.slice(0, 80)}); this station does not print into files.`,
    'Enter the printer’s real address: tcp://192.168.1.50:9100, /dev/usb/lp0, cups:QUEUE or windows:PRINTER NAME.',
  );
}
