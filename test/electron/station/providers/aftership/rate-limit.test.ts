import { describe, expect, it } from 'vitest';
import { retryAfterMsFromHeaders } from '../../../../../electron/station/providers/aftership';

const now = Date.parse('2026-01-28T10:00:00Z');

describe('retry delay from AfterShip rate-limit headers', () => {
  it('reads X-RateLimit-Reset as a Unix time in seconds', () => {
    expect(retryAfterMsFromHeaders(new Headers({ 'X-RateLimit-Reset': String(now / 1000 + 4) }), now)).toBe(4_000);
  });

  it('reads RateLimit-Reset as seconds to wait, whatever the header case', () => {
    expect(retryAfterMsFromHeaders(new Headers({ 'ratelimit-reset': '7' }), now)).toBe(7_000);
    expect(retryAfterMsFromHeaders(new Headers({ 'RATELIMIT-RESET': '2' }), now)).toBe(2_000);
  });

  it('accepts an epoch in milliseconds', () => {
    expect(retryAfterMsFromHeaders(new Headers({ 'x-ratelimit-reset': String(now + 2_500) }), now)).toBe(2_500);
  });

  it('falls back to Retry-After (seconds or an HTTP date)', () => {
    expect(retryAfterMsFromHeaders(new Headers({ 'retry-after': '3' }), now)).toBe(3_000);
    expect(retryAfterMsFromHeaders(new Headers({ 'retry-after': new Date(now + 5_000).toUTCString() }), now)).toBe(5_000);
  });

  it('waits at least a second, even for a reset in the past or no header at all', () => {
    expect(retryAfterMsFromHeaders(new Headers({ 'x-ratelimit-reset': String(now / 1000 - 30) }), now)).toBe(1_000);
    expect(retryAfterMsFromHeaders(new Headers(), now)).toBe(1_000);
    expect(retryAfterMsFromHeaders(new Headers({ 'x-ratelimit-reset': 'soon' }), now)).toBe(1_000);
  });

  it('never asks to wait more than two minutes', () => {
    expect(retryAfterMsFromHeaders(new Headers({ 'x-ratelimit-reset': String(now / 1000 + 86_400) }), now)).toBe(120_000);
  });
});
