/**
 * Labels of a batch are bought several at a time but printed in list order: an entry's print waits
 * until every earlier entry has printed or ended without a print.
 */
export class PrintTurns {
  private readonly through = new Set<number>();
  private frontier = 1;
  private readonly waiting = new Map<number, () => void>();

  /** `done`: positions already settled before this run (they print nothing now). */
  constructor(done: Iterable<number>) {
    for (const position of done) this.through.add(position);
    this.advance();
  }

  /** Resolves when every entry before `position` is through. */
  turn(position: number): Promise<void> {
    if (position <= this.frontier) return Promise.resolve();
    return new Promise((resolve) => this.waiting.set(position, resolve));
  }

  /** The entry printed, or ended without printing. */
  pass(position: number): void {
    this.through.add(position);
    this.advance();
  }

  private advance(): void {
    while (this.through.has(this.frontier)) this.frontier += 1;
    for (const [position, resolve] of this.waiting) {
      if (position <= this.frontier) {
        this.waiting.delete(position);
        resolve();
      }
    }
  }
}
