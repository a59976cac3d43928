/** The packing room: split shipments (boxes and their labels); the packing check and the scale come later. */
export { buyShipment } from './shipment-purchase';
export { parcelSetKey } from './parcel-set';
export {
  ScaleService,
  listScaleDevices,
  parseHidScaleReport,
  parseMtSicsLine,
  parseNciFrame,
  type ScaleDeviceList,
  type ScaleTiming,
  type OpenLink,
  type LinkHandlers,
} from './scale';
