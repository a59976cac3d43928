/**
 * A warehouse-like history written straight into the tables the migrations made (bulk inserts, so a
 * million labels take minutes): TikTok order IDs that all start with 576, tracking numbers of one or
 * several boxes (most USPS ones sharing the warehouse's mailer ID, as they do), Shopify numbers for some, 20 operators, 4 printers, 5 stations, 3 providers, a year
 * of times in order, 1.2 print attempts per label, and a few sold labels whose file is missing.
 * seedLabel(i) is pure: tests compute what a search must find from the same rows.
 */
import type Database from 'better-sqlite3';
import pg from 'pg';
import { LABEL_WORDS, sqlitePlacedPieces, sqliteWordPieces } from '../../electron/station/history/migrations';
import { LONG_PIECE_LENGTH } from '../../electron/station/history/word-pieces';

export interface SeedLabel {
  id: string;
  order_id: string;
  parcel_key: string;
  reference: string;
  provider: string;
  sandbox: number;
  provider_label_id: string;
  tracking_numbers: string;
  cost_amount: number;
  cost_currency: string;
  status: string;
  created_at: string;
  updated_at: string;
  operator: string;
  printer: string;
  label_url: string | null;
  format: string;
  file_path: string | null;
  error: string | null;
  request: string;
  generation: number;
  station: string;
  station_id: string;
  boxes: string;
  scanned: string;
}

export const SEED_OPERATORS = Array.from(
  { length: 20 },
  (_, i) => ['Ana', 'Bruno', 'Chen', 'Dara', 'Eve'][i % 5]! + ` ${String.fromCharCode(65 + i)}.`,
);
export const SEED_PRINTERS = ['tcp://10.0.0.11:9100', 'tcp://10.0.0.12:9100', 'usb://zebra/ZD421', 'cups://Zebra_ZT411'];
export const SEED_STATIONS = ['Packing 1', 'Packing 2', 'Packing 3', 'Returns', 'Dock'];
const PROVIDERS = ['tiktok', 'tiktok', 'tiktok', 'tiktok', 'tiktok', 'tiktok', 'aftership', 'aftership', 'aftership', 'shipium'];
/** A warehouse's USPS tracking numbers share its mailer ID: most labels begin with these 11 digits. */
export const USPS_MAILER = '94001118992';
const START = Date.parse('2025-12-01T00:00:00Z');
const STEP_MS = 31_000; // a million labels over about a year

/** A deterministic scramble of i (so neighbours do not share digits). */
function mix(i: number, salt: number): number {
  let x = (i + 1) * 2654435761 + salt * 40503;
  x = Math.imul(x ^ (x >>> 15), 2246822519);
  x = Math.imul(x ^ (x >>> 13), 3266489917);
  return (x ^ (x >>> 16)) >>> 0;
}

function digits(i: number, salt: number, length: number): string {
  let out = '';
  for (let k = 0; out.length < length; k++) out += String(mix(i, salt + k)).padStart(10, '0');
  return out.slice(0, length);
}

