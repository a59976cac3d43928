/** Labels a printer cannot print as they are: wording for the packer and what to do next. */
import { PrintError } from '../print-error';
import type { PrinterDpi } from '../render/media';
import { LANGUAGE_NAMES, type PrinterLanguage } from './printer-language';

/** Codes of the printer-language engine (listed in print-error.ts's PrintErrorCode). */
export type LanguagePrintErrorCode = 'zpl_wrong_dpi' | 'zpl_needs_zpl_printer';

function languageError(code: LanguagePrintErrorCode, message: string, nextStep: string): PrintError {
  return new PrintError(code, message, nextStep);
}

export function zplWrongDpiError(labelDpi: PrinterDpi, printerDpi: PrinterDpi): PrintError {
  return languageError(
    'zpl_wrong_dpi',
    `This label was made for a ${labelDpi} dpi printer; this printer is ${printerDpi} dpi, so it would print at the wrong size.`,
    `Ask the provider for PDF labels (the station does this when the printer is not 203 dpi) or use a ${labelDpi} dpi printer.`,
  );
}

export function zplNeedsZplPrinterError(language: PrinterLanguage): PrintError {
  return languageError(
    'zpl_needs_zpl_printer',
    `This label is ZPL, which only a ZPL (Zebra-compatible) printer can print; this printer is set up for ${LANGUAGE_NAMES[language]}.`,
    'Ask the provider for PDF labels for this printer, or print it on a ZPL printer.',
  );
}
