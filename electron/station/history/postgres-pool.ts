/**
 * The fleet's connection pool as Kysely uses it. Each statement is sent with node-postgres's callback
 * API and its client-side limit is kept by one watchdog per pool, not by node-postgres's promise and
 * per-query `query_timeout` timer: with those, a quarter to a half of everything a statement
 * allocated (its rows among it) outlived two young-generation collections and was promoted, and each
 * such collection stopped the station's event loop (scanning and printing included) for 8.5 ms p50,
 * up to 17, once every 30 or so History searches; now 1.1 ms p50, up to 2.3
 * (test/bench/postgres-gc.bench.ts, each way in processes of its own).
 *
 * A statement still unanswered at its limit (a server or a link that went silent: no reset comes, the
 * socket would wait for TCP keep-alive, minutes) fails with "Query read timeout", and its connection
 * is closed and left out of the pool, where node-postgres's own limit left it busy in the pool.
 */
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

interface Waiting {
  client: pg.PoolClient;
  deadline: number;
  fail: (error: Error) => void;
}

export function watchedPool(pool: pg.Pool, readTimeoutMs: number): PostgresPool {
  const waiting = new Set<Waiting>();
  const broken = new WeakSet<pg.PoolClient>();
  const facades = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  let watchdog: NodeJS.Timeout | undefined;

  const check = () => {
    const now = performance.now();
    for (const entry of waiting) {
      if (entry.deadline > now) continue;
      waiting.delete(entry);
      broken.add(entry.client);
      entry.fail(new Error(`Query read timeout: the warehouse database did not answer within ${Math.round(readTimeoutMs / 1000)} s`));
      // The link may be silent rather than closed: nothing would ever end this socket but keep-alive.
      entry.client.connection.stream.destroy();
    }
    if (waiting.size === 0) stopWatching();
  };
  const stopWatching = () => {
    clearInterval(watchdog);
    watchdog = undefined;
  };

  const send = (client: pg.PoolClient, text: string, parameters: ReadonlyArray<unknown>) =>
    new Promise<PostgresQueryResult<never>>((resolve, reject) => {
      const entry: Waiting = { client, deadline: performance.now() + readTimeoutMs, fail: reject };
      waiting.add(entry);
      // A quarter of the limit late at most; the timer does not keep a closing station alive.
      watchdog ??= setInterval(check, Math.max(10, Math.min(1000, readTimeoutMs / 4))).unref();
      client.query(text, parameters as unknown[], (error, result) => {
        waiting.delete(entry);
        if (waiting.size === 0) stopWatching();
        if (error) reject(error);
        else resolve(result as unknown as PostgresQueryResult<never>);
      });
    });

  const facade = (client: pg.PoolClient): PostgresPoolClient => {
    const known = facades.get(client);
    if (known) return known;
    const made = {
      query(textOrCursor: string | PostgresCursor<unknown>, parameters?: ReadonlyArray<unknown>) {
        if (typeof textOrCursor === 'string') return send(client, textOrCursor, parameters ?? []);
        return client.query(textOrCursor as unknown as pg.Submittable) as unknown as PostgresCursor<unknown>;
      },
      // A connection whose statement ran out of time is closed, never given to another statement.
      release: (destroy?: boolean) => client.release(destroy || broken.has(client) ? true : undefined),
    } as PostgresPoolClient;
    facades.set(client, made);
    return made;
  };

  return {
    connect: async () => facade(await pool.connect()),
    end: async () => {
      stopWatching();
      if (!pool.ending) await pool.end();
    },
  };
}
