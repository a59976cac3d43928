/** Labels bought but never printed, as the Scan screen lists them and says what a Print came to. */
import { describe, expect, it } from 'vitest';
import {
  boughtWhereWhen,
  isPrintOldestKey,
  oldestFirst,
  printedLine,
  refusedLine,
  unprintedHeadline,
} from '../../../renderer/scan/unprinted-words';
import { labelRecord } from '../label-record';

const key = (key: string, mods: Partial<Record<'repeat' | 'ctrlKey' | 'altKey' | 'metaKey' | 'shiftKey', boolean>> = {}) => ({
  key,
  repeat: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe('the print key', () => {
  it('is F8 alone: nothing a keyboard-wedge scanner types, and not a key held down', () => {
    expect(isPrintOldestKey(key('F8'))).toBe(true);
    for (const typed of ['8', 'p', 'P', 'Enter', 'F1', 'F2', 'F3']) expect(isPrintOldestKey(key(typed))).toBe(false);
    expect(isPrintOldestKey(key('F8', { repeat: true }))).toBe(false);
    expect(isPrintOldestKey(key('F8', { ctrlKey: true }))).toBe(false);
    expect(isPrintOldestKey(key('F8', { altKey: true }))).toBe(false);
  });

  it('prints the oldest: the list is shown oldest first, whatever order it came in', () => {
    const newer = labelRecord({ id: 'b', createdAt: '2026-12-04T14:40:00.000Z' });
    const older = labelRecord({ id: 'a', createdAt: '2026-12-04T09:05:00.000Z' });
    expect(oldestFirst([newer, older]).map((l) => l.id)).toEqual(['a', 'b']);
    expect(oldestFirst([])).toEqual([]);
  });
});

describe('words', () => {
  it('counts the labels and says where and when each was bought', () => {
    expect(unprintedHeadline(1)).toBe('1 label bought, not printed');
    expect(unprintedHeadline(4)).toBe('4 labels bought, not printed');
    expect(boughtWhereWhen(labelRecord({ station: 'Packing 2' }), '14:02')).toBe('Bought 14:02 at Packing 2');
    expect(boughtWhereWhen(labelRecord({ station: '' }), '14:02')).toBe('Bought 14:02');
  });

  it('a Print names its order (its row is gone): sent, waiting for the printer, or not printed and why', () => {
    expect(printedLine('577100000000000101', { ok: true, printer: 'tcp://10.0.0.5:9100', bytes: 1200 })).toEqual({
      tone: 'good',
      headline: '✓ Sent to the printer: put it on the parcel',
      orderId: '577100000000000101',
    });
    const paperOut = { code: 'label_waiting_for_printer' as const, message: 'The printer is out of labels.', nextStep: 'Load a roll.' };
    expect(
      printedLine('577100000000000101', {
        ok: false,
        printer: 'tcp://10.0.0.5:9100',
        bytes: 0,
        queued: { printJobId: 3 },
        problem: paperOut,
      }),
    ).toEqual({
      tone: 'warn',
      headline: 'Waiting for the printer: it prints by itself once the printer is ready',
      orderId: '577100000000000101',
      problem: paperOut,
    });
    const failed = printedLine('577100000000000101', { ok: false, printer: 'tcp://10.0.0.5:9100', bytes: 0 });
    expect(failed).toMatchObject({ tone: 'bad', headline: 'NOT printed', orderId: '577100000000000101' });
    expect(failed.problem?.message).toBe('The printer tcp://10.0.0.5:9100 did not print.');
  });

  it('a refused Print says why: already printed elsewhere is a note, anything else a problem', () => {
    const already = { code: 'already_printed' as const, message: 'Already sent to a printer.', nextStep: 'Use Reprint in History.' };
    expect(refusedLine('577100000000000101', already)).toEqual({
      tone: 'warn',
      headline: 'Not printed now',
      orderId: '577100000000000101',
      problem: already,
    });
    const busy = { code: 'order_busy' as const, message: 'Being labelled right now.', nextStep: 'Wait for it to finish.' };
    expect(refusedLine('577100000000000101', busy).tone).toBe('bad');
  });
});
