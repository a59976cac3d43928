/**
 * History at warehouse scale (issue 12): a history of HISTORY_LABELS labels (default 1,000,000; 1.2
 * print attempts per label) built with the project's migrations on SQLite and on a private
 * PostgreSQL (initdb/pg_ctl on loopback, stopped at the end), then p50/p95 of every search shape,
 * each filter, the first page, a deep keyset page, the missing-file pass, and the bytes per label.
 * SQLite is measured as the station runs it: on the reader thread (worker_threads), so each figure
 * includes the hop; the main thread's event-loop delay is measured meanwhile, against the same
 * searches run on the main thread (the reference: what the station did before). On PostgreSQL each
 * search is also asked again at once (its pages then in memory), and the summary gives this machine's
 * costs of reading memory and file pages left idle (reference/idle-memory.ts, idle-file.ts), against
 * which first-time figures read.
 * Run: npx tsx test/bench/history-scale.bench.ts   (HISTORY_LABELS=50000 for a quick run, HISTORY_ONLY=postgres for one database)
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import { openDatabase, openFleetDatabase, sqliteHistory } from '../../electron/station/history/database';
import { HistoryReader } from '../../electron/station/history/history-reader';
import { HistoryStore } from '../../electron/station/history/history-store';
import { HistorySearchInput, type HistoryPage, type HistorySearch } from '../../shared/domain/history-search';
import { SEED_OPERATORS, SEED_PRINTERS, SEED_STATIONS, seedLabel, seedPostgres, seedSqlite, USPS_MAILER } from '../support/history-seed';
import { startPostgres } from '../support/postgres-server';
import { makeTempDir } from '../support/temp-dir';
import { holdIdleFile } from './reference/idle-file';
import { holdIdleMemory } from './reference/idle-memory';

const N = Number(process.env.HISTORY_LABELS ?? 1_000_000);
const SAMPLES = Number(process.env.HISTORY_SAMPLES ?? 40);
/** HISTORY_ONLY=sqlite or postgres measures one database (the other's seeding takes minutes). */
const ONLY = process.env.HISTORY_ONLY;
const pct = (s: number[], p: number) => [...s].sort((a, b) => a - b)[Math.min(s.length - 1, Math.floor(s.length * p))]!;
const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1)).padStart(7);
/** A label spread over the whole history for sample k. */
const pick = (k: number) => seedLabel((k * 7919 + 13) % N);
const tracking = (k: number) => JSON.parse(pick(k).tracking_numbers) as string[];
/** A USPS tracking number that is not the mailer's (every 20th label's): a rare 8-digit prefix. */
const uspsWithoutMailer = (k: number) =>
  JSON.parse(seedLabel(Math.floor(((k * 7919 + 13) % N) / 20) * 20 + 3).tracking_numbers)[0] as string;
const shopifyPick = (k: number) => seedLabel(Math.floor(((k * 7919 + 13) % N) / 3) * 3);
const day = (k: number) => {
  const from = new Date(Date.parse(pick(k).created_at.slice(0, 10)));
  return { from: from.toISOString(), to: new Date(from.getTime() + 86_400_000).toISOString() };
};

