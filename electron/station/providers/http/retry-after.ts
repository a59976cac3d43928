/** How long a provider asks the station to wait after a 429, from its reset or Retry-After headers. */

const MIN_WAIT_MS = 1_000;
const MAX_WAIT_MS = 120_000;

export interface RetryAfterOptions {
  /** Headers to read, first found wins (Headers are case-insensitive). */
  names?: readonly string[];
  /** The wait when no header says (the provider's documented default). */
  fallbackMs?: number;
  nowMs?: number;
}

/**
 * A value may be seconds to wait (Retry-After, the IETF RateLimit draft), an epoch time in seconds
 * or milliseconds (AfterShip's reset header documents a Unix timestamp), or an HTTP date. The wait
 * is kept between 1 s and 2 min.
 */
export function retryAfterMs(
  headers: Headers,
  { names = ['retry-after'], fallbackMs = MIN_WAIT_MS, nowMs = Date.now() }: RetryAfterOptions = {},
): number {
  for (const name of names) {
    const raw = headers.get(name)?.trim();
    if (!raw) continue;
    const wait = waitFromValue(raw, nowMs);
    if (wait !== null) return clamp(wait);
  }
  return clamp(fallbackMs);
}

function waitFromValue(raw: string, nowMs: number): number | null {
  if (/^\d+(\.\d+)?$/.test(raw)) {
    const value = Number(raw);
    if (value >= 1e12) return value - nowMs; // epoch milliseconds
    if (value >= 1e9) return value * 1000 - nowMs; // epoch seconds
    return value * 1000; // seconds to wait
  }
  const date = Date.parse(raw);
  return Number.isNaN(date) ? null : date - nowMs;
}

function clamp(ms: number): number {
  return Math.min(MAX_WAIT_MS, Math.max(MIN_WAIT_MS, Math.ceil(ms)));
}
