/**
 * A part of a number that is rare as a whole while each of its 4-character pieces is common (issue
 * 12: "76111899" on the million-label history): by its 8-character pieces, SQLite's labels_long_pieces
 * (kept by triggers) and PostgreSQL's labels_digit_pieces, both made by the migration for a history
 * from before them.
 */
import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Kysely, PostgresDialect } from 'kysely';
import { openDatabase, openFleetDatabase } from '../../../../electron/station/history/database';
import type { HistorySchema } from '../../../../electron/station/history/schema';
import { HistoryStore } from '../../../../electron/station/history/history-store';
import { migrations } from '../../../../electron/station/history/migrations';
import { HistorySearchInput, type HistoryFilters } from '../../../../shared/domain/history-search';
import { explainedPostgresPool, explainedStore } from '../../../support/explained-store';
import { newLabel, writeBought } from '../../../support/new-label';
import { freshPostgresDatabase } from '../../../support/postgres-database';
import { postgresMadeBy } from '../../../support/postgres-made-by';
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
    if (tracking === null) await store.insertBuying(label);
    else await writeBought(store, label, [tracking], `p-${orderId}`);
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

/** A clock that moves a second at each label written, so the newest is the last written. */
function ticking(): () => Date {
  let clock = Date.parse('2026-11-02T08:00:00.000Z');
  return () => new Date((clock += 1000));
}

/** A history on one database: its store, the plans of the statements it read since `plans.length = 0`. */
interface Watched {
  store: HistoryStore;
  plans: string[];
  analyze(): Promise<void>;
  remove(id: string): Promise<void>;
  close(): Promise<void>;
}

/** A SQLite store on `raw`; its plans are the FTS5 tables its statements scan ("labels_long_pieces"), its details every step. */
function watchedSqlite(raw: Database.Database): Watched & { details: string[]; testedIn: string[]; tested: () => number } {
  const { store, steps } = explainedStore(raw, ticking());
  const plans: string[] = [];
  const details: string[] = [];
  /** The table each statement that tests labels by key read them from. */
  const testedIn: string[] = [];
  steps.on = ({ sql, detail }) => {
    if (/LIKE/.test(sql) && /json_each/.test(sql)) testedIn.push(/CROSS JOIN (\w+) AS l/.exec(sql)?.[1] ?? sql);
    details.push(detail);
    const table = /^SCAN (\w+) VIRTUAL TABLE/.exec(detail)?.[1];
    if (table) plans.push(table);
  };
  // A label tested for the string has its order ID (the first field searched) asked LIKE: the
  // labels tested are the order IDs LIKE saw, whatever statement asked, and wherever it stopped.
  const testedIds = new Set<string>();
  raw.function('like', { varargs: true, deterministic: true }, (pattern: unknown, value: unknown, escape?: unknown) => {
    if (typeof value !== 'string' || typeof pattern !== 'string') return null;
    if (/^57691/.test(value)) testedIds.add(value);
    return likeTest(pattern, typeof escape === 'string' ? escape : undefined).test(value) ? 1 : 0;
  });
  return {
    store,
    plans,
    details,
    testedIn,
    tested: () => testedIds.size,
    analyze: async () => void raw.exec('ANALYZE'),
    remove: async (id) => void raw.prepare('DELETE FROM labels WHERE id = ?').run(id),
    close: async () => void raw.close(),
  };
}

/** SQLite's LIKE (ASCII letters in any case, % and _, an escape character) as a regular expression. */
function likeTest(pattern: string, escape: string | undefined): RegExp {
  const literal = (char: string) => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let source = '';
  for (let at = 0; at < pattern.length; at++) {
    const char = pattern[at]!;
    if (char === escape) source += literal(pattern[++at] ?? '');
    else if (char === '%') source += '[\\s\\S]*';
    else if (char === '_') source += '[\\s\\S]';
    else source += /[a-z]/i.test(char) ? `[${char.toLowerCase()}${char.toUpperCase()}]` : literal(char);
  }
  return new RegExp(`^${source}$`);
}

