/** The history's tables as Kysely sees them: the same on the station's SQLite and the fleet's PostgreSQL. */
import type { ColumnType, Generated } from 'kysely';
import type { LabelFormat, LabelStatus } from '../../../shared/domain/labels';
import type { ProviderName } from '../../../shared/domain/providers';

export interface LabelsTable {
  id: string;
  order_id: string;
  parcel_key: string;
  reference: string;
  provider: ProviderName;
  /** 0 or 1 on both databases, so one query reads both alike. */
  sandbox: number;
  provider_label_id: string | null;
  /** JSON array; the label_tracking rows are kept in step by a trigger. */
  tracking_numbers: Generated<string>;
  cost_amount: number | null;
  cost_currency: string | null;
  status: LabelStatus;
  /** ISO 8601 UTC text on both databases: sorts as time. */
  created_at: string;
  updated_at: string;
  operator: string;
  printer: string;
  label_url: string | null;
  format: LabelFormat | null;
  file_path: string | null;
  error: string | null;
  request: string | null;
  generation: Generated<number>;
  station: Generated<string>;
  station_id: Generated<string>;
  check_until: string | null;
  cleared_by: string | null;
  /** JSON array of LabelBox; '[]' for a single parcel. */
  boxes: Generated<string>;
  /** When this station removed the label's file from its disk (retention); null while it is there. */
  file_pruned_at: string | null;
  /** The Shopify order number the order was scanned by (e.g. "#1001"); '' for a TikTok order ID. */
  scanned: Generated<string>;
  /** JSON CheckOverride: bought without the packing check (who, why, when); null otherwise. */
  check_override: string | null;
  /** Attempts that printed, raised by trigger; null for labels from before it was kept (counted from print_attempts). */
  prints: ColumnType<number | null, number | undefined, never>;
  /** SQLite only: the label's row in labels_search, set by trigger. */
  search_key: ColumnType<number | null, never, never>;
}

export interface LabelTrackingTable {
  label_id: string;
  tracking_number: string;
}

export interface PrintAttemptsTable {
  id: Generated<number>;
  label_id: string;
  at: string;
  printer: string;
  ok: number;
  reprint: number;
  bytes: number;
  error: string | null;
  /** Who printed (or queued the print); '' for attempts recorded before operators signed in. */
  operator: Generated<string>;
  /** Why it was reprinted; null for a first print (and reprints from before reasons were asked). */
  reason: Generated<string | null>;
  /** The station that printed (its name); '' for attempts recorded before stations were kept. */
  station: Generated<string>;
}

export interface OperatorsTable {
  id: string;
  name: string;
  role: 'operator' | 'supervisor';
  active: number;
  /** scrypt$… with its own salt; null when the operator has no PIN. */
  pin_hash: string | null;
  /** The badge's scrypt hash under the fleet-wide salt: found by index, unique; null without a badge. */
  badge_lookup: string | null;
  failed_pins: Generated<number>;
  locked_until: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export interface OperatorKeysTable {
  name: string;
  value: string;
}

/** Fleet only: the label files themselves, so any station reprints any label without the provider. */
export interface LabelFilesTable {
  label_id: string;
  format: LabelFormat;
  bytes: ColumnType<Buffer, Buffer | Uint8Array, never>;
  saved_at: string;
}

/** Station-local (SQLite): what the fleet's database missed while unreachable. */
export interface FleetOutboxTable {
  id: Generated<number>;
  kind: 'label' | 'attempt' | 'file';
  label_id: string;
  /** An attempt or a file as JSON (a label row itself is read from the cache at replay). */
  payload: Generated<string>;
  created_at: string;
}

export interface BatchesTable {
  id: string;
  name: string;
  state: 'running' | 'pausing' | 'paused' | 'done';
  operator: string;
  station_id: string;
  note: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface BatchEntriesTable {
  batch_id: string;
  position: number;
  scan: string;
  order_id: string | null;
  state: 'pending' | 'running' | 'bought' | 'already_labelled' | 'duplicate' | 'failed';
  message: Generated<string>;
  tracking: string | null;
  /** 0 or 1 on both databases. */
  queued: Generated<number>;
  updated_at: string;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  /** sha256 of the token, hex. */
  token_hash: string;
  /** JSON array of scopes. */
  scopes: string;
  created_at: string;
  created_by: string;
  last_used_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
}

export interface ApiIdempotencyTable {
  token_id: string;
  key: string;
  request_hash: string;
  state: 'running' | 'done';
  station_id: string;
  status: number | null;
  response: string | null;
  created_at: string;
  updated_at: string;
}

/** A label event written by trigger with the label's change (see migrations: write-back outbox). */
export interface OutboxEventsTable {
  id: Generated<number>;
  event_id: string;
  type: string;
  label_id: string;
  order_id: string;
  /** JSON array, as the label had them when the event happened. */
  tracking_numbers: string;
  provider: string;
  station: string;
  occurred_at: string;
  /** 1 once the delivery loop wrote its deliveries. */
  fanned_out: Generated<number>;
}

/** One event to one destination: retried until delivered, or failed and kept for a retry from Settings. */
export interface OutboxDeliveriesTable {
  id: Generated<number>;
  event_row: number;
  destination: string;
  destination_name: string;
  state: 'pending' | 'delivered' | 'failed' | 'through_provider';
  attempts: Generated<number>;
  next_try_at: string;
  lease_until: string | null;
  leased_by: string | null;
  last_error: string | null;
  note: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface ApiStationsTable {
  station_id: string;
  name: string;
  /** Where its Station API listens; null while it is off. */
  url: string | null;
  updated_at: string;
}

/** One row: since when this history holds every purchase (ISO); null in a backup copy not yet put in place. */
export interface HistoryEpochTable {
  id: number;
  complete_since: string | null;
  /** PostgreSQL: the cluster, database and timeline this history was last read on (fleet-restore.ts); SQLite: null. */
  home: string | null;
}

export interface HistorySchema {
  history_epoch: HistoryEpochTable;
  batches: BatchesTable;
  batch_entries: BatchEntriesTable;
  labels: LabelsTable;
  label_tracking: LabelTrackingTable;
  print_attempts: PrintAttemptsTable;
  label_files: LabelFilesTable;
  fleet_outbox: FleetOutboxTable;
  operators: OperatorsTable;
  operator_keys: OperatorKeysTable;
  api_tokens: ApiTokensTable;
  api_idempotency: ApiIdempotencyTable;
  api_stations: ApiStationsTable;
  outbox_events: OutboxEventsTable;
  outbox_deliveries: OutboxDeliveriesTable;
}
