/**
 * Client-side rate limit for AfterShip (10 requests/s per account): a token bucket shared by every
 * provider instance of the process that talks to the same account (base URL + key fingerprint),
 * so a settings change that makes a new provider does not double the rate.
 */
import { fingerprint } from '../secret-fingerprint';
import { abortableSleep, type Sleep } from '../http/sleep';

export interface RateLimiter {
  /** Resolves when a request may be sent; rejects when the signal aborts first. */
  take(signal?: AbortSignal): Promise<void>;
  /** After a 429: nobody sends before `ms` from now. */
  holdFor(ms: number): void;
}

export interface TokenBucketOptions {
  ratePerSecond: number;
  /** Requests that may go out at once after a quiet spell (default: one second's worth). */
  burst?: number;
  now?: () => number;
  sleep?: Sleep;
}

/** AfterShip's documented limit per organization. */
export const AFTERSHIP_REQUESTS_PER_SECOND = 10;

/**
 * What the station sends at most: evenly spaced (no burst) at 90 % of the limit, so that no
 * rolling second ever holds more than 10 requests even when network jitter bunches them up.
 */
export function afterShipTokenBucket(sleep?: Sleep): RateLimiter {
  return createTokenBucket({ ratePerSecond: AFTERSHIP_REQUESTS_PER_SECOND * 0.9, burst: 1, sleep });
}

export function createTokenBucket(opts: TokenBucketOptions): RateLimiter {
  const rate = opts.ratePerSecond / 1000; // tokens per ms
  const burst = opts.burst ?? opts.ratePerSecond;
  const now = opts.now ?? (() => performance.now());
  const sleep = opts.sleep ?? abortableSleep;
  let tokens = burst;
  let updatedAt = now();
  let heldUntil = 0;

  function refill(): void {
    const t = now();
    tokens = Math.min(burst, tokens + (t - updatedAt) * rate);
    updatedAt = t;
  }

  return {
    async take(signal) {
      refill();
      // Reserve a token now (the balance may go negative): callers are served in arrival order.
      tokens -= 1;
      const wait = Math.max(tokens < 0 ? -tokens / rate : 0, heldUntil - now());
      if (wait <= 0) return;
      try {
        await sleep(Math.ceil(wait), signal);
      } catch (error) {
        tokens += 1; // give the reservation back
        throw error;
      }
    },
    holdFor(ms) {
      heldUntil = Math.max(heldUntil, now() + ms);
    },
  };
}

const shared = new Map<string, RateLimiter>();

/** The process-wide limiter of one AfterShip account. The key is kept only as a one-way hash. */
export function sharedAfterShipRateLimiter(baseUrl: string, apiKey: string): RateLimiter {
  const key = `${baseUrl.replace(/\/+$/, '').toLowerCase()}|${fingerprint(apiKey)}`;
  let limiter = shared.get(key);
  if (!limiter) {
    limiter = afterShipTokenBucket();
    shared.set(key, limiter);
  }
  return limiter;
}
