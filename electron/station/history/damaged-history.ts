/**
 * A station whose history file is damaged (a disk fault, a copy cut short) starts from its newest
 * backup instead of not starting at all: a packing table with no IT person at hand needs labels
 * again, not a file to mend. Nothing is thrown away: the damaged file (with its -wal and -shm) is
 * kept beside the history under a new name, with a note of what happened, for a specialist to read
 * what it still holds. The backup put in place knows every purchase only from now on (history_epoch
 * starts again), so an order bought after the backup was taken is asked of the provider first.
 * Print jobs the backup still had waiting are cancelled: they were printed, or not, long ago.
 */
import { existsSync } from 'node:fs';
import { copyFile, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { HistoryRecovery } from '../../../shared/domain/health';
import { cancelWaitingJobs, listBackups } from './backup';
import { openDatabase, type StationDatabase } from './database';

const DAMAGED_PREFIX = 'history-damaged-';
const NOTE_SUFFIX = '.json';

export interface OpenedHistory {
  db: StationDatabase;
  /** What was done at this start because the history was damaged; null when it opened. */
  recovery: HistoryRecovery | null;
}

/** SQLite's own words for a file that is not a database or whose pages do not hold together. */
function isDamage(error: unknown): boolean {
  const code = String((error as { code?: unknown }).code ?? '');
  return code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT');
}

/** Opens the station's history; a damaged one is kept aside and the newest backup that opens is put in its place. */
export async function openHistoryFile(file: string, backupFolder: string, now: Date): Promise<OpenedHistory> {
  let reason = damageSeenReadOnly(file);
  if (reason === null) {
    try {
      return { db: openDatabase(file), recovery: null };
    } catch (error) {
      // Damage deeper in the file: closing this connection may have moved its WAL into it first.
      if (!isDamage(error)) throw error;
      reason = (error as Error).message;
    }
  }
  const damagedFile = path.join(path.dirname(file), `${DAMAGED_PREFIX}${now.toISOString().replace(/[:.]/g, '-')}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) await moveIfThere(`${file}${suffix}`, `${damagedFile}${suffix}`);

  let restored: { db: StationDatabase; from: string } | undefined;
  for (const backup of await listBackups(backupFolder)) {
    const db = await openBackupInPlace(backup.file, file);
    if (db) {
      restored = { db, from: backup.at };
      break;
    }
  }
  const db = restored?.db ?? openDatabase(file);
  if (restored) settleRestored(db, now);
  const recovery: HistoryRecovery = { at: now.toISOString(), reason, damagedFile, restoredFrom: restored?.from ?? null };
  await writeFile(`${damagedFile}${NOTE_SUFFIX}`, `${JSON.stringify(recovery, null, 2)}\n`, { mode: 0o600 });
  return { db, recovery };
}

/** The recoveries noted in the data folder (their notes beside the damaged files), newest first. */
export async function listRecoveries(dataDir: string): Promise<HistoryRecovery[]> {
  const names = await readdir(dataDir).catch(() => [] as string[]);
  const notes = names.filter((name) => name.startsWith(DAMAGED_PREFIX) && name.endsWith(`.sqlite${NOTE_SUFFIX}`));
  const read = await Promise.all(
    notes.map(async (name) => {
      const text = await readFile(path.join(dataDir, name), 'utf8').catch(() => '');
      // A note someone edited or cut short is left out, never a reason for the station not to start.
      const parsed = HistoryRecovery.safeParse(parseOrNull(text));
      return parsed.success ? [parsed.data] : [];
    }),
  );
  return read.flat().sort((a, b) => (a.at < b.at ? 1 : -1));
}

/**
 * SQLite's words for the damage a read-only look at the file's header and schema finds, or null.
 * Read-only first: the last read-write connection to close moves the WAL into the file and deletes
 * it, and the WAL holds the newest purchases a specialist may still recover.
 */
function damageSeenReadOnly(file: string): string | null {
  if (!existsSync(file)) return null;
  let probe: StationDatabase | undefined;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
    probe.pragma('user_version');
    probe.prepare('SELECT count(*) FROM sqlite_master').get();
    return null;
  } catch (error) {
    if (isDamage(error)) return (error as Error).message;
    throw error;
  } finally {
    probe?.close();
  }
}

async function moveIfThere(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * The backup copied into place and opened; undefined (and nothing left in place) when it does not
 * open: damaged too, cut short, or written by a newer station. The next one is tried.
 */
async function openBackupInPlace(backup: string, file: string): Promise<StationDatabase | undefined> {
  const partial = `${file}.restoring`;
  try {
    await copyFile(backup, partial);
    await rename(partial, file);
    return openDatabase(file);
  } catch {
    for (const suffix of ['', '-wal', '-shm']) await rm(`${file}${suffix}`, { force: true });
    await rm(partial, { force: true });
    return undefined;
  }
}

function settleRestored(db: StationDatabase, now: Date): void {
  db.transaction(() => {
    // Backups made by older versions were not marked as copies: this one starts again whatever it says.
    db.prepare('UPDATE history_epoch SET complete_since = ?').run(now.toISOString());
    cancelWaitingJobs(db, now);
  })();
}
