export { createAfterShipProvider, type AfterShipProviderOptions } from './aftership-provider';
export { retryAfterMsFromHeaders } from './rate-limit';
export { afterShipRateLimiter, createSlidingWindowLimiter, createTokenBucket, sharedAfterShipRateLimiter } from './rate-limiter';
export { jitteredBackoff } from '../http/sleep';
