/** The printing engine: label bytes in, printer bytes out, delivered over TCP 9100 or a device path. */
export { PrintError, type PrintErrorCode } from './print-error';
export { sniffLabelFormat, type LabelFormat } from '../../../shared/domain/label-format';
export {
  mediaDots,
  mediaMillimetres,
  mediaPoints,
  MEDIA_SIZES,
  DEFAULT_MEDIA,
  PRINTER_DPIS,
  type MediaSize,
  type PrinterDpi,
} from './render/media';
export { type Bitmap } from './render/bitmap';
export { rasterizeLabel, type RasterOptions } from './render/raster';
export { bitmapToZpl, graphicFieldData, type ZplCompression, type ZplGraphicOptions } from './languages/zpl-graphic';
export { encodeAcs } from './languages/acs-encode';
export { detectZplDpi, type ZplDpiGuess } from './languages/zpl-dpi';
export * from './languages/index';
export { encodeZ64 } from './languages/z64';
export { crc16Xmodem, crc16Hex } from './languages/crc16';
export { renderForPrinter, type RenderedLabel, type RenderOptions, type RenderWarning } from './render/render';
export { renderPreviewPng, type LabelPreview } from './render/preview';
export { bitmapToPng } from './render/png-encode';
export {
  parsePrinterAddress,
  describePrinter,
  formatPrinterAddress,
  DEFAULT_RAW_PORT,
  type ParsedPrinterAddress,
} from './transports/address';
export { sendToPrinter, DEFAULT_PRINT_TIMEOUT_MS, type SendOptions, type SendResult } from './transports/send';
export { queryZebraStatus } from './status/status-zebra';
export { queryEscPosStatus } from './status/status-escpos';
export type { PrinterStatus, PrinterFault } from './status/status-types';
export { discoverPrinters, type DiscoveredPrinter, type DiscoveryOptions } from './discovery/discovery';
export type { ExecRunner } from './transports/transport-exec';
export { testLabelZpl, testLabelBarcodeValue, type TestLabelOptions } from './languages/test-label';
export { PrintService, type PrintServiceDeps, type PrintTiming } from './service/print-service';
export type { PrintableLabel, PrintRecords } from './service/print-records';
export { printerStatus } from './status/printer-status';
