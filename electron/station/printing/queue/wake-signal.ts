/** A sleep that something else can cut short: a new job, a cancel, or stop(). */
export class WakeSignal {
  private wakers = new Set<() => void>();

  wake(): void {
    const wakers = [...this.wakers];
    this.wakers.clear();
    for (const w of wakers) w();
  }

  /** Resolves after `ms` (or only on wake() when ms is Infinity); true when woken early. */
  sleep(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const woken = (): void => {
        if (timer) clearTimeout(timer);
        resolve(true);
      };
      this.wakers.add(woken);
      if (Number.isFinite(ms)) {
        timer = setTimeout(() => {
          this.wakers.delete(woken);
          resolve(false);
        }, ms);
      }
    });
  }
}
