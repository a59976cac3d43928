export { createShipiumProvider, SHIPIUM_PRODUCTION_BASE_URL, type ShipiumProviderOptions } from './shipium-provider';
export { buildShipiumLabelBody } from './request-body';
export { decodeLabelDataUrl } from './data-url';
