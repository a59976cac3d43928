export { createAfterShipProvider, AFTERSHIP_PRODUCTION_BASE_URL, type AfterShipProviderOptions } from './aftership-provider';
export { retryAfterMsFromHeaders } from './rate-limit';
export {
  afterShipTokenBucket,
  createTokenBucket,
  sharedAfterShipRateLimiter,
  AFTERSHIP_REQUESTS_PER_SECOND,
  type RateLimiter,
  type TokenBucketOptions,
} from './rate-limiter';
export { abortableSleep, jitteredBackoff, type Sleep } from '../http/sleep';
export { TIKTOK_SERVICE_TYPE, buildCreateLabelBody, type CreateLabelBody, type CreateLabelBodyOptions } from './request-body';