type Search = (k: number) => HistorySearchInput;
const SHAPES: Array<[string, Search]> = [
  ['full order ID', (k) => ({ query: pick(k).order_id })],
  ['full tracking number', (k) => ({ query: tracking(k).at(-1)! })],
  ['"576" (every TikTok order)', () => ({ query: '576' })],
  ['last 6 digits of a tracking no.', (k) => ({ query: tracking(k)[0]!.slice(-6) })],
  ['8-digit tracking prefix', (k) => ({ query: uspsWithoutMailer(k).slice(0, 8) })],
  // The seed's digits after the mailer ID start 00–42 (a 32-bit number written in 10 digits).
  ['mailer ID + 2 digits (13)', (k) => ({ query: `${USPS_MAILER}${String(k % 43).padStart(2, '0')}` })],
  ['13 digits in no label', (k) => ({ query: `${USPS_MAILER}${50 + (k % 50)}` })],
  // Parts from the middle: a USPS number's 9 digits after its first 6 (the mailer's end and 4 more), an order's 6.
  ['middle 9 digits of a tracking no.', (k) => ({ query: tracking(k)[0]!.slice(6, 15) })],
  ['middle 6 digits of an order ID', (k) => ({ query: pick(k).order_id.slice(8, 14) })],
  // The mailer ID's last 7 digits and the next one: every piece is in a fifth of all labels or more.
  ['8 digits most USPS numbers share', (k) => ({ query: `${USPS_MAILER.slice(4)}${k % 5}` })],
  ['"94001118" (most USPS labels)', () => ({ query: USPS_MAILER.slice(0, 8) })],
  // The mailer ID's last 7 digits and the next 2 (00-42): each in about 2 % of labels, every 4- and
  // 8-digit piece of them in more labels than a page is read from.
  ['9 digits 2 % of labels hold', (k) => ({ query: `${USPS_MAILER.slice(4)}${String(k % 43).padStart(2, '0')}` })],
  // The mailer ID's end and the next 3 digits (000-429): each in about 0.2 % of labels, 2,000 or more.
  ['8 digits 0.2 % of labels hold', (k) => ({ query: `${USPS_MAILER.slice(6)}${String((k * 7) % 430).padStart(3, '0')}` })],
  ['10 digits 0.2 % of labels hold', (k) => ({ query: `${USPS_MAILER.slice(4)}${String((k * 7) % 430).padStart(3, '0')}` })],
  // An order ID's "576" joined to the mailer's digits: each 4-digit piece is in thousands of labels
  // (the three rarest together in up to 2,600), the whole in 0 to 30 of this seed's million.
  ['8 digits rare, each 4 of them common', (k) => ({ query: ['76111899', '61118992', '57611189', '76011189', '57601118'][k % 5]! })],
  ['Shopify order number', (k) => ({ query: shopifyPick(k).scanned })],
  ['operator', (k) => ({ query: SEED_OPERATORS[k % SEED_OPERATORS.length]! })],
  // As a person starts to type: the start of an order ID, tracking number, order number or name.
  ['1-2 characters no field begins', (k) => ({ query: ['q', 'x', 'zz', 'k', 'w'][k % 5]! })],
  ['1-2 characters most labels begin', (k) => ({ query: ['5', '57', '9', '94', '#1'][k % 5]! })],
  // Shop numbers grow with time: every label whose number begins with these is older than the newest 100,000.
  ['start of an old shop number', (k) => ({ query: ['#2', '#3', '#45', '#6', '#78'][k % 5]! })],
  ['filter: provider', () => ({ filters: { provider: 'shipium' } })],
  ['filter: status (unknown, rare)', () => ({ filters: { status: 'unknown' } })],
  ['filter: printer', (k) => ({ filters: { printer: SEED_PRINTERS[k % SEED_PRINTERS.length]! } })],
  ['filter: station', (k) => ({ filters: { station: SEED_STATIONS[k % SEED_STATIONS.length]! } })],
  ['filter: operator', (k) => ({ filters: { operator: SEED_OPERATORS[k % SEED_OPERATORS.length]! } })],
  ['filter: one day', (k) => ({ filters: day(k) })],
  ['"576" + status + station', (k) => ({ query: '576', filters: { status: 'print_failed', station: SEED_STATIONS[k % 5]! } })],
  // The first digit of order IDs (5), USPS (9) and UPS (1Z) numbers: many labels, few with the filters.
  [
    '1 digit + status + station',
    (k) => ({ query: ['5', '9', '1'][k % 3]!, filters: { status: 'print_failed', station: SEED_STATIONS[k % 5]! } }),
  ],
  // Two filters no status narrows, each value common (an operator: 5 % of labels; a station: 20 %).
  ['filter: operator + station', (k) => ({ filters: { operator: SEED_OPERATORS[k % 20]!, station: SEED_STATIONS[k % 5]! } })],
  ['"576" + operator + station', (k) => ({ query: '576', filters: { operator: SEED_OPERATORS[k % 20]!, station: SEED_STATIONS[k % 5]! } })],
  // A printer (a quarter of the labels, at every station in the seed) at a station; a digit at a station of the rarest provider (10 %).
  [
    'filter: printer + station',
    (k) => ({ filters: { printer: SEED_PRINTERS[k % SEED_PRINTERS.length]!, station: SEED_STATIONS[k % 5]! } }),
  ],
  [
    '1 digit + station + provider',
    (k) => ({ query: ['5', '9', '1'][k % 3]!, filters: { station: SEED_STATIONS[k % 5]!, provider: 'shipium' } }),
  ],
  ['last 6 digits + provider', (k) => ({ query: tracking(k)[0]!.slice(-6), filters: { provider: 'tiktok' } })],
  ['first page, no query', () => ({})],
  [
    'deep keyset page (row N/2)',
    (k) => {
      const at = seedLabel(Math.floor(N / 2) + k);
      return { cursor: { createdAt: at.created_at, id: at.id } };
    },
  ],
];

