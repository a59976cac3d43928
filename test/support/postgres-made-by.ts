/** A PostgreSQL database at the schema some migrations make (as an older station left it). */
import pg from 'pg';
import type { migrations } from '../../electron/station/history/migrations';
import { freshPostgresDatabase } from './postgres-database';

/** A fresh database with `steps` applied, and a client on it (the caller ends it). */
export async function postgresMadeBy(steps: typeof migrations, name: string): Promise<{ url: string; client: pg.Client }> {
  const url = await freshPostgresDatabase(name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE TABLE label_station_schema (version INTEGER NOT NULL)');
    for (const m of steps) if (m.postgres.trim()) await client.query(m.postgres);
    await client.query('INSERT INTO label_station_schema (version) VALUES ($1)', [steps.length]);
  } catch (error) {
    await client.end();
    throw error;
  }
  return { url, client };
}
