/**
 * A station upgraded over a history whose labels kept no print count fills their counts in by
 * itself, soon after it starts, while it works: History then reads them from the labels.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { seedAttempts, seedLabel, seedSqlite } from '../../../support/history-seed';
import { startStation, type Harness } from '../../../support/station-harness';
import { until } from '../../../support/until';

const SEEDED = 120;
let station: Harness | undefined;
afterEach(async () => {
  await station?.close();
  station = undefined;
});

describe('print counts of labels from before they were kept', () => {
  it('are filled in by the running station, each equal to the attempts that printed', async () => {
    station = await startStation({});
    await station.core.close();
    const file = path.join(station.dataDir, 'history.sqlite');
    const older = new Database(file);
    seedSqlite(older, SEEDED);
    older.prepare('UPDATE labels SET prints = NULL').run(); // as an older station left them
    older.close();

    await station.restart();
    const reading = new Database(file, { readonly: true });
    try {
      const unknown = () => (reading.prepare('SELECT count(*) AS n FROM labels WHERE prints IS NULL').get() as { n: number }).n;
      await until(() => unknown() === 0, 'the counts to be filled in');
      const kept = reading.prepare('SELECT id, prints FROM labels').all() as Array<{ id: string; prints: number }>;
      expect(Object.fromEntries(kept.map((r) => [r.id, r.prints]))).toEqual(
        Object.fromEntries(Array.from({ length: SEEDED }, (_, i) => [seedLabel(i).id, seedAttempts(i, seedLabel(i))])),
      );
    } finally {
      reading.close();
    }
    // The run that filled the last ones says so once it has looked that none is left.
    await until(() => station!.logs.some((line) => line.includes(`print counts of ${SEEDED} label(s)`)), 'the log to say so');
  });
});
