/**
 * SQLite keeps each label's searched fields by its search key (label_words), where a part's
 * candidates are tested (tested-candidates.ts): it must hold every label, as the label is, or a
 * search would miss a label or find one by its old tracking number.
 */
import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase, sqliteHistory } from '../../../../electron/station/history/database';
import { HistoryStore } from '../../../../electron/station/history/history-store';
import { migrations } from '../../../../electron/station/history/migrations';
import { HistorySearchInput } from '../../../../shared/domain/history-search';
import { explainedStore } from '../../../support/explained-store';
import { newLabel, writeBought } from '../../../support/new-label';
import { sqliteMadeBy } from '../../../support/sqlite-made-by';
import { moveWhileSearching } from '../../../support/moved-while-searching';
import { makeTempDir } from '../../../support/temp-dir';

const KEPT_BY_KEY = migrations.findIndex((m) => m.name === 'the searched fields are kept by search key (SQLite)');

/** label_words, and what it should hold: each keyed label's searched fields, by key. */
function both(raw: Database.Database): { kept: unknown[]; labels: unknown[] } {
  return {
    kept: raw.prepare('SELECT search_key, order_id, scanned, operator, tracking_numbers FROM label_words ORDER BY search_key').all(),
    labels: raw
      .prepare(
        'SELECT search_key, order_id, scanned, operator, tracking_numbers FROM labels WHERE search_key IS NOT NULL ORDER BY search_key',
      )
      .all(),
  };
}

/** The nth label, bought with a tracking number, scanned by a shop order number for every third. */
function writeNth(store: HistoryStore, n: number): Promise<string> {
  const no = String(n).padStart(6, '0');
  const label = { ...newLabel(`57693${no}0000000`, `w-${no}`, n % 2 ? 'Ana' : 'Ben'), ...(n % 3 === 0 && { scanned: `#${3000 + n}` }) };
  return writeBought(store, label, [`LS${no}X24681357Y`], `p-${no}`);
}

