/** When a failed delivery is tried again: exponential backoff with jitter, capped. */

export interface OutboxTiming {
  /** How often the loop looks for events and due deliveries (default 2 s; a new label also wakes it). */
  everyMs: number;
  /** First retry after about this long, doubling each attempt (default 5 s), never more than maxDelayMs (default 10 min). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Attempts before a delivery is set aside as "failed — needs attention" (default 12, about 2 h of tries). */
  maxAttempts: number;
  /** How long a station holds a delivery it is sending (default 60 s): another station takes it over after that. */
  leaseMs: number;
  /** Time limit of one webhook or Shopify request (default 10 s). */
  requestTimeoutMs: number;
  /** Deliveries one destination gets per pass of the loop (default 20). */
  perPass: number;
}

export const DEFAULT_OUTBOX_TIMING: OutboxTiming = {
  everyMs: 2_000,
  baseDelayMs: 5_000,
  maxDelayMs: 10 * 60_000,
  maxAttempts: 12,
  leaseMs: 60_000,
  requestTimeoutMs: 10_000,
  perPass: 20,
};

/**
 * The wait before attempt `attempts + 1`: base × 2^(attempts − 1), capped, then "equal jitter"
 * (half fixed, half random) so many stations retrying one WMS do not all knock at once.
 */
export function retryDelayMs(attempts: number, timing: Pick<OutboxTiming, 'baseDelayMs' | 'maxDelayMs'>, random = Math.random): number {
  const exp = Math.min(timing.maxDelayMs, timing.baseDelayMs * 2 ** Math.max(0, Math.min(attempts - 1, 30)));
  return Math.round(exp / 2 + (exp / 2) * random());
}
