/** The per-token bucket's arithmetic on a fake clock, and which addresses the API may listen on. */
import { describe, expect, it } from 'vitest';
import { TokenBuckets } from '../../../../electron/station/systems-api/rate-limit';
import { isLoopbackOrLan } from '../../../../shared/domain/systems-api';

describe('token buckets', () => {
  it('allows the burst, then one call per refill, and keeps callers apart', () => {
    let now = 0;
    const buckets = new TokenBuckets({ burst: 3, perSecond: 2 }, () => now);
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 0]);
    expect(buckets.take('a')).toBe(1); // half a second to the next call: said as 1 whole second
    expect(buckets.take('b')).toBe(0);
    now += 500;
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBeGreaterThan(0);
    now += 60_000; // refills only up to the burst
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 0, 1]);
  });

  it('says how long to wait when the refill is slow', () => {
    const buckets = new TokenBuckets({ burst: 1, perSecond: 0.1 }, () => 0);
    buckets.take('a');
    expect(buckets.take('a')).toBe(10);
  });
});

describe('listen addresses', () => {
  it.each(['127.0.0.1', '::1', '10.0.5.2', '172.16.0.1', '172.31.255.254', '192.168.1.20', 'fd12:3456::1'])('accepts %s', (host) => {
    expect(isLoopbackOrLan(host)).toBe(true);
  });
  it.each(['0.0.0.0', '8.8.8.8', '172.32.0.1', '192.169.0.1', '300.1.1.1', 'localhost', 'example.com', '2001:db8::1'])(
    'refuses %s',
    (host) => {
      expect(isLoopbackOrLan(host)).toBe(false);
    },
  );
});
