/**
 * One set of schema migrations for the station's SQLite and the fleet's PostgreSQL, applied in
 * order (SQLite counts them in PRAGMA user_version, PostgreSQL in label_station_schema). Each step
 * says what it does in each dialect; a step for one database only leaves the other empty.
 * Never edit a migration that has shipped: add a new one.
 */
import { RECORD_POSTGRES_HOME } from './fleet-restore';
import { DIGIT_PIECE_KEYS, LONG_PIECE_LENGTH, PIECE_LENGTH, weekKeySql } from './word-pieces';

export type Dialect = 'sqlite' | 'postgres';

export interface Migration {
  name: string;
  sqlite: string;
  postgres: string;
}

/** The batch tables are written the same in both dialects. */
const BATCH_TABLES = `
  CREATE TABLE batches (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    state      TEXT NOT NULL CHECK (state IN ('running', 'pausing', 'paused', 'done')),
    operator   TEXT NOT NULL,
    station_id TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX batches_created ON batches(created_at DESC);
  CREATE TABLE batch_entries (
    batch_id   TEXT NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    scan       TEXT NOT NULL,
    order_id   TEXT,
    state      TEXT NOT NULL CHECK (state IN ('pending', 'running', 'bought', 'already_labelled', 'duplicate', 'failed')),
    message    TEXT NOT NULL DEFAULT '',
    tracking   TEXT,
    queued     INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (batch_id, position)
  );
  `;

/** Operators, the fleet-wide badge salt and who printed: the same on both databases. */
const OPERATOR_TABLES = `
  CREATE TABLE operators (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('operator', 'supervisor')),
    active          INTEGER NOT NULL DEFAULT 1,
    pin_hash        TEXT,
    badge_lookup    TEXT UNIQUE,
    failed_pins     INTEGER NOT NULL DEFAULT 0,
    locked_until    TEXT,
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    updated_by      TEXT NOT NULL
  );
  CREATE TABLE operator_keys (name TEXT PRIMARY KEY, value TEXT NOT NULL);
  ALTER TABLE print_attempts ADD COLUMN operator TEXT NOT NULL DEFAULT '';`;

/** The Station API's tokens and idempotency keys: the same on both databases (a fleet shares them). */
const SYSTEMS_API_TABLES = `
  CREATE TABLE api_tokens (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    scopes       TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at   TEXT,
    revoked_by   TEXT
  );
  CREATE TABLE api_idempotency (
    token_id     TEXT NOT NULL,
    key          TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('running', 'done')),
    station_id   TEXT NOT NULL,
    status       INTEGER,
    response     TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (token_id, key)
  );
  CREATE INDEX api_idempotency_created ON api_idempotency(created_at);
  CREATE TABLE api_stations (
    station_id TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    url        TEXT,
    updated_at TEXT NOT NULL
  );
  `;

/** The outbox's tables, the same on both databases but for how a row's id is made. */
const outboxTables = (id: string) => `
  CREATE TABLE outbox_events (
    id               ${id},
    event_id         TEXT NOT NULL UNIQUE,
    type             TEXT NOT NULL,
    label_id         TEXT NOT NULL,
    order_id         TEXT NOT NULL,
    tracking_numbers TEXT NOT NULL,
    provider         TEXT NOT NULL,
    station          TEXT NOT NULL,
    occurred_at      TEXT NOT NULL,
    fanned_out       INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX outbox_events_new ON outbox_events(id) WHERE fanned_out = 0;
  CREATE TABLE outbox_deliveries (
    id               ${id},
    event_row        INTEGER NOT NULL REFERENCES outbox_events(id) ON DELETE CASCADE,
    destination      TEXT NOT NULL,
    destination_name TEXT NOT NULL,
    state            TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed', 'through_provider')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_try_at      TEXT NOT NULL,
    lease_until      TEXT,
    leased_by        TEXT,
    last_error       TEXT,
    note             TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
  );
  CREATE INDEX outbox_deliveries_pending ON outbox_deliveries(destination, id) WHERE state = 'pending';
  -- One delivery per event and destination: fanning out again (two stations, a crash mid-way) adds none.
  CREATE UNIQUE INDEX outbox_deliveries_one ON outbox_deliveries(event_row, destination);
`;

/** The characters of a shop's order number that labels_scanned_start_newest keys it by (both databases). */
export const SCANNED_START_LENGTH = 3;

/**
 * The index of the labels in a status other than printed, and its condition: a search filtered by
 * such a status states the condition too (SQLite uses a partial index only where the statement's
 * own conditions say it holds the rows).
 */
export const UNPRINTED_INDEX = 'labels_unprinted_newest';
export const NOT_PRINTED = `status <> 'printed'`;

/** What a SQLite walk on a filter's index reads besides the filtered columns: the label's key and its searched fields. */
const WALKED_WORDS = 'search_key, order_id, scanned, tracking_numbers';

/** The words of a label that the search indexes hold (an SQL expression on its columns; PostgreSQL's labels_pieces lowers them). */
export const LABEL_WORDS = `order_id || ' ' || scanned || ' ' || operator || ' ' || tracking_numbers`;

/**
 * The pieces of `words` (an SQL expression) made of `length` ASCII letters or digits, space-separated,
 * as SQLite's labels_pieces (4) indexes them, and labels_long_pieces (8) did before it kept their places
 * (see the migrations "substrings by their 4-character pieces" and "a part rare as a whole is found by
 * its 8-character pieces"; sqlitePlacedPieces).
 * A trigger cannot use a recursive CTE: the positions come from a JSON array as long as the words
 * (the hex of a zeroblob, each "00" made "0,").
 */
export function sqliteWordPieces(words: string, length = PIECE_LENGTH): string {
  return `(SELECT group_concat(piece, ' ') FROM (
      SELECT substr(s.w, p.key + 1, ${length}) AS piece FROM (SELECT ${words} AS w) AS s
      CROSS JOIN json_each('[' || substr(replace(hex(zeroblob(max(length(s.w) - ${length - 1}, 1))), '00', '0,'), 1, 2 * max(length(s.w) - ${length - 1}, 1) - 1) || ']') AS p
      WHERE length(s.w) >= ${length})
    WHERE piece NOT GLOB '*[^0-9A-Za-z]*')`;
}

/**
 * Every piece of `words` (an SQL expression) of `length` ASCII letters or digits, in order, and a "0"
 * at each other character, space-separated: as labels_long_pieces indexes them with their places
 * (the migration "a part is found where its 8-character pieces lie one after another"). A string's
 * pieces one after another are then in a label only where the label holds the string: a run of
 * letters and digits ends at a "0", which no piece is.
 */
export function sqlitePlacedPieces(words: string, length: number): string {
  return `(SELECT group_concat(piece, ' ' ORDER BY at) FROM (
      SELECT p.key AS at, CASE
          WHEN substr(s.w, p.key + 1, 1) NOT GLOB '[0-9A-Za-z]' THEN '0'
          WHEN p.key + ${length} > length(s.w) OR substr(s.w, p.key + 1, ${length}) GLOB '*[^0-9A-Za-z]*' THEN NULL
          ELSE substr(s.w, p.key + 1, ${length}) END AS piece
      FROM (SELECT ${words} AS w) AS s
      CROSS JOIN json_each('[' || substr(replace(hex(zeroblob(max(length(s.w), 1))), '00', '0,'), 1, 2 * max(length(s.w), 1) - 1) || ']') AS p))`;
}

