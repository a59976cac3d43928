/** The shipping scale: parsers of what scales send, the device links and the service that reads them. */
export { ScaleService, DEFAULT_SCALE_TIMING, type ScaleTiming, type ScaleServiceOptions } from './scale-service';
export { listScaleDevices, type ScaleDeviceList, type OpenLink, type LinkHandlers, type ScaleLink } from './links';
export { parseHidScaleReport, HID_SCALE_USAGE_PAGE } from './hid-report';
export { parseMtSicsLine, MT_SICS_REQUEST } from './mt-sics';
export { parseNciFrame, NCI_REQUEST } from './nci';
export type { ScaleSample } from './sample';
