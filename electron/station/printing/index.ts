/** The printing engine: label bytes in, printer bytes out, delivered over TCP 9100 or a device path. */
export { PrintError, type PrintErrorCode } from './print-error';
export { sniffLabelFormat, type LabelFormat } from './sniff';
export { mediaDots, type PrinterDpi } from './media';
export { type Bitmap } from './bitmap';
export { rasterizeLabel } from './raster';
export { bitmapToZpl } from './zpl-graphic';
export { encodeZ64 } from './z64';
export { crc16Xmodem, crc16Hex } from './crc16';
export { renderForPrinter, type RenderedLabel } from './render';
export { renderPreviewPng, type LabelPreview } from './preview';
export { bitmapToPng } from './png-encode';
export { parsePrinterAddress, describePrinter, DEFAULT_RAW_PORT, type ParsedPrinterAddress } from './address';
export { sendToPrinter, DEFAULT_PRINT_TIMEOUT_MS, type SendOptions } from './send';
export { testLabelZpl, testLabelBarcodeValue, type TestLabelOptions } from './test-label';
