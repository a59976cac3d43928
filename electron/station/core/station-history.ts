/**
 * The history a station runs on: its own SQLite, or with LABEL_STATION_DATABASE_URL the warehouse's
 * shared PostgreSQL (with the station's SQLite as its copy and outbox). The one variable a fleet needs.
 */
import { z } from 'zod';
import type { DatabaseStatus } from '../../../shared/domain/fleet';
import { StationError } from '../../../shared/errors';
import {
  ApiIdempotencyTable,
  ApiStationTable,
  ApiTokenTable,
  fleetDatabase,
  FleetHistory,
  FleetOperators,
  FleetOutbox,
  HistoryReader,
  HistoryStore,
  OperatorTable,
  openDatabase,
  sqliteHistory,
  type HistoryDatabase,
  type LabelHistory,
  type StationDatabase,
  type UpkeepResult,
} from '../history';

export interface StationHistory {
  history: LabelHistory;
  /** Where operators are kept: with the labels (shared by a fleet, with a copy for sign-in while it is away). */
  operators: OperatorTable | FleetOperators;
  /** The Station API's tokens and idempotency keys, where the labels are (a fleet shares them). */
  systemsApi: { tokens: ApiTokenTable; idempotency: ApiIdempotencyTable; stations: ApiStationTable };
  /** Where the write-back outbox lives (the shared database in a fleet, so any station delivers), and a fleet station's own copy. */
  outbox: { database: HistoryDatabase; copy?: HistoryDatabase };
  status(): DatabaseStatus;
  onChange(listener: (status: DatabaseStatus) => void): void;
  /** A fleet's: rebuilds the shared database's filter indexes that new labels left half empty. */
  upkeep?: () => Promise<UpkeepResult>;
  close(): Promise<void>;
}

export interface FleetTiming {
  /** How often the shared database is checked (and reconnected when away); default 5 s. */
  checkEveryMs?: number;
  connectTimeoutMs?: number;
  statementTimeoutMs?: number;
}

const LOCAL_STATUS: DatabaseStatus = { mode: 'local', reachable: true, message: 'This station keeps its own history.', pendingWrites: 0 };

const DatabaseUrl = z
  .string()
  .trim()
  .regex(/^postgres(ql)?:\/\/[^/\s]+\/[^\s]+$/, 'It must look like postgres://user:password@host:5432/database');

export async function openStationHistory(
  db: StationDatabase,
  env: Record<string, string | undefined>,
  log: (line: string) => void,
  timing: FleetTiming = {},
): Promise<StationHistory> {
  const local = sqliteHistory(db);
  const url = env.LABEL_STATION_DATABASE_URL?.trim();
  if (!url) {
    // Searches and the start-up pass over missing files run on a reader thread, off the event loop.
    const reader = await startReader(db.name, log);
    return {
      history: reader ? new HistoryStore(local).useReader(reader) : new HistoryStore(local),
      operators: new OperatorTable(local),
      systemsApi: { tokens: new ApiTokenTable(local), idempotency: new ApiIdempotencyTable(local), stations: new ApiStationTable(local) },
      outbox: { database: local },
      status: () => LOCAL_STATUS,
      onChange: () => undefined,
      close: async () => reader?.close(),
    };
  }
  const parsed = DatabaseUrl.safeParse(url);
  if (!parsed.success) {
    throw new StationError(
      'fleet_database_invalid',
      `LABEL_STATION_DATABASE_URL is not a PostgreSQL address: ${parsed.error.issues[0]?.message ?? 'unreadable'}.`,
      'Fix the variable (see the README, "A fleet of stations") and start the station again.',
    );
  }
  const shared = fleetDatabase(parsed.data, timing);
  // The copy of the shared database needs no fsync per write (it can be read again from there);
  // the outbox, which holds what the shared database has not got yet, keeps synchronous=FULL.
  // Two connections to one file are safe here: every history write is a single statement.
  const copyConnection = openDatabase(db.name, { synchronous: 'NORMAL' });
  // While the shared database is away, History searches the copy: off the event loop too.
  const reader = await startReader(db.name, log);
  const copy = new HistoryStore(sqliteHistory(copyConnection));
  const fleet = new FleetHistory(shared, new HistoryStore(shared), reader ? copy.useReader(reader) : copy, new FleetOutbox(local.db), log);
  log(`history: warehouse database at ${redactPassword(parsed.data)}`);
  await fleet.connect(); // unreachable at start: the station starts anyway, buys nothing, and keeps trying
  const timer = setInterval(
    () => void fleet.check().catch((error: unknown) => log(`warehouse database check failed: ${(error as Error).message}`)),
    timing.checkEveryMs ?? 5000,
  );
  timer.unref();
  const operators = new FleetOperators(
    new OperatorTable(shared),
    new OperatorTable(sqliteHistory(copyConnection)),
    () => fleet.status().reachable,
    log,
  );
  return {
    history: fleet,
    operators,
    systemsApi: { tokens: new ApiTokenTable(shared), idempotency: new ApiIdempotencyTable(shared), stations: new ApiStationTable(shared) },
    outbox: { database: shared, copy: local },
    status: () => fleet.status(),
    onChange: (listener) => void fleet.onChange(listener),
    upkeep: () => shared.rebuildSparseIndexes(),
    close: async () => {
      clearInterval(timer);
      await shared.close();
      await reader?.close();
      copyConnection.close();
    },
  };
}

/** The reader thread; without it (its script missing from a bundle) History still answers, on the main thread. */
async function startReader(file: string, log: (line: string) => void): Promise<HistoryReader | undefined> {
  try {
    return await HistoryReader.start(file);
  } catch (error) {
    log(`history: searches run on the main thread (the reader thread did not start: ${(error as Error).message})`);
    return undefined;
  }
}

/** The address without its password, for the log. */
function redactPassword(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