/** A PostgreSQL store on `url` (its schema as it is: no migration); its plans come from auto_explain. */
function watchedPostgres(url: string): Watched {
  const { pool, plans } = explainedPostgresPool(url);
  const db = new Kysely<HistorySchema>({ dialect: new PostgresDialect({ pool }) });
  return {
    store: new HistoryStore({ db, dialect: 'postgres' }, ticking()),
    plans,
    analyze: async () => void (await pool.query('ANALYZE labels')),
    remove: async (id) => void (await pool.query('DELETE FROM labels WHERE id = $1', [id])),
    close: () => pool.end(),
  };
}

/** The indexes a search must read for RARE, and those it must not (a trigram's or 4-character pieces' long lists, a walk of every label). */
const READS = {
  SQLite: { reads: /labels_long_pieces/, never: /labels_search/ },
  PostgreSQL: { reads: /labels_digit_pieces/, never: /labels_words|labels_pieces|labels_newest/ },
} as const;

/** A history made by the station's schema today, and one made by the schema before the 8-character pieces. */
const HISTORIES = {
  SQLite: {
    async today(): Promise<Watched> {
      const temp = makeTempDir();
      const watched = watchedSqlite(openDatabase(path.join(temp.dir, 'history.sqlite')));
      return { ...watched, close: async () => (await watched.close(), temp.remove()) };
    },
    async before(write: (store: HistoryStore) => Promise<Written[]>): Promise<{ written: Written[]; migrated: Watched }> {
      const temp = makeTempDir();
      const file = path.join(temp.dir, 'history.sqlite');
      const old = sqliteMadeBy(file, BEFORE);
      const written = await write(watchedSqlite(old).store);
      old.close();
      const migrated = watchedSqlite(openDatabase(file));
      return { written, migrated: { ...migrated, close: async () => (await migrated.close(), temp.remove()) } };
    },
  },
  PostgreSQL: {
    async today(): Promise<Watched> {
      const url = await freshPostgresDatabase('rare');
      await (await openFleetDatabase(url)).close();
      return watchedPostgres(url);
    },
    async before(write: (store: HistoryStore) => Promise<Written[]>): Promise<{ written: Written[]; migrated: Watched }> {
      const { url, client } = await postgresMadeBy(BEFORE, 'rare_before');
      await client.end();
      const old = watchedPostgres(url);
      const written = await write(old.store).finally(() => old.close());
      await (await openFleetDatabase(url)).close();
      return { written, migrated: watchedPostgres(url) };
    },
  },
};
const BEFORE = migrations.slice(
  0,
  migrations.findIndex((m) => m.name.startsWith('a part rare as a whole')),
);

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

