import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { openFleetDatabase } from '../../../../electron/station/history/database';
import { freshPostgresDatabase } from '../../../support/postgres-database';
import { stationBackends } from '../../../support/station-backends';

// A schema change slower than a station's per-statement limit, as building an index over a million
// labels is (about a minute): the migration must finish, and the limit must still hold afterwards.
vi.mock('../../../../electron/station/history/migrations', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../../electron/station/history/migrations')>();
  return { ...actual, migrations: [...actual.migrations, { name: 'a slow step (test)', sqlite: '', postgres: 'SELECT pg_sleep(0.6);' }] };
});

describe('a fleet database migration', () => {
  it('finishes a step longer than the station’s statement limit, which then holds again for every query', async () => {
    const url = await freshPostgresDatabase('migrate');
    const fleet = await openFleetDatabase(url, { statementTimeoutMs: 300 });
    try {
      const version = await sql<{ version: number }>`SELECT version FROM label_station_schema`.execute(fleet.db);
      expect(version.rows[0]?.version).toBeGreaterThan(0);
      await expect(sql`SELECT pg_sleep(0.6)`.execute(fleet.db)).rejects.toThrow(/statement timeout/);
    } finally {
      await fleet.close();
    }
  }, 60_000);
});

describe('closing the fleet database', () => {
  it('leaves no connection behind, even when the station only migrated it (the connections it keeps open included)', async () => {
    const url = await freshPostgresDatabase('close');
    const watcher = new pg.Client({ connectionString: url });
    await watcher.connect();
    const stationConnections = async () => (await stationBackends(watcher)).length;
    try {
      for (const used of [false, true]) {
        const fleet = await openFleetDatabase(url);
        if (used) await sql`SELECT 1`.execute(fleet.db);
        expect(await stationConnections()).toBe(1);
        await fleet.close();
        // The server notes a connection's end a moment after the client closes it.
        for (let tries = 0; tries < 50 && (await stationConnections()) > 0; tries++) await new Promise((r) => setTimeout(r, 20));
        expect(await stationConnections()).toBe(0);
      }
    } finally {
      await watcher.end();
    }
  });
});
