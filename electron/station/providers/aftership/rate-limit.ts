/** How long AfterShip asks us to wait after a 429, from its reset headers. */

const MIN_WAIT_MS = 1_000;
const MAX_WAIT_MS = 120_000;

/**
 * Reads `X-RateLimit-Reset` / `RateLimit-Reset` (then `Retry-After`); Headers are case-insensitive.
 * The reset value may be an epoch time (seconds or ms; AfterShip documents a Unix timestamp) or a
 * number of seconds to wait (the IETF RateLimit draft): values that look like a date are treated as one.
 */
export function retryAfterMsFromHeaders(headers: Headers, nowMs: number = Date.now()): number {
  for (const name of ['x-ratelimit-reset', 'ratelimit-reset', 'retry-after']) {
    const raw = headers.get(name)?.trim();
    if (!raw) continue;
    const wait = waitFromValue(raw, nowMs);
    if (wait !== null) return clamp(wait);
  }
  return MIN_WAIT_MS;
}

function waitFromValue(raw: string, nowMs: number): number | null {
  if (/^\d+(\.\d+)?$/.test(raw)) {
    const value = Number(raw);
    if (value >= 1e12) return value - nowMs; // epoch milliseconds
    if (value >= 1e9) return value * 1000 - nowMs; // epoch seconds
    return value * 1000; // seconds to wait
  }
  const date = Date.parse(raw); // Retry-After may be an HTTP date
  return Number.isNaN(date) ? null : date - nowMs;
}

function clamp(ms: number): number {
  return Math.min(MAX_WAIT_MS, Math.max(MIN_WAIT_MS, Math.ceil(ms)));
}