/**
 * The array of the keys of the 8-digit pieces of `words` (PostgreSQL: a function's parameter), each its number
 * modulo DIGIT_PIECE_KEYS (word-pieces.ts). Written out in each function that needs it: a function
 * an index uses must call no function of the project's schema (pg_restore runs with no search path).
 */
const DIGIT_PIECE_ARRAY = `coalesce(array_agg(DISTINCT substr(r[1], i, ${LONG_PIECE_LENGTH})::int % ${DIGIT_PIECE_KEYS}), '{}')`;
/** The FROM of DIGIT_PIECE_ARRAY: each run of 8 digits or more in `words`, and each place in it. */
const DIGIT_RUNS_OF_WORDS = `regexp_matches(words, '[0-9]{${LONG_PIECE_LENGTH},}', 'g') AS r, generate_series(1, length(r[1]) - ${LONG_PIECE_LENGTH - 1}) AS i`;

/** LABEL_WORDS of the row `row` names (a trigger's NEW, a statement's alias). */
export const labelWordsOf = (row: string) => LABEL_WORDS.replace(/\b(order_id|scanned|operator|tracking_numbers)\b/g, `${row}.$1`);
const NEW_LABEL_WORDS = labelWordsOf('NEW');

/** labels_long_pieces' triggers (SQLite): a label's `pieces` of its words, kept when it gets its key and when its words change, gone with it. */
function longPiecesTriggers(pieces: (words: string) => string): string {
  return `
  CREATE TRIGGER labels_long_pieces_new AFTER UPDATE OF search_key ON labels
    WHEN OLD.search_key IS NULL AND NEW.search_key IS NOT NULL
  BEGIN
    INSERT INTO labels_long_pieces (rowid, pieces) VALUES (NEW.search_key, ${pieces(NEW_LABEL_WORDS)});
  END;
  CREATE TRIGGER labels_long_pieces_words AFTER UPDATE OF order_id, scanned, operator, tracking_numbers ON labels
    WHEN OLD.search_key IS NOT NULL
  BEGIN
    DELETE FROM labels_long_pieces WHERE rowid = OLD.search_key;
    INSERT INTO labels_long_pieces (rowid, pieces) VALUES (NEW.search_key, ${pieces(NEW_LABEL_WORDS)});
  END;
  CREATE TRIGGER labels_long_pieces_gone AFTER DELETE ON labels WHEN OLD.search_key IS NOT NULL
  BEGIN
    DELETE FROM labels_long_pieces WHERE rowid = OLD.search_key;
  END;`;
}

