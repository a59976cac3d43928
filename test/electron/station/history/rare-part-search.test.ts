/**
 * A part of a number that is rare as a whole while each of its 4-character pieces is common (issue
 * 12: "76111899" on the million-label history). SQLite finds it by its 8-character pieces
 * (labels_long_pieces), kept by triggers as the station writes labels and filled by the migration
 * for a history from before it.
 */
import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/station/history/database';
import type { HistoryStore } from '../../../../electron/station/history/history-store';
import { migrations } from '../../../../electron/station/history/migrations';
import { HistorySearchInput, type HistoryFilters } from '../../../../shared/domain/history-search';
import { explainedStore } from '../../../support/explained-store';
import { newLabel } from '../../../support/new-label';
import { sqliteMadeBy } from '../../../support/sqlite-made-by';
import { makeTempDir } from '../../../support/temp-dir';

const RARE = '12345678';
/** Labels that hold every 4-character piece of RARE ("1234567" and "2345678" apart) but not RARE: more than the 1,000 pieces' labels tested. */
const DECOYS = 1100;

interface Written {
  id: string;
  operator: string;
  holds: boolean;
  bought: boolean;
}

/**
 * The decoys, then four labels that hold RARE, one second apart (the newest last): two in a tracking
 * number (written when the label is bought), two in the order ID (written by the insert), one of them
 * never bought.
 */
async function writeLabels(store: HistoryStore): Promise<Written[]> {
  const written: Written[] = [];
  const write = async (orderId: string, tracking: string | null, operator: string, holds: boolean) => {
    const label = newLabel(orderId, `id-${orderId}`, operator);
    await store.insertBuying(label);
    if (tracking !== null)
      await store.markBought(label.id, {
        providerLabelId: `p-${orderId}`,
        trackingNumbers: [tracking],
        cost: null,
        labelUrl: 'sandbox://x',
      });
    written.push({ id: label.id, operator, holds, bought: tracking !== null });
  };
  for (let n = 0; n < DECOYS; n++) {
    const no = String(n).padStart(6, '0');
    await write(`57690${no}0000000`, `LS${no}A1234567B2345678C`, 'Ana', false);
  }
  await write(`576${RARE}0000001`, 'LS900001A1234567C', 'Ben', true);
  await write('576900000000000002', `LS900002A${RARE}C`, 'Ana', true);
  await write('576900000000000003', `LS900003A${RARE}C`, 'Ben', true);
  await write(`576${RARE}0000004`, null, 'Ana', true);
  return written;
}

/** A store on `raw` whose clock moves a second at each label it writes, and every FTS5 table its statements read. */
function watchedStore(raw: Database.Database): { store: HistoryStore; read: Set<string> } {
  let clock = Date.parse('2026-11-02T08:00:00.000Z');
  const { store, steps } = explainedStore(raw, () => new Date((clock += 1000)));
  const read = new Set<string>();
  steps.on = ({ detail }) => {
    const table = /^SCAN (\w+) VIRTUAL TABLE/.exec(detail)?.[1];
    if (table) read.add(table);
  };
  return { store, read };
}

/** The labels holding RARE that pass `filters`, newest first (each written a second after the one before). */
function expected(written: Written[], filters: HistoryFilters = {}): string[] {
  return written
    .filter((w) => w.holds && (!filters.operator || w.operator === filters.operator) && (!filters.status || w.bought))
    .reverse()
    .map((w) => w.id);
}

async function searchRare(store: HistoryStore, filters: HistoryFilters = {}) {
  const page = await store.search(HistorySearchInput.parse({ query: RARE, filters }));
  return { ids: page.labels.map((l) => l.id), total: page.total, more: page.totalIsMore };
}

describe('History search on SQLite, for a part rare as a whole whose every 4-character piece is common', () => {
  it('finds its labels by their 8-character pieces, never through the trigram index, as the station writes them', async () => {
    const temp = makeTempDir();
    const raw = openDatabase(path.join(temp.dir, 'history.sqlite'));
    try {
      const { store, read } = watchedStore(raw);
      const written = await writeLabels(store);
      read.clear();

      expect(await searchRare(store)).toEqual({ ids: expected(written), total: 4, more: false });
      expect(await searchRare(store, { operator: 'Ben' })).toEqual({ ids: expected(written, { operator: 'Ben' }), total: 2, more: false });
      expect(await searchRare(store, { status: 'bought' })).toEqual({
        ids: expected(written, { status: 'bought' }),
        total: 3,
        more: false,
      });
      expect(await searchRare(store, { status: 'printed' })).toEqual({ ids: [], total: 0, more: false });
      expect(read.has('labels_long_pieces')).toBe(true);
      expect([...read].filter((table) => table === 'labels_search')).toEqual([]);

      // A part of a decoy's own pieces is still found among the decoys (its 8-character pieces are common).
      const common = await store.search(HistorySearchInput.parse({ query: '1234567B2345678' }));
      expect({ total: common.total, more: common.totalIsMore }).toEqual({ total: 1000, more: true });

      // A label taken out of the history is no longer found by its pieces.
      const [gone] = expected(written);
      raw.prepare('DELETE FROM labels WHERE id = ?').run(gone);
      expect(await searchRare(store)).toEqual({ ids: expected(written).slice(1), total: 3, more: false });
    } finally {
      raw.close();
      temp.remove();
    }
  }, 60_000);

  it('finds them in a history written before the 8-character pieces were kept, once the station has migrated it', async () => {
    const temp = makeTempDir();
    try {
      const file = path.join(temp.dir, 'history.sqlite');
      const before = migrations.slice(
        0,
        migrations.findIndex((m) => m.name.startsWith('a part rare as a whole')),
      );
      const old = sqliteMadeBy(file, before);
      const written = await writeLabels(watchedStore(old).store);
      old.close();

      const raw = openDatabase(file);
      try {
        expect(raw.prepare('SELECT count(*) AS n FROM labels').get()).toEqual({ n: DECOYS + 4 });
        const { store, read } = watchedStore(raw);
        expect(await searchRare(store)).toEqual({ ids: expected(written), total: 4, more: false });
        expect(read.has('labels_long_pieces')).toBe(true);
        expect(read.has('labels_search')).toBe(false);
      } finally {
        raw.close();
      }
    } finally {
      temp.remove();
    }
  }, 60_000);
});
