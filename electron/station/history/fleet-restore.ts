/**
 * A fleet's history put back from a copy (a dump restored, a point-in-time backup, a standby promoted
 * after its primary failed) may lack the newest labels. Its "complete since" must then start again:
 * otherwise a purchase for an order bought after the copy was taken finds no trace of it, skips asking
 * the provider (labels/history-answers.ts) and buys a second label.
 *
 * The history notes where it lives: the cluster's system identifier, the database's OID and the WAL
 * timeline. A dump restored anywhere lands in a new database (new OID) or cluster; a point-in-time
 * restore and a promoted standby start a new timeline. Read on another home, the history holds every
 * purchase from now on (as a SQLite backup does once put in place).
 */
import { sql, type Kysely } from 'kysely';
import type { HistorySchema } from './schema';

/**
 * Why a server may not say where it is: a managed service revoking the control-data functions from
 * ordinary roles (42501), a server without them (42883), a standby in recovery (55000).
 */
const HOME_UNKNOWN = ['42501', '42883', '55000'];

/** This database's home, as SQL: `<system identifier>/<database OID>/<timeline>`. */
export const POSTGRES_HOME = `(SELECT system_identifier::text FROM pg_control_system())
    || '/' || (SELECT oid::text FROM pg_database WHERE datname = current_database())
    || '/' || substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8)`;

const NOW = sql<string>`to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The migration's step: a server that cannot say where it is leaves the home unknown (the station still starts). */
export const RECORD_POSTGRES_HOME = `DO $$ BEGIN
    UPDATE history_epoch SET home = ${POSTGRES_HOME};
  EXCEPTION WHEN insufficient_privilege OR undefined_function OR object_not_in_prerequisite_state THEN NULL;
  END $$;`;

/**
 * Since when the fleet's history holds every purchase, started again now if it was read elsewhere
 * before; null (it cannot say: every purchase asks the provider first) where the server cannot say
 * where it is.
 */
export async function fleetCompleteSince(db: Kysely<HistorySchema>): Promise<string | null> {
  const read = await sql<{ complete_since: string | null; home: string | null; here: string }>`
    SELECT complete_since, home, ${sql.raw(POSTGRES_HOME)} AS here FROM history_epoch WHERE id = 1`
    .execute(db)
    .catch((error: unknown) => {
      if (HOME_UNKNOWN.includes(String((error as { code?: unknown }).code))) return { rows: [] };
      throw error;
    });
  const epoch = read.rows[0];
  if (!epoch) return null;
  if (epoch.home === epoch.here) return epoch.complete_since;
  // Only the first station to notice starts it again: the others find the new home set.
  await sql`UPDATE history_epoch SET complete_since = ${NOW}, home = ${epoch.here}
    WHERE id = 1 AND home IS NOT DISTINCT FROM ${epoch.home}`.execute(db);
  const again = await db.selectFrom('history_epoch').select('complete_since').where('id', '=', 1).executeTakeFirst();
  return again?.complete_since ?? null;
}
