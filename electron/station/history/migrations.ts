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
];
