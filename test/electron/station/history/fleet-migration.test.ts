import { sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { openFleetDatabase } from '../../../../electron/station/history/database';
import { freshPostgresDatabase } from '../../../support/postgres-database';

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
