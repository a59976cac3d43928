/** Opens the station's SQLite database (WAL, foreign keys) and brings its schema up to date. */
import Database from 'better-sqlite3';
import { migrations } from './migrations';

export type StationDatabase = Database.Database;

export function openDatabase(file: string): StationDatabase {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: a label that was bought must survive a power cut right after the provider answered.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

export function migrate(db: StationDatabase): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(`The history database was written by a newer Label Station (schema ${current}); update this station.`);
  }
  for (let version = current; version < migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