interface Runner {
  search(search: HistorySearch): Promise<HistoryPage>;
  missingFiles(): Promise<number>;
}

/**
 * Each shape's samples, and with `again` each search asked a second time at once (the same pages,
 * now in memory): what the search costs where its pages are not first reads.
 */
async function measure(
  name: string,
  runner: Runner,
  options: { again?: boolean; shapes?: typeof SHAPES; missingFiles?: boolean } = {},
): Promise<{ results: Map<string, number[]>; again: Map<string, number[]> }> {
  const results = new Map<string, number[]>();
  const again = new Map<string, number[]>();
  const againHead = options.again ? '   again p50  p95' : '';
  console.log(`\n${name}                                  p50 ms   p95 ms    max ms   rows  total${againHead}`);
  for (const [shape, make] of options.shapes ?? SHAPES) {
    const samples: number[] = [];
    const repeated: number[] = [];
    let last: HistoryPage | undefined;
    for (let k = 0; k < SAMPLES + 3; k++) {
      const search = HistorySearchInput.parse({ limit: 50, ...make(k) });
      const t = performance.now();
      last = await runner.search(search);
      if (k >= 3) samples.push(performance.now() - t);
      if (options.again && k >= 3) {
        const t2 = performance.now();
        await runner.search(search);
        repeated.push(performance.now() - t2);
      }
      // A station's loop runs timers between searches: so does this one, and each search's block is its own.
      await new Promise((resolve) => setImmediate(resolve));
    }
    results.set(shape, samples);
    if (options.again) again.set(shape, repeated);
    const total = last!.totalIsMore ? '>1000' : String(last!.total);
    const againFigures = options.again ? `  ${ms(pct(repeated, 0.5))}  ${ms(pct(repeated, 0.95))}` : '';
    console.log(
      `  ${shape.padEnd(36)} ${ms(pct(samples, 0.5))}  ${ms(pct(samples, 0.95))}  ${ms(Math.max(...samples))}  ${String(last!.labels.length).padStart(5)}  ${total.padStart(5)}${againFigures}`,
    );
  }
  if (options.missingFiles === false) return { results, again };
  const pass: number[] = [];
  let found = 0;
  for (let k = 0; k < 8; k++) {
    const t = performance.now();
    found = await runner.missingFiles();
    pass.push(performance.now() - t);
    await new Promise((resolve) => setImmediate(resolve));
  }
  results.set('missing-file pass', pass);
  console.log(
    `  ${'missing-file pass'.padEnd(36)} ${ms(pct(pass, 0.5))}  ${ms(pct(pass, 0.95))}  ${ms(Math.max(...pass))}  ${String(found).padStart(5)}`,
  );
  return { results, again };
}

/** Shapes whose totals read labels' rows scattered over the table: where the server reading ahead tells. */
const READ_AHEAD_SHAPES = ['8 digits 0.2 % of labels hold', '10 digits 0.2 % of labels hold'];

/**
 * The reference for the station's read-ahead (database.ts): parts of those shapes not asked before,
 * asked once each, alternately on connections left at the server's default (one row at a time) and on
 * the station's.
 */
