/**
 * The printing room: label bytes in, printer bytes out (render, languages), delivered over TCP,
 * a device, CUPS or the Windows spooler (transports), through the durable queue (service, queue),
 * with printer status and discovery.
 */
export { PrintError } from './print-error';
export { sniffLabelFormat } from '../../../shared/domain/label-format';
export { mediaDots } from './render/media';
export { type Bitmap } from './render/bitmap';
export { rasterizeLabel } from './render/raster';
export { bitmapToZpl } from './languages/zpl-graphic';
export * from './languages/index';
export { encodeZ64 } from './languages/z64';
export { crc16Hex } from './languages/crc16';
export { renderForPrinter } from './render/render';
export { renderPreviewPng } from './render/preview';
export { parsePrinterAddress } from './transports/address';
export { filePrintersEnabled, sendToPrinter } from './transports/send';
export { queryZebraStatus } from './status/status-zebra';
export { queryEscPosStatus } from './status/status-escpos';
export type { PrinterStatus } from './status/status-types';
export { discoverPrinters } from './discovery/discovery';
export { testLabelZpl, testLabelBarcodeValue } from './languages/test-label';
export { PrintService, type PrintServiceDeps, type PrintTiming } from './service/print-service';
export type { PrintRecorder, PrinterQueueState } from './queue';
export type { PrintableLabel, PrintRecords } from './service/print-records';
export { printerStatus } from './status/printer-status';
export { createStatusAsker } from './status/status-asker';
