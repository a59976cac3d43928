/** Waiting that a cancel interrupts; injectable so tests do not wait for real. */
import { setTimeout as delay } from 'node:timers/promises';

/** Resolves after `ms`; rejects (with any error) as soon as the signal aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** The platform's abortable timer; tests inject a fake Sleep instead of waiting for real. */
export const abortableSleep: Sleep = (ms, signal) => delay(Math.max(0, ms), undefined, signal ? { signal } : {});

/** Exponential backoff with "equal jitter": half fixed, half random, so stations do not retry in step. */
export function jitteredBackoff(attempt: number, baseMs: number, random: () => number, maxMs = 5_000): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
