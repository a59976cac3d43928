/** The Station API for systems: a WMS or ERP asks the station for labels over HTTP + JSON (issue 14). */
export { SystemsApiServer, type SystemsApiOptions } from './systems-api-server';
export type { ApiToken, IdempotencyStore, LabelRequestOutcome, SystemsApiPorts, TokenStore } from './ports';
export type { LabelRequestBody, PrinterList, ReprintBody } from './api-schemas';
export { hashToken, newTokenSecret } from './token-secret';
export { openApiDocument } from './openapi';
export { callerName } from './routes';
export type { RateLimit } from './rate-limit';
