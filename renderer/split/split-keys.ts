/**
 * The splitter's keys, told apart from the scanner's bursts. A scanner types a SKU as a burst
 * (keys a few ms apart) ending in Enter; a person presses one key. So a digit, + or - waits
 * BURST_GAP_MS: another key that soon makes it part of a scan, otherwise it is a command. Any other
 * printable key starts a scan (a SKU typed by hand works too), ended by Enter, dropped when no key
 * follows for a second. Other keys are commands at once (after a waiting single key, so the order is kept).
 */

export type SplitCommand =
  | { kind: 'select'; delta: -1 | 1 }
  | { kind: 'box'; delta: -1 | 1 }
  | { kind: 'move-box'; delta: -1 | 1 }
  | { kind: 'units'; count: number }
  | { kind: 'plus' }
  | { kind: 'minus' }
  | { kind: 'preset'; index: number }
  | { kind: 'add-box' }
  | { kind: 'remove-box' }
  | { kind: 'suggest' }
  | { kind: 'buy' }
  | { kind: 'order-field' }
  | { kind: 'back' }
  | { kind: 'scan'; text: string };

/** The keys, as shown on the screen's buttons and key list. */
export const SPLIT_KEYS = {
  orderField: 'F4',
  addBox: 'F7',
  suggest: 'F8',
  buy: 'F9',
  removeBox: 'Del',
  back: 'Esc',
  preset: (index: number) => `Alt+${index + 1}`,
} as const;

export const BURST_GAP_MS = 50;
/** A scan that never ended in Enter (or Tab) is dropped once no key came for this long. */
export const STALE_SCAN_MS = 1000;

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

export interface Clock {
  later(run: () => void, ms: number): () => void;
}

const realClock: Clock = {
  later(run, ms) {
    const timer = setTimeout(run, ms);
    return () => clearTimeout(timer);
  },
};

/** Keys that are commands wherever the focus is, also in a typed field. */
export function globalCommand(e: KeyInput): SplitCommand | null {
  if (e.key === 'F4') return { kind: 'order-field' };
  if (e.key === 'F7') return { kind: 'add-box' };
  if (e.key === 'F8') return { kind: 'suggest' };
  if (e.key === 'F9' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) return { kind: 'buy' };
  if (e.altKey && /^[1-9]$/.test(e.key)) return { kind: 'preset', index: Number(e.key) - 1 };
  return null;
}

function namedCommand(e: KeyInput): SplitCommand | null {
  const global = globalCommand(e);
  if (global) return global;
  const delta = e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 1;
  if (e.key === 'ArrowUp' || e.key === 'ArrowDown') return { kind: 'select', delta };
  if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') return e.ctrlKey ? { kind: 'move-box', delta } : { kind: 'box', delta };
  if (e.key === 'Delete') return { kind: 'remove-box' };
  if (e.key === 'Escape') return { kind: 'back' };
  return null;
}

function singleKeyCommand(key: string): SplitCommand | null {
  if (/^[1-9]$/.test(key)) return { kind: 'units', count: Number(key) };
  if (key === '+' || key === '=') return { kind: 'plus' };
  if (key === '-') return { kind: 'minus' };
  return null;
}

export class SplitKeyReader {
  private buffer = '';
  private cancelTimer: (() => void) | null = null;

  constructor(
    private readonly run: (command: SplitCommand) => void,
    private readonly clock: Clock = realClock,
  ) {}

  /** Returns true when the key was the splitter's (the caller prevents its default). */
  key(e: KeyInput): boolean {
    const printable = e.key.length === 1 && !e.ctrlKey && !e.altKey && !e.metaKey;
    if (printable) {
      this.buffer += e.key;
      this.wait(BURST_GAP_MS, () => this.gapPassed());
      return true;
    }
    if ((e.key === 'Enter' || e.key === 'Tab') && !e.ctrlKey && !e.metaKey && this.buffer !== '') {
      const text = this.buffer;
      this.reset();
      this.run(text.length === 1 && singleKeyCommand(text) ? singleKeyCommand(text)! : { kind: 'scan', text });
      return true;
    }
    const command = namedCommand(e);
    if (!command) return false;
    this.flushSingle();
    this.run(command);
    return true;
  }

  dispose(): void {
    this.reset();
  }

  private gapPassed(): void {
    if (this.buffer.length === 1 && singleKeyCommand(this.buffer)) this.flushSingle();
    // Part of a scan: wait for its Enter, but not for ever.
    else this.wait(STALE_SCAN_MS - BURST_GAP_MS, () => this.reset());
  }

  private flushSingle(): void {
    if (this.buffer.length !== 1) return;
    const command = singleKeyCommand(this.buffer);
    this.reset();
    if (command) this.run(command);
  }

  private wait(ms: number, then: () => void): void {
    this.cancelTimer?.();
    this.cancelTimer = this.clock.later(then, ms);
  }

  private reset(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    this.buffer = '';
  }
}
