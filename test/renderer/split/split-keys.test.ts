import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BURST_GAP_MS, STALE_SCAN_MS, SplitKeyReader, type SplitCommand } from '../../../renderer/split/split-keys';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; altKey: boolean; metaKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});

let commands: SplitCommand[];
let reader: SplitKeyReader;

beforeEach(() => {
  vi.useFakeTimers();
  commands = [];
  reader = new SplitKeyReader((c) => commands.push(c));
});
afterEach(() => {
  reader.dispose();
  vi.useRealTimers();
});

/** A scanner: keys 4 ms apart, then Enter. */
function scanBurst(text: string) {
  for (const ch of text) {
    reader.key(key(ch));
    vi.advanceTimersByTime(4);
  }
  reader.key(key('Enter'));
}

describe('a person pressing keys', () => {
  it('a digit moves that many units, + and - one, once the burst gap has passed', () => {
    reader.key(key('3'));
    expect(commands).toEqual([]);
    vi.advanceTimersByTime(BURST_GAP_MS + 1);
    reader.key(key('+'));
    vi.advanceTimersByTime(BURST_GAP_MS + 1);
    reader.key(key('-'));
    vi.advanceTimersByTime(BURST_GAP_MS + 1);
    expect(commands).toEqual([{ kind: 'units', count: 3 }, { kind: 'plus' }, { kind: 'minus' }]);
  });

  it('a waiting digit runs before the arrow that follows it', () => {
    reader.key(key('2'));
    reader.key(key('ArrowRight'));
    expect(commands).toEqual([
      { kind: 'units', count: 2 },
      { kind: 'box', delta: 1 },
    ]);
  });

  it('arrows, Ctrl+arrows, Alt+digit, function keys and Escape', () => {
    for (const k of [
      key('ArrowDown'),
      key('ArrowLeft', { ctrlKey: true }),
      key('2', { altKey: true }),
      key('F7'),
      key('Delete'),
      key('Enter', { ctrlKey: true }),
      key('Escape'),
    ])
      reader.key(k);
    expect(commands).toEqual([
      { kind: 'select', delta: 1 },
      { kind: 'move-box', delta: -1 },
      { kind: 'preset', index: 1 },
      { kind: 'add-box' },
      { kind: 'remove-box' },
      { kind: 'buy' },
      { kind: 'back' },
    ]);
  });

  it('a letter starts a scan that Enter ends, also typed slowly by hand; other keys are not the splitter’s', () => {
    for (const k of ['c', 'a', 'p']) {
      reader.key(key(k));
      vi.advanceTimersByTime(200);
    }
    reader.key(key('Enter'));
    expect(commands).toEqual([{ kind: 'scan', text: 'cap' }]);
    expect(reader.key(key('Home'))).toBe(false);
  });
});

describe('the scanner', () => {
  it('a burst ending in Enter is one scan, its digits are not commands', () => {
    scanBurst('SKU-1234');
    vi.advanceTimersByTime(500);
    expect(commands).toEqual([{ kind: 'scan', text: 'SKU-1234' }]);
  });

  it('an all-digit SKU is a scan too', () => {
    scanBurst('0123456789');
    expect(commands).toEqual([{ kind: 'scan', text: '0123456789' }]);
  });

  it('a burst that never ends is dropped, and the next key is a command again', () => {
    reader.key(key('A'));
    vi.advanceTimersByTime(4);
    reader.key(key('B'));
    vi.advanceTimersByTime(STALE_SCAN_MS);
    reader.key(key('Enter'));
    reader.key(key('1'));
    vi.advanceTimersByTime(BURST_GAP_MS + 1);
    expect(commands).toEqual([{ kind: 'units', count: 1 }]);
  });
});