async function compareReadAhead(plain: Runner, station: Runner): Promise<string[]> {
  const lines: string[] = [];
  for (const name of READ_AHEAD_SHAPES) {
    const make = SHAPES.find(([shape]) => shape === name)![1];
    const times: [number[], number[]] = [[], []];
    // Samples ask k = 0..SAMPLES + 2; these tails ((k * 7) % 430) are none of theirs.
    for (let k = 100; k < 100 + 2 * SAMPLES; k++) {
      const search = HistorySearchInput.parse({ limit: 50, ...make(k) });
      const t = performance.now();
      await (k % 2 ? plain : station).search(search);
      times[k % 2]!.push(performance.now() - t);
    }
    const [ours, server] = times;
    lines.push(
      `    ${name}: server's default p50 ${ms(pct(server, 0.5))} p95 ${ms(pct(server, 0.95))}; the station's p50 ${ms(pct(ours, 0.5))} p95 ${ms(pct(ours, 0.95))} ` +
        `(${(pct(server, 0.95) / pct(ours, 0.95)).toFixed(1)}x at p95, ${server.length} parts each)`,
    );
  }
  return lines;
}

function verdict(results: Map<string, number[]>): string {
  const p95s = [...results.entries()].map(([shape, s]) => [shape, pct(s, 0.95)] as const);
  const over10 = p95s.filter(([, p]) => p >= 10).map(([s]) => s);
  const over50 = p95s.filter(([, p]) => p > 50).map(([s]) => s);
  return `p95 < 10 ms: ${over10.length ? `NO (${over10.join('; ')})` : 'every shape'}; over 50 ms: ${over50.length ? over50.join('; ') : 'none'}`;
}

console.log(`History at scale: ${N.toLocaleString('en-US')} labels, ${SAMPLES} samples per shape (after 3 warm-up runs)`);
// Held from the start and read at the end: the machine's cost of memory that sat idle (see idle-memory.ts).
const idleMemory = holdIdleMemory();
const referenceFolder = makeTempDir('history-bench-reference-');
const idleFile = holdIdleFile(path.join(referenceFolder.dir, 'idle.bin'));

/** measure(), with the main thread's event-loop delay recorded meanwhile. */
async function measureWatchingLoop(name: string, runner: Runner) {
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const { results } = await measure(name, runner);
  // Searches run back to back on the main thread keep the loop's own timer from firing: it is given
  // the chance now to record how late it is (disabling at once recorded nothing: "0.0 ms").
  await new Promise((resolve) => setTimeout(resolve, 20));
  loop.disable();
  return { results, loop };
}

