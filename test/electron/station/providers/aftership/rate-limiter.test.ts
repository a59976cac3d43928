import { describe, expect, it } from 'vitest';
import {
  afterShipTokenBucket,
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
    expect(afterShipTokenBucket()).toBeDefined();
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
