/**
 * Client-side rate limit for AfterShip (10 requests/s per organization): one limiter shared by
 * every provider instance of the process that talks to the same account (base URL + key
 * fingerprint), so a settings change that makes a new provider does not double the rate.
 *
 * Every limiter here is one queue and one pump: callers leave one at a time in arrival order, and
 * the pump looks at the clock, its policy and the 429 hold again each time it wakes. A wait is never
 * computed once for good, so a hold that arrives while requests are queued delays every one of them,
 * and waiters woken late by a busy event loop never leave together.
 */
import { fingerprint } from '../secret-fingerprint';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { abortableSleep, type Sleep } from '../http/sleep';
import type { ProviderRecorder } from '../http/recorder';

export interface RateLimiter {
  /** Resolves when a request may be sent; rejects when the signal aborts first. */
  take(signal?: AbortSignal): Promise<void>;
  /**
   * After a 429: nobody sends before `ms` from now, not even requests already waiting. Returns the
   * time this added to the hold (0 when an earlier, longer hold already covered it).
   */
  holdFor(ms: number): number;
}

export interface TokenBucketOptions {
  ratePerSecond: number;
  /** Requests that may go out at once after a quiet spell (default: one second's worth). */
  burst?: number;
  now?: () => number;
  sleep?: Sleep;
}

export interface SlidingWindowOptions {
  /** At most this many requests leave in any window of `windowMs`, counted at the moment they leave. */
  limit: number;
  windowMs: number;
  /** Added to the window at each decision (e.g. the station's recent event-loop stalls). */
  marginMs?: () => number;
  /** And never two closer than this (smooths bursts). */
  minSpacingMs?: number;
  now?: () => number;
  sleep?: Sleep;
}

/** AfterShip's documented limit per organization. */
export const AFTERSHIP_REQUESTS_PER_SECOND = 10;

/**
 * What the station sends to AfterShip: at most 10 requests in any 1 s + margin, at least 90 ms
 * apart. Eleven requests then span at least 1 s + margin when they leave, so no rolling second at
 * AfterShip holds more than 10 unless one of them is delayed more than the margin on its way. The
 * margin is 50 ms, or twice the longest stall of the station's event loop in the last seconds when
 * that is more (a stall between "may go" and the bytes leaving is what bunches requests up), at
 * most 500 ms. A timer that wakes a few ms late costs a tenth of that, not every interval (as a
 * 1-token bucket's would). Tests pass their own sleep: they get the fixed 50 ms.
 */
export function afterShipRateLimiter(sleep?: Sleep): RateLimiter {
  return createSlidingWindowLimiter({
    limit: AFTERSHIP_REQUESTS_PER_SECOND,
    windowMs: 1_000,
    marginMs: sleep ? () => 50 : () => Math.min(500, Math.max(50, 2 * recentEventLoopStallMs())),
    minSpacingMs: 90,
    ...(sleep && { sleep }),
  });
}

let stalls: { histogram: IntervalHistogram; previousMaxMs: number; rolledAt: number } | null = null;

/** The longest event-loop stall of this thread over the last 2–4 s (perf_hooks.monitorEventLoopDelay). */
export function recentEventLoopStallMs(): number {
  const t = performance.now();
  if (!stalls) {
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    stalls = { histogram, previousMaxMs: 0, rolledAt: t };
  }
  const currentMaxMs = stalls.histogram.count > 0 ? stalls.histogram.max / 1e6 : 0;
  if (t - stalls.rolledAt >= 2_000) {
    stalls.previousMaxMs = currentMaxMs;
    stalls.histogram.reset();
    stalls.rolledAt = t;
  }
  // The histogram counts the 10 ms sampling period itself.
  return Math.max(0, Math.max(stalls.previousMaxMs, currentMaxMs) - 10);
}

interface Policy {
  /** How long the head of the queue must still wait at `t` (0: it may go now). */
  waitMs(t: number): number;
  /** A request left at `t`. */
  released(t: number): void;
  /** A 429's hold was set: the policy may forget its credit. */
  held(): void;
}

