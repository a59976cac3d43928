/**
 * Counters kept per time slot in two rings: 60 one-minute slots (the last hour) and 96
 * quarter-hour slots (the last day, to the quarter hour). Each event lands in one slot of each
 * ring; a slot is cleared when its ring comes round to it again. Memory is the 156 slots, whatever
 * the number of events or how long the station runs.
 */

const MINUTE_MS = 60_000;
const QUARTER_MS = 15 * MINUTE_MS;
export const HOUR_SLOTS = 60;
export const DAY_SLOTS = 96;
export const HOUR_MS = HOUR_SLOTS * MINUTE_MS;
export const DAY_MS = DAY_SLOTS * QUARTER_MS;

class Ring<B> {
  private readonly slots: B[];
  /** Which slot number (time / width) each place holds; -1: never written. */
  private readonly numbers: number[];

  constructor(
    private readonly size: number,
    private readonly width: number,
    make: () => B,
    private readonly clear: (bucket: B) => void,
  ) {
    this.slots = Array.from({ length: size }, make);
    this.numbers = new Array<number>(size).fill(-1);
  }

  at(t: number): B {
    const n = Math.floor(t / this.width);
    const place = ((n % this.size) + this.size) % this.size;
    if (this.numbers[place] !== n) {
      this.clear(this.slots[place]!);
      this.numbers[place] = n;
    }
    return this.slots[place]!;
  }

  /** The slots of the last `size` slot numbers up to `t`. */
  recent(t: number): B[] {
    const newest = Math.floor(t / this.width);
    const out: B[] = [];
    for (let place = 0; place < this.size; place++) {
      const n = this.numbers[place]!;
      if (n > newest - this.size && n <= newest) out.push(this.slots[place]!);
    }
    return out;
  }

  get length(): number {
    return this.slots.length;
  }
}

export class TimeRings<B> {
  private readonly hour: Ring<B>;
  private readonly day: Ring<B>;

  constructor(make: () => B, clear: (bucket: B) => void) {
    this.hour = new Ring(HOUR_SLOTS, MINUTE_MS, make, clear);
    this.day = new Ring(DAY_SLOTS, QUARTER_MS, make, clear);
  }

  /** The two buckets an event at `t` counts in. */
  record(t: number, add: (bucket: B) => void): void {
    add(this.hour.at(t));
    add(this.day.at(t));
  }

  lastHour(t: number): B[] {
    return this.hour.recent(t);
  }

  lastDay(t: number): B[] {
    return this.day.recent(t);
  }

  /** How many buckets this holds (fixed). */
  get buckets(): number {
    return this.hour.length + this.day.length;
  }
}
