/**
 * One station process per data folder: two processes on one folder would settle each other's
 * purchases and buy again. The lock file names its owner, so a second process can say who holds it,
 * and a lock left by a process that died (a crash, kill -9) is taken over at once.
 */
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { StationError } from '../../../shared/errors';

export const LOCK_FILE = 'station.lock';

const Owner = z.object({ pid: z.number().int().positive(), host: z.string(), shell: z.string(), since: z.string() });
type Owner = z.infer<typeof Owner>;

export interface DataFolderLock {
  release(): void;
}

export interface LockOptions {
  shell: string;
  /** Whether a process of this computer is still running (tests pass their own). */
  isRunning?: (pid: number) => boolean;
}

export function lockDataFolder(dataDir: string, options: LockOptions): DataFolderLock {
  const file = path.join(dataDir, LOCK_FILE);
  const me: Owner = { pid: process.pid, host: hostname(), shell: options.shell, since: new Date().toISOString() };
  const isRunning = options.isRunning ?? processIsRunning;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(file, me)) return { release: () => releaseIfMine(file, me) };
    const owner = readOwner(file);
    if (owner && (owner.host !== me.host || isRunning(owner.pid))) throw inUse(dataDir, file, owner, me.host);
    takeOverStale(file, owner);
  }
  throw new StationError(
    'data_folder_in_use',
    `Another Label Station keeps starting on the data folder ${dataDir} at the same time as this one.`,
    'Close the other Label Station window, then start this one again.',
  );
}

function tryCreate(file: string, me: Owner): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(me));
  } finally {
    closeSync(fd);
  }
  return true;
}

function readOwner(file: string): Owner | undefined {
  try {
    const parsed = Owner.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Moves a dead owner's lock aside. If another starting process replaced it meanwhile, its fresh lock
 * is put back: only the lock that was judged stale is ever taken away.
 */
function takeOverStale(file: string, stale: Owner | undefined): void {
  const aside = `${file}.stale-${process.pid}`;
  try {
    renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = readOwner(aside);
  const sameLock = moved?.pid === stale?.pid && moved?.since === stale?.since;
  if (sameLock) rmSync(aside, { force: true });
  else renameSync(aside, file);
}

function releaseIfMine(file: string, me: Owner): void {
  const owner = readOwner(file);
  if (owner && owner.pid === me.pid && owner.since === me.since) rmSync(file, { force: true });
}

function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function inUse(dataDir: string, file: string, owner: Owner, host: string): StationError {
  const where = owner.host === host ? `process ${owner.pid}` : `process ${owner.pid} on computer ${owner.host}`;
  return new StationError(
    'data_folder_in_use',
    `Another Label Station (${where}, ${owner.shell} shell, started ${owner.since}) is already using the data folder ${dataDir}.`,
    owner.host === host
      ? 'Use the Label Station that is already open, or close it and start this one again.'
      : `Use the station on ${owner.host}. If that computer is switched off for good, a supervisor deletes ${file}.`,
  );
}
