import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BurstDetector } from '../../../renderer/app/scanner-burst';

/** Feeds keys `gapMs` apart; returns what the detector said on the last one. */
function typeKeys(detector: BurstDetector<string>, keys: string[], gapMs: number, start = 0) {
  let answer = null;
  keys.forEach((key, i) => {
    answer = detector.key({ key, at: start + i * gapMs, target: 'field', valueBefore: 'before' });
  });
  return answer;
}

describe('telling a scanner from a person', () => {
  it('takes a fast burst ended by Enter or by Tab as a scan, with where its first key went', () => {
    const d = new BurstDetector<string>();
    expect(typeKeys(d, [...'576200000000000501', 'Enter'], 5)).toEqual({
      text: '576200000000000501',
      terminator: 'Enter',
      target: 'field',
      valueBefore: 'before',
    });
    expect(typeKeys(d, [...'#1001AB', 'Tab'], 8)).toMatchObject({ text: '#1001AB', terminator: 'Tab' });
  });

  it('never takes a person’s typing as a scan, however long', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.integer({ min: 80, max: 400 }), (text, gap) => {
        const d = new BurstDetector<string>();
        return typeKeys(d, [...[...text].filter((c) => c.length === 1), 'Enter'], gap) === null;
      }),
    );
  });

  it('ignores a burst too short to be a barcode, and one whose Enter came late', () => {
    const d = new BurstDetector<string>();
    expect(typeKeys(d, [...'12345', 'Enter'], 5)).toBeNull();
    const keys = [...'576200000000000501'];
    typeKeys(d, keys, 5);
    expect(d.key({ key: 'Enter', at: keys.length * 5 + 500, target: 'field', valueBefore: '' })).toBeNull();
    // A person's typing with one quick double key in it is not a scan either.
    expect(typeKeys(d, [...'abcdefgh', 'Enter'], 150)).toBeNull();
  });

  it('keeps a burst whole when a busy page delivered a few of its keys late', () => {
    const d = new BurstDetector<string>();
    const times = [0, 120, 240, 245, 250, 255, 260, 265, 270, 275, 280, 285, 290, 295, 300, 305, 310, 315];
    const keys = [...'576400000000001001'];
    keys.forEach((key, i) => d.key({ key, at: times[i]!, target: 'search', valueBefore: i === 0 ? '' : 'x' }));
    expect(d.key({ key: 'Enter', at: 320, target: 'search', valueBefore: 'x' })).toMatchObject({
      text: '576400000000001001',
      valueBefore: '',
    });
  });

    it('starts a new burst after a pause: a person’s keys before the scan are not part of it', () => {
    const d = new BurstDetector<string>();
    typeKeys(d, [...'abc'], 200);
    const burst = typeKeys(d, [...'576200000000000502', 'Enter'], 5, 2000);
    expect(burst).toMatchObject({ text: '576200000000000502' });
  });
});
