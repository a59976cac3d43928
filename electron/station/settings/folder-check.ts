/**
 * Whether a folder a supervisor names (exports, backups) takes files now, not at the first export or
 * the night's backup: it is created if missing, a small probe file is written and removed. A folder
 * it had to create stays (it is where the files go).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { StationError } from '../../../shared/errors';

/** Why a folder refuses files, in words a worker can act on (the system's code in brackets). */
export function folderProblemWords(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    EACCES: 'this computer’s user may not write there',
    EPERM: 'this computer’s user may not write there',
    EROFS: 'the drive is read-only',
    ENOSPC: 'the drive is full',
    EEXIST: 'a file, not a folder, has that name',
    ENOTDIR: 'part of the path is a file, not a folder',
    ENOENT: 'the drive or a folder above it is not there',
    ENAMETOOLONG: 'the path is too long',
    EIO: 'the drive did not answer (unplugged, or a network drive away?)',
  };
  const said = (code && words[code]) ?? (error instanceof Error ? error.message : String(error));
  return code ? `${said} (${code})` : said;
}

/** Throws the system's error (see folderProblemWords) when `folder` cannot take a file. */
export async function probeFolder(folder: string): Promise<void> {
  const probe = path.join(folder, `.label-station-probe-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(folder, { recursive: true });
    if (!(await stat(folder)).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    await writeFile(probe, 'label station folder check\n', { flag: 'wx' });
  } finally {
    await rm(probe, { force: true }).catch(() => undefined);
  }
}

/** Checks the backup folder a supervisor names; the night's backup would otherwise fail unseen until then. */
export async function checkBackupFolder(folder: string): Promise<void> {
  try {
    await probeFolder(folder);
  } catch (error) {
    throw new StationError(
      'backup_folder_unwritable',
      `The folder ${folder} cannot be written to: ${folderProblemWords(error)}.`,
      'Connect the drive, pick a folder this station may write to (or create it), or leave the field empty for the data folder’s backups; then save again.',
      { 'storage.backupFolder': [`Cannot be written to: ${folderProblemWords(error)}`] },
    );
  }
}
