import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openFleetDatabase } from '../../../../electron/station/history/database';
import { HistoryStore } from '../../../../electron/station/history/history-store';
import { migrations } from '../../../../electron/station/history/migrations';
import { freshPostgresDatabase } from '../../../support/postgres-database';
import { postgresMadeBy } from '../../../support/postgres-made-by';
import { postgresBinDir, startPostgres, type PostgresServer } from '../../../support/postgres-server';
import { until } from '../../../support/until';
import { makeTempDir } from '../../../support/temp-dir';

// A history that has held every purchase for 60 days lets a purchase for an order it never saw skip
// asking the provider (AfterShip's lookup reaches 30 days back). A copy put back from a dump lacks
// the labels bought after the dump: trusted, it would let an order bought since be bought again.
const SIXTY_DAYS_AGO = new Date(Date.now() - 60 * 86_400_000).toISOString();
const MINUTE = 60_000;

async function backdate(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('UPDATE history_epoch SET complete_since = $1', [SIXTY_DAYS_AGO]);
  await client.end();
}

/** The history's epoch row as a plain client reads it (no migration: a standby is read-only). */
async function epochOn(url: string): Promise<{ complete_since: string | null; home: string | null } | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('SELECT complete_since, home FROM history_epoch')).rows[0];
  } finally {
    await client.end();
  }
}

async function completeSince(url: string): Promise<string | null> {
  const fleet = await openFleetDatabase(url);
  try {
    return await new HistoryStore(fleet).completeSince();
  } finally {
    await fleet.close();
  }
}

describe('a warehouse database put back from a copy', () => {
  it('holds every purchase only from the moment a station reads it restored, while the database it was dumped from keeps its 60 days', async () => {
    const url = await freshPostgresDatabase('home');
    await (await openFleetDatabase(url)).close();
    await backdate(url);
    expect(await completeSince(url)).toBe(SIXTY_DAYS_AGO);

    // What a DBA does: pg_dump, then pg_restore into a new database (the old one dropped or kept).
    const temp = makeTempDir('fleet-dump-');
    const restored = await freshPostgresDatabase('restored');
    try {
      const dump = path.join(temp.dir, 'history.dump');
      execFileSync(path.join(postgresBinDir()!, 'pg_dump'), ['--format=custom', `--file=${dump}`, url]);
      execFileSync(path.join(postgresBinDir()!, 'pg_restore'), ['--no-owner', `--dbname=${restored}`, dump]);
    } finally {
      temp.remove();
    }

    // Two stations reach the restored database together: it starts again once, for both.
    const stations = await Promise.all([openFleetDatabase(restored), openFleetDatabase(restored)]);
    try {
      const [first, second] = await Promise.all(stations.map((fleet) => new HistoryStore(fleet).completeSince()));
      expect(first).toBe(second);
      expect(Date.now() - Date.parse(first!)).toBeLessThan(MINUTE);
      expect(await new HistoryStore(stations[0]!).completeSince()).toBe(first);
    } finally {
      await Promise.all(stations.map((fleet) => fleet.close()));
    }
    expect(await completeSince(url)).toBe(SIXTY_DAYS_AGO);
  });

  it('starts again on a standby promoted after its primary failed (same cluster and database, a new WAL timeline)', async () => {
    const primary = await startPostgres();
    let standby: Awaited<ReturnType<PostgresServer['standby']>> | undefined;
    try {
      const url = await primary.createDatabase('fleet');
      await (await openFleetDatabase(url)).close();
      await backdate(url);
      standby = await primary.standby();
      // The standby has replayed the primary's history: the same 60 days, the same home but for the timeline.
      await until(
        async () => (await epochOn(standby!.url('fleet')))?.complete_since === SIXTY_DAYS_AGO,
        'the standby to replay the history',
      );

      // The primary's disk fails; the DBA promotes the standby and points the stations at it.
      await primary.pause();
      await standby.promote();
      const promoted = standby.url('fleet');
      const since = await completeSince(promoted);
      expect(Date.now() - Date.parse(since!)).toBeLessThan(MINUTE);
      const home = (await epochOn(promoted))!.home!;
      expect(home.split('/')[2]).toBe('00000002');
      expect(await completeSince(promoted)).toBe(since); // read again on the same timeline: kept
    } finally {
      await standby?.stop();
      await primary.stop();
    }
  });

  it('cannot vouch for a history on a server that will not say where it is, and the station still starts', async () => {
    // A managed PostgreSQL may revoke the control-data functions from ordinary roles.
    const url = await freshPostgresDatabase('nohome');
    const role = `ls_plain_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`CREATE ROLE ${role} LOGIN`);
      await admin.query(`ALTER DATABASE ${new URL(url).pathname.slice(1)} OWNER TO ${role}`);
      await admin.query(`ALTER SCHEMA public OWNER TO ${role}`);
      await admin.query('REVOKE EXECUTE ON FUNCTION pg_control_system() FROM PUBLIC');
      const asRole = new URL(url);
      asRole.username = role;
      const fleet = await openFleetDatabase(asRole.toString());
      try {
        expect(await new HistoryStore(fleet).completeSince()).toBeNull(); // every purchase asks the provider first
      } finally {
        await fleet.close();
      }
      // The superuser can say where it is: the history then starts from now.
      const since = await completeSince(url);
      expect(Date.now() - Date.parse(since!)).toBeLessThan(MINUTE);
    } finally {
      await admin.query(`REASSIGN OWNED BY ${role} TO postgres`);
      await admin.query(`DROP OWNED BY ${role}`);
      await admin.end();
      const server = new URL(url);
      server.pathname = '/postgres';
      const cleanup = new pg.Client({ connectionString: server.toString() });
      await cleanup.connect();
      await cleanup.query(`DROP ROLE ${role}`);
      await cleanup.end();
    }
  });

  it('keeps the start of a history an older station made, when it learns where it lives', async () => {
    const before = migrations.slice(
      0,
      migrations.findIndex((m) => m.name === 'a fleet history knows where it lives'),
    );
    const { url, client } = await postgresMadeBy(before, 'older');
    await client.end();
    await backdate(url);
    expect(await completeSince(url)).toBe(SIXTY_DAYS_AGO);
  });
});
