/**
 * Opens the history: the station's own SQLite file (WAL, FULL sync), or in a fleet the warehouse's
 * shared PostgreSQL. Both get the same migrations and are queried through the same Kysely schema.
 */
import Database from 'better-sqlite3';
import { closeSync, openSync } from 'node:fs';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { rebuildSparseIndexes, type UpkeepResult } from './postgres-index-upkeep';
import { migrations, type Dialect } from './migrations';
import { watchedPool } from './postgres-pool';
import { timedQuery } from './postgres-timed-query';
import type { HistorySchema } from './schema';

export type StationDatabase = Database.Database;

export interface HistoryDatabase {
  db: Kysely<HistorySchema>;
  dialect: Dialect;
}

/** The station's SQLite file: its history, and its print queue (which uses the raw handle). */
export function openDatabase(file: string, options: { synchronous?: 'FULL' | 'NORMAL' } = {}): StationDatabase {
  // Created 0600 before SQLite opens it: SQLite gives its -wal and -shm files the database file's mode.
  if (file !== '' && file !== ':memory:') closeSync(openSync(file, 'a', 0o600));
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    // FULL: a label that was bought must survive a power cut right after the provider answered.
    // NORMAL only for a fleet station's copy of the shared database, which can be read again.
    db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    // A backup copy put in place of the history: it holds every purchase from now on, not before.
    db.prepare("UPDATE history_epoch SET complete_since = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE complete_since IS NULL").run();
    return db;
  } catch (error) {
    // A file that will not open is not held open (Windows could not then move it aside).
    db.close();
    throw error;
  }
}

/** The history over the station's SQLite handle (one connection shared with the print queue). */
export function sqliteHistory(raw: StationDatabase): HistoryDatabase {
  return { db: new Kysely<HistorySchema>({ dialect: new SqliteDialect({ database: raw }) }), dialect: 'sqlite' };
}

export function migrate(db: StationDatabase): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) throw newerSchema(current);
  for (let version = current; version < migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version]!.sqlite);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  // The planner needs statistics to pick an index (a search for "576" took 3.4 s without them on a
  // million labels): fresh ones after a schema change, otherwise only where SQLite sees they are due.
  // analysis_limit keeps ANALYZE to a sample, so it takes milliseconds on any size.
  db.pragma('analysis_limit = 1000');
  if (current < migrations.length) db.exec('ANALYZE');
  else db.pragma('optimize = 0x10002');
}

export interface FleetDatabaseOptions {
  /** How long to wait for a connection before the database counts as unreachable (default 5 s). */
  connectTimeoutMs?: number;
  /** Per statement (default 10 s): a hung database must not hang a purchase. */
  statementTimeoutMs?: number;
  /** The rows a statement has the server read at once (its effective_io_concurrency; default READ_AHEAD). */
  readAhead?: number;
}

/**
 * A History total on PostgreSQL reads up to 1,001 labels' rows scattered over the table, one page each.
 * The server reads them one after another (effective_io_concurrency 1, its default) unless told it may
 * ask for more at once. Measured on a million labels, the first search of "8 digits 0.2 %" parts after
 * the file cache was emptied, 20 parts each: p50 43 ms, p95 114 at 1; 18 and 50 at 16; 16 and 22 at 64;
 * 17 and 28 at 256. Asked again at once: 5.8-6.9 ms at the median either way.
 */
const READ_AHEAD = 64;

export interface FleetDatabase extends HistoryDatabase {
  /** Brings the schema up to date, under an advisory lock so stations starting together do not race. */
  migrate(): Promise<void>;
  /** Rebuilds the filter indexes new labels left half empty (postgres-index-upkeep.ts). */
  rebuildSparseIndexes(): Promise<UpkeepResult>;
  close(): Promise<void>;
}

/** The fleet's PostgreSQL, connected and migrated. */
export async function openFleetDatabase(url: string, options: FleetDatabaseOptions = {}): Promise<FleetDatabase> {
  const fleet = fleetDatabase(url, options);
  try {
    await fleet.migrate();
  } catch (error) {
    await fleet.close();
    throw error;
  }
  return fleet;
}