export const migrations: readonly Migration[] = [
  {
    name: 'labels, tracking numbers and print attempts',
    sqlite: `
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
    postgres: `
  CREATE TABLE labels (
    id                TEXT PRIMARY KEY,
    order_id          TEXT NOT NULL,
    parcel_key        TEXT NOT NULL,
    reference         TEXT NOT NULL,
    provider          TEXT NOT NULL,
    sandbox           INTEGER NOT NULL,
    provider_label_id TEXT,
    tracking_numbers  TEXT NOT NULL DEFAULT '[]',
    cost_amount       DOUBLE PRECISION,
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
  CREATE INDEX labels_order ON labels(order_id text_pattern_ops);
  CREATE INDEX labels_created ON labels(created_at DESC);
  CREATE INDEX labels_status ON labels(status);
  CREATE INDEX labels_reference ON labels(reference);
  -- The shared database refuses a second live label for the same order and parcel set, fleet-wide.
  CREATE UNIQUE INDEX labels_one_live_per_parcel ON labels(order_id, parcel_key) WHERE status <> 'failed';

  CREATE TABLE label_tracking (
    label_id        TEXT NOT NULL REFERENCES labels(id) ON DELETE CASCADE,
    tracking_number TEXT NOT NULL,
    PRIMARY KEY (label_id, tracking_number)
  );
  CREATE INDEX label_tracking_number ON label_tracking(upper(tracking_number) text_pattern_ops);

  CREATE TABLE print_attempts (
    id       INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
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
  },
  {
    // The exact request a label was bought with, so an unanswered purchase can be looked up later.
    name: 'purchase request',
    sqlite: `ALTER TABLE labels ADD COLUMN request TEXT;`,
    postgres: `ALTER TABLE labels ADD COLUMN request TEXT;`,
  },
  {
    // The durable print queue (printing/queue/): a job is written here before a byte is sent.
    // id is the FIFO order. payload is emptied once a job is done or cancelled (the label file in
    // history is what reprints use), so the table stays small over a million labels.
    // Each station's printers are its own: the queue stays in the station's SQLite, even in a fleet.
    name: 'print queue',
    sqlite: `
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
    postgres: '',
  },
  {
    // Never twice across stations: the reference names order, parcel set and generation (bumped only
    // when a supervisor confirms no label exists); which station scanned; how long a lost answer is
    // waited for before the order may be bought again. The tracking index follows tracking_numbers
    // by trigger, so marking a label bought is one atomic statement on both databases.
    name: 'fleet: generation, station, checking window, label files',
    sqlite: `
  ALTER TABLE labels ADD COLUMN generation INTEGER NOT NULL DEFAULT 1;
  ALTER TABLE labels ADD COLUMN station TEXT NOT NULL DEFAULT '';
  ALTER TABLE labels ADD COLUMN station_id TEXT NOT NULL DEFAULT '';
  ALTER TABLE labels ADD COLUMN check_until TEXT;
  ALTER TABLE labels ADD COLUMN cleared_by TEXT;
  CREATE INDEX labels_order_parcel ON labels(order_id, parcel_key, generation);
  -- NOT EXISTS rather than OR IGNORE: inside a trigger, an upsert's own conflict rule would override it.
  CREATE TRIGGER labels_tracking_index AFTER UPDATE OF tracking_numbers ON labels
  BEGIN
    INSERT INTO label_tracking (label_id, tracking_number)
      SELECT NEW.id, j.value FROM json_each(NEW.tracking_numbers) AS j
      WHERE NOT EXISTS (SELECT 1 FROM label_tracking t WHERE t.label_id = NEW.id AND t.tracking_number = j.value);
  END;
  CREATE TRIGGER labels_tracking_index_new AFTER INSERT ON labels
  BEGIN
    INSERT INTO label_tracking (label_id, tracking_number)
      SELECT NEW.id, j.value FROM json_each(NEW.tracking_numbers) AS j
      WHERE NOT EXISTS (SELECT 1 FROM label_tracking t WHERE t.label_id = NEW.id AND t.tracking_number = j.value);
  END;
  -- A fleet station's writes the shared database missed while it was unreachable, replayed in order.
  CREATE TABLE fleet_outbox (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    kind       TEXT NOT NULL CHECK (kind IN ('label', 'attempt', 'file')),
    label_id   TEXT NOT NULL,
    payload    TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
  );
  `,
    postgres: `
  ALTER TABLE labels ADD COLUMN generation INTEGER NOT NULL DEFAULT 1;
  ALTER TABLE labels ADD COLUMN station TEXT NOT NULL DEFAULT '';
  ALTER TABLE labels ADD COLUMN station_id TEXT NOT NULL DEFAULT '';
  ALTER TABLE labels ADD COLUMN check_until TEXT;
  ALTER TABLE labels ADD COLUMN cleared_by TEXT;
  CREATE INDEX labels_order_parcel ON labels(order_id, parcel_key, generation);
  CREATE FUNCTION labels_tracking_index() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    INSERT INTO label_tracking (label_id, tracking_number)
      SELECT NEW.id, value FROM jsonb_array_elements_text(NEW.tracking_numbers::jsonb)
      ON CONFLICT DO NOTHING;
    RETURN NULL;
  END $$;
  CREATE TRIGGER labels_tracking_index AFTER UPDATE OF tracking_numbers ON labels
    FOR EACH ROW EXECUTE FUNCTION labels_tracking_index();
  CREATE TRIGGER labels_tracking_index_new AFTER INSERT ON labels
    FOR EACH ROW EXECUTE FUNCTION labels_tracking_index();
  CREATE TABLE label_files (
    label_id TEXT PRIMARY KEY REFERENCES labels(id) ON DELETE CASCADE,
    format   TEXT NOT NULL,
    bytes    BYTEA NOT NULL,
    saved_at TEXT NOT NULL
  );
  `,
  },
  {
    // A job that finished while the history could not hear it (the station was killed between the
    // printer's "done" and the history's "printed") is told again at the next start. Jobs already
    // final when this step runs count as told.
    name: 'print queue: finished jobs told to the history',
    sqlite: `
  ALTER TABLE print_jobs ADD COLUMN recorded_at TEXT;
  UPDATE print_jobs SET recorded_at = updated_at WHERE state IN ('done', 'cancelled');
  CREATE INDEX print_jobs_unrecorded ON print_jobs(id) WHERE recorded_at IS NULL AND state IN ('done', 'cancelled');
  `,
    postgres: '',
  },
  {
    // A split shipment's boxes on the label that covers them (JSON array of LabelBox: index, count,
    // tracking number, size, weight, line items); '[]' for a single parcel.
    name: 'split shipments: boxes per label',
    sqlite: `ALTER TABLE labels ADD COLUMN boxes TEXT NOT NULL DEFAULT '[]';`,
    postgres: `ALTER TABLE labels ADD COLUMN boxes TEXT NOT NULL DEFAULT '[]';`,
  },
  {
    // Operators sign in (badge or PIN) and every record names them: who printed, who queued and who
    // cancelled a print job. Operators live where the labels do, so every station of a fleet knows
    // them. PINs are stored only as salted scrypt hashes, badges only as badge_lookup: scrypt with the
    // fleet-wide salt in operator_keys (see settings/operators/secret-hash.ts), so a badge is found
    // with one index lookup and two operators can never share a badge.
    name: 'operators and who printed',
    // Names are unique whatever their case: SQLite by collation, PostgreSQL by lower(name).
    sqlite: `${OPERATOR_TABLES}
  CREATE UNIQUE INDEX operators_name ON operators(name COLLATE NOCASE);
  ALTER TABLE print_jobs ADD COLUMN operator TEXT NOT NULL DEFAULT '';
  ALTER TABLE print_jobs ADD COLUMN cancelled_by TEXT;
  `,
    postgres: `${OPERATOR_TABLES}
  CREATE UNIQUE INDEX operators_name ON operators(lower(name));
  `,
  },
  {
    // Batches: a list of orders bought and printed back to back. The list and each entry's state
    // are kept so a batch survives a restart; an entry caught "running" by a crash is run again
    // through the scan job, which never buys an order twice.
    name: 'batches of orders',
    sqlite: BATCH_TABLES,
    postgres: BATCH_TABLES,
  },
  {
    // Label files older than the retention setting are removed from the station's disk; the row stays
    // and says when (a reprint downloads the file again and clears it). Set on both databases so the
    // one typed schema reads both alike.
    name: 'health: label files pruned',
    sqlite: `ALTER TABLE labels ADD COLUMN file_pruned_at TEXT;`,
    postgres: `ALTER TABLE labels ADD COLUMN file_pruned_at TEXT;`,
  },
  {
    // Why a label was printed again ("Label damaged", "Printer jammed", …), kept on each print
    // attempt of a reprint (null for a first print and for reprints from before reasons were asked),
    // and on the station's print job so the attempts it records later carry it too. The index serves
    // the end-of-day summary and the export's print counts (attempts of a day, of a label).
    name: 'reprint reasons',
    sqlite: `
  ALTER TABLE print_attempts ADD COLUMN reason TEXT;
  ALTER TABLE print_jobs ADD COLUMN reason TEXT;
  CREATE INDEX print_attempts_at ON print_attempts(at);
  `,
    postgres: `
  ALTER TABLE print_attempts ADD COLUMN reason TEXT;
  CREATE INDEX print_attempts_at ON print_attempts(at);
  `,
  },
  {
    // History at warehouse scale (a million labels): the Shopify order number that was scanned;
    // newest-first keyset pages by (created_at, id), also per filter (status, provider, printer,
    // station, operator); a partial index for the start-up pass over labels without a file; and a
    // trigram index for "any part of" an order ID, tracking number, order number or operator.
    // SQLite: FTS5 `trigram` kept by triggers, keyed by search_key (labels has no INTEGER PRIMARY
    // KEY, so its rowid may change under VACUUM). PostgreSQL: pg_trgm GIN over the same words.
    name: 'history at scale: search words, keyset indexes, missing files',
    sqlite: `
  ALTER TABLE labels ADD COLUMN scanned TEXT NOT NULL DEFAULT '';
  ALTER TABLE labels ADD COLUMN search_key INTEGER;
  UPDATE labels SET search_key = rowid;
  CREATE UNIQUE INDEX labels_search_key ON labels(search_key);
  DROP INDEX labels_created;
  DROP INDEX labels_status;
  CREATE INDEX labels_newest ON labels(created_at, id);
  CREATE INDEX labels_status_newest ON labels(status, created_at, id);
  CREATE INDEX labels_provider_newest ON labels(provider, created_at, id);
  CREATE INDEX labels_printer_newest ON labels(printer, created_at, id);
  CREATE INDEX labels_station_newest ON labels(station, created_at, id);
  CREATE INDEX labels_operator_newest ON labels(operator COLLATE NOCASE, created_at, id);
  CREATE INDEX labels_missing_file ON labels(created_at) WHERE file_path IS NULL AND label_url IS NOT NULL;
  CREATE VIRTUAL TABLE labels_search USING fts5(words, tokenize = 'trigram', content = '', contentless_delete = 1);
  INSERT INTO labels_search (rowid, words)
    SELECT search_key, order_id || ' ' || scanned || ' ' || operator || ' ' || tracking_numbers FROM labels;
  -- max + 1, not the new rowid: after a VACUUM renumbers rowids a new rowid could be a key in use.
  CREATE TRIGGER labels_search_new AFTER INSERT ON labels
  BEGIN
    UPDATE labels SET search_key = coalesce((SELECT max(search_key) FROM labels), 0) + 1 WHERE rowid = NEW.rowid;
    INSERT INTO labels_search (rowid, words)
      SELECT search_key, NEW.order_id || ' ' || NEW.scanned || ' ' || NEW.operator || ' ' || NEW.tracking_numbers
      FROM labels WHERE rowid = NEW.rowid;
  END;
  CREATE TRIGGER labels_search_words AFTER UPDATE OF order_id, scanned, operator, tracking_numbers ON labels
    WHEN OLD.search_key IS NOT NULL
  BEGIN
    DELETE FROM labels_search WHERE rowid = OLD.search_key;
    INSERT INTO labels_search (rowid, words)
      VALUES (NEW.search_key, NEW.order_id || ' ' || NEW.scanned || ' ' || NEW.operator || ' ' || NEW.tracking_numbers);
  END;
  CREATE TRIGGER labels_search_gone AFTER DELETE ON labels
  BEGIN
    DELETE FROM labels_search WHERE rowid = OLD.search_key;
  END;
  `,
    postgres: `
  ALTER TABLE labels ADD COLUMN scanned TEXT NOT NULL DEFAULT '';
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
  DROP INDEX labels_created;
  DROP INDEX labels_status;
  CREATE INDEX labels_newest ON labels(created_at, id);
  CREATE INDEX labels_status_newest ON labels(status, created_at, id);
  CREATE INDEX labels_provider_newest ON labels(provider, created_at, id);
  CREATE INDEX labels_printer_newest ON labels(printer, created_at, id);
  CREATE INDEX labels_station_newest ON labels(station, created_at, id);
  CREATE INDEX labels_operator_newest ON labels(lower(operator), created_at, id);
  CREATE INDEX labels_missing_file ON labels(created_at) WHERE file_path IS NULL AND label_url IS NOT NULL;
  CREATE INDEX labels_words ON labels
    USING gin (lower(order_id || ' ' || scanned || ' ' || operator || ' ' || tracking_numbers) gin_trgm_ops);
  `,
  },
  {
    // A supervisor's "buy without the packing check": who (name as records give it, and operator
    // ID), why and when, as JSON on the label (null when the items were checked or no check was
    // asked), so History's detail and the CSV export show it, not only the station log.
    name: 'packing check override on the label',
    sqlite: `ALTER TABLE labels ADD COLUMN check_override TEXT;`,
    postgres: `ALTER TABLE labels ADD COLUMN check_override TEXT;`,
  },
  {
    // The Station API for systems (issue 14): tokens a supervisor creates for a WMS or ERP, stored
    // only as sha256 of the token (a 32-byte random value, so no slow hash is needed), and each
    // caller's idempotency keys with the request's hash and the answer given, so a retried request
    // never buys twice and gets the same answer. Kept with the labels: a fleet shares both. And where
    // each station's API listens, so a label asked at one station for another is passed on to it.
    name: 'station API for systems: tokens and idempotency keys',
    sqlite: SYSTEMS_API_TABLES,
    postgres: SYSTEMS_API_TABLES,
  },
  {
    // Write-back and events out (electron/station/outbox/): every label event the systems around the
    // station hear of is written by trigger in the same statement that changes the label, so a crash
    // between buying and telling Shopify or a WMS loses nothing. A delivery loop fans each event out
    // to the destinations (one row each, retried with backoff, leased so two stations of a fleet never
    // send the same row at once) and keeps the last deliveries as the log Settings shows.
    name: 'write-back outbox: label events and their deliveries',
    sqlite: `
${outboxTables('INTEGER PRIMARY KEY AUTOINCREMENT')}
  CREATE TRIGGER outbox_label_new AFTER INSERT ON labels
  BEGIN
    INSERT INTO outbox_events (event_id, type, label_id, order_id, tracking_numbers, provider, station, occurred_at)
      SELECT 'evt_' || lower(hex(randomblob(16))), t.type, NEW.id, NEW.order_id, NEW.tracking_numbers, NEW.provider, NEW.station, NEW.updated_at
      FROM (SELECT 'label.bought' AS type, 1 AS o WHERE NEW.status IN ('bought', 'queued', 'printed', 'print_failed')
            UNION ALL SELECT 'label.printed', 2 WHERE NEW.status = 'printed'
            UNION ALL SELECT 'label.print_failed', 2 WHERE NEW.status = 'print_failed'
            UNION ALL SELECT 'label.needs_checking', 0 WHERE NEW.status = 'unknown') AS t
      ORDER BY t.o;
  END;
  CREATE TRIGGER outbox_label_status AFTER UPDATE OF status ON labels WHEN NEW.status IS NOT OLD.status
  BEGIN
    INSERT INTO outbox_events (event_id, type, label_id, order_id, tracking_numbers, provider, station, occurred_at)
      SELECT 'evt_' || lower(hex(randomblob(16))), t.type, NEW.id, NEW.order_id, NEW.tracking_numbers, NEW.provider, NEW.station, NEW.updated_at
      FROM (SELECT 'label.bought' AS type, 1 AS o
              WHERE NEW.status IN ('bought', 'queued', 'printed', 'print_failed') AND OLD.status NOT IN ('bought', 'queued', 'printed', 'print_failed')
            UNION ALL SELECT 'label.printed', 2 WHERE NEW.status = 'printed'
            UNION ALL SELECT 'label.print_failed', 2 WHERE NEW.status = 'print_failed'
            UNION ALL SELECT 'label.needs_checking', 0 WHERE NEW.status = 'unknown') AS t
      ORDER BY t.o;
  END;
  `,
    postgres: `
${outboxTables('INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY')}
  CREATE FUNCTION outbox_label_events() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    was TEXT := CASE WHEN TG_OP = 'UPDATE' THEN OLD.status ELSE NULL END;
    sold TEXT[] := ARRAY['bought', 'queued', 'printed', 'print_failed'];
    kinds TEXT[] := ARRAY[]::TEXT[];
    kind TEXT;
  BEGIN
    IF was IS NOT DISTINCT FROM NEW.status THEN RETURN NULL; END IF;
    IF NEW.status = 'unknown' THEN kinds := array_append(kinds, 'label.needs_checking'); END IF;
    IF NEW.status = ANY (sold) AND (was IS NULL OR NOT (was = ANY (sold))) THEN kinds := array_append(kinds, 'label.bought'); END IF;
    IF NEW.status = 'printed' THEN kinds := array_append(kinds, 'label.printed'); END IF;
    IF NEW.status = 'print_failed' THEN kinds := array_append(kinds, 'label.print_failed'); END IF;
    FOREACH kind IN ARRAY kinds LOOP
      INSERT INTO outbox_events (event_id, type, label_id, order_id, tracking_numbers, provider, station, occurred_at)
        VALUES ('evt_' || md5(random()::text || clock_timestamp()::text || NEW.id || kind), kind, NEW.id, NEW.order_id,
                NEW.tracking_numbers, NEW.provider, NEW.station, NEW.updated_at);
    END LOOP;
    RETURN NULL;
  EXCEPTION WHEN OTHERS THEN
    -- A label is never refused for its event: the label is what must not be lost.
    RAISE WARNING 'label-station outbox: event of label % not written: %', NEW.id, SQLERRM;
    RETURN NULL;
  END $$;
  CREATE TRIGGER outbox_label_events AFTER INSERT OR UPDATE OF status ON labels
    FOR EACH ROW EXECUTE FUNCTION outbox_label_events();
  `,
  },
  {
    // Which station printed: a fleet's end-of-day summary counts prints, failures and reprints per
    // station ('' for attempts recorded before this, and the summary shows those as "not recorded").
    name: 'print attempts: the station that printed',
    sqlite: `ALTER TABLE print_attempts ADD COLUMN station TEXT NOT NULL DEFAULT '';`,
    postgres: `ALTER TABLE print_attempts ADD COLUMN station TEXT NOT NULL DEFAULT '';`,
  },
  {
    // PostgreSQL counts an operator's labels (History's "more than 1,000") from the index alone only
    // when the index also carries the column its expression reads: without it the capped count read
    // the table (tens of ms on a million labels). SQLite's NOCASE index already serves the count.
    name: 'operator search counted from its index (PostgreSQL)',
    sqlite: '',
    postgres: `
  DROP INDEX labels_operator_newest;
  CREATE INDEX labels_operator_newest ON labels(lower(operator), created_at, id) INCLUDE (operator);
  `,
  },
  {
    // "The last digits of a tracking number" (what people read off a parcel) as one index range: the
    // tracking number's last 16 characters reversed, upper case, so "ends with 482913" is "begins with
    // 319284". Their trigrams are in most labels, so the substring search read long lists for them.
    // SQLite has no reverse(): a virtual generated column spells it out (no trigger to keep).
    name: 'tracking numbers found by their last digits',
    sqlite: `
  ALTER TABLE label_tracking ADD COLUMN tail_reversed TEXT
    GENERATED ALWAYS AS (upper(substr(tracking_number, -1, 1)||substr(tracking_number, -2, 1)||substr(tracking_number, -3, 1)||substr(tracking_number, -4, 1)||substr(tracking_number, -5, 1)||substr(tracking_number, -6, 1)||substr(tracking_number, -7, 1)||substr(tracking_number, -8, 1)||substr(tracking_number, -9, 1)||substr(tracking_number, -10, 1)||substr(tracking_number, -11, 1)||substr(tracking_number, -12, 1)||substr(tracking_number, -13, 1)||substr(tracking_number, -14, 1)||substr(tracking_number, -15, 1)||substr(tracking_number, -16, 1))) VIRTUAL;
  CREATE INDEX label_tracking_tail ON label_tracking(tail_reversed);
  `,
    postgres: `CREATE INDEX label_tracking_tail ON label_tracking(reverse(upper(tracking_number)) text_pattern_ops);`,
  },
  {
    // PostgreSQL counts and lists the labels a tracking number's beginning or end names from the index
    // alone only when the index carries the columns its expression reads (as for operators above):
    // without them, "the first 13 digits" read 22,000 table rows to count 2,001 (15–36 ms on a million).
    name: 'tracking number indexes read alone (PostgreSQL)',
    sqlite: '',
    postgres: `
  DROP INDEX label_tracking_number;
  CREATE INDEX label_tracking_number ON label_tracking(upper(tracking_number) text_pattern_ops) INCLUDE (tracking_number, label_id);
  DROP INDEX label_tracking_tail;
  CREATE INDEX label_tracking_tail ON label_tracking(reverse(upper(tracking_number)) text_pattern_ops) INCLUDE (tracking_number, label_id);
  `,
  },
  {
    // Since when this history holds every label its stations bought: a purchase for an order it has
    // never seen may then skip asking the provider first (labels/history-answers.ts). A new or migrated
    // history starts now; a backup copy is marked (NULL) and starts again when it is put in place.
    name: 'history complete since',
    sqlite: `
  CREATE TABLE history_epoch (id INTEGER PRIMARY KEY CHECK (id = 1), complete_since TEXT);
  INSERT INTO history_epoch (id, complete_since) VALUES (1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  `,
    postgres: `
  CREATE TABLE history_epoch (id INTEGER PRIMARY KEY CHECK (id = 1), complete_since TEXT);
  INSERT INTO history_epoch (id, complete_since) VALUES (1, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
  `,
  },
  {
    // Part of a number found by its 4-character pieces (word-pieces.ts). Trigram indexes read every
    // label holding a trigram: 13 digits of a USPS number no label holds are made of trigrams most
    // labels hold (PostgreSQL's pg_trgm, not positional, then had 1,600 labels to test: 50 ms; SQLite's
    // FTS5 read lists of a million positions: 10–20 ms). A 4-digit piece is in a tenth as many
    // labels as a 3-digit one, and the rarest pieces are asked together, each label found then tested
    // for the whole string. PostgreSQL: a GIN over the array of pieces (which are rare: ANALYZE's
    // element statistics). SQLite: an FTS5 table without positions (detail=none: lists of label keys
    // only) holding the pieces made only of ASCII letters and digits, kept by the search triggers.
    name: 'substrings by their 4-character pieces',
    sqlite: `
  CREATE VIRTUAL TABLE labels_pieces USING fts5(pieces, content = '', contentless_delete = 1, detail = none, tokenize = 'unicode61 remove_diacritics 0');
  INSERT INTO labels_pieces (rowid, pieces)
    SELECT search_key, ${sqliteWordPieces(LABEL_WORDS)} FROM labels;
  DROP TRIGGER labels_search_new;
  CREATE TRIGGER labels_search_new AFTER INSERT ON labels
  BEGIN
    UPDATE labels SET search_key = coalesce((SELECT max(search_key) FROM labels), 0) + 1 WHERE rowid = NEW.rowid;
    INSERT INTO labels_search (rowid, words)
      SELECT search_key, NEW.order_id || ' ' || NEW.scanned || ' ' || NEW.operator || ' ' || NEW.tracking_numbers
      FROM labels WHERE rowid = NEW.rowid;
    INSERT INTO labels_pieces (rowid, pieces)
      SELECT search_key, ${sqliteWordPieces(NEW_LABEL_WORDS)}
      FROM labels WHERE rowid = NEW.rowid;
  END;
  DROP TRIGGER labels_search_words;
  CREATE TRIGGER labels_search_words AFTER UPDATE OF order_id, scanned, operator, tracking_numbers ON labels
    WHEN OLD.search_key IS NOT NULL
  BEGIN
    DELETE FROM labels_search WHERE rowid = OLD.search_key;
    INSERT INTO labels_search (rowid, words)
      VALUES (NEW.search_key, NEW.order_id || ' ' || NEW.scanned || ' ' || NEW.operator || ' ' || NEW.tracking_numbers);
    DELETE FROM labels_pieces WHERE rowid = OLD.search_key;
    INSERT INTO labels_pieces (rowid, pieces)
      VALUES (NEW.search_key, ${sqliteWordPieces(NEW_LABEL_WORDS)});
  END;
  DROP TRIGGER labels_search_gone;
  CREATE TRIGGER labels_search_gone AFTER DELETE ON labels
  BEGIN
    DELETE FROM labels_search WHERE rowid = OLD.search_key;
    DELETE FROM labels_pieces WHERE rowid = OLD.search_key;
  END;
  `,
    postgres: `
  CREATE FUNCTION label_pieces(words text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
    $$ SELECT coalesce(array_agg(DISTINCT substr(words, i, 4)), '{}') FROM generate_series(1, length(words) - 3) AS i $$;
  CREATE INDEX labels_pieces ON labels
    USING gin (label_pieces(lower(order_id || ' ' || scanned || ' ' || operator || ' ' || tracking_numbers)));
  `,
  },
  {
    // PostgreSQL walks labels newest first and tests each one when a query or a filter names many
    // (a part of a number most labels share, "576" with a status and a station, the first 13 digits of
    // a USPS number), and counts up to 1,001 matches for the total: each label read is a table row of
    // about 1 KB (9–100 ms to count 1,001 matches one label in 25 holds). This index carries every
    // column a walk tests, so the walk reads 170-byte index entries and no table row (an index-only
    // scan: 2–6 ms). It has the keys of labels_newest, which it replaces. Index-only scans skip the
    // table only on pages the visibility map marks all-visible, so labels is vacuumed after 1 % new or
    // changed rows rather than PostgreSQL's default 20 %.
    name: 'history walks read one narrow index (PostgreSQL)',
    sqlite: '',
    postgres: `
  CREATE INDEX labels_newest_words ON labels(created_at, id)
    INCLUDE (order_id, scanned, operator, tracking_numbers, status, provider, printer, station);
  DROP INDEX labels_newest;
  ALTER TABLE labels SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01);
  `,
  },
  {
    // Every History page counts each shown label's prints (print_attempts where ok = 1): with ok in
    // the index the count reads index entries alone and not one table row per label (an index-only
    // scan: 50 fewer random page reads per page of 50 labels). Same keys as print_attempts_label,
    // which it replaces. Attempts are only ever inserted, so a vacuum after 1 % new rows keeps their
    // pages all-visible (PostgreSQL's default waits for 20 %).
    name: 'a History page counts prints from one index (PostgreSQL)',
    sqlite: '',
    postgres: `
  CREATE INDEX print_attempts_label_ok ON print_attempts(label_id, id) INCLUDE (ok);
  DROP INDEX print_attempts_label;
  ALTER TABLE print_attempts SET (autovacuum_vacuum_insert_scale_factor = 0.01);
  `,
  },
  {
    // Where a fleet's history lives (fleet-restore.ts): a copy restored from a dump or a backup, or a
    // promoted standby, reads another home and starts its "complete since" again. SQLite keeps NULL:
    // a station's backups are marked when they are made (backup.ts).
    name: 'a fleet history knows where it lives',
    sqlite: `ALTER TABLE history_epoch ADD COLUMN home TEXT;`,
    postgres: `
  ALTER TABLE history_epoch ADD COLUMN home TEXT;
  ${RECORD_POSTGRES_HOME}
  `,
  },
  {
    // A History page shows each label's prints. Counted from print_attempts, each label of a page was
    // looked up by its random ID: on a cold disk 7 of the 10 ms a page of 50 neighbouring labels took
    // (SQLite, a million labels). A label now keeps its count, raised by a trigger on every attempt
    // that printed, whichever path records it (the station, the fleet's outbox replay, a copy's
    // import). Labels from before keep NULL and are counted as before: filling in a million counts
    // would rewrite the whole table during the upgrade (and every index of it on PostgreSQL). New
    // labels start at 0: SQLite's insert says so (a column default would give the old rows 0 too).
    name: 'a label keeps its print count',
    sqlite: `
  ALTER TABLE labels ADD COLUMN prints INTEGER;
  CREATE TRIGGER print_attempts_counted AFTER INSERT ON print_attempts WHEN NEW.ok = 1
  BEGIN
    UPDATE labels SET prints = prints + 1 WHERE id = NEW.label_id AND prints IS NOT NULL;
  END;
  `,
    postgres: `
  ALTER TABLE labels ADD COLUMN prints INTEGER;
  ALTER TABLE labels ALTER COLUMN prints SET DEFAULT 0;
  CREATE FUNCTION print_attempts_counted() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    UPDATE labels SET prints = prints + 1 WHERE id = NEW.label_id AND prints IS NOT NULL;
    RETURN NULL;
  END $$;
  CREATE TRIGGER print_attempts_counted AFTER INSERT ON print_attempts
    FOR EACH ROW WHEN (NEW.ok = 1) EXECUTE FUNCTION print_attempts_counted();
  `,
  },
  {
    // Labels from before a label kept its print count (NULL) are counted in the background, newest
    // first (print-count-fill.ts), so a History page reads no print_attempts for them either. This
    // index finds the next ones at once and empties as they are filled. PostgreSQL keeps counting
    // them on read: filling a million rows there writes a new version of each, in every index.
    name: 'labels from before kept print counts are found for their count to be filled (SQLite)',
    sqlite: `
  CREATE INDEX labels_prints_unknown ON labels(search_key) WHERE prints IS NULL;
  `,
    postgres: '',
  },
  {
    // A query of one or two characters is the start of an order ID, a tracking number, the order
    // number scanned or an operator's name, each looked up on its index (history-search.ts). The
    // scanned order number had none: a start no label has walked every label (1 s on a million).
    // PostgreSQL counts from the index alone when it carries the column its expression reads.
    name: 'the order number scanned is found by its start',
    sqlite: `
  CREATE INDEX labels_scanned ON labels(scanned COLLATE NOCASE);
  `,
    postgres: `
  CREATE INDEX labels_scanned ON labels(lower(scanned) text_pattern_ops) INCLUDE (scanned);
  `,
  },
  {
    // Shop order numbers grow with time: the labels whose number begins "#2" can all be months old,
    // and a walk newest first read 600,000 newer labels to find them (0.5-1 s on a million, with a
    // station's filter too). With each label's time and the filtered columns in the index, the
    // newest of them are read off it alone (history-search.ts). Only labels with a number are in it.
    name: 'the newest labels of an order number scanned are read off its index',
    sqlite: `
  DROP INDEX labels_scanned;
  CREATE INDEX labels_scanned_newest ON labels(scanned COLLATE NOCASE, created_at, id, status, provider, printer, station, operator)
    WHERE scanned <> '';
  `,
    postgres: `
  DROP INDEX labels_scanned;
  CREATE INDEX labels_scanned_newest ON labels(lower(scanned) text_pattern_ops)
    INCLUDE (scanned, created_at, id, status, provider, printer, station, operator) WHERE scanned <> '';
  `,
  },
  {
    // "76111899": each of its 4-character pieces is in thousands of labels (the mailer's "1118",
    // "1189", "1899" in three quarters of them), and the rarest three together still in 2,600 of a
    // million, so its labels were found through the trigram index (20-30 ms, 65-180 the first time).
    // An 8-character piece of a number is in a handful of labels: the same FTS5 table without
    // positions as labels_pieces, of every 8-character piece (176 bytes a label; 50 s to build on a
    // million, once). It is asked only for pieces its sample shows to be rare (substring-candidates.ts).
    // Kept by its own triggers: a label's search_key is set by labels_search_new's UPDATE (its key
    // fires this table's insert), so the search triggers of earlier migrations stay as they are.
    // PostgreSQL: the 4 rarest pieces' labels were read from the table and tested (8-22 ms, 140-200
    // the first time). A GIN of every 8-digit piece, each as its number modulo DIGIT_PIECE_KEYS
    // (word-pieces.ts), names a few dozen labels for a piece in none or a handful (194 bytes a
    // label, where a key per piece would cost a kilobyte; 80 s to build on a million, once).
    name: 'a part rare as a whole is found by its 8-character pieces',
    sqlite: `
  CREATE VIRTUAL TABLE labels_long_pieces USING fts5(pieces, content = '', contentless_delete = 1, detail = none, tokenize = 'unicode61 remove_diacritics 0');
  INSERT INTO labels_long_pieces (rowid, pieces)
    SELECT search_key, ${sqliteWordPieces(LABEL_WORDS, LONG_PIECE_LENGTH)} FROM labels WHERE search_key IS NOT NULL;
${longPiecesTriggers((words) => sqliteWordPieces(words, LONG_PIECE_LENGTH))}
  `,
    postgres: `
  CREATE FUNCTION label_digit_pieces(words text) RETURNS int[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
    $$ SELECT ${DIGIT_PIECE_ARRAY}
       FROM ${DIGIT_RUNS_OF_WORDS} $$;
  CREATE INDEX labels_digit_pieces ON labels USING gin (label_digit_pieces(${LABEL_WORDS}));
  `,
  },
  {
    // SQLite: a page of up to 5,000 labels found by their search keys (substring-candidates.ts) is
    // ordered from this index alone, where each label's row was read for its time (2,200 labels in
    // a million: 5.5 ms, 3 from the index; a third of the time when the rows are not in memory).
    name: 'a page of labels found by key is ordered from one index (SQLite)',
    sqlite: `
  CREATE INDEX labels_key_newest ON labels(search_key, created_at, id);
  `,
    postgres: '',
  },
  {
    // SQLite: a label gets the next search key when it is added, so keys follow the labels' times,
    // except for a label added with a time older than one already there (a copy imported from the
    // fleet, a clock set back): those are listed here. A first page of candidates is then tested in
    // key order from the newest (tested-candidates.ts), the listed ones besides, where each
    // candidate's time was looked up to order them all first ("1118992041": 2,200 lookups, 2 ms).
    // A tie is listed too. Kept by triggers: when a label gets its key, and if its time ever changes.
    name: 'labels added out of time order are listed (SQLite)',
    sqlite: `
  CREATE TABLE labels_out_of_order (search_key INTEGER PRIMARY KEY);
  INSERT INTO labels_out_of_order (search_key)
    SELECT search_key FROM (
      SELECT search_key, created_at,
        max(created_at) OVER (ORDER BY search_key ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before
      FROM labels WHERE search_key IS NOT NULL)
    WHERE created_at <= before;
  CREATE TRIGGER labels_out_of_order_new AFTER UPDATE OF search_key ON labels
    WHEN OLD.search_key IS NULL AND NEW.search_key IS NOT NULL
      AND NEW.created_at <= (SELECT created_at FROM labels WHERE rowid <> NEW.rowid ORDER BY created_at DESC LIMIT 1)
  BEGIN
    INSERT OR IGNORE INTO labels_out_of_order (search_key) VALUES (NEW.search_key);
  END;
  CREATE TRIGGER labels_out_of_order_moved AFTER UPDATE OF created_at ON labels
    WHEN NEW.search_key IS NOT NULL AND NEW.created_at IS NOT OLD.created_at
  BEGIN
    INSERT OR IGNORE INTO labels_out_of_order (search_key) VALUES (NEW.search_key);
  END;
  `,
    postgres: '',
  },
  {
    // PostgreSQL: a part in a few thousand labels ("18992041", 0.2 % of a million) was found by
    // reading and testing every label its 8-digit pieces name, then sorting them all for the newest
    // 50 (2,500 labels, 5.5 ms). The same GIN now holds each label's week as one more key
    // (word-pieces.ts: weekKey), so a page asks for the pieces in the weeks that likely hold it and
    // reads a few hundred labels (1 ms; postgres-recent-weeks.ts). The index: 164 MB on a million
    // labels added one by one (161 before), 185 MB as this migration builds it, in 55 s, once,
    // during which no station records a purchase.
    // The GINs also stop keeping new labels in a pending list (fastupdate), which every search
    // reads whole until a vacuum or 4 MB empties it: after 10,000 new labels a search of a part took
    // 11 ms where it took 4. A label added alone now takes 2.1 ms at the median where it took 1.4-1.7
    // (p99 6 and 3-7), and never waits for a 4 MB list to be merged.
    name: 'a part is found by its 8-digit pieces in the weeks asked (PostgreSQL)',
    sqlite: '',
    postgres: `
  DROP INDEX labels_digit_pieces;
  CREATE FUNCTION label_digit_pieces_weekly(words text, added text) RETURNS int[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
    $$ SELECT ${DIGIT_PIECE_ARRAY} || ${weekKeySql('added')}
       FROM ${DIGIT_RUNS_OF_WORDS} $$;
  CREATE INDEX labels_digit_pieces ON labels USING gin (label_digit_pieces_weekly(${LABEL_WORDS}, created_at)) WITH (fastupdate = off);
  ALTER INDEX labels_pieces SET (fastupdate = off);
  ALTER INDEX labels_words SET (fastupdate = off);
  SELECT gin_clean_pending_list('labels_pieces'::regclass), gin_clean_pending_list('labels_words'::regclass);
  `,
  },
  {
    // PostgreSQL: the newest labels of "#2" (numbers months old) were read from labels_scanned_newest's
    // highest numbers, then every other "#2…" entry (37,000 of a million) was read to check that none
    // was newer: 10 ms. This index keys each number by its first characters, then its time: the
    // newest of each start under the query are read from the end of its entries (narrowed-search.ts:
    // newestByStart), 0.5 ms. 52 MB on a million labels, 2 s to build.
    name: "the newest labels of a shop number's start are read by its first characters (PostgreSQL)",
    sqlite: '',
    postgres: `
  CREATE INDEX labels_scanned_start_newest ON labels ((left(lower(scanned), ${SCANNED_START_LENGTH}) COLLATE "C"), created_at, id)
    INCLUDE (scanned, status, provider, printer, station, operator) WHERE scanned <> '';
  `,
  },
  {
    // SQLite: a label that its pieces name is tested for the whole string (tested-candidates.ts) on
    // its searched fields alone, here, by its search key: one lookup in a table of about 100 bytes a
    // label, where it was a lookup in labels_key_newest and then a read of the label's row (about
    // 1 KB, so each on a page of its own). Testing 1,001 of "1118992105" (0.2 % of a million labels)
    // took 4.2-4.6 ms at the median, 1.2-1.3 here. 71 bytes a label. Kept by triggers: when
    // a label gets its key, when its searched fields change, when it is deleted.
    name: 'the searched fields are kept by search key (SQLite)',
    sqlite: `
  CREATE TABLE label_words (
    search_key       INTEGER PRIMARY KEY,
    order_id         TEXT NOT NULL COLLATE NOCASE,
    scanned          TEXT NOT NULL,
    operator         TEXT NOT NULL,
    tracking_numbers TEXT NOT NULL
  );
  INSERT INTO label_words (search_key, order_id, scanned, operator, tracking_numbers)
    SELECT search_key, order_id, scanned, operator, tracking_numbers FROM labels WHERE search_key IS NOT NULL ORDER BY search_key;
  CREATE TRIGGER label_words_keyed AFTER UPDATE OF search_key ON labels
    WHEN NEW.search_key IS NOT NULL AND NEW.search_key IS NOT OLD.search_key
  BEGIN
    DELETE FROM label_words WHERE search_key = OLD.search_key;
    INSERT OR REPLACE INTO label_words (search_key, order_id, scanned, operator, tracking_numbers)
      VALUES (NEW.search_key, NEW.order_id, NEW.scanned, NEW.operator, NEW.tracking_numbers);
  END;
  CREATE TRIGGER label_words_changed AFTER UPDATE OF order_id, scanned, operator, tracking_numbers ON labels
    WHEN NEW.search_key IS NOT NULL
  BEGIN
    UPDATE label_words SET order_id = NEW.order_id, scanned = NEW.scanned, operator = NEW.operator, tracking_numbers = NEW.tracking_numbers
      WHERE search_key = NEW.search_key;
  END;
  CREATE TRIGGER label_words_gone AFTER DELETE ON labels
  BEGIN
    DELETE FROM label_words WHERE search_key = OLD.search_key;
  END;
  `,
    postgres: '',
  },
  {
    // SQLite: labels_long_pieces keeps each piece's place, so a string of letters and digits longer
    // than a piece is found where all its pieces lie one after another: an FTS5 phrase, answered
    // from the index alone and exact. "1118992105" (0.2 % of a million labels) had its 2,200
    // labels named by three pieces, then 1,001 of them tested one by one for "more than 1,000", each
    // on a page of its own (10-12 ms at p95 as the bench asks). The phrase names them in 2-4 ms.
    // 232 bytes a label added one by one (241 as this builds them) where it was 176; 45-54 s to build
    // on a million labels, once.
    name: 'a part is found where its 8-character pieces lie one after another (SQLite)',
    sqlite: `
  DROP TRIGGER labels_long_pieces_new;
  DROP TRIGGER labels_long_pieces_words;
  DROP TRIGGER labels_long_pieces_gone;
  DROP TABLE labels_long_pieces;
  CREATE VIRTUAL TABLE labels_long_pieces USING fts5(pieces, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0');
  INSERT INTO labels_long_pieces (rowid, pieces)
    SELECT search_key, ${sqlitePlacedPieces(LABEL_WORDS, LONG_PIECE_LENGTH)} FROM labels WHERE search_key IS NOT NULL;
${longPiecesTriggers((words) => sqlitePlacedPieces(words, LONG_PIECE_LENGTH))}
  `,
    postgres: '',
  },
  {
    // A status other than printed (a print that failed, a label waiting in the queue, a purchase not
    // yet confirmed) is what a supervisor filters History by, and few labels have it. With a query or
    // a second filter, each label of the status was read from the table to test the rest: "576" at
    // one station read all 3,000 print failures of a million for its 590 matches (3-4 ms from memory,
    // 3,000 scattered table pages the first time). This index holds what such a walk tests, for
    // those labels alone, so the walk reads its entries and no label's row. 4 MB on a million.
    name: 'labels in a status other than printed are walked on one index',
    sqlite: `
  CREATE INDEX ${UNPRINTED_INDEX} ON labels(status, created_at, id, station, provider, printer, operator, search_key, order_id, scanned, tracking_numbers)
    WHERE ${NOT_PRINTED};
  `,
    postgres: `
  CREATE INDEX ${UNPRINTED_INDEX} ON labels(status, created_at, id)
    INCLUDE (order_id, scanned, operator, tracking_numbers, provider, printer, station) WHERE ${NOT_PRINTED};
  `,
  },
  {
    // SQLite, as PostgreSQL's does (an earlier migration): the newest labels of "#2" (numbers months
    // old) were read off labels_scanned_newest's highest numbers, then all 37,000 entries under it
    // (of a million) were counted to check that none was newer: 6.6 ms. This index keys each number by its first characters, lowered as NOCASE compares them,
    // then its time: the newest of each start under the query are read from the end of its entries
    // (narrowed-search.ts: newestByStartSqlite).
    name: "the newest labels of a shop number's start are read by its first characters (SQLite)",
    sqlite: `
  CREATE INDEX labels_scanned_start_newest ON labels(lower(substr(scanned, 1, ${SCANNED_START_LENGTH})), created_at, id, scanned, status, provider, printer, station, operator)
    WHERE scanned <> '';
  `,
    postgres: '',
  },
  {
    // Two filters no status narrows (an operator, 5 % of labels, at a station, 20 %) were walked on
    // one filter's index, and each label's row was read to test the other: 20,000 rows for the
    // 1,001 a total counts on SQLite (27 ms), 100,000 entries of labels_newest_words on PostgreSQL
    // (16 ms), and with "576" PostgreSQL read all 10,000 labels of both from the table (105 ms).
    // These indexes carry the other filters and the searched words, as labels_unprinted_newest does,
    // so the walk reads their entries and no label's row: SQLite's four filters but status (a printed
    // status is walked only when it is the rarest filter), PostgreSQL's operator and station (its
    // planner walks labels_newest_words, or one of these, for the rest). On a million labels added
    // one by one: SQLite about 445 bytes a label more, PostgreSQL 375 (a B-tree page of one
    // operator's or station's labels is split in half and never filled again, as new labels go after
    // it). Built in 14 s (SQLite) and 8 s (PostgreSQL), once; PostgreSQL holds new labels back
    // meanwhile.
    name: 'a walk on one filter tests the others on its index',
    sqlite: `
  DROP INDEX labels_operator_newest;
  CREATE INDEX labels_operator_newest ON labels(operator COLLATE NOCASE, created_at, id, status, provider, printer, station, ${WALKED_WORDS});
  DROP INDEX labels_station_newest;
  CREATE INDEX labels_station_newest ON labels(station, created_at, id, status, provider, printer, operator, ${WALKED_WORDS});
  DROP INDEX labels_printer_newest;
  CREATE INDEX labels_printer_newest ON labels(printer, created_at, id, status, provider, station, operator, ${WALKED_WORDS});
  DROP INDEX labels_provider_newest;
  CREATE INDEX labels_provider_newest ON labels(provider, created_at, id, status, printer, station, operator, ${WALKED_WORDS});
  `,
    postgres: `
  DROP INDEX labels_operator_newest;
  CREATE INDEX labels_operator_newest ON labels(lower(operator), created_at, id)
    INCLUDE (operator, order_id, scanned, tracking_numbers, status, provider, printer, station);
  DROP INDEX labels_station_newest;
  CREATE INDEX labels_station_newest ON labels(station, created_at, id)
    INCLUDE (order_id, scanned, operator, tracking_numbers, status, provider, printer);
  `,
  },
  {
    // A digit at a station of the rarest provider (shipium, 10 % of labels) was walked on the
    // station's index (20 %): 50,000 entries for the 1,001 a total counts, 2,300 pages (PostgreSQL
    // 4 / 13 ms p50 / p95 on a million labels). On the provider's, which its planner then chooses,
    // 25,000 entries and 640 pages. SQLite's provider index carries them since the last migration.
    // Built before the narrow one is dropped: the build holds back new labels (1.8 s on a million
    // here), the drop every read too, until the migration commits.
    name: "a provider's walk tests the others on its index (PostgreSQL)",
    sqlite: '',
    postgres: `
  CREATE INDEX labels_provider_walked ON labels(provider, created_at, id)
    INCLUDE (order_id, scanned, operator, tracking_numbers, status, printer, station);
  DROP INDEX labels_provider_newest;
  ALTER INDEX labels_provider_walked RENAME TO labels_provider_newest;
  `,
  },
];
