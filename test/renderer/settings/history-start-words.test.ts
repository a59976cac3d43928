import { describe, expect, it } from 'vitest';
import { historyGapsNow, historyStartWords } from '../../../renderer/settings/history-start-words';

const DAY = 86_400_000;
const now = new Date('2026-12-05T12:00:00Z');

describe('since when the history holds every purchase, as Settings says it', () => {
  it('says a fleet station has not heard from the warehouse database yet', () => {
    expect(historyStartWords(null)).toMatch(/not known yet.*warehouse database has not answered/i);
    expect(historyGapsNow(null, now)).toBeNull();
  });

  it('names the day a history younger than AfterShip’s 30-day search starts buying new orders without asking', () => {
    const since = new Date(now.getTime() - 10 * DAY).toISOString();
    const words = historyGapsNow(since, now)!;
    expect(words).toMatch(/until .* every purchase still asks AfterShip first/);
    expect(words).toContain(new Date(now.getTime() + 20 * DAY).toLocaleDateString([], { day: 'numeric', month: 'short', year: 'numeric' }));
  });

  it('says a history older than that already buys orders it has never seen without asking', () => {
    const since = new Date(now.getTime() - 31 * DAY).toISOString();
    expect(historyGapsNow(since, now)).toMatch(/orders it has never seen are bought without asking\.$/);
    expect(historyStartWords(since)).toContain(new Date(since).toLocaleDateString([], { day: 'numeric', month: 'short', year: 'numeric' }));
  });
});
