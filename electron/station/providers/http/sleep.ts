/** Waiting that a cancel interrupts; injectable so tests do not wait for real. */

/** Resolves after `ms`; rejects (with any error) as soon as the signal aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export class WaitCancelled extends Error {
  constructor() {
    super('wait cancelled');
    this.name = 'WaitCancelled';
  }
}

export const abortableSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new WaitCancelled());
    const onAbort = () => {
      clearTimeout(timer);
      reject(new WaitCancelled());
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** Exponential backoff with "equal jitter": half fixed, half random, so stations do not retry in step. */
export function jitteredBackoff(attempt: number, baseMs: number, random: () => number, maxMs = 5_000): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
