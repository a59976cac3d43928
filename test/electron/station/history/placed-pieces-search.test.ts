/**
 * SQLite finds a part of letters and digits longer than a piece where its 8-character pieces lie one
 * after another in labels_long_pieces (a phrase of them): exact from the index alone, so no label
 * is tested for it and its total is the phrase's count. A label that holds each piece, but not
 * one after another, must not be found: its pieces end one field and begin the next.
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
import { seedSqlite } from '../../../support/history-seed';
import { sqliteMadeBy } from '../../../support/sqlite-made-by';
import { moveWhileSearching } from '../../../support/moved-while-searching';
import { makeTempDir } from '../../../support/temp-dir';

const PART = '2468013579';
const PLACED = migrations.findIndex((m) => m.name === 'a part is found where its 8-character pieces lie one after another (SQLite)');

/** A clock that moves a second at each label written, so the newest is the last written. */
function ticking(from = '2026-11-02T08:00:00.000Z'): () => Date {
  let clock = Date.parse(from);
  return () => new Date((clock += 1000));
}

/**
 * 1,200 labels: every tenth holds PART in a tracking number, every twentieth (between them) is a
 * decoy that ends its order ID with PART's first piece ("24680135") and has a tracking number of the
 * two others ("4680135790"), so it holds every piece of PART but not PART; the others hold none of
 * its pieces. The holders, newest first.
 */
async function writeHistory(store: HistoryStore): Promise<string[]> {
  const holding: string[] = [];
  for (let n = 0; n < 1200; n++) {
    const no = String(n).padStart(6, '0');
    const [orderId, tracking] =
      n % 10 === 3
        ? [`57695${no}0000000`, `LS${no}X${PART}Y`]
        : n % 20 === 8
          ? [`576950${no}24680135`, '4680135790']
          : [`57695${no}0000000`, `LS${no}X1357913579Y`];
    const id = await writeBought(store, newLabel(orderId, `w-${no}`, 'Ana'), [tracking], `p-${no}`);
    if (n % 10 === 3) holding.push(id);
  }
  return holding.reverse();
}

/** A store on `raw` that notes which table each statement testing labels by key read, and how many keys each page was ordered from. */
function watched(raw: Database.Database) {
  // A day after the history was written: what it adds is the newest.
  const { store, steps } = explainedStore(raw, ticking('2026-11-03T08:00:00.000Z'));
  const testedIn: string[] = [];
  const pagedFrom: number[] = [];
  const scanned: string[] = [];
  const seen = new Set<string>();
  steps.on = ({ sql, detail, params }) => {
    const table = /^SCAN (\w+) VIRTUAL TABLE/.exec(detail)?.[1];
    if (table) scanned.push(table);
    const once = `${sql}${JSON.stringify(params)}`;
    if (seen.has(once)) return;
    seen.add(once);
    if (/LIKE/.test(sql) && /json_each/.test(sql)) testedIn.push(/CROSS JOIN (\w+) AS l/.exec(sql)?.[1] ?? sql);
    // The page's statement: the keys it orders are its first value.
    const keys = (Array.isArray(params[0]) ? params[0] : params)[0];
    if (/^\s*SELECT l\.id, l\.created_at/.test(sql) && /json_each/.test(sql))
      pagedFrom.push((JSON.parse(String(keys)) as unknown[]).length);
  };
  return {
    store,
    steps,
    testedIn,
    pagedFrom,
    scanned,
    clear: () => [testedIn, pagedFrom, scanned].forEach((list) => (list.length = 0)),
  };
}

