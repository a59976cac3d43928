/**
 * What a fleet station's PostgreSQL statements leave to its garbage collector: History searches (50
 * labels each) through the station's pool (history/postgres-pool.ts: callback API, one watchdog for
 * the client-side limit), against the reference, the same store on node-postgres's promise API with
 * its per-query `query_timeout` (what the station used before), each in processes of its own, alternating.
 * Prints the young-generation collections (each stops the event loop: scanning and printing too),
 * their pauses, and the searches' p50/p95/p99. A private PostgreSQL, stopped at the end.
 * Run: npx tsx test/bench/postgres-gc.bench.ts   (GC_SEARCHES per round, default 600; GC_LABELS, default 20,000)
 */
import { Kysely, PostgresDialect } from 'kysely';
import { execFile } from 'node:child_process';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { openFleetDatabase } from '../../electron/station/history/database';
import { HistoryStore } from '../../electron/station/history/history-store';
import type { HistorySchema } from '../../electron/station/history/schema';
import { HistorySearchInput } from '../../shared/domain/history-search';
import { seedLabel, seedPostgresAt, USPS_MAILER } from '../support/history-seed';
import { startPostgres } from '../support/postgres-server';

const SEARCHES = Number(process.env.GC_SEARCHES ?? 600);
const LABELS = Number(process.env.GC_LABELS ?? 20_000);
const ROUNDS = 3;
const run = promisify(execFile);
const STATEMENT_LIMIT_MS = 10_000;

const pct = (s: number[], p: number) => [...s].sort((a, b) => a - b)[Math.min(s.length - 1, Math.floor(s.length * p))] ?? 0;
const ms = (n: number) => n.toFixed(2).padStart(6);

const pauses: Array<{ at: number; ms: number }> = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = (entry as unknown as { detail?: { kind?: number } }).detail?.kind;
    if (kind === constants.NODE_PERFORMANCE_GC_MINOR) pauses.push({ at: entry.startTime, ms: entry.duration });
  }
}).observe({ entryTypes: ['gc'] });

/** Newest page, an order ID, a tracking prefix most labels share: each reads 1–50 labels. */
const searches = (k: number) =>
  [{}, { query: seedLabel((k * 7919) % LABELS).order_id }, { query: USPS_MAILER.slice(0, 8) }].map((s) =>
    HistorySearchInput.parse({ limit: 50, ...s }),
  );

interface Figures {
  searches: number[];
  pauses: number[];
}

async function round(store: HistoryStore, into: Figures): Promise<void> {
  const from = performance.now();
  for (let k = 0; k < SEARCHES; k++) {
    const search = searches(k)[k % 3]!;
    const at = performance.now();
    await store.search(search);
    into.searches.push(performance.now() - at);
    await new Promise((resolve) => setImmediate(resolve));
  }
  const to = performance.now();
  into.pauses.push(...pauses.filter((p) => p.at >= from && p.at <= to).map((p) => p.ms));
}

/** One way, in a process of its own (a process's young generation grows with what survives in it). */
async function child(role: string, url: string): Promise<void> {
  let store: HistoryStore;
  let close: () => Promise<void>;
  if (role === 'station') {
    const station = await openFleetDatabase(url, { statementTimeoutMs: STATEMENT_LIMIT_MS });
    store = new HistoryStore(station);
    close = () => station.close();
  } else {
    const pool = new pg.Pool({
      connectionString: url,
      max: 4,
      min: 2,
      statement_timeout: STATEMENT_LIMIT_MS,
      query_timeout: STATEMENT_LIMIT_MS + 2000,
      options: '-c max_parallel_workers_per_gather=0 -c jit=off',
    });
    const db = new Kysely<HistorySchema>({ dialect: new PostgresDialect({ pool }) });
    store = new HistoryStore({ db, dialect: 'postgres' });
    close = () => db.destroy();
  }
  // Warm: plans, connections, the client code compiled.
  for (let k = 0; k < 60; k++) await store.search(searches(k)[k % 3]!);
  const figures: Figures = { searches: [], pauses: [] };
  await round(store, figures);
  await close();
  console.log(JSON.stringify(figures));
}

const WAYS = {
  reference: 'node-postgres promise API + query_timeout (reference)',
  station: 'station pool (callback API + watchdog)',
} as const;

async function measureIn(role: keyof typeof WAYS, url: string): Promise<Figures> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    env: { ...process.env, GC_ROLE: role, GC_URL: url },
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Figures;
}

if (process.env.GC_ROLE) await child(process.env.GC_ROLE, process.env.GC_URL!);
else {
  const server = await startPostgres();
  try {
    const url = await server.createDatabase('gc_bench');
    await (await openFleetDatabase(url)).close();
    await seedPostgresAt(url, LABELS, 'VACUUM ANALYZE');
    const figures = new Map<keyof typeof WAYS, Figures>([
      ['reference', { searches: [], pauses: [] }],
      ['station', { searches: [], pauses: [] }],
    ]);
    for (let r = 0; r < ROUNDS; r++) {
      for (const role of ['reference', 'station'] as const) {
        const got = await measureIn(role, url);
        figures.get(role)!.searches.push(...got.searches);
        figures.get(role)!.pauses.push(...got.pauses);
      }
    }
    console.log(`${LABELS.toLocaleString('en-US')} labels; ${ROUNDS} processes each way, alternating, ${SEARCHES} History searches each\n`);
    console.log(`${'statements sent through'.padEnd(56)} young GCs  pause p50   max    total    search p50    p95    p99`);
    const rows = [...figures.entries()].map(([role, f]) => {
      const total = f.pauses.reduce((a, b) => a + b, 0);
      console.log(
        `${WAYS[role].padEnd(56)} ${String(f.pauses.length).padStart(9)} ${ms(pct(f.pauses, 0.5))} ${ms(Math.max(0, ...f.pauses))} ${total.toFixed(0).padStart(6)} ms ${ms(pct(f.searches, 0.5))} ${ms(pct(f.searches, 0.95))} ${ms(pct(f.searches, 0.99))}`,
      );
      return { p50: pct(f.pauses, 0.5), total, p99: pct(f.searches, 0.99) };
    });
    const [before, now] = rows as [(typeof rows)[0], (typeof rows)[0]];
    console.log(
      `\nStation pool against the reference: young-GC pause p50 ${(now.p50 / Math.max(before.p50, 1e-6)).toFixed(2)}x, ` +
        `time in young GCs ${(now.total / Math.max(before.total, 1e-6)).toFixed(2)}x, search p99 ${(now.p99 / Math.max(before.p99, 1e-6)).toFixed(2)}x`,
    );
  } finally {
    await server.stop();
  }
}
