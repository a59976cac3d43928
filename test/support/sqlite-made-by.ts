/** A SQLite history at the schema some migrations make (as an older station left it). */
import Database from 'better-sqlite3';
import type { migrations } from '../../electron/station/history/migrations';

/** The file with `steps` applied and counted in user_version, open (the caller closes it). */
export function sqliteMadeBy(file: string, steps: typeof migrations): Database.Database {
  const old = new Database(file);
  old.pragma('journal_mode = WAL');
  steps.forEach((m, n) => {
    old.exec(m.sqlite);
    old.pragma(`user_version = ${n + 1}`);
  });
  return old;
}
