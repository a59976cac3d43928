/**
 * A seeded history made by the schema before a migration, then migrated by the station (as a station
 * finds it after an update), with a search that hands back the plan of each statement it ran:
 * SQLite's steps (EXPLAIN QUERY PLAN), PostgreSQL's whole plans (auto_explain).
 */
import path from 'node:path';
import type Database from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { openDatabase, openFleetDatabase } from '../../electron/station/history/database';
import { HistoryStore } from '../../electron/station/history/history-store';
import { migrations } from '../../electron/station/history/migrations';
import type { HistorySchema } from '../../electron/station/history/schema';
import { HistorySearchInput, type HistoryPage } from '../../shared/domain/history-search';
import { explainedPostgresPool, explainedStore } from './explained-store';
import { seedPostgres, seedSqlite } from './history-seed';
import { postgresMadeBy } from './postgres-made-by';
import { sqliteMadeBy } from './sqlite-made-by';
import { makeTempDir } from './temp-dir';

export type HistoryDialect = 'SQLite' | 'PostgreSQL';
export type PlannedSearch = (input: HistorySearchInput) => Promise<{ page: HistoryPage; plans: string[] }>;

export interface MigratedHistory {
  search: PlannedSearch;
  close(): Promise<void>;
}

export interface MigratedHistoryOptions {
  /** The first migration the station applies itself (the history is made by those before it). */
  migration: string;
  /** Seeded labels (history-seed.ts). */
  labels: number;
  /** A PostgreSQL database name, unique to the test file. */
  database: string;
  /** Changes made to the seeded labels before the station migrates them. */
  change?: { sqlite(db: Database.Database): void; postgres(client: pg.Client): Promise<void> };
  /** Statements whose plans are left out (SQLite), by their SQL. */
  unplanned?: RegExp;
}

export async function migratedHistory(dialect: HistoryDialect, options: MigratedHistoryOptions): Promise<MigratedHistory> {
  const at = migrations.findIndex((m) => m.name === options.migration);
  if (at < 0) throw new Error(`No migration is named "${options.migration}".`);
  if (dialect === 'SQLite') {
    const temp = makeTempDir();
    const file = path.join(temp.dir, 'history.sqlite');
    const old = sqliteMadeBy(file, migrations.slice(0, at));
    seedSqlite(old, options.labels);
    options.change?.sqlite(old);
    old.close();
    const raw: Database.Database = openDatabase(file);
    raw.exec('ANALYZE');
    const explained = explainedStore(raw);
    return {
      search: async (input) => {
        const plans: string[] = [];
        explained.steps.on = (step) => !options.unplanned?.test(step.sql) && plans.push(step.detail);
        return { page: await explained.store.search(HistorySearchInput.parse(input)), plans };
      },
      close: async () => (raw.close(), temp.remove()),
    };
  }
  const { url, client } = await postgresMadeBy(migrations.slice(0, at), options.database);
  try {
    await seedPostgres(client, options.labels);
    await options.change?.postgres(client);
    const fleet = await openFleetDatabase(url);
    await fleet.close();
    await client.query('VACUUM ANALYZE labels');
  } finally {
    await client.end();
  }
  // As the station's own connections are set (database.ts): no parallel workers.
  const { pool, plans } = explainedPostgresPool(url, { max: 2, settings: 'SET max_parallel_workers_per_gather = 0;' });
  const store = new HistoryStore({ db: new Kysely<HistorySchema>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' });
  return {
    search: async (input) => {
      plans.length = 0;
      const page = await store.search(HistorySearchInput.parse(input));
      return { page, plans: [...plans] };
    },
    close: () => pool.end(),
  };
}

/** Every page of a search, `limit` at a time (at most `pages` of them), with every plan read on the way. */
export async function everyPage(
  search: PlannedSearch,
  input: HistorySearchInput,
  limit: number,
  pages: number,
): Promise<{ ids: string[]; first: HistoryPage; plans: string[] }> {
  const ids: string[] = [];
  const plans: string[] = [];
  let cursor: HistorySearchInput['cursor'] = null;
  let first: HistoryPage | undefined;
  for (let n = 0; n < pages; n++) {
    const found = await search({ ...input, limit, cursor });
    first ??= found.page;
    ids.push(...found.page.labels.map((l) => l.id));
    plans.push(...found.plans);
    cursor = found.page.nextCursor;
    if (!cursor) break;
  }
  return { ids, first: first!, plans };
}
