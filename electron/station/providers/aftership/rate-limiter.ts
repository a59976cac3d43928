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
 * What the station sends at most: evenly spaced (no burst) at 95 % of the limit. Eleven requests
 * then span at least 1.05 s, so no rolling second holds more than 10 even when the network or a busy
 * event loop shifts one of them by up to 50 ms.
 */
export function afterShipTokenBucket(sleep?: Sleep): RateLimiter {
  return createTokenBucket({ ratePerSecond: AFTERSHIP_REQUESTS_PER_SECOND * 0.95, burst: 1, sleep });
}

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/**
 * A token bucket with one queue: callers are let through one at a time, in arrival order, by a
 * single pump that looks at the clock, the tokens and the hold again every time it wakes. A wait is
 * never computed once for good: a 429's hold that arrives while requests are queued delays every
 * one of them, and waiters woken late by a busy event loop still leave one interval apart.
 */
export function createTokenBucket(opts: TokenBucketOptions): RateLimiter {
  const rate = opts.ratePerSecond / 1000; // tokens per ms
  const burst = opts.burst ?? opts.ratePerSecond;
  const clock = opts.now ?? (() => performance.now());
  /** Time a sleep took less than asked (an injected sleep that does not wait) counts as passed. */
  let skew = 0;
  const now = () => clock() + skew;
  const sleep = opts.sleep ?? abortableSleep;
  let tokens = burst;
  let updatedAt = now();
  let heldUntil = -Infinity;
  const queue: Waiter[] = [];
  let pumping = false;

  function refill(): void {
    const t = now();
    tokens = Math.min(burst, tokens + (t - updatedAt) * rate);
    updatedAt = t;
  }

  /** How long the head of the queue must still wait (0: it may go now). */
  function waitMs(): number {
    refill();
    const forToken = tokens >= 1 ? 0 : (1 - tokens) / rate;
    return Math.max(forToken, heldUntil - now(), 0);
  }

  function release(waiter: Waiter): void {
    if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
    waiter.resolve();
  }

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      for (let guard = 0; queue.length > 0 && guard < 1_000_000; guard++) {
        const wait = waitMs();
        if (wait > 0) {
          // Sleep, then look again: a hold may have come in, or the clock may have jumped.
          const asked = Math.ceil(wait);
          const before = now();
          await sleep(asked).catch(() => undefined);
          skew += Math.max(0, asked - (now() - before));
          continue;
        }
        const waiter = queue.shift()!;
        tokens -= 1;
        release(waiter);
      }
    } finally {
      pumping = false;
    }
  }

  return {
    take(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason ?? new Error('cancelled'));
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = { resolve, reject, ...(signal && { signal }) };
        if (signal) {
          waiter.onAbort = () => {
            const at = queue.indexOf(waiter);
            if (at !== -1) queue.splice(at, 1);
            reject(signal.reason ?? new Error('cancelled'));
          };
          signal.addEventListener('abort', waiter.onAbort, { once: true });
        }
        queue.push(waiter);
        void pump();
      });
    },
    holdFor(ms) {
      heldUntil = Math.max(heldUntil, now() + ms);
      // After the hold, requests leave one at a time again, not as a burst.
      tokens = Math.min(tokens, 1);
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
