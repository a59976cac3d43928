/** The history room: the station's SQLite or the fleet's PostgreSQL, one set of migrations, one typed store. */
export {
  fleetDatabase,
  openDatabase,
  openFleetDatabase,
  sqliteHistory,
  type FleetDatabase,
  type HistoryDatabase,
  type StationDatabase,
} from './database';
export { FleetHistory, type LabelHistory } from './fleet-history';
export { isConnectionFailure } from './connection-failure';
export { FleetOutbox } from './fleet-outbox';
export { HistoryStore, parcelSetOf, toPublic, type HistoryReads, type NewLabel, type StoredLabel } from './history-store';
export { OperatorTable, type OperatorRecord } from './operator-table';
export { FleetOperators } from './fleet-operators';
export { HistoryReader } from './history-reader';
export { BatchStore, type EntryUpdate, type NewBatch } from './batch-store';
export { LabelFileMarks } from './label-file-marks';
export { backUpDatabase, listBackups, type BackupFile } from './backup';
export type { IndexUpkeep, UpkeepResult } from './postgres-index-upkeep';
export { listRecoveries, openHistoryFile, type OpenedHistory } from './damaged-history';
export { fillPrintCounts, type FillResult } from './print-count-fill';
export { labelFilterWhere, type DayAttempt, type DayLabel, type ExportCursor, type ExportRow } from './history-reports';
export { ApiTokenTable, type ApiTokenRecord } from './api-token-table';
export { ApiIdempotencyTable, type IdempotencyRecord } from './api-idempotency-table';
export { ApiStationTable } from './api-station-table';
export type { OutboxEventsTable } from './schema';
