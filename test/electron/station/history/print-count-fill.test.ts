/**
 * Labels an older station bought (no kept print count) get their count filled in, newest first and
 * a batch at a time, equal to the attempts that printed; a print recorded meanwhile is counted once.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fillPrintCounts, HistoryStore, openDatabase, sqliteHistory, type StationDatabase } from '../../../../electron/station/history';
import { migrations } from '../../../../electron/station/history/migrations';
import { HistorySearchInput } from '../../../../shared/domain/history-search';
import { seedAttempts, seedLabel, seedSqlite } from '../../../support/history-seed';
import { sqliteMadeBy } from '../../../support/sqlite-made-by';
import { makeTempDir } from '../../../support/temp-dir';

const BEFORE = migrations.slice(
  0,
  migrations.findIndex((m) => m.name === 'a label keeps its print count'),
);
const SEEDED = 200;
const temps: Array<{ remove(): void }> = [];
const opened: StationDatabase[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  for (const t of temps.splice(0)) t.remove();
});

/** A history an older station made (SEEDED labels and their attempts), opened by today's station. */
function olderHistory(): StationDatabase {
  const temp = makeTempDir();
  temps.push(temp);
  const file = path.join(temp.dir, 'history.sqlite');
  const old = sqliteMadeBy(file, BEFORE);
  seedSqlite(old, SEEDED);
  old.close();
  const db = openDatabase(file);
  opened.push(db);
  return db;
}

const kept = (db: StationDatabase) =>
  Object.fromEntries(
    (db.prepare('SELECT id, prints FROM labels').all() as Array<{ id: string; prints: number | null }>).map((r) => [r.id, r.prints]),
  );
const expected = () => Object.fromEntries(Array.from({ length: SEEDED }, (_, i) => [seedLabel(i).id, seedAttempts(i, seedLabel(i))]));

describe('filling in the print counts of labels from before they were kept', () => {
  it('fills the newest first, a run at a time, each count equal to the attempts that printed', async () => {
    const db = olderHistory();
    expect(Object.values(kept(db)).every((n) => n === null)).toBe(true);

    const first = await fillPrintCounts(db, { batch: 30, most: 80 });
    expect(first).toEqual({ filled: 80, more: true });
    const newest = (db.prepare('SELECT id FROM labels ORDER BY search_key DESC LIMIT 80').all() as Array<{ id: string }>).map((r) => r.id);
    const filledNow = Object.entries(kept(db)).filter(([, n]) => n !== null);
    expect(filledNow.map(([id]) => id).sort()).toEqual([...newest].sort());

    expect(await fillPrintCounts(db, { batch: 40 })).toEqual({ filled: SEEDED - 80, more: false });
    expect(kept(db)).toEqual(expected());
    expect(await fillPrintCounts(db)).toEqual({ filled: 0, more: false });
    // History shows the same counts as before, now read from the labels.
    const page = await new HistoryStore(sqliteHistory(db)).search(HistorySearchInput.parse({ limit: SEEDED }));
    expect(Object.fromEntries(page.labels.map((l) => [l.id, l.printCount]))).toEqual(expected());
  });

  it('counts a print recorded between runs once, whether its label was filled before or after it', async () => {
    const db = olderHistory();
    const store = new HistoryStore(sqliteHistory(db));
    await fillPrintCounts(db, { batch: 50, most: 50 });
    const oldest = seedLabel(0).id; // not filled yet
    const newest = (db.prepare('SELECT id FROM labels ORDER BY search_key DESC LIMIT 1').get() as { id: string }).id; // filled
    for (const labelId of [oldest, newest]) {
      await store.recordPrintAttempt({
        labelId,
        printer: 'tcp://10.0.0.11:9100',
        ok: true,
        reprint: true,
        bytes: 1200,
        error: null,
        operator: 'Ana',
        reason: 'Label torn',
      });
    }
    await fillPrintCounts(db);
    const counts = kept(db);
    const before = expected();
    expect(counts[oldest]).toBe(before[oldest]! + 1);
    expect(counts[newest]).toBe(before[newest]! + 1);
  });
});
