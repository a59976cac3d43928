/** The command languages the station can speak to a printer. */
export type PrinterLanguage = 'zpl' | 'epl' | 'tspl' | 'escpos' | 'pdf';
export const PRINTER_LANGUAGES: readonly PrinterLanguage[] = ['zpl', 'epl', 'tspl', 'escpos', 'pdf'];

/** How the worker sees the language in messages. */
export const LANGUAGE_NAMES: Record<PrinterLanguage, string> = {
  zpl: 'ZPL (Zebra)',
  epl: 'EPL2',
  tspl: 'TSPL (TSC)',
  escpos: 'ESC/POS',
  pdf: 'PDF (system print queue)',
};
