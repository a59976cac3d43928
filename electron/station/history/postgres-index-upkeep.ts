/**
 * The fleet's filter indexes that carry the other filters and the words (migrations: "a walk on one
 * filter tests the others on its index") fill their pages only half as labels come: a page of one
 * operator's, station's or provider's labels is split in half when it fills, and new labels only
 * ever go after it. On a million labels added one by one they take 265-367 MB each where rebuilt
 * they take 200-208 (the whole history 5,179 bytes a label against 4,809). Once such an index is
 * past SPARSE_RATIO times the size its entries would take built at once, one station rebuilds it
 * with REINDEX CONCURRENTLY: the others go on searching and recording labels meanwhile.
 */
import type pg from 'pg';
import { timedQuery, type TimedQuery } from './postgres-timed-query';

const WALKED_INDEXES = ['labels_operator_newest', 'labels_station_newest', 'labels_provider_newest'] as const;
/** An index rebuilt at once is about 1.0 by the estimate; one grown by new labels alone 1.4-1.8. */
const SPARSE_RATIO = 1.25;
/** Smaller indexes are not worth a rebuild. */
const MIN_BYTES = 1024 * 1024;
/** Labels whose entries are measured to estimate an entry's size. */
const SAMPLED_LABELS = 10_000;
const PAGE_BYTES = 8192;
/** A B-tree leaf page as REINDEX fills it: its header and special space out, 90 % of the rest. */
const LEAF_FILL_BYTES = (PAGE_BYTES - 24 - 16) * 0.9;
/** Per entry: the index tuple's header, half of its alignment to 8 bytes, its line pointer. */
const ENTRY_OVERHEAD_BYTES = 8 + 4 + 4;
/** Stations that start their upkeep together: one rebuilds, the others find it busy. */
const UPKEEP_LOCK = "hashtext('label_station_index_upkeep')";

export interface IndexUpkeep {
  index: string;
  bytesBefore: number;
  /** How many times its size built at once the index was, by the estimate. */
  sparseness: number;
  /** Its size after the rebuild; null when it was not sparse enough to rebuild. */
  bytesAfter: number | null;
}

export type UpkeepResult = { busy: true } | { busy: false; indexes: IndexUpkeep[]; leftoversDropped: string[] };

/**
 * Rebuilds the sparse walked indexes on `client`, a session of its own that the caller ends
 * afterwards (with it the advisory lock, and the lifted statement limit: a rebuild of a large
 * history takes minutes). `stepTimeoutMs` bounds each statement on the client's side.
 */
export async function rebuildSparseIndexes(client: pg.ClientBase, stepTimeoutMs: number): Promise<UpkeepResult> {
  const run = timedQuery(client, stepTimeoutMs);
  const locked = await run<{ got: boolean }>(`SELECT pg_try_advisory_lock(${UPKEEP_LOCK}) AS got`);
  if (!locked.rows[0]?.got) return { busy: true };
  await run('SET statement_timeout = 0');
  const leftoversDropped = await dropLeftovers(run);
  const indexes: IndexUpkeep[] = [];
  for (const index of WALKED_INDEXES) {
    const measured = await measure(run, index);
    if (!measured) continue;
    const rebuild = measured.bytes >= MIN_BYTES && measured.sparseness > SPARSE_RATIO;
    if (rebuild) await run(`REINDEX INDEX CONCURRENTLY ${index}`);
    const bytesAfter = rebuild
      ? Number((await run<{ bytes: string }>(`SELECT pg_relation_size('${index}') AS bytes`)).rows[0]!.bytes)
      : null;
    indexes.push({ index, bytesBefore: measured.bytes, sparseness: measured.sparseness, bytesAfter });
  }
  return { busy: false, indexes, leftoversDropped };
}

/** A rebuild that stopped half way (the station or the server went away) leaves an invalid copy that every write still updates. */
async function dropLeftovers(run: TimedQuery): Promise<string[]> {
  const found = await run<{ name: string }>(
    `SELECT c.relname AS name FROM pg_index AS i JOIN pg_class AS c ON c.oid = i.indexrelid
     WHERE i.indrelid = 'labels'::regclass AND NOT i.indisvalid AND c.relname ~ '^labels_[a-z_]+_cc(new|old)[0-9]*$'`,
  );
  for (const { name } of found.rows) await run(`DROP INDEX CONCURRENTLY IF EXISTS ${name}`);
  return found.rows.map((row) => row.name);
}

/**
 * The index's size, and how many times the size its entries would take built at once: the labels
 * counted by the last ANALYZE or vacuum, each entry's size measured on a sample of labels through
 * the index's own columns.
 */
async function measure(run: TimedQuery, index: string): Promise<{ bytes: number; sparseness: number } | undefined> {
  const found = await run<{ bytes: string; labels: number; columns: string[] | null }>(
    `SELECT pg_relation_size(c.oid) AS bytes, (SELECT reltuples FROM pg_class WHERE oid = 'labels'::regclass) AS labels,
       array(SELECT pg_get_indexdef(c.oid, k, true) FROM generate_series(1, i.indnatts) AS k) AS columns
     FROM pg_class AS c JOIN pg_index AS i ON i.indexrelid = c.oid WHERE c.relname = '${index}' AND i.indisvalid`,
  );
  const row = found.rows[0];
  if (!row?.columns?.length || row.labels <= 0) return undefined;
  const percent = Math.min(100, (SAMPLED_LABELS / row.labels) * 100);
  const sizes = row.columns.map((column) => `pg_column_size(${column})`).join(' + ');
  const sampled = await run<{ width: number | null }>(`SELECT avg(${sizes})::float8 AS width FROM labels TABLESAMPLE SYSTEM (${percent})`);
  const width = sampled.rows[0]?.width;
  if (!width) return undefined;
  const dense = Math.ceil((row.labels * (width + ENTRY_OVERHEAD_BYTES)) / LEAF_FILL_BYTES) * PAGE_BYTES;
  const bytes = Number(row.bytes);
  return { bytes, sparseness: bytes / dense };
}
