import { describe, expect, it } from 'vitest';
import {
  afterShipRateLimiter,
  createSlidingWindowLimiter,
  createTokenBucket,
  jitteredBackoff,
  sharedAfterShipRateLimiter,
} from '../../../../../electron/station/providers/aftership';

/** A clock that only moves when the bucket sleeps. */
function fakeClock() {
  let t = 0;
  const sends: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number, signal?: AbortSignal) => {
      if (signal?.aborted) throw new Error('cancelled');
      t += ms;
    },
    sends,
    stamp: () => sends.push(t),
  };
}

describe('client-side rate limit', () => {
  it('lets a burst through, then spaces requests at the rate', async () => {
    const clock = fakeClock();
    const bucket = createTokenBucket({ ratePerSecond: 10, burst: 3, now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 6; i++) {
      await bucket.take();
      clock.stamp();
    }
    expect(clock.sends).toEqual([0, 0, 0, 100, 200, 300]);
  });

  it('never sends more than 10 requests in any rolling second with the AfterShip settings', async () => {
    const clock = fakeClock();
    const bucket = createTokenBucket({ ratePerSecond: 9, burst: 1, now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 40; i++) {
      await bucket.take();
      clock.stamp();
    }
    for (const start of clock.sends) {
      expect(clock.sends.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(10);
    }
    expect(afterShipRateLimiter()).toBeDefined();
  });

  it('holds every caller back after a 429 until the reset', async () => {
    const clock = fakeClock();
    const bucket = createTokenBucket({ ratePerSecond: 10, burst: 10, now: clock.now, sleep: clock.sleep });
    bucket.holdFor(4_000);
    await bucket.take();
    expect(clock.now()).toBe(4_000);
  });

  it('gives the reservation back when the wait is cancelled', async () => {
    const clock = fakeClock();
    const bucket = createTokenBucket({ ratePerSecond: 1, burst: 1, now: clock.now, sleep: clock.sleep });
    await bucket.take();
    await expect(bucket.take(AbortSignal.abort())).rejects.toThrow();
    await bucket.take();
    expect(clock.now()).toBe(1_000);
  });

  it('shares one bucket per account (base URL + key), not per provider instance', () => {
    const a = sharedAfterShipRateLimiter('https://api.aftership.com/postmen/v3', 'key-1');
    expect(sharedAfterShipRateLimiter('https://api.aftership.com/postmen/v3/', 'key-1')).toBe(a);
    expect(sharedAfterShipRateLimiter('https://api.aftership.com/postmen/v3', 'key-2')).not.toBe(a);
    expect(sharedAfterShipRateLimiter('https://sandbox-api.aftership.com/postmen/v3', 'key-1')).not.toBe(a);
  });

  it('spreads retries with jitter between half and all of the exponential backoff, capped', () => {
    expect(jitteredBackoff(1, 200, () => 0)).toBe(100);
    expect(jitteredBackoff(1, 200, () => 0.999)).toBe(200);
    expect(jitteredBackoff(3, 200, () => 0.5)).toBe(600);
    expect(jitteredBackoff(20, 200, () => 1)).toBe(5_000);
  });
});

/** A real-time-free clock whose sleeps are timers the test advances: several waiters can sleep at once. */
function steppedClock() {
  let t = 0;
  let timers: Array<{ at: number; fire: () => void; fail: (e: Error) => void }> = [];
  return {
    now: () => t,
    sleep: (ms: number, signal?: AbortSignal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(new Error('cancelled'));
        const timer = { at: t + ms, fire: resolve, fail: reject };
        timers.push(timer);
        signal?.addEventListener('abort', () => {
          timers = timers.filter((x) => x !== timer);
          reject(new Error('cancelled'));
        });
      }),
    /** Moves the clock forward timer by timer, letting each woken waiter run. */
    async advanceTo(target: number) {
      for (let guard = 0; guard < 10_000; guard++) {
        await new Promise((r) => setImmediate(r));
        const due = timers.filter((x) => x.at <= target).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((x) => x !== due);
        t = Math.max(t, due.at);
        due.fire();
      }
      await new Promise((r) => setImmediate(r));
      t = Math.max(t, target);
    },
  };
}

describe('a 429 holds requests already waiting', () => {
  it('sends none of the queued requests before the reset, then spaces them at the rate', async () => {
    const clock = steppedClock();
    const bucket = createTokenBucket({ ratePerSecond: 10, burst: 1, now: clock.now, sleep: clock.sleep });
    const sent: Array<[number, number]> = [];
    // Five requests queue up at once: one goes now, the others are due at 100, 200, 300, 400 ms.
    const waiters = [0, 1, 2, 3, 4].map((i) => bucket.take().then(() => sent.push([i, clock.now()])));
    await clock.advanceTo(50);
    expect(sent).toEqual([[0, 0]]);
    // The first answer is a 429 asking for 2 s: the four already waiting must wait for it too.
    bucket.holdFor(2_000);
    await clock.advanceTo(5_000);
    await Promise.all(waiters);
    expect(sent.map(([i]) => i)).toEqual([0, 1, 2, 3, 4]);
    for (const [, at] of sent.slice(1)) expect(at).toBeGreaterThanOrEqual(2_050);
    const times = sent.map(([, at]) => at);
    for (let i = 2; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(100);
  });

  it('never lets waiters woken late go out together: spacing is kept from the actual send', async () => {
    let t = 0;
    const bucket = createTokenBucket({
      ratePerSecond: 10,
      burst: 1,
      now: () => t,
      // The event loop was busy: every sleep ends 350 ms after it was due.
      sleep: async (ms) => {
        await new Promise((r) => setImmediate(r));
        t += ms + 350;
      },
    });
    const sent: number[] = [];
    await Promise.all([0, 1, 2, 3, 4, 5].map(() => bucket.take().then(() => sent.push(t))));
    for (let i = 1; i < sent.length; i++) expect(sent[i]! - sent[i - 1]!).toBeGreaterThanOrEqual(100);
  });

  it('a cancelled waiter leaves the queue; the others keep their turn', async () => {
    const clock = steppedClock();
    const bucket = createTokenBucket({ ratePerSecond: 10, burst: 1, now: clock.now, sleep: clock.sleep });
    const controller = new AbortController();
    const sent: string[] = [];
    const a = bucket.take().then(() => sent.push('a'));
    const b = bucket.take(controller.signal).then(
      () => sent.push('b'),
      () => sent.push('b cancelled'),
    );
    const c = bucket.take().then(() => sent.push(`c@${clock.now()}`));
    await clock.advanceTo(10);
    controller.abort();
    await clock.advanceTo(1_000);
    await Promise.all([a, b, c]);
    expect(sent).toEqual(['a', 'b cancelled', 'c@100']);
  });
});

describe('the AfterShip limiter: at most 10 in any 1.05 s, counted when they leave', () => {
  const settings = { limit: 10, windowMs: 1_000, marginMs: () => 50, minSpacingMs: 95 };

  it('never lets 11 requests leave within 1.05 s, and keeps close to 9.5 a second', async () => {
    const clock = fakeClock();
    const limiter = createSlidingWindowLimiter({ ...settings, now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 101; i++) {
      await limiter.take();
      clock.stamp();
    }
    for (let i = 10; i < clock.sends.length; i++) expect(clock.sends[i]! - clock.sends[i - 10]!).toBeGreaterThanOrEqual(1_050);
    for (let i = 1; i < clock.sends.length; i++) expect(clock.sends[i]! - clock.sends[i - 1]!).toBeGreaterThanOrEqual(95);
    expect(clock.sends.at(-1)).toBe(10 * 1_050);
  });

  it('timers that wake late cost a tenth of their lateness, not all of it', async () => {
    let t = 0;
    const limiter = createSlidingWindowLimiter({
      ...settings,
      now: () => t,
      sleep: async (ms) => {
        await new Promise((r) => setImmediate(r));
        t += ms + 5; // every timer 5 ms late, as on a busy machine
      },
    });
    const sent: number[] = [];
    for (let i = 0; i < 101; i++) {
      await limiter.take();
      sent.push(t);
    }
    for (let i = 10; i < sent.length; i++) expect(sent[i]! - sent[i - 10]!).toBeGreaterThanOrEqual(1_050);
    // 100 intervals of a 1-token bucket at the same rate would take 100 * (105 + 5) = 11 000 ms.
    expect(sent.at(-1)!).toBeLessThanOrEqual(10 * (1_050 + 5));
  });

  it('holds requests already waiting when a 429 arrives', async () => {
    const clock = steppedClock();
    const limiter = createSlidingWindowLimiter({ ...settings, now: clock.now, sleep: clock.sleep });
    const sent: number[] = [];
    const waiters = Array.from({ length: 12 }, () => limiter.take().then(() => sent.push(clock.now())));
    await clock.advanceTo(300);
    const before = sent.length;
    expect(before).toBeGreaterThan(0);
    limiter.holdFor(3_000);
    await clock.advanceTo(10_000);
    await Promise.all(waiters);
    expect(sent.slice(before).every((at) => at >= 3_300)).toBe(true);
  });

  it('is what the AfterShip provider uses', () => {
    expect(afterShipRateLimiter()).toBeDefined();
  });
});