describe.each(['SQLite', 'PostgreSQL'] as const)(
  'History search on %s, for a part rare as a whole whose every 4-character piece is common',
  (dialect) => {
    it('finds its labels by their 8-character pieces, never through the long lists of shorter ones, as the station writes them', async () => {
      const history = await HISTORIES[dialect].today();
      try {
        const { store, plans } = history;
        const written = await writeLabels(store);
        await history.analyze();
        plans.length = 0;

        expect(await searchRare(store)).toEqual({ ids: expected(written), total: 4, more: false });
        expect(await searchRare(store, { operator: 'Ben' })).toEqual({
          ids: expected(written, { operator: 'Ben' }),
          total: 2,
          more: false,
        });
        expect(await searchRare(store, { status: 'bought' })).toEqual({
          ids: expected(written, { status: 'bought' }),
          total: 3,
          more: false,
        });
        expect(await searchRare(store, { status: 'printed' })).toEqual({ ids: [], total: 0, more: false });
        expect(plans.some((plan) => READS[dialect].reads.test(plan))).toBe(true);
        expect(plans.filter((plan) => READS[dialect].never.test(plan))).toEqual([]);

        // A part of a decoy's own pieces is still found among the decoys (its 8-character pieces are common).
        const common = await store.search(HistorySearchInput.parse({ query: '1234567B2345678' }));
        expect({ total: common.total, more: common.totalIsMore }).toEqual({ total: 1000, more: true });

        // A label taken out of the history is no longer found by its pieces.
        const [gone] = expected(written);
        await history.remove(gone!);
        expect(await searchRare(store)).toEqual({ ids: expected(written).slice(1), total: 3, more: false });
      } finally {
        await history.close();
      }
    }, 60_000);

    it('finds them in a history written before the 8-character pieces were kept, once the station has migrated it', async () => {
      const { written, migrated } = await HISTORIES[dialect].before(writeLabels);
      try {
        await migrated.analyze();
        migrated.plans.length = 0;
        expect(await searchRare(migrated.store)).toEqual({ ids: expected(written), total: 4, more: false });
        expect(migrated.plans.some((plan) => READS[dialect].reads.test(plan))).toBe(true);
        expect(migrated.plans.filter((plan) => READS[dialect].never.test(plan))).toEqual([]);
      } finally {
        await migrated.close();
      }
    }, 60_000);
  },
);