describe('History search on SQLite, for a part longer than a piece', () => {
  it('finds it where its pieces lie one after another, testing no label, in a history written before their places were kept', async () => {
    expect(PLACED).toBeGreaterThan(0);
    const temp = makeTempDir();
    const file = path.join(temp.dir, 'history.sqlite');
    try {
      const old = sqliteMadeBy(file, migrations.slice(0, PLACED));
      const holding = await writeHistory(new HistoryStore(sqliteHistory(old), ticking()));
      old.close();

      const raw = openDatabase(file);
      try {
        const { store, steps, testedIn, pagedFrom, scanned, clear } = watched(raw);
        const page = await store.search(HistorySearchInput.parse({ query: PART, limit: 50 }));
        expect(page.labels.map((l) => l.id)).toEqual(holding.slice(0, 50));
        expect({ total: page.total, more: page.totalIsMore }).toEqual({ total: 120, more: false });
        expect(scanned).toContain('labels_long_pieces');
        expect(scanned).not.toContain('labels_search');
        expect(testedIn).toEqual([]);
        // The first page is ordered from the newest keys alone, not from all 120.
        expect(pagedFrom).toEqual([51]);

        // Later pages follow on, to the end.
        clear();
        const next = await store.search(HistorySearchInput.parse({ query: PART, limit: 50, cursor: page.nextCursor }));
        const last = await store.search(HistorySearchInput.parse({ query: PART, limit: 50, cursor: next.nextCursor }));
        expect([...next.labels, ...last.labels].map((l) => l.id)).toEqual(holding.slice(50));
        expect(last.nextCursor).toBeNull();
        expect(testedIn).toEqual([]);

        // A copy from the fleet, added last with a time between the 10th and 11th newest holders: its
        // key is the highest, so it is listed out of order, and the first page has it in its place.
        const model = (await store.get(holding[0]!))!;
        const between = new Date(Date.parse((await store.get(holding[10]!))!.createdAt) + 500).toISOString();
        await store.importLabel({
          ...model,
          id: 'copy-between',
          orderId: '576950000000777777',
          reference: 'ls-copy-between',
          createdAt: between,
          updatedAt: between,
          trackingNumbers: [`CP${PART}Z`],
        });
        clear();
        const withCopy = await store.search(HistorySearchInput.parse({ query: PART, limit: 50 }));
        expect(withCopy.labels.map((l) => l.id)).toEqual([...holding.slice(0, 10), 'copy-between', ...holding.slice(10, 49)]);
        expect(withCopy.total).toBe(121);
        expect(testedIn).toEqual([]);

        // Labels written after the migration: a holder is found first, a decoy never.
        const holder = newLabel('576959999990000000', 'holder-after', 'Ben');
        await writeBought(store, holder, [`ZZ${PART}Q`], 'p-a');
        const decoy = newLabel('57695999999924680135', 'decoy-after', 'Ben');
        await writeBought(store, decoy, ['4680135790'], 'p-d');
        clear();
        const again = await store.search(HistorySearchInput.parse({ query: PART, limit: 50 }));
        expect(again.labels.map((l) => l.id)).toEqual([holder.id, ...holding.slice(0, 10), 'copy-between', ...holding.slice(10, 48)]);
        expect(again.total).toBe(122);
        // Within one field too: the same label's order ID changed to end with the first piece and go on.
        raw.prepare('UPDATE labels SET order_id = ? WHERE id = ?').run(`57695${PART}`, decoy.id);
        const changed = await store.search(HistorySearchInput.parse({ query: PART, limit: 50 }));
        expect(changed.labels.map((l) => l.id).slice(0, 2)).toEqual([decoy.id, holder.id]);
        expect(changed.total).toBe(123);

        // The station sets the newest holder's time back while a search reads its first page (after
        // the search read the labels listed out of order): that page has it in its new place.
        const order = changed.labels.map((l) => l.id);
        const back = new Date(Date.parse((await store.get(holding[20]!))!.createdAt) - 250).toISOString();
        moveWhileSearching(raw, steps, decoy.id, back);
        const during = await store.search(HistorySearchInput.parse({ query: PART, limit: 50 }));
        const moved = [...order.slice(1, order.indexOf(holding[20]!) + 1), decoy.id, ...order.slice(order.indexOf(holding[20]!) + 1)];
        expect(during.labels.map((l) => l.id)).toEqual(moved.slice(0, 50));
        expect(during.total).toBe(123);
      } finally {
        raw.close();
      }
    } finally {
      temp.remove();
    }
  }, 60_000);

  it('is found the same way in the history the bench seeds: keys in time order, pieces with their places', async () => {
    const temp = makeTempDir();
    const raw = openDatabase(path.join(temp.dir, 'history.sqlite'));
    try {
      seedSqlite(raw, 3000);
      // The seed's labels are added in time order: none is listed out of order, as the station would list none.
      expect(raw.prepare('SELECT count(*) AS n FROM labels_out_of_order').get()).toEqual({ n: 0 });
      const { store, testedIn, pagedFrom } = watched(raw);
      const tracking = (
        JSON.parse((raw.prepare('SELECT tracking_numbers AS t FROM labels WHERE search_key = 2900').get() as { t: string }).t) as string[]
      )[0]!;
      const part = tracking.slice(-12, -2);
      const holding = raw
        .prepare<[{ p: string }], { id: string }>(
          'SELECT id FROM labels WHERE order_id LIKE @p OR tracking_numbers LIKE @p OR scanned LIKE @p OR operator LIKE @p ORDER BY created_at DESC, id DESC',
        )
        .all({ p: `%${part}%` })
        .map((row) => row.id);
      const page = await store.search(HistorySearchInput.parse({ query: part, limit: 50 }));
      expect(page.labels.map((l) => l.id)).toEqual(holding.slice(0, 50));
      expect(page.total).toBe(Math.min(holding.length, 1000));
      expect(testedIn).toEqual([]);
      expect(pagedFrom.every((keys) => keys <= 51)).toBe(true);
    } finally {
      raw.close();
      temp.remove();
    }
  }, 60_000);
});
