/** The command languages the station can speak to a printer (the list itself is shared/domain/printers' PrinterLanguage). */
import { PrinterLanguage } from '../../../../shared/domain/printers';

export type { PrinterLanguage };
export const PRINTER_LANGUAGES: readonly PrinterLanguage[] = PrinterLanguage.options;

/** How the worker sees the language in messages. */
export const LANGUAGE_NAMES: Record<PrinterLanguage, string> = {
  zpl: 'ZPL (Zebra)',
  epl: 'EPL2',
  tspl: 'TSPL (TSC)',
  escpos: 'ESC/POS',
  pdf: 'PDF (system print queue)',
};
