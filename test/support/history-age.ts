/** Makes a station's SQLite history look as if it had held every purchase since `days` ago (a month of work). */
import path from 'node:path';
import Database from 'better-sqlite3';

export function historyStartedDaysAgo(dataDir: string, days: number): void {
  const db = new Database(path.join(dataDir, 'history.sqlite'));
  try {
    db.prepare('UPDATE history_epoch SET complete_since = ?').run(new Date(Date.now() - days * 86_400_000).toISOString());
  } finally {
    db.close();
  }
}
