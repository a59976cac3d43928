/** A fresh database on the test run's PostgreSQL (see postgres-global-setup.ts), for one test. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export async function freshPostgresDatabase(prefix = 'ls'): Promise<string> {
  const port = inject('postgresPort');
  const admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return `postgres://postgres@127.0.0.1:${port}/${name}`;
}