describe('SQLite keeps each label’s searched fields by its search key', () => {
  it('holds every label of a history made by the schema before it, once the station has migrated it', async () => {
    expect(KEPT_BY_KEY).toBeGreaterThan(0);
    const temp = makeTempDir();
    const file = path.join(temp.dir, 'history.sqlite');
    try {
      const old = sqliteMadeBy(file, migrations.slice(0, KEPT_BY_KEY));
      const before = new HistoryStore(sqliteHistory(old));
      for (let n = 0; n < 40; n++) await writeNth(before, n);
      await before.insertBuying(newLabel('576930000990000000', 'never-bought'));
      old.close();

      const raw = openDatabase(file);
      try {
        const { kept, labels } = both(raw);
        expect(labels).toHaveLength(41);
        expect(kept).toEqual(labels);
        const page = await new HistoryStore(sqliteHistory(raw)).search(HistorySearchInput.parse({ query: 'X24681357Y', limit: 30 }));
        // Found by testing the labels its pieces name, on label_words: a page of 30, and all 40 counted.
        expect({ page: page.labels.length, total: page.total }).toEqual({ page: 30, total: 40 });
      } finally {
        raw.close();
      }
    } finally {
      temp.remove();
    }
  });

  it('follows each label as the station writes it: added, bought, copied in from the fleet, its number scanned changed, deleted', async () => {
    const temp = makeTempDir();
    const raw = openDatabase(path.join(temp.dir, 'history.sqlite'));
    try {
      const store = new HistoryStore(sqliteHistory(raw));
      const claimed = newLabel('576930000000000777', 'claimed');
      await store.insertBuying(claimed);
      expect(both(raw).kept).toEqual([
        { search_key: 1, order_id: '576930000000000777', scanned: '', operator: 'Ana', tracking_numbers: '[]' },
      ]);

      const ids = [];
      for (let n = 0; n < 5; n++) ids.push(await writeNth(store, n));
      await store.markBought(claimed.id, {
        providerLabelId: 'p-777',
        trackingNumbers: ['LS777X1', 'LS777X2'],
        cost: null,
        labelUrl: 'sandbox://x',
      });
      const model = (await store.get(ids[0]!))!;
      await store.importLabel({
        ...model,
        id: 'copy-1',
        orderId: '576930000000000888',
        reference: 'ls-copy-1',
        trackingNumbers: ['LS888X1'],
      });
      raw.prepare("UPDATE labels SET scanned = '#9999' WHERE id = ?").run(ids[1]);
      raw.prepare('DELETE FROM labels WHERE id = ?').run(ids[2]);

      const { kept, labels } = both(raw);
      expect(labels).toHaveLength(6);
      expect(kept).toEqual(labels);
      expect(kept).toContainEqual(expect.objectContaining({ order_id: '576930000000000777', tracking_numbers: '["LS777X1","LS777X2"]' }));
      expect(kept).toContainEqual(expect.objectContaining({ order_id: '576930000000000888', tracking_numbers: '["LS888X1"]' }));
      expect(kept).toContainEqual(expect.objectContaining({ scanned: '#9999' }));
    } finally {
      raw.close();
      temp.remove();
    }
  });

  it('reads a first page of a part more labels hold than are read by key newest key first on it, copies added out of time order in their place', async () => {
    const temp = makeTempDir();
    const raw = openDatabase(path.join(temp.dir, 'history.sqlite'));
    try {
      let clock = Date.parse('2026-11-02T08:00:00.000Z');
      const { store, steps } = explainedStore(raw, () => new Date((clock += 1000)));
      const holding: { id: string; createdAt: string }[] = [];
      for (let n = 0; n < 2200; n++) {
        const no = String(n).padStart(6, '0');
        const tracking = n % 11 === 5 ? `LS${no}X` : `LS${no}7Q9X`;
        const id = await writeBought(store, newLabel(`57696${no}0000000`, `m-${no}`), [tracking], `p-${no}`);
        if (tracking.includes('7Q9')) holding.push({ id, createdAt: (await store.get(id))!.createdAt });
      }
      // Copies from the fleet, added last with older times (listed out of order): two among the newest 50, one far back.
      const model = (await store.get(holding[0]!.id))!;
      for (const [n, back] of [
        [1, 3.5],
        [2, 40.5],
        [3, 1500.5],
      ] as const) {
        const createdAt = new Date(clock - back * 1000).toISOString();
        await store.importLabel({
          ...model,
          id: `copy-${n}`,
          orderId: `5769699990${n}`,
          reference: `ls-copy-${n}`,
          createdAt,
          updatedAt: createdAt,
          trackingNumbers: [`CP${n}7Q9`],
        });
        holding.push({ id: `copy-${n}`, createdAt });
      }
      const newestFirst = [...holding].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id)).map((l) => l.id);

      const walks: string[] = [];
      steps.on = ({ sql }) => void (/ORDER BY l\.search_key DESC/.test(sql) && walks.push(/FROM (\w+) AS l/.exec(sql)?.[1] ?? sql));
      const page = await store.search(HistorySearchInput.parse({ query: '7q9', limit: 50 }));
      expect(page.labels.map((l) => l.id)).toEqual(newestFirst.slice(0, 50));
      expect(page.labels.map((l) => l.id)).toEqual(expect.arrayContaining(['copy-1', 'copy-2']));
      expect(page).toMatchObject({ total: 1000, totalIsMore: true });
      expect(new Set(walks)).toEqual(new Set(['label_words']));
      const next = await store.search(HistorySearchInput.parse({ query: '7q9', limit: 50, cursor: page.nextCursor }));
      expect(next.labels.map((l) => l.id)).toEqual(newestFirst.slice(50, 100));

      // The station sets the newest holder's time back while a search reads its first page (after
      // the search read the labels listed out of order): that page has it in its new place.
      const at = (id: string) => holding.find((l) => l.id === id)!.createdAt;
      const back = new Date(Date.parse(at(newestFirst[20]!)) - 250).toISOString();
      moveWhileSearching(raw, steps, newestFirst[0]!, back);
      const during = await store.search(HistorySearchInput.parse({ query: '7q9', limit: 50 }));
      const moved = [...newestFirst.slice(1, 21), newestFirst[0]!, ...newestFirst.slice(21)];
      expect(during.labels.map((l) => l.id)).toEqual(moved.slice(0, 50));
    } finally {
      raw.close();
      temp.remove();
    }
  }, 60_000);
});
