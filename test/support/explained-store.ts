/**
 * A SQLite History store that shows each step of each statement it reads, as EXPLAIN QUERY PLAN
 * gives it; and a PostgreSQL pool whose every statement comes back with its plan (auto_explain).
 */
import type Database from 'better-sqlite3';
import pg from 'pg';
import { sqliteHistory } from '../../electron/station/history/database';
import { HistoryStore } from '../../electron/station/history/history-store';

/** A step of a statement's plan, with the statement's SQL and the values it was run with. */
export interface PlanStep {
  sql: string;
  detail: string;
  params: unknown[];
}

/** A store on `raw` (with the clock `now`) that hands each step of each statement it reads to `steps.on`, as it runs it. */
export function explainedStore(raw: Database.Database, now?: () => Date): { store: HistoryStore; steps: { on: (step: PlanStep) => void } } {
  const steps = { on: (_step: PlanStep) => {} };
  const explaining = new Proxy(raw, {
    get(target, key) {
      if (key !== 'prepare') return Reflect.get(target, key);
      return (source: string) => {
        const statement = target.prepare(source);
        if (!statement.reader) return statement;
        return new Proxy(statement, {
          get(st, method) {
            if (method !== 'all') return Reflect.get(st, method);
            return (...params: unknown[]) => {
              const plan = target.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...params) as Array<{ detail: string }>;
              for (const step of plan) steps.on({ sql: source, detail: step.detail, params });
              return st.all(...params);
            };
          },
        });
      };
    },
  });
  return { store: new HistoryStore(sqliteHistory(explaining), now), steps };
}

/**
 * A pool on the PostgreSQL database `url` whose every statement's plan is pushed to `plans`, as
 * auto_explain sends it to the client (a notice). `analyze`: with each node's rows and time;
 * `settings`: more SET statements for each connection (planner switches).
 */
export function explainedPostgresPool(
  url: string,
  options: { max?: number; analyze?: boolean; settings?: string } = {},
): { pool: pg.Pool; plans: string[] } {
  const plans: string[] = [];
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 1 });
  const analyze = options.analyze ? ' SET auto_explain.log_analyze = on;' : '';
  pool.on('connect', (one) => {
    one.on('notice', (notice) => plans.push(notice.message ?? ''));
    void one.query(
      `LOAD 'auto_explain'; SET auto_explain.log_min_duration = 0; SET auto_explain.log_level = notice;${analyze} ${options.settings ?? ''}`,
    );
  });
  return { pool, plans };
}
