/**
 * History's CSV export of 100,000 labels (1.2 print attempts each, the project's own migrations):
 * time and peak memory (max RSS of a process doing only that), against two references in the same
 * run: plain row iteration of the same query (better-sqlite3 .iterate(), nothing written), and the
 * naive export that loads every row and builds the whole CSV in memory. Then the same export from a
 * fleet's PostgreSQL (a private cluster on loopback, seeded with the same number of labels, stopped
 * at the end), in its own process too.
 * Run: npx tsx test/bench/history-export.bench.ts [rows=100000]
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, rmSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify as stringifySync } from 'csv-stringify/sync';
import pg from 'pg';
import { openDatabase, openFleetDatabase, sqliteHistory } from '../../electron/station/history/database';
import { HistoryStore } from '../../electron/station/history/history-store';
import { exportHistoryFile } from '../../electron/station/reports';
import { EXPORT_COLUMNS } from '../../shared/domain/reports';
import { seedId, seedPostgres } from '../support/history-seed';
import { startPostgres } from '../support/postgres-server';

const CHILD = process.env.LABEL_STATION_EXPORT_BENCH;

type Mode = 'baseline' | 'iterate' | 'load-all' | 'export' | 'pg-baseline' | 'pg-export';

const SELECT = `SELECT l.*, (SELECT count(*) FROM print_attempts p WHERE p.label_id = l.id AND p.ok = 1) AS prints,
  (SELECT count(*) FROM print_attempts p WHERE p.label_id = l.id AND p.ok = 1 AND p.reprint = 1) AS reprints
  FROM labels l ORDER BY l.created_at DESC, l.id DESC`;

function seed(file: string, rows: number): void {
  const db = openDatabase(file, { synchronous: 'NORMAL' });
  const label = db.prepare(
    `INSERT INTO labels (id, order_id, parcel_key, reference, provider, sandbox, provider_label_id, tracking_numbers, cost_amount, cost_currency,
       status, created_at, updated_at, operator, printer, station, station_id)
     VALUES (?, ?, '1of1', ?, 'aftership', 0, ?, ?, ?, 'USD', 'printed', ?, ?, ?, 'tcp://10.0.0.5:9100', 'Packing 1', 'abcd1234')`,
  );
  const attempt = db.prepare(
    `INSERT INTO print_attempts (label_id, at, printer, ok, reprint, bytes, error, operator, reason) VALUES (?, ?, 'tcp://10.0.0.5:9100', 1, ?, 80000, NULL, ?, ?)`,
  );
  const start = Date.parse('2025-12-05T08:00:00Z');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) {
      const id = seedId(i); // a random UUID, as the station makes them: each label's print count is a lookup far from the last
      const order = `576${String(100000000000000 + i)}`;
      const at = new Date(start + i * 300_000).toISOString();
      const operator = ['Ana', 'Bo', 'Chen', 'Dee'][i % 4]!;
      label.run(
        id,
        order,
        `ls-${order}-1of1-g1`,
        `pl-${i}`,
        JSON.stringify([`1Z999AA1${String(i).padStart(10, '0')}`]),
        5 + (i % 7),
        at,
        at,
        operator,
      );
      attempt.run(id, at, 0, operator, null);
      if (i % 5 === 0) attempt.run(id, at, 1, operator, 'Label damaged');
    }
  })();
  db.close();
}

async function child(mode: Mode, file: string, outDir: string): Promise<void> {
  if (mode === 'pg-baseline' || mode === 'pg-export') return pgChild(mode, file, outDir);
  const started = performance.now();
  let rows = 0;
  const db = openDatabase(file, { synchronous: 'NORMAL' });
  if (mode === 'baseline') {
    // The same modules loaded and the database opened, nothing read: what every mode pays anyway.
  } else if (mode === 'iterate') {
    for (const row of db.prepare(SELECT).iterate() as Iterable<{ tracking_numbers: string }>) {
      JSON.parse(row.tracking_numbers);
      rows += 1;
    }
  } else if (mode === 'load-all') {
    const all = db.prepare(SELECT).all() as Array<Record<string, unknown>>;
    const text = stringifySync(
      all.map((r) => [
        r.created_at,
        r.order_id,
        '',
        (JSON.parse(r.tracking_numbers as string) as string[]).join(' '),
        r.provider,
        r.status,
        r.cost_amount,
        r.cost_currency,
        r.operator,
        r.printer,
        r.station,
        r.prints,
        r.reprints,
      ]),
      { header: true, columns: [...EXPORT_COLUMNS] },
    );
    await new Promise<void>((resolve, reject) =>
      createWriteStream(path.join(outDir, 'all.csv'))
        .end(text, () => resolve())
        .on('error', reject),
    );
    rows = all.length;
  } else {
    const result = await exportHistoryFile(new HistoryStore(sqliteHistory(db)), { query: '', filter: 'all' }, outDir, new Date());
    rows = result.rows;
    process.stderr.write(`csv ${(statSync(result.path).size / 1e6).toFixed(1)} MB\n`);
  }
  const ms = performance.now() - started;
  db.close();
  process.stdout.write(JSON.stringify({ rows, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

/** `url`: the fleet database; the PostgreSQL client and the store opened, and (pg-export) the export made. */
async function pgChild(mode: Mode, url: string, outDir: string): Promise<void> {
  const started = performance.now();
  const fleet = await openFleetDatabase(url);
  let rows = 0;
  if (mode === 'pg-export') {
    const result = await exportHistoryFile(new HistoryStore(fleet), { query: '', filter: 'all' }, outDir, new Date());
    rows = result.rows;
  }
  const ms = performance.now() - started;
  await fleet.close();
  process.stdout.write(JSON.stringify({ rows, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

type Result = { rows: number; ms: number; maxRssMb: number };

function runChild(mode: Mode, file: string, outDir: string): Result {
  // Each in its own process, so its peak memory is its own.
  const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
    env: { ...process.env, LABEL_STATION_EXPORT_BENCH: JSON.stringify({ mode, file, outDir }) },
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (run.status !== 0) throw new Error(`${mode} failed: ${run.stderr}`);
  if (run.stderr.trim()) console.log(`  ${mode}: ${run.stderr.trim()}`);
  return JSON.parse(run.stdout) as Result;
}

async function postgresExport(rows: number, outDir: string, sqliteExport: Result): Promise<void> {
  const server = await startPostgres();
  try {
    const url = await server.createDatabase('export_bench');
    await (await openFleetDatabase(url)).close(); // the project's migrations
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const seeded = performance.now();
    await seedPostgres(client, rows);
    await client.query('VACUUM ANALYZE');
    await client.end();
    console.log(`  PostgreSQL: ${rows} labels seeded in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
    const baseline = runChild('pg-baseline', url, outDir);
    const r = runChild('pg-export', url, outDir);
    console.log(
      `  pg-export ${String(r.rows).padStart(7)} rows  ${(r.ms / 1000).toFixed(2).padStart(6)} s  (${(r.ms / sqliteExport.ms).toFixed(2)}× SQLite export)` +
        `  peak RSS ${r.maxRssMb.toFixed(0).padStart(4)} MB, ${(r.maxRssMb - baseline.maxRssMb).toFixed(0).padStart(4)} MB above the ${baseline.maxRssMb.toFixed(0)} MB baseline`,
    );
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 100_000);
  const dir = await mkdtemp(path.join(tmpdir(), 'export-bench-'));
  try {
    // LABEL_STATION_EXPORT_BENCH_DB: a database seeded by an earlier run (kept, not seeded again).
    const kept = process.env.LABEL_STATION_EXPORT_BENCH_DB;
    const file = kept ?? path.join(dir, 'history.sqlite');
    const seeded = performance.now();
    if (!kept) seed(file, rows);
    else if (!existsSync(file)) seed(file, rows);
    console.log(
      `history-export: ${rows} labels seeded in ${((performance.now() - seeded) / 1000).toFixed(1)} s (SQLite, ${(statSync(file).size / 1e6).toFixed(0)} MB)`,
    );
    const results = {} as Record<Mode, Result>;
    for (const mode of ['baseline', 'iterate', 'load-all', 'export'] as Mode[]) results[mode] = runChild(mode, file, dir);
    const ref = results.iterate;
    for (const mode of ['iterate', 'load-all', 'export'] as Mode[]) {
      const r = results[mode];
      const own = r.maxRssMb - results.baseline.maxRssMb;
      console.log(
        `  ${mode.padEnd(9)} ${String(r.rows).padStart(7)} rows  ${(r.ms / 1000).toFixed(2).padStart(6)} s  (${(r.ms / ref.ms).toFixed(2)}× iterate)` +
          `  peak RSS ${r.maxRssMb.toFixed(0).padStart(4)} MB, ${own.toFixed(0).padStart(4)} MB above the ${results.baseline.maxRssMb.toFixed(0)} MB baseline`,
      );
    }
    if (process.env.LABEL_STATION_EXPORT_BENCH_PG !== '0') await postgresExport(rows, dir, results.export);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (CHILD) {
  const { mode, file, outDir } = JSON.parse(CHILD) as { mode: Mode; file: string; outDir: string };
  await child(mode, file, outDir);
} else {
  await main();
}
