/**
 * Prints the end-of-day summary on an office printer: the PDF goes untouched to a printer whose
 * language is PDF (an OS queue for an A4/letter laser), straight away rather than through the label
 * queue (it is no label, and the answer is the printer's own).
 */
import type { PrintOutcome } from '../../../shared/contract';
import { findPrinter, type PrinterSetup } from '../../../shared/domain/printers';
import { StationError } from '../../../shared/errors';
import { sendToPrinter } from '../printing';

export async function printSummaryPdf(printers: PrinterSetup, printerId: string, pdf: Buffer): Promise<PrintOutcome> {
  const printer = findPrinter(printers, printerId);
  if (!printer) {
    throw new StationError(
      'printer_not_found',
      'That printer is no longer in this station’s Settings.',
      'Pick another printer, or add it again in Settings.',
    );
  }
  if (printer.language !== 'pdf') {
    throw new StationError(
      'summary_printer_unsuitable',
      `"${printer.name}" is a label printer: the summary is an A4 page.`,
      'Pick an office (PDF) printer, or add one in Settings → Printers with the language "PDF".',
    );
  }
  try {
    const { bytes } = await sendToPrinter(printer.address, pdf);
    return { ok: true, printer: printer.address, bytes };
  } catch (error) {
    if (error instanceof StationError) return { ok: false, printer: printer.address, bytes: 0, problem: error.toProblem() };
    throw error;
  }
}
