/** The history room: the station's SQLite or the fleet's PostgreSQL, one set of migrations, one typed store. */
export { openDatabase, openFleetDatabase, sqliteHistory, type HistoryDatabase, type StationDatabase } from './database';
export { HistoryStore, toPublic, type NewLabel, type StoredLabel } from './history-store';