// ---------- SQLite (the station's own history) ----------
async function measureSqlite() {
  const temp = makeTempDir('history-bench-');
  const file = path.join(temp.dir, 'history.sqlite');
  const t = performance.now();
  let raw = openDatabase(file, { synchronous: 'NORMAL' });
  seedSqlite(raw, N, 0, (done) => done % 200_000 === 0 && console.log(`  sqlite: ${done.toLocaleString('en-US')} labels seeded`));
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
  raw = openDatabase(file); // what a station does at start: migrations (none due) and PRAGMA optimize
  console.log(`SQLite seeded in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  const sqliteStore = new HistoryStore(sqliteHistory(raw));
  const reader = await HistoryReader.start(file);
  const sqliteBytes = statSync(file).size;
  const searchTables = raw
    .prepare<[], { name: string; bytes: number }>(
      `SELECT t.name, (SELECT sum(pgsize) FROM dbstat WHERE dbstat.name LIKE t.name || '%') AS bytes
       FROM sqlite_master AS t WHERE t.type = 'table' AND (t.sql LIKE '%USING fts5%' OR t.name = 'label_words')`,
    )
    .all();
  console.log(`  SQLite's search tables: ${searchTables.map((t) => `${t.name} ${(t.bytes / N).toFixed(0)} B/label`).join(', ')}`);

  const offLoop = await measureWatchingLoop('SQLite, on the reader thread', {
    search: (s) => reader.search(s),
    missingFiles: async () => (await reader.listMissingFiles()).length,
  });
  // The reference: the same searches on the main thread, as before the reader thread.
  const onLoop = await measureWatchingLoop('SQLite, on the main thread (reference)', {
    search: (s) => sqliteStore.search(s),
    missingFiles: async () => (await sqliteStore.listMissingFiles()).length,
  });

  // The History screen's first page as the renderer asks it (newest 50, bounded total), through the reader.
  const firstPage: number[] = [];
  for (let k = 0; k < 20; k++) {
    const at = performance.now();
    await reader.search(HistorySearchInput.parse({ limit: 50 }));
    firstPage.push(performance.now() - at);
  }
  // The old first page counted every row: the reference for the bounded total.
  const exactCount: number[] = [];
  for (let k = 0; k < 5; k++) {
    const at = performance.now();
    raw.prepare('SELECT count(*) FROM labels').get();
    exactCount.push(performance.now() - at);
  }
  await reader.close();
  raw.close();
  temp.remove();
  return {
    sqliteResults: offLoop.results,
    mainResults: onLoop.results,
    firstPage,
    exactCount,
    offLoopMax: offLoop.loop.max / 1e6,
    offLoopP99: offLoop.loop.percentile(99) / 1e6,
    onLoopMax: onLoop.loop.max / 1e6,
    sqliteBytes,
  };
}
const sqlite = ONLY === 'postgres' ? undefined : await measureSqlite();

// ---------- PostgreSQL (a fleet's shared history) ----------
let pgResults: Map<string, number[]> | undefined;
let pgAgain: Map<string, number[]> | undefined;
let pgBytes = 0;
let pgBytesKept = 0;
let upkeepLines: string[] = [];
let readAhead: string[] = [];
const server = ONLY === 'sqlite' ? undefined : await startPostgres();
if (server)
  try {
    const url = await server.createDatabase('history_bench');
    const fleet = await openFleetDatabase(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const empty = Number((await client.query<{ n: string }>('SELECT pg_database_size(current_database()) AS n')).rows[0]!.n);
    const t = performance.now();
    await seedPostgres(
      client,
      N,
      0,
      (done) => done % 200_000 === 0 && console.log(`  postgres: ${done.toLocaleString('en-US')} labels seeded`),
    );
    await client.query('VACUUM ANALYZE');
    // The seed's gigabytes of changed pages are written now, not by the checkpointer while searches are timed.
    await client.query('CHECKPOINT');
    console.log(`PostgreSQL seeded in ${((performance.now() - t) / 1000).toFixed(0)} s`);
    pgBytes = Number((await client.query<{ n: string }>('SELECT pg_database_size(current_database()) AS n')).rows[0]!.n) - empty;
    const indexes = await client.query<{ name: string; mb: string }>(
      `SELECT relname AS name, round(pg_relation_size(oid) / 1048576.0) AS mb FROM pg_class
       WHERE relkind = 'i' AND relname LIKE 'label%' ORDER BY pg_relation_size(oid) DESC LIMIT 8`,
    );
    console.log(`  PostgreSQL's largest indexes: ${indexes.rows.map((r) => `${r.name} ${r.mb} MB`).join(', ')}`);
    await client.end();
    const store = new HistoryStore(fleet);
    ({ results: pgResults, again: pgAgain } = await measure(
      'PostgreSQL (node-postgres, async)',
      { search: (s) => store.search(s), missingFiles: async () => (await store.listMissingFiles()).length },
      { again: true },
    ));
    const plainFleet = await openFleetDatabase(url, { readAhead: 1 });
    const plainStore = new HistoryStore(plainFleet);
    readAhead = await compareReadAhead(
      { search: (s) => plainStore.search(s), missingFiles: async () => 0 },
      { search: (s) => store.search(s), missingFiles: async () => 0 },
    );
    await plainFleet.close();
    // The fleet's upkeep (history/postgres-index-upkeep.ts) on the walked filter indexes the labels
    // added one by one left half empty, then the shapes that walk them, again.
    const kept = performance.now();
    const upkeep = await fleet.rebuildSparseIndexes();
    const keptSeconds = (performance.now() - kept) / 1000;
    const sized = new pg.Client({ connectionString: url });
    await sized.connect();
    pgBytesKept = Number((await sized.query<{ n: string }>('SELECT pg_database_size(current_database()) AS n')).rows[0]!.n) - empty;
    await sized.end();
    const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;
    upkeepLines = upkeep.busy
      ? ['    (busy)']
      : upkeep.indexes.map(
          (i) =>
            `    ${i.index}: ${mb(i.bytesBefore)} (${i.sparseness.toFixed(2)}x its size built at once) -> ${i.bytesAfter === null ? 'left' : mb(i.bytesAfter)}`,
        );
    upkeepLines.push(`    in ${keptSeconds.toFixed(1)} s`);
    const walking = SHAPES.filter(([name]) => /^filter: | \+ (status|operator|station|provider)/.test(name));
    const { results: keptResults } = await measure(
      'PostgreSQL after the upkeep, the filter shapes',
      { search: (s) => store.search(s), missingFiles: async () => 0 },
      { shapes: walking, missingFiles: false },
    );
    for (const [name] of walking) {
      const before = pgResults!.get(name)!;
      const after = keptResults.get(name)!;
      upkeepLines.push(
        `    ${name}: p50 ${ms(pct(before, 0.5))} -> ${ms(pct(after, 0.5))}, p95 ${ms(pct(before, 0.95))} -> ${ms(pct(after, 0.95))}`,
      );
    }
    await fleet.close();
  } finally {
    await server.stop();
  }

console.log('\nSummary');
if (sqlite) {
  const { sqliteResults, mainResults, firstPage, exactCount, offLoopMax, offLoopP99, onLoopMax } = sqlite;
  console.log(`  SQLite (reader thread): ${verdict(sqliteResults)}`);
  console.log(`  SQLite (main thread, reference): ${verdict(mainResults)}`);
  console.log(
    `  History first page through the reader: p50 ${ms(pct(firstPage, 0.5))} ms, p95 ${ms(pct(firstPage, 0.95))} ms (target < 300 ms end to end); exact COUNT(*) it replaced: p50 ${ms(pct(exactCount, 0.5))} ms`,
  );
  console.log(
    `  Main event loop while the reader searched: max delay ${offLoopMax.toFixed(1)} ms, p99 ${offLoopP99.toFixed(1)} ms; ` +
      `with the same searches on the main thread: max ${onLoopMax.toFixed(1)} ms (${(onLoopMax / Math.max(offLoopMax, 1e-6)).toFixed(1)}x)`,
  );
}
if (pgResults) console.log(`  PostgreSQL: ${verdict(pgResults)}`);
if (pgAgain) console.log(`  PostgreSQL, each search asked again at once: ${verdict(pgAgain)}`);
if (upkeepLines.length)
  console.log(`  PostgreSQL's upkeep of the walked filter indexes, and the filter shapes before -> after (ms):\n${upkeepLines.join('\n')}`);
if (readAhead.length) console.log(`  PostgreSQL reading ahead, parts not asked before, first ask:\n${readAhead.join('\n')}`);
const idle = idleMemory.readAfterIdle();
console.log(
  `  This machine, memory idle ${idle.idleSeconds.toFixed(0)} s: ${idle.firstMicros.toFixed(1)} µs to read an 8 KB page, ${idle.againMicros.toFixed(1)} µs again ` +
    `(${(idle.firstMicros / Math.max(idle.againMicros, 1e-3)).toFixed(0)}x): a search's pages that sat idle cost this each`,
);
const idlePage = idleFile.readAfterIdle();
referenceFolder.remove();
console.log(
  `  This machine, a file page unread ${idlePage.idleSeconds.toFixed(0)} s: ${idlePage.firstMicros.toFixed(1)} µs to read (8 KB), ${idlePage.againMicros.toFixed(1)} µs again ` +
    `(${(idlePage.firstMicros / Math.max(idlePage.againMicros, 1e-3)).toFixed(0)}x): a database page a search reads first costs this each`,
);
console.log(
  `  Bytes per label (labels, tracking, attempts, indexes, search index): SQLite ${sqlite ? (sqlite.sqliteBytes / N).toFixed(0) : '-'} B, PostgreSQL ${server ? (pgBytes / N).toFixed(0) : '-'} B${server ? ` (${(pgBytesKept / N).toFixed(0)} B after the upkeep)` : ''}`,
);
