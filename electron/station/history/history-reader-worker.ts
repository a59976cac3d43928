/**
 * The history's reader thread (started by history-reader.ts): a read-only connection to the
 * station's SQLite file (WAL lets it read while the station writes) that runs History searches and
 * the missing-file pass, so a slow query never holds up scanning and printing on the main thread.
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { parentPort, workerData } from 'node:worker_threads';
import { HistoryStore } from './history-store';
import type { HistorySchema } from './schema';
import type { ReaderReply, ReaderRequest } from './history-reader';

const { file } = workerData as { file: string };
// Read-write, but refusing writes: a read-only connection cannot rebuild the WAL index after a
// crash (a station killed mid-write), and would then miss the latest rows.
const raw = new Database(file, { fileMustExist: true });
raw.pragma('query_only = ON');
raw.pragma('busy_timeout = 5000');
// A search's pages on a million labels (a walk of a few thousand labels, then the page's rows, and
// their print counts looked up by the labels' random IDs) come near better-sqlite3's default 16 MB: each search
// then pushed out the next one's pages ("576" + a status + a station: 18.8 -> 8.2 ms a search). Taken as used.
raw.pragma('cache_size = -32768');
const store = new HistoryStore({ db: new Kysely<HistorySchema>({ dialect: new SqliteDialect({ database: raw }) }), dialect: 'sqlite' });

async function answer(request: ReaderRequest): Promise<unknown> {
  if (request.op === 'search') return store.search(request.search);
  return store.listMissingFiles(request.since);
}

parentPort!.on('message', (request: ReaderRequest | { op: 'close' }) => {
  if (request.op === 'close') {
    raw.close();
    parentPort!.close();
    return;
  }
  void answer(request).then(
    (result) => parentPort!.postMessage({ id: request.id, result } satisfies ReaderReply),
    (error: unknown) => parentPort!.postMessage({ id: request.id, error: (error as Error).message ?? String(error) } satisfies ReaderReply),
  );
});
parentPort!.postMessage({ ready: true });
