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
import { newLabel } from '../../../support/new-label';
import { sqliteMadeBy } from '../../../support/sqlite-made-by';
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

/** A label bought with a tracking number, scanned by a shop order number for every third. */
async function writeBought(store: HistoryStore, n: number): Promise<string> {
  const no = String(n).padStart(6, '0');
  const label = { ...newLabel(`57693${no}0000000`, `w-${no}`, n % 2 ? 'Ana' : 'Ben'), ...(n % 3 === 0 && { scanned: `#${3000 + n}` }) };
  await store.insertBuying(label);
  await store.markBought(label.id, {
    providerLabelId: `p-${no}`,
    trackingNumbers: [`LS${no}X24681357Y`],
    cost: null,
    labelUrl: 'sandbox://x',
  });
  return label.id;
}

describe('SQLite keeps each label’s searched fields by its search key', () => {
  it('holds every label of a history made by the schema before it, once the station has migrated it', async () => {
    expect(KEPT_BY_KEY).toBeGreaterThan(0);
    const temp = makeTempDir();
    const file = path.join(temp.dir, 'history.sqlite');
    try {
      const old = sqliteMadeBy(file, migrations.slice(0, KEPT_BY_KEY));
      const before = new HistoryStore(sqliteHistory(old));
      for (let n = 0; n < 40; n++) await writeBought(before, n);
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
      for (let n = 0; n < 5; n++) ids.push(await writeBought(store, n));
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
});
