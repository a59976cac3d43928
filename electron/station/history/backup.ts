/**
 * Online backups of the station's SQLite file with better-sqlite3's backup() (SQLite's backup API:
 * pages copied in steps between turns of the event loop, so scans and prints go on meanwhile, and
 * the copy is consistent even while the history is written). A backup is written under a temporary
 * name and renamed once complete, so a half-written file is never taken for a backup; only the
 * newest `keep` are kept. The fleet's PostgreSQL is not covered: its server backs it up.
 */
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { StationDatabase } from './database';

const PREFIX = 'history-';
const SUFFIX = '.sqlite';
const PARTIAL = '.partial';

export interface BackupFile {
  file: string;
  /** When it was taken (ISO), read from its name. */
  at: string;
  bytes: number;
}

/** history-2026-12-05T07-30-00-000Z.sqlite: sorts by time, valid on every file system. */
function fileName(at: Date): string {
  return `${PREFIX}${at.toISOString().replace(/[:.]/g, '-')}${SUFFIX}`;
}

function timeOf(name: string): string | null {
  const m = /^history-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.sqlite$/.exec(name);
  return m ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z` : null;
}

/** The backups in `folder`, newest first; none when the folder does not exist. */
export async function listBackups(folder: string): Promise<BackupFile[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const backups: BackupFile[] = [];
  for (const name of names) {
    const at = timeOf(name);
    if (!at) continue;
    const info = await stat(path.join(folder, name)).catch(() => null);
    if (info?.isFile()) backups.push({ file: path.join(folder, name), at, bytes: info.size });
  }
  return backups.sort((a, b) => (a.at < b.at ? 1 : -1));
}

/**
 * A copy does not hold the purchases made after it was taken: put in place of the history, it must
 * not be trusted to know every label (labels/history-answers.ts), so it starts again when opened.
 */
function markAsCopy(file: string, at: Date): void {
  const copy = new Database(file, { fileMustExist: true });
  try {
    // The copy says WAL (as its source): exclusive locking keeps SQLite from the -shm file a network
    // share may not support, and a rollback journal leaves the backup one plain file.
    copy.pragma('locking_mode = EXCLUSIVE');
    copy.pragma('journal_mode = DELETE');
    copy.prepare('UPDATE history_epoch SET complete_since = NULL').run();
    cancelWaitingJobs(copy, at);
  } finally {
    copy.close();
  }
}

/**
 * Print jobs a copy still had waiting were printed, or not, long before the copy is put in place:
 * cancelled, never sent again. Once the station runs on the copy it marks each one's label "print
 * failed" (cancelled before it came out) unless the copy says it printed: reprinted from History if needed.
 */
export function cancelWaitingJobs(copy: Database.Database, at: Date): void {
  const stamp = at.toISOString();
  copy
    .prepare(
      `UPDATE print_jobs SET state = 'cancelled', payload = x'', updated_at = ?, done_at = ?, last_error = ?
        WHERE state NOT IN ('done', 'cancelled')`,
    )
    .run(stamp, stamp, 'Cancelled: the history was put back from a backup. Reprint the label from History if it is missing.');
}

/** Backs the database up into `folder` and removes all but the newest `keep` backups; returns the new one. */
export async function backUpDatabase(db: StationDatabase, folder: string, keep: number, at: Date): Promise<BackupFile> {
  await mkdir(folder, { recursive: true });
  const target = path.join(folder, fileName(at));
  const partial = `${target}${PARTIAL}`;
  try {
    await db.backup(partial);
    markAsCopy(partial, at);
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true }).catch(() => undefined);
    throw error;
  }
  const backups = await listBackups(folder);
  for (const old of backups.slice(Math.max(1, keep))) await rm(old.file, { force: true });
  const made = backups.find((b) => b.file === target);
  return made ?? { file: target, at: at.toISOString(), bytes: (await stat(target)).size };
}