interface Waiter {
  resolve: () => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

function pumpedLimiter(policy: Policy, opts: { now?: () => number; sleep?: Sleep }): RateLimiter {
  const clock = opts.now ?? (() => performance.now());
  const sleep = opts.sleep ?? abortableSleep;
  /** Time a sleep took less than asked (an injected sleep that does not wait) counts as passed. */
  let skew = 0;
  const now = () => clock() + skew;
  let heldUntil = -Infinity;
  const queue: Waiter[] = [];
  let pumping = false;

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      for (let guard = 0; queue.length > 0 && guard < 1_000_000; guard++) {
        const t = now();
        const wait = Math.max(policy.waitMs(t), heldUntil - t, 0);
        if (wait > 0) {
          // Sleep, then look again: a hold may have come in, or the clock may have jumped.
          const asked = Math.ceil(wait);
          await sleep(asked).catch(() => undefined);
          const slept = now() - t;
          // Only a sleep that plainly did not wait (a test's instant sleep) moves the clock; a real
          // timer waking a little early must not make the limiter run fast.
          if (slept < asked / 2) skew += asked - slept;
          continue;
        }
        const waiter = queue.shift()!;
        policy.released(t);
        if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
        waiter.resolve();
      }
    } finally {
      pumping = false;
    }
  }

  return {
    take(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason ?? new Error('cancelled'));
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = { resolve, ...(signal && { signal }) };
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
      const t = now();
      const until = t + ms;
      const added = Math.max(0, until - Math.max(heldUntil, t));
      heldUntil = Math.max(heldUntil, until);
      policy.held();
      return added;
    },
  };
}

/** A token bucket: `ratePerSecond` on average, `burst` at once after a quiet spell. */
export function createTokenBucket(opts: TokenBucketOptions): RateLimiter {
  const rate = opts.ratePerSecond / 1000; // tokens per ms
  const burst = opts.burst ?? opts.ratePerSecond;
  let tokens = burst;
  let updatedAt: number | null = null;
  const refill = (t: number) => {
    tokens = updatedAt === null ? tokens : Math.min(burst, tokens + (t - updatedAt) * rate);
    updatedAt = t;
  };
  return pumpedLimiter(
    {
      waitMs(t) {
        refill(t);
        return tokens >= 1 ? 0 : (1 - tokens) / rate;
      },
      released(t) {
        refill(t);
        tokens -= 1;
      },
      // After a hold, requests leave one at a time again, not as a burst.
      held: () => void (tokens = Math.min(tokens, 1)),
    },
    opts,
  );
}

/** At most `limit` requests in any window of `windowMs` (a log of the last `limit` departures). */
export function createSlidingWindowLimiter(opts: SlidingWindowOptions): RateLimiter {
  const departures: number[] = [];
  const spacing = opts.minSpacingMs ?? 0;
  return pumpedLimiter(
    {
      waitMs(t) {
        const last = departures.at(-1);
        const bySpacing = last === undefined ? 0 : last + spacing - t;
        const windowMs = opts.windowMs + (opts.marginMs?.() ?? 0);
        const byWindow = departures.length < opts.limit ? 0 : departures[departures.length - opts.limit]! + windowMs - t;
        return Math.max(bySpacing, byWindow);
      },
      released(t) {
        departures.push(t);
        if (departures.length > opts.limit) departures.shift();
      },
      held: () => undefined,
    },
    opts,
  );
}

/** The same limiter, telling `recorder` each hold a 429 adds (one provider instance's view of a shared limiter). */
export function recordHolds(limiter: RateLimiter, recorder: ProviderRecorder): RateLimiter {
  return {
    take: (signal) => limiter.take(signal),
    holdFor(ms) {
      const added = limiter.holdFor(ms);
      recorder.rateLimitHold({ heldMs: added });
      return added;
    },
  };
}

const shared = new Map<string, RateLimiter>();

/** The process-wide limiter of one AfterShip account. The key is kept only as a one-way hash. */
export function sharedAfterShipRateLimiter(baseUrl: string, apiKey: string): RateLimiter {
  const key = `${baseUrl.replace(/\/+$/, '').toLowerCase()}|${fingerprint(apiKey)}`;
  let limiter = shared.get(key);
  if (!limiter) {
    limiter = afterShipRateLimiter();
    shared.set(key, limiter);
  }
  return limiter;
}
