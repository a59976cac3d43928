import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchIdle } from '../../../renderer/operators/idle-watch';
import { looksLikeOrder } from '../../../renderer/operators/pending-scan';

afterEach(() => vi.useRealTimers());

describe('idle sign-out', () => {
  it('fires after the minutes without activity; a key or a click starts the wait again', () => {
    vi.useFakeTimers();
    const target = new EventTarget();
    const onIdle = vi.fn();
    const stop = watchIdle(target, 2, onIdle);
    vi.advanceTimersByTime(119_000);
    target.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(119_000);
    target.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(119_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    stop();
  });

  it('never fires when set to 0, nor after it is stopped', () => {
    vi.useFakeTimers();
    const onIdle = vi.fn();
    watchIdle(new EventTarget(), 0, onIdle);
    watchIdle(new EventTarget(), 1, onIdle)();
    vi.advanceTimersByTime(10 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
  });
});

describe('a scan at the sign-in screen', () => {
  it('is kept as an order when it looks like one, else tried as a badge', () => {
    expect(looksLikeOrder('576477431806268482')).toBe(true);
    expect(looksLikeOrder(' #1001 ')).toBe(true);
    expect(looksLikeOrder('EMP-4410')).toBe(false);
    expect(looksLikeOrder('12345')).toBe(false);
  });
});
