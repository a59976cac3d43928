/**
 * Waits until a fake printer has recorded at least n items. The fake calls every function in
 * `waiters` whenever it records one.
 */
export function waitForCount<T>(
  items: readonly T[],
  waiters: Set<() => void>,
  n: number,
  timeoutMs: number,
  failure: () => string,
): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (items.length < n) return;
      cleanup();
      resolve(items.slice(0, n));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(failure()));
    }, timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      waiters.delete(check);
    };
    waiters.add(check);
    check();
  });
}