/** A label's ID as the station makes one (a random UUID, so a page's labels are far apart in the ID index), derived from i. */
export function seedId(i: number): string {
  const hex = [40, 41, 42, 43].map((salt) => mix(i, salt).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[mix(i, 44) % 4]}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

export function seedLabel(i: number): SeedLabel {
  const orderId = `576${digits(i, 1, 15)}`;
  const boxCount = i % 10 === 7 ? 2 + (i % 2) : 1;
  const tracking = Array.from({ length: boxCount }, (_, b) =>
    i % 5 === 4 ? `1Z${digits(i, 20 + b, 16)}` : i % 20 === 3 ? `9400${digits(i, 10 + b, 18)}` : `${USPS_MAILER}${digits(i, 10 + b, 11)}`,
  );
  const provider = PROVIDERS[mix(i, 3) % PROVIDERS.length]!;
  const r = mix(i, 4) % 1000;
  const status = r < 5 ? 'failed' : r < 7 ? 'unknown' : r < 10 ? 'print_failed' : r < 15 ? 'queued' : r < 20 ? 'bought' : 'printed';
  const created = new Date(START + i * STEP_MS).toISOString();
  const unsold = status === 'failed' || status === 'unknown';
  const missingFile = !unsold && i % 9973 === 5;
  const scanned = i % 3 === 0 ? `#${1001 + i}` : '';
  const operator = SEED_OPERATORS[mix(i, 5) % SEED_OPERATORS.length]!;
  const boxes =
    boxCount > 1
      ? JSON.stringify(
          tracking.map((t, b) => ({
            index: b + 1,
            count: boxCount,
            trackingNumber: t,
            dimension: { width: 20, height: 15, depth: 10, unit: 'cm' },
            weight: { value: 1.2, unit: 'kg' },
            itemIds: [],
          })),
        )
      : '[]';
  return {
    id: seedId(i),
    order_id: orderId,
    parcel_key: boxCount > 1 ? `s${boxCount}-${i}` : '1of1',
    reference: `ls-${orderId}-1of1-g1`,
    provider,
    sandbox: 0,
    provider_label_id: `pl_${digits(i, 30, 12)}`,
    tracking_numbers: JSON.stringify(tracking),
    cost_amount: 4 + (mix(i, 6) % 900) / 100,
    cost_currency: 'USD',
    status,
    created_at: created,
    updated_at: created,
    operator,
    printer: SEED_PRINTERS[mix(i, 7) % SEED_PRINTERS.length]!,
    // A purchase refused or never answered has no label: no file address either.
    label_url: unsold ? null : `https://labels.example.com/${digits(i, 31, 16)}.pdf`,
    format: 'pdf',
    file_path: missingFile || unsold ? null : `/data/labels/${orderId}.pdf`,
    error: status === 'failed' ? 'The provider refused the address.' : null,
    // About the size of the request a real purchase keeps (addresses, parcel, line items).
    request: JSON.stringify({
      orderId,
      parcels: [{ dimension: { length: 20, width: 15, height: 10, unit: 'cm' }, weight: { value: 1.2, unit: 'kg' }, itemIds: [] }],
      fileType: 'pdf',
      reference: `ls-${orderId}-1of1-g1`,
      order: { orderId, displayName: scanned || null, source: 'tiktok', cancelled: false, status: 'AWAITING_SHIPMENT', lineItems: [] },
    }),
    generation: 1,
    station: SEED_STATIONS[mix(i, 8) % SEED_STATIONS.length]!,
    station_id: `st${mix(i, 8) % SEED_STATIONS.length}`,
    boxes,
    scanned,
  };
}

/** How many print attempts label i has: 1.2 on average (every fifth printed twice), none when never printed. */
export function seedAttempts(i: number, label: SeedLabel): number {
  if (label.status === 'failed' || label.status === 'unknown' || label.status === 'bought') return 0;
  return i % 5 === 0 ? 2 : 1;
}

const COLUMNS = Object.keys(seedLabel(0)) as Array<keyof SeedLabel>;

/**
 * Labels `from` to `to - 1` into a SQLite history. The search indexes are filled the way the migration
 * fills it (one INSERT … SELECT at the end): its per-row trigger makes FTS5 write a segment per
 * statement, fine for a station's one label per scan, slow for a million in a row.
 */
export function seedSqlite(db: Database.Database, to: number, from = 0, onProgress?: (done: number) => void): void {
  const triggers = db
    .prepare<[], { name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ('labels_search_new', 'labels_long_pieces_new', 'labels_out_of_order_new')",
    )
    .all();
  const firstRow = (db.prepare('SELECT coalesce(max(rowid), 0) AS n FROM labels').get() as { n: number }).n;
  for (const { name } of triggers) db.exec(`DROP TRIGGER ${name}`);
  try {
    seedRows(db, to, from, onProgress);
  } finally {
    if (triggers.length) {
      db.transaction(() => {
        db.prepare(
          'UPDATE labels SET search_key = rowid + (SELECT coalesce(max(search_key), 0) FROM labels) WHERE rowid > ? AND search_key IS NULL',
        ).run(firstRow);
        for (const [table, words] of SEARCH_TABLES) {
          const made = db.prepare<[string], { sql: string }>('SELECT sql FROM sqlite_master WHERE name = ?').get(table);
          if (made)
            db.prepare(
              `INSERT INTO ${table} (rowid, ${words.column}) SELECT search_key, ${words.of(made.sql)} FROM labels WHERE rowid > ?`,
            ).run(firstRow);
        }
        // What labels_out_of_order_new would have listed, had each label got its key as it was added
        // (the key set for all at once above would list every label but the newest).
        if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'labels_out_of_order'").get())
          db.prepare(
            `INSERT OR IGNORE INTO labels_out_of_order (search_key)
               SELECT search_key FROM (
                 SELECT rowid AS at, search_key, created_at,
                   max(created_at) OVER (ORDER BY search_key ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before
                 FROM labels WHERE search_key IS NOT NULL)
               WHERE at > ? AND created_at <= before`,
          ).run(firstRow);
        for (const { sql } of triggers) db.exec(sql);
      })();
    }
  }
}

/** SQLite's search tables, each with what it holds of a label's words (as the migrations fill them). */
const SEARCH_TABLES = [
  ['labels_search', { column: 'words', of: () => LABEL_WORDS }],
  ['labels_pieces', { column: 'pieces', of: () => sqliteWordPieces(LABEL_WORDS) }],
  // Its pieces with their places, unless the table is the one from before they were kept (detail = none).
  [
    'labels_long_pieces',
    {
      column: 'pieces',
      of: (made: string) =>
        /detail = none/.test(made) ? sqliteWordPieces(LABEL_WORDS, LONG_PIECE_LENGTH) : sqlitePlacedPieces(LABEL_WORDS, LONG_PIECE_LENGTH),
    },
  ],
] as const;

function seedRows(db: Database.Database, to: number, from: number, onProgress?: (done: number) => void): void {
  // A history made since labels keep their print count: each label is written with it (as the count's
  // trigger would have left it), and the trigger is suspended while its attempts are written.
  const counted = db
    .prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'print_attempts_counted'")
    .get();
  const columns = counted ? [...COLUMNS, 'prints'] : COLUMNS;
  const insertLabel = db.prepare(`INSERT INTO labels (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
  const insertAttempt = db.prepare(
    `INSERT INTO print_attempts (label_id, at, printer, ok, reprint, bytes, error, operator) VALUES (?, ?, ?, 1, ?, 48213, NULL, ?)`,
  );
  const chunk = db.transaction((start: number, end: number) => {
    for (let i = start; i < end; i++) {
      const label = seedLabel(i);
      insertLabel.run(counted ? { ...label, prints: seedAttempts(i, label) } : label);
      for (let a = 0; a < seedAttempts(i, label); a++)
        insertAttempt.run(label.id, label.created_at, label.printer, a > 0 ? 1 : 0, label.operator);
    }
  });
  if (counted) db.exec('DROP TRIGGER print_attempts_counted');
  try {
    for (let start = from; start < to; start += 20_000) {
      chunk(start, Math.min(to, start + 20_000));
      onProgress?.(Math.min(to, start + 20_000));
    }
  } finally {
    if (counted) db.exec(counted.sql);
  }
}

/** The same labels into the fleet's PostgreSQL: one INSERT … SELECT FROM unnest per 5,000 rows (withPendingLists). */
export async function seedPostgres(client: pg.ClientBase, to: number, from = 0, onProgress?: (done: number) => void): Promise<void> {
  await withPendingLists(client, () => seedRowsPostgres(client, to, from, onProgress));
}

/**
 * Runs `work` (a bulk write to labels) while the GINs that take each label straight in (fastupdate
 * off, as the station keeps them) gather its entries in a pending list, merged at the end: the same
 * index, in a third of the time (a million labels took 13 minutes the other way).
 */
export async function withPendingLists<T>(client: pg.ClientBase, work: () => Promise<T>): Promise<T> {
  const direct = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_index AS i JOIN pg_class AS c ON c.oid = i.indexrelid
     WHERE i.indrelid = 'labels'::regclass AND c.reloptions @> '{fastupdate=off}'`,
  );
  for (const { name } of direct.rows) await client.query(`ALTER INDEX ${name} SET (fastupdate = on)`);
  try {
    return await work();
  } finally {
    for (const { name } of direct.rows) {
      await client.query(`ALTER INDEX ${name} SET (fastupdate = off)`);
      await client.query(`SELECT gin_clean_pending_list('${name}'::regclass)`);
    }
  }
}

async function seedRowsPostgres(client: pg.ClientBase, to: number, from: number, onProgress?: (done: number) => void): Promise<void> {
  const numeric = new Set<string>(['sandbox', 'generation', 'prints']);
  const real = new Set<string>(['cost_amount']);
  // As seedRows: each label written with its print count, the count's trigger suspended meanwhile.
  const counted =
    (await client.query("SELECT 1 FROM pg_trigger WHERE tgname = 'print_attempts_counted' AND tgrelid = 'print_attempts'::regclass"))
      .rowCount === 1;
  const names = counted ? [...COLUMNS, 'prints'] : COLUMNS;
  const casts = names.map((c, n) => `$${n + 1}::${numeric.has(c) ? 'int' : real.has(c) ? 'float8' : 'text'}[]`);
  for (let start = from; start < to; start += 5000) {
    const end = Math.min(to, start + 5000);
    const columns = names.map(() => [] as unknown[]);
    const attempts: unknown[][] = [[], [], [], [], []];
    for (let i = start; i < end; i++) {
      const label = seedLabel(i);
      COLUMNS.forEach((c, n) => columns[n]!.push(label[c]));
      if (counted) columns[COLUMNS.length]!.push(seedAttempts(i, label));
      for (let a = 0; a < seedAttempts(i, label); a++) {
        attempts[0]!.push(label.id);
        attempts[1]!.push(label.created_at);
        attempts[2]!.push(label.printer);
        attempts[3]!.push(a > 0 ? 1 : 0);
        attempts[4]!.push(label.operator);
      }
    }
    await client.query('BEGIN');
    if (counted) await client.query('ALTER TABLE print_attempts DISABLE TRIGGER print_attempts_counted');
    await client.query(`INSERT INTO labels (${names.join(', ')}) SELECT * FROM unnest(${casts.join(', ')})`, columns);
    await client.query(
      `INSERT INTO print_attempts (label_id, at, printer, ok, reprint, bytes, error, operator)
       SELECT l, t, p, 1, r, 48213, NULL, o FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[]) AS u(l, t, p, r, o)`,
      attempts,
    );
    if (counted) await client.query('ALTER TABLE print_attempts ENABLE TRIGGER print_attempts_counted');
    await client.query('COMMIT');
    onProgress?.(end);
  }
}

/** Seeds labels 0..to-1 into the fleet database at `url` (its tables made already), then runs `statistics` there. */
export async function seedPostgresAt(url: string, to: number, statistics: 'ANALYZE' | 'ANALYZE labels' | 'VACUUM ANALYZE'): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await seedPostgres(client, to);
    await client.query(statistics);
  } finally {
    await client.end();
  }
}
