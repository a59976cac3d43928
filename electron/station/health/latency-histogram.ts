/**
 * Latencies counted in fixed logarithmic bins: 8 per doubling from 1 ms to about 131 s (136 bins,
 * the last one open-ended). A percentile is read as the middle of its bin, within about 4.5 % of
 * the true value, whatever the number of requests: the memory is the bins, never the samples.
 * (An HdrHistogram would be as exact with more memory per window; the panel needs two digits.)
 */

const BINS_PER_DOUBLING = 8;
const DOUBLINGS = 17;
export const LATENCY_BINS = BINS_PER_DOUBLING * DOUBLINGS;

export function latencyBin(ms: number): number {
  if (!(ms > 1)) return 0;
  return Math.min(LATENCY_BINS - 1, Math.floor(Math.log2(ms) * BINS_PER_DOUBLING));
}

/** The middle of a bin (geometric), in ms. */
export function binMiddleMs(bin: number): number {
  return 2 ** ((bin + 0.5) / BINS_PER_DOUBLING);
}

/** The `q` quantile (0..1) of the counts summed over `histograms`; null when they hold nothing. */
export function quantileMs(histograms: readonly Uint32Array[], q: number): number | null {
  const merged = new Float64Array(LATENCY_BINS);
  let total = 0;
  for (const h of histograms) {
    for (let i = 0; i < LATENCY_BINS; i++) merged[i]! += h[i]!;
  }
  for (let i = 0; i < LATENCY_BINS; i++) total += merged[i]!;
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (let i = 0; i < LATENCY_BINS; i++) {
    seen += merged[i]!;
    if (seen >= rank) return binMiddleMs(i);
  }
  return binMiddleMs(LATENCY_BINS - 1);
}
