/** A fleet station looks at the shared database's indexes once a day, and says what it rebuilt. */
import { describe, expect, it } from 'vitest';
import { historyUpkeep, UPKEEP_EVERY_MS } from '../../../../electron/station/core/history-upkeep';
import type { UpkeepResult } from '../../../../electron/station/history';

const HOUR = 60 * 60_000;

function upkeepWith(answers: Array<UpkeepResult | Error>) {
  let at = Date.parse('2026-12-08T02:00:00Z');
  const lines: string[] = [];
  let runs = 0;
  const upkeep = historyUpkeep(
    async () => {
      const answer = answers[Math.min(runs++, answers.length - 1)]!;
      if (answer instanceof Error) throw answer;
      return answer;
    },
    (line) => lines.push(line),
    () => new Date(at),
  );
  return { upkeep, lines, runs: () => runs, pass: (ms: number) => (at += ms) };
}

const REBUILT: UpkeepResult = {
  busy: false,
  leftoversDropped: ['labels_station_newest_ccnew'],
  indexes: [
    { index: 'labels_operator_newest', bytesBefore: 367 * 1_048_576, sparseness: 1.76, bytesAfter: 214 * 1_048_576 },
    { index: 'labels_station_newest', bytesBefore: 200 * 1_048_576, sparseness: 1.02, bytesAfter: null },
  ],
};

describe('the shared database’s upkeep, from a fleet station', () => {
  it('runs at the first housekeeping, says what it rebuilt and dropped, and not again within the day', async () => {
    const { upkeep, lines, runs, pass } = upkeepWith([REBUILT]);
    await upkeep.runIfDue();
    expect(lines).toEqual([
      'history: labels_station_newest_ccnew, left by a rebuild that stopped, dropped',
      'history: labels_operator_newest rebuilt, 367 -> 214 MB',
    ]);
    pass(23 * HOUR);
    await upkeep.runIfDue();
    expect(runs()).toBe(1);
    pass(UPKEEP_EVERY_MS - 23 * HOUR);
    await upkeep.runIfDue();
    expect(runs()).toBe(2);
  });

  it('tries again at the next hour when the database could not be reached, and says so', async () => {
    const { upkeep, lines, runs, pass } = upkeepWith([new Error('connect ECONNREFUSED 127.0.0.1:5432'), REBUILT]);
    await upkeep.runIfDue();
    expect(lines).toEqual([expect.stringMatching(/^history: the shared database's indexes not looked at this time \(.*ECONNREFUSED/)]);
    pass(HOUR);
    await upkeep.runIfDue();
    expect(runs()).toBe(2);
    expect(lines).toContain('history: labels_operator_newest rebuilt, 367 -> 214 MB');
  });

  it('counts a day another station was doing it as done, and says nothing', async () => {
    const { upkeep, lines, runs, pass } = upkeepWith([{ busy: true }]);
    await upkeep.runIfDue();
    pass(HOUR);
    await upkeep.runIfDue();
    expect(runs()).toBe(1);
    expect(lines).toEqual([]);
  });

  it('runs once when the housekeeping asks again while it is still running', async () => {
    const { upkeep, runs } = upkeepWith([REBUILT]);
    await Promise.all([upkeep.runIfDue(), upkeep.runIfDue()]);
    expect(runs()).toBe(1);
  });
});
