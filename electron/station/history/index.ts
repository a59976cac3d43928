/** The history room: the station's database, its migrations and the label log behind one typed store. */
export { openDatabase, type StationDatabase } from './database';
export { HistoryStore, toPublic, type NewLabel, type StoredLabel } from './history-store';
