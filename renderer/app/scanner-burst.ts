/**
 * Tells a barcode scanner from a person: a scanner types its characters in a burst (keys a few
 * milliseconds apart) and ends it with Enter or Tab; a person's keys come 80 ms or more apart.
 * Fed every key; answers with the scanned text when Enter or Tab closes a burst, and with where the
 * burst's first key went, so the screen can take the burst's characters back out of that field.
 */
export interface BurstRules {
  /** Fewest characters a scan has (shorter bursts are a person's quick double key). */
  minLength: number;
  /** How far apart a scanner's keys are (most gaps of a burst are shorter). */
  maxGapMs: number;
  /**
   * Longest pause inside one burst: a busy page delivers some of a scanner's keys late (a screen
   * re-rendering on the first key), so a few longer gaps do not break it.
   */
  stallMs: number;
  /** Share of a burst's gaps that must be scanner-fast. */
  fastShare: number;
}

/** Scanners send more than 7 keys within 50 ms; a person's keys come 80 ms or more apart. */
export const SCANNER_BURST: BurstRules = { minLength: 6, maxGapMs: 60, stallMs: 250, fastShare: 0.7 };

export interface BurstKey<T> {
  key: string;
  at: number;
  /** What the key was typed into, and its value before the key (for taking the burst back out). */
  target: T;
  valueBefore: string | null;
}

export interface Burst<T> {
  text: string;
  terminator: 'Enter' | 'Tab';
  target: T;
  valueBefore: string | null;
}

export class BurstDetector<T> {
  private keys: Array<BurstKey<T>> = [];

  constructor(private readonly rules: BurstRules = SCANNER_BURST) {}

  /** A key was pressed; the burst it ends, if it ends one. */
  key(key: BurstKey<T>): Burst<T> | null {
    const last = this.keys.at(-1);
    const inRun = last !== undefined && key.at - last.at <= this.rules.stallMs;
    if (key.key === 'Enter' || key.key === 'Tab') {
      const burst = inRun && this.isBurst() ? this.keys : null;
      this.keys = [];
      if (!burst) return null;
      const first = burst[0]!;
      return { text: burst.map((k) => k.key).join(''), terminator: key.key, target: first.target, valueBefore: first.valueBefore };
    }
    if (key.key.length !== 1) {
      this.keys = [];
      return null;
    }
    if (!inRun) this.keys = [];
    this.keys.push(key);
    if (this.keys.length > 200) this.keys.shift();
    return null;
  }

  private isBurst(): boolean {
    if (this.keys.length < this.rules.minLength) return false;
    let fast = 0;
    for (let i = 1; i < this.keys.length; i += 1) if (this.keys[i]!.at - this.keys[i - 1]!.at <= this.rules.maxGapMs) fast += 1;
    return fast >= (this.keys.length - 1) * this.rules.fastShare;
  }

  reset(): void {
    this.keys = [];
  }
}
