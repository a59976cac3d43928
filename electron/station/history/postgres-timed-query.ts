/** Statements on a client of their own, each with node-postgres's own client-side limit (per query; its typings omit it). */
import type pg from 'pg';

export type TimedQuery = <R extends pg.QueryResultRow>(text: string, values?: unknown[], timeoutMs?: number) => Promise<pg.QueryResult<R>>;

/** `client`'s statements, each given up after `timeoutMs` unless the call says otherwise. */
export function timedQuery(client: pg.ClientBase, timeoutMs: number): TimedQuery {
  return (text, values = [], ms = timeoutMs) => client.query(Object.assign({ text, values }, { query_timeout: ms }));
}