describe('History search on SQLite, for a part in more labels than a page is tested from', () => {
  /** Labels holding both parts asked for below: more than a walk of the whole trigram index's matches would be kept for (2,000). */
  const HOLDING = 2500;

  /** 300 labels without the parts, then HOLDING labels with them in a tracking number, one second apart (the newest last). */
  async function writeCommon(store: HistoryStore): Promise<string[]> {
    const holding: string[] = [];
    for (let n = 0; n < 300 + HOLDING; n++) {
      const no = String(n).padStart(6, '0');
      const tracking = n < 300 ? `LS${no}X1111111111Y` : `LS${no}X9876543210Y`;
      const id = await writeBought(store, newLabel(`57691${no}0000000`, `c-${no}`, 'Ana'), [tracking], `p-${no}`);
      if (n >= 300) holding.push(id);
    }
    return holding.reverse();
  }

  it.each([
    // One whole piece: every label its list names holds it, so none is tested.
    ['one whole 8-character piece', '87654321', 0],
    // Tested newest first until the page is full, then only until the total passes 1,000: not all 2,500.
    ['10 characters, each 8 of them a common piece', '9876543210', 1001],
  ])(
    'finds %s by the labels its pieces name, ordered by key from one index, never by the trigram index',
    async (_shape, query, mostTested) => {
      const temp = makeTempDir();
      const { store, plans, details, testedIn, tested, close } = watchedSqlite(openDatabase(path.join(temp.dir, 'history.sqlite')));
      try {
        const holding = await writeCommon(store);
        plans.length = 0;
        details.length = 0;
        const page = await store.search(HistorySearchInput.parse({ query, limit: 50 }));
        expect(page.labels.map((l) => l.id)).toEqual(holding.slice(0, 50));
        expect({ total: page.total, more: page.totalIsMore }).toEqual({ total: 1000, more: true });
        expect(plans).toContain('labels_long_pieces');
        expect(plans.filter((table) => table === 'labels_search')).toEqual([]);
        // The page is ordered from the index that holds each key's time, not from 2,500 labels' rows.
        expect(details).toContain('SEARCH l USING COVERING INDEX labels_key_newest (search_key=?)');
        expect(tested()).toBeLessThanOrEqual(mostTested);
        // Tested on their searched fields alone (label_words), never on the labels' rows.
        expect(new Set(testedIn)).toEqual(new Set(mostTested ? ['label_words'] : []));
        // The next page follows on from the labels' keys too.
        const next = await store.search(HistorySearchInput.parse({ query, limit: 50, cursor: page.nextCursor }));
        expect(next.labels.map((l) => l.id)).toEqual(holding.slice(50, 100));
        expect(next).toMatchObject({ total: 1000, totalIsMore: true });

        // With a date filter that keeps the newest 600: an exact total, on every page asked with one.
        const from = (await store.get(holding[599]!))!.createdAt;
        testedIn.length = 0;
        const filtered = await store.search(HistorySearchInput.parse({ query, limit: 50, filters: { from } }));
        // A filter needs the labels' rows: those are read.
        expect(new Set(testedIn)).toEqual(new Set(mostTested ? ['labels'] : []));
        expect(filtered.labels.map((l) => l.id)).toEqual(holding.slice(0, 50));
        expect(filtered).toMatchObject({ total: 600, totalIsMore: false });
        const later = await store.search(HistorySearchInput.parse({ query, limit: 50, filters: { from }, cursor: filtered.nextCursor }));
        expect(later.labels.map((l) => l.id)).toEqual(holding.slice(50, 100));
        expect(later).toMatchObject({ total: 600, totalIsMore: false });
      } finally {
        await close();
        temp.remove();
      }
    },
    60_000,
  );

  it('places labels added with an older time (copies from the fleet) by their time, never passing over newer ones', async () => {
    const temp = makeTempDir();
    const file = path.join(temp.dir, 'history.sqlite');
    const { store, close } = watchedSqlite(openDatabase(file));
    try {
      // 200 labels with the part, written as a station writes them (each a second after the one before).
      const holding = (await writeCommon(store)).slice(0, 200);
      // 150 copies with the part and times a year older, added after them: they get the highest keys.
      const model = (await store.get(holding[0]!))!;
      const copies: string[] = [];
      for (let n = 0; n < 150; n++) {
        const no = String(n).padStart(6, '0');
        const createdAt = new Date(Date.parse(model.createdAt) - 365 * 86_400_000 + n * 1000).toISOString();
        const copy = {
          ...model,
          id: `copy-${no}`,
          orderId: `57692${no}0000000`,
          reference: `ls-copy-${no}`,
          createdAt,
          updatedAt: createdAt,
        };
        await store.importLabel({ ...copy, trackingNumbers: [`LS${no}Y9876543210Z`] });
        copies.push(copy.id);
      }
      const page = await store.search(HistorySearchInput.parse({ query: '9876543210', limit: 50 }));
      expect(page.labels.map((l) => l.id)).toEqual(holding.slice(0, 50));

      // The same history before the list was kept: the migration lists the copies.
      const raw = openDatabase(file);
      const listed = raw.prepare('SELECT count(*) AS n FROM labels_out_of_order').get() as { n: number };
      expect(listed.n).toBe(150);
      raw.exec('DROP TABLE labels_out_of_order; DROP TRIGGER labels_out_of_order_new; DROP TRIGGER labels_out_of_order_moved');
      // Nor were the searched fields kept by key, nor the indexes of later migrations made.
      raw.exec(
        'DROP TABLE label_words; DROP TRIGGER label_words_keyed; DROP TRIGGER label_words_changed; DROP TRIGGER label_words_gone; ' +
          'DROP INDEX labels_unprinted_newest; DROP INDEX labels_scanned_start_newest',
      );
      raw.pragma(`user_version = ${migrations.findIndex((m) => m.name.startsWith('labels added out of time order'))}`);
      raw.close();
      const migrated = watchedSqlite(openDatabase(file));
      try {
        const again = await migrated.store.search(HistorySearchInput.parse({ query: '9876543210', limit: 50 }));
        expect(again.labels.map((l) => l.id)).toEqual(holding.slice(0, 50));
        const oldest = await migrated.store.search(HistorySearchInput.parse({ query: '9876543210', limit: 50, cursor: again.nextCursor }));
        expect(oldest.labels.map((l) => l.id)).toEqual(holding.slice(50, 100));
      } finally {
        await migrated.close();
      }
    } finally {
      await close();
      temp.remove();
    }
  }, 60_000);
});
