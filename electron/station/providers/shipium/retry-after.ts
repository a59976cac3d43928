/** How long Shipium asks the station to wait after a 429. */

/** Seconds or an HTTP date in Retry-After, as milliseconds (1 s to 2 min; 5 s when absent). */
export function retryAfterMs(headers: Headers, nowMs: number = Date.now()): number {
  const raw = headers.get('retry-after')?.trim();
  let ms = 5_000;
  if (raw && /^\d+(\.\d+)?$/.test(raw)) ms = Number(raw) * 1000;
  else if (raw && !Number.isNaN(Date.parse(raw))) ms = Date.parse(raw) - nowMs;
  return Math.min(120_000, Math.max(1_000, Math.ceil(ms)));
}
