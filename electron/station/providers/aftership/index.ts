export { createAfterShipProvider, AFTERSHIP_PRODUCTION_BASE_URL, type AfterShipProviderOptions } from './aftership-provider';
export { retryAfterMsFromHeaders } from './rate-limit';
export { TIKTOK_SERVICE_TYPE, buildCreateLabelBody, type CreateLabelBody } from './request-body';
