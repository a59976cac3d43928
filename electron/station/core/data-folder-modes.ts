/**
 * The data folder holds the history, label files, settings and the secret store's key: only the
 * station's own user may read it (issue 13). New folders are made 0700 and files 0600 where they are
 * created; this also fixes folders made by earlier versions (755 / 644 with the default umask).
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

/** Enough for the data folder's own layout (labels/<date>/<file>); no run-away walk. */
const MAX_DEPTH = 3;
const MAX_ENTRIES = 200_000;

/** Creates the folder private, and makes what is already inside private too (POSIX; Windows uses ACLs). */
export function secureDataFolder(dir: string, log: (line: string) => void = () => {}): void {
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  if (process.platform === 'win32') return;
  let seen = 0;
  let fixed = 0;
  const visit = (target: string, depth: number): void => {
    if (seen++ > MAX_ENTRIES) return;
    let stat;
    try {
      stat = lstatSync(target);
    } catch {
      return; // gone meanwhile
    }
    if (stat.isSymbolicLink()) return; // never follow a link out of the folder
    const wanted = stat.isDirectory() ? DIR_MODE : FILE_MODE;
    const wrong = (stat.mode & 0o777) !== wanted;
    if (wrong) {
      try {
        chmodSync(target, wanted);
        fixed++;
      } catch (error) {
        log(`data folder: could not make ${path.basename(target)} private (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      }
    }
    // A folder already private was fixed (or made) before: nobody else can reach inside, so its
    // files are not walked again at every start (the label folder grows by thousands a week).
    if (stat.isDirectory() && depth < MAX_DEPTH && (depth === 0 || wrong)) {
      for (const name of readdirSync(target)) visit(path.join(target, name), depth + 1);
    }
  };
  visit(dir, 0);
  if (fixed > 0) log(`data folder: made ${fixed} files and folders readable by this user only`);
}
