/**
 * Schema migrations, applied in order; PRAGMA user_version records how many ran.
 * Never edit a migration that has shipped: add a new one.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE labels (
    id                TEXT PRIMARY KEY,
    order_id          TEXT NOT NULL COLLATE NOCASE,
    parcel_key        TEXT NOT NULL,
    reference         TEXT NOT NULL,
    provider          TEXT NOT NULL,
    sandbox           INTEGER NOT NULL,
    provider_label_id TEXT,
    tracking_numbers  TEXT NOT NULL DEFAULT '[]',
    cost_amount       REAL,
    cost_currency     TEXT,
    status            TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    operator          TEXT NOT NULL,
    printer           TEXT NOT NULL,
    label_url         TEXT,
    format            TEXT,
    file_path         TEXT,
    error             TEXT
  );
  CREATE INDEX labels_order ON labels(order_id);
  CREATE INDEX labels_created ON labels(created_at DESC);
  CREATE INDEX labels_status ON labels(status);
  CREATE INDEX labels_reference ON labels(reference);
  -- The database itself refuses a second live label for the same order and parcel set.
  CREATE UNIQUE INDEX labels_one_live_per_parcel ON labels(order_id, parcel_key) WHERE status <> 'failed';

  CREATE TABLE label_tracking (
    label_id        TEXT NOT NULL REFERENCES labels(id) ON DELETE CASCADE,
    tracking_number TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (label_id, tracking_number)
  );
  CREATE INDEX label_tracking_number ON label_tracking(tracking_number);

  CREATE TABLE print_attempts (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    label_id TEXT NOT NULL REFERENCES labels(id) ON DELETE CASCADE,
    at       TEXT NOT NULL,
    printer  TEXT NOT NULL,
    ok       INTEGER NOT NULL,
    reprint  INTEGER NOT NULL,
    bytes    INTEGER NOT NULL,
    error    TEXT
  );
  CREATE INDEX print_attempts_label ON print_attempts(label_id, id);
  `,
  // The exact request a label was bought with, so an unanswered purchase can be looked up later.
  `ALTER TABLE labels ADD COLUMN request TEXT;`,
  // The durable print queue (printing/queue/): a job is written here before a byte is sent.
  // id is the FIFO order. payload is emptied once a job is done or cancelled (the label file in
  // history is what reprints use), so the table stays small over a million labels.
  `
  CREATE TABLE print_jobs (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    label_id   TEXT,
    printer    TEXT NOT NULL,
    payload    BLOB NOT NULL,
    size       INTEGER NOT NULL,
    reprint    INTEGER NOT NULL DEFAULT 0,
    state      TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'retrying', 'held', 'done', 'cancelled')),
    attempts   INTEGER NOT NULL DEFAULT 0,
    bytes_sent INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    done_at    TEXT
  );
  CREATE INDEX print_jobs_pending ON print_jobs(printer, id) WHERE state NOT IN ('done', 'cancelled');
  CREATE INDEX print_jobs_label ON print_jobs(label_id);
  CREATE INDEX print_jobs_state ON print_jobs(state, id);
  `,
  // Never twice across stations: the reference names order, parcel set and generation (bumped only
  // when a supervisor confirms no label exists); which station scanned; how long a lost answer is
  // waited for before the order may be bought again.
  `
  ALTER TABLE labels ADD COLUMN generation INTEGER NOT NULL DEFAULT 1;
  ALTER TABLE labels ADD COLUMN station TEXT NOT NULL DEFAULT '';
  ALTER TABLE labels ADD COLUMN check_until TEXT;
  ALTER TABLE labels ADD COLUMN cleared_by TEXT;
  CREATE INDEX labels_order_parcel ON labels(order_id, parcel_key, generation);
  `,
];
