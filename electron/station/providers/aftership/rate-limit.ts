/** How long AfterShip asks us to wait after a 429: its reset headers first, then Retry-After. */
import { retryAfterMs } from '../http/retry-after';

const AFTERSHIP_WAIT_HEADERS = ['x-ratelimit-reset', 'ratelimit-reset', 'retry-after'] as const;

export function retryAfterMsFromHeaders(headers: Headers, nowMs: number = Date.now()): number {
  return retryAfterMs(headers, { names: AFTERSHIP_WAIT_HEADERS, nowMs });
}
