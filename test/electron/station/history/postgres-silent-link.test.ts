import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { isConnectionFailure } from '../../../../electron/station/history/connection-failure';
import { openFleetDatabase, type FleetDatabase } from '../../../../electron/station/history/database';
import { freshPostgresDatabase } from '../../../support/postgres-database';
import { silentLink, type SilentLink } from '../../../support/silent-link';
import { until } from '../../../support/until';

const STATEMENT_LIMIT_MS = 300;
/** The client gives up 2 s after the server's own limit would have ended the statement. */
const CLIENT_LIMIT_MS = STATEMENT_LIMIT_MS + 2000;

let fleet: FleetDatabase | undefined;
let link: SilentLink | undefined;
afterEach(async () => {
  await fleet?.close();
  await link?.close();
  fleet = link = undefined;
});

async function fleetBehindLink(prefix: string) {
  const url = new URL(await freshPostgresDatabase(prefix));
  link = await silentLink(Number(url.port));
  url.port = String(link.port);
  fleet = await openFleetDatabase(url.toString(), { statementTimeoutMs: STATEMENT_LIMIT_MS });
  return { fleet, link };
}

describe('the warehouse database going silent in the middle of a statement (a cut link: no reset, no answer)', () => {
  it('fails the statement at the client’s limit as a lost connection, closes that connection, and runs the next one on a fresh connection once the link is back', async () => {
    const { fleet, link } = await fleetBehindLink('silent');
    expect((await sql<{ n: number }>`SELECT 1 AS n`.execute(fleet.db)).rows).toEqual([{ n: 1 }]);

    link.silence();
    const asked = performance.now();
    const failure = await sql`SELECT 1`.execute(fleet.db).then(
      () => undefined,
      (error: unknown) => error,
    );
    const waited = performance.now() - asked;
    expect(String(failure)).toMatch(/Query read timeout: the warehouse database did not answer within 2 s/);
    // What switches a fleet station to its own copy (reprints keep working, nothing is bought).
    expect(isConnectionFailure(failure)).toBe(true);
    expect(waited).toBeGreaterThanOrEqual(CLIENT_LIMIT_MS - 5);
    // The silent connection is closed by the station, not left open (and busy) in its pool.
    await until(() => link.closedByStation() === 1, 'the station to close the connection that went silent');

    link.speak();
    expect((await sql<{ n: number }>`SELECT 2 AS n`.execute(fleet.db)).rows).toEqual([{ n: 2 }]);
    expect(link.closedByStation()).toBe(1);
  }, 30_000);

  it('passes the server’s own errors through unchanged: their SQLSTATE decides what the station does', async () => {
    const { fleet } = await fleetBehindLink('errors');
    const failure = await sql`SELECT 1 / 0`.execute(fleet.db).then(
      () => undefined,
      (error: unknown) => error as { code?: string },
    );
    expect(failure?.code).toBe('22012');
    expect(isConnectionFailure(failure)).toBe(false);
    // The connection that answered with an error is as good as before.
    expect((await sql<{ n: number }>`SELECT 3 AS n`.execute(fleet.db)).rows).toEqual([{ n: 3 }]);
  }, 30_000);
});
