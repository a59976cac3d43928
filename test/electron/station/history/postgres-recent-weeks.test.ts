import { describe, expect, it } from 'vitest';
import { weeksAsked, type Histogram } from '../../../../electron/station/history/postgres-recent-weeks';
import { weekKey } from '../../../../electron/station/history/word-pieces';

const WEEK_MS = 7 * 86_400_000;
const START = Date.parse('2025-01-06T00:00:00.000Z');
/** A million labels added evenly over 100 weeks: ANALYZE's 101 bounds, a hundredth of the labels apart. */
const EVEN: Histogram = {
  bounds: Array.from({ length: 101 }, (_, n) => new Date(START + n * WEEK_MS).toISOString()),
  labels: 1_000_000,
};
const NOW = new Date(START + 100 * WEEK_MS + 3_600_000);

/** The share of the even history's labels in `weeks`. */
function shareIn(weeks: number[]): number {
  const asked = new Set(weeks);
  let inside = 0;
  for (let n = 0; n < 1000; n++) if (asked.has(weekKey(new Date(START + (n + 0.5) * (WEEK_MS / 10)).toISOString()))) inside++;
  return inside / 1000;
}

describe('the weeks a PostgreSQL search asks first for a part’s newest labels', () => {
  it('goes back far enough to hold three times the labels wanted, as the part’s share says, and not much further', () => {
    // A page of 50 (and one more) of a part in 0.2 % of the labels: 76,500 labels, 7.65 % of them.
    const page = weeksAsked(EVEN, 0.002, 51, null, NOW)!;
    expect(shareIn(page)).toBeGreaterThanOrEqual(0.0765);
    expect(shareIn(page)).toBeLessThan(0.0765 + 0.03);
    // A total to 1,001 of a part in 2 %: 15 % of them.
    const total = weeksAsked(EVEN, 0.02, 1001, null, NOW)!;
    expect(shareIn(total)).toBeGreaterThanOrEqual(0.15);
    expect(shareIn(total)).toBeLessThan(0.15 + 0.03);
  });

  it('asks every week (none listed) when they would be half the history or more, or nothing says how labels lie in time', () => {
    expect(weeksAsked(EVEN, 0.002, 1001, null, NOW)).toBeUndefined();
    expect(weeksAsked(EVEN, 0.0001, 51, null, NOW)).toBeUndefined();
    expect(weeksAsked({ bounds: [], labels: 0 }, 0.02, 51, null, NOW)).toBeUndefined();
  });

  it('goes back from a later page’s cursor, not from the newest label', () => {
    const cursor = { createdAt: EVEN.bounds[50]!, id: 'x' };
    const weeks = weeksAsked(EVEN, 0.002, 51, cursor, NOW)!;
    // Keys are the weeks' numbers negated: the oldest week asked has the greatest key.
    const oldest = -Math.max(...weeks);
    const weekNumber = (weeksAfterStart: number) => -weekKey(new Date(START + weeksAfterStart * WEEK_MS).toISOString());
    // 7.65 % of the labels before the cursor, which has half of them: from about week 42 of 100.
    expect(oldest).toBeGreaterThanOrEqual(weekNumber(38));
    expect(oldest).toBeLessThanOrEqual(weekNumber(42));
    expect(weeks).toContain(weekKey(cursor.createdAt));
    // Close to the oldest label, every week is read.
    expect(weeksAsked(EVEN, 0.002, 51, { createdAt: EVEN.bounds[10]!, id: 'x' }, NOW)).toBeUndefined();
  });

  it('reaches a year past the newest time known, so a label stamped ahead by a station’s clock is never passed over', () => {
    const later = new Date(NOW.getTime() + 30 * WEEK_MS);
    const weeks = weeksAsked(EVEN, 0.002, 51, null, later)!;
    expect(weeks).toContain(weekKey(new Date(later.getTime() + 50 * WEEK_MS).toISOString()));
    // One after another, none missing.
    const sorted = [...weeks].sort((a, b) => a - b);
    expect(sorted.at(-1)! - sorted[0]!).toBe(weeks.length - 1);
  });
});
