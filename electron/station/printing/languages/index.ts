/** Printer command languages: ZPL, EPL2, TSPL, ESC/POS raster, and PDF for system print queues. */
export { PRINTER_LANGUAGES, LANGUAGE_NAMES, type PrinterLanguage } from './printer-language';
export { encodeForLanguage, type EncodeOptions } from './encode';
export { bitmapToEpl, type EplOptions } from './epl';
export { bitmapToTspl, type TsplOptions } from './tspl';
export { bitmapToEscPos, type EscPosOptions } from './escpos';
export { bitmapToPdf } from './pdf-bitmap';
export { pngLabelToPdf } from './png-to-pdf';
export { zplWrongDpiError, zplNeedsZplPrinterError, type LanguagePrintErrorCode } from './language-errors';