/** The fleet's PostgreSQL, not connected yet: a station starts even while the database is unreachable. */
export function fleetDatabase(url: string, options: FleetDatabaseOptions = {}): FleetDatabase {
  const statementTimeoutMs = options.statementTimeoutMs ?? 10_000;
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    // Two connections stay open however long the station sits idle (node-postgres closes idle ones
    // after 10 s): a History search on a new connection took 35-70 ms on a million labels, 3-15 on
    // one that has run it before (connecting, then the server loading its catalog and planning each
    // statement for the first time). A search reads its page on one while it counts its total on the
    // other. Keep-alive probes keep them through firewalls that drop quiet links.
    min: 2,
    keepAlive: true,
    keepAliveInitialDelayMillis: 60_000,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    statement_timeout: statementTimeoutMs,
    application_name: 'label-station',
    // A station's queries read a page or one label: starting parallel workers cost 20 ms before the
    // first row (a History search that takes 3 ms took 32 when the planner chose to go parallel), and
    // compiling a query (JIT, for any plan costed over jit_above_cost: a History total the planner
    // guesses must walk every label) cost 120 ms the first time on a connection and 4-13 ms each time
    // after, for queries that run in 1-5 ms.
    options: '-c max_parallel_workers_per_gather=0 -c jit=off',
  });
  // A connection the server dropped (restart, network cut) must not crash the station: the query
  // that was using it fails (and the history falls back to the station's copy), the pool reconnects.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
    // Queued before the connection's first statement. A server on a system without posix_fadvise
    // (Windows, for one) refuses any value but 0: it then reads as before.
    client.query(`SET effective_io_concurrency = ${Math.trunc(options.readAhead ?? READ_AHEAD)}`).catch(() => undefined);
  });
  // The server ends a statement at statement_timeout; the client gives up 2 s later (a silent link).
  const db = new Kysely<HistorySchema>({ dialect: new PostgresDialect({ pool: watchedPool(pool, statementTimeoutMs + 2000) }) });
  // The upkeep's session is its own, outside the pool: a station that stops ends it at once (the
  // server finishes a rebuild under way by itself, or leaves a copy the next upkeep drops).
  const upkeeps = new Set<pg.Client>();
  const upkeep = async () => {
    const client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      application_name: 'label-station upkeep',
    });
    client.on('error', () => undefined);
    upkeeps.add(client);
    try {
      await client.connect();
      return await rebuildSparseIndexes(client, MIGRATION_STEP_TIMEOUT_MS);
    } finally {
      upkeeps.delete(client);
      await client.end().catch(() => undefined);
    }
  };
  // Kysely ends the pool only if it ran a query itself: a station that migrated and closed would keep
  // the migration's connection open (the process never exits, the server keeps a backend).
  const close = async () => {
    await Promise.all([...upkeeps].map((client) => client.end().catch(() => undefined)));
    await db.destroy();
    if (!pool.ending) await pool.end();
  };
  return {
    db,
    dialect: 'postgres',
    migrate: () => migratePostgres(pool, statementTimeoutMs + 2000),
    rebuildSparseIndexes: upkeep,
    close,
  };
}

/** The client's own limit for one migration step (the server's is lifted): a stuck step still ends. */
const MIGRATION_STEP_TIMEOUT_MS = 60 * 60_000;

/**
 * The migration runs on a client of its own (it holds a transaction and a lock), outside the watched
 * pool: each statement carries a client-side limit (postgres-timed-query.ts).
 */
async function migratePostgres(pool: pg.Pool, readTimeoutMs: number): Promise<void> {
  const client = await pool.connect();
  const run = timedQuery(client, readTimeoutMs);
  try {
    await run('BEGIN');
    await run("SELECT pg_advisory_xact_lock(hashtext('label_station_schema'))");
    await run('CREATE TABLE IF NOT EXISTS label_station_schema (version INTEGER NOT NULL)');
    const { rows } = await run<{ version: number }>('SELECT version FROM label_station_schema');
    const current = rows[0]?.version ?? 0;
    if (rows.length === 0) await run('INSERT INTO label_station_schema (version) VALUES (0)');
    if (current > migrations.length) throw newerSchema(current);
    // A step may build an index over every label (a minute on a million): the station's per-statement
    // limits are for purchases and pages, not for a schema change that must finish once.
    await run(`SET LOCAL statement_timeout = 0`);
    await run(`SET LOCAL maintenance_work_mem = '256MB'`);
    for (let version = current; version < migrations.length; version++) {
      const step = migrations[version]!.postgres;
      if (step.trim()) await run(step, [], MIGRATION_STEP_TIMEOUT_MS);
    }
    await run('UPDATE label_station_schema SET version = $1', [migrations.length]);
    // Statistics for the planner after a schema change (new indexes, new columns; history/postgres-pieces.ts reads them).
    if (current < migrations.length) await run('ANALYZE labels', [], MIGRATION_STEP_TIMEOUT_MS);
    await run('COMMIT');
  } catch (error) {
    await run('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function newerSchema(version: number): Error {
  return new Error(`The history database was written by a newer Label Station (schema ${version}); update this station.`);
}
