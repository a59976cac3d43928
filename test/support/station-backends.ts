/** The server processes of this database's connections that a station opened (its pool names them label-station). */
import type pg from 'pg';

export async function stationBackends(client: pg.ClientBase): Promise<number[]> {
  const found = await client.query<{ pid: number }>(
    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'label-station' ORDER BY pid",
  );
  return found.rows.map((r) => r.pid);
}
