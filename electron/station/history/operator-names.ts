/**
 * Operators' names in any case, whatever their letters. Neither database folds case beyond ASCII for
 * certain: SQLite's NOCASE and LIKE fold A–Z only, and PostgreSQL's lower() folds what the database's
 * locale knows (with the C locale, A–Z only). Searched as typed, "łukasz" missed "Łukasz Żak", and on a
 * C-locale PostgreSQL his own name spelled exactly found nothing (lower() there left the "Ł" while the
 * station's search had lowered it). So a name with a letter outside ASCII is compared here, in the
 * station, against the names the labels hold: read one per name from the operators' index (a loose
 * scan: one index step per distinct name, a few hundred at most in a warehouse), then looked up
 * through the same index as any operator's name.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Dialect } from './migrations';
import type { HistorySchema } from './schema';

/** Distinct names read at most (a warehouse has tens to hundreds over the years). */
const NAMES_READ_MOST = 2000;

/** Whether `s` has a character outside ASCII, which the databases may not fold. */
export function beyondAscii(s: string): boolean {
  return /[^\u0000-\u007f]/.test(s);
}

/** Unicode's default case mapping both ways: of names compared here, "Ł" meets "ł", "ß" meets "ss" and "ı" meets "i". */
export function foldName(s: string): string {
  return s.normalize('NFC').toUpperCase().toLowerCase();
}

/**
 * The operators' names (each as the operators' index keys it: SQLite's NOCASE name, PostgreSQL's
 * lower(name)) for which `wanted` says yes, given each name folded by foldName.
 */
export async function operatorKeys(db: Kysely<HistorySchema>, dialect: Dialect, wanted: (folded: string) => boolean): Promise<string[]> {
  const names = dialect === 'postgres' ? await postgresNames(db) : await sqliteNames(db);
  return [...new Set(names.filter(({ name }) => wanted(foldName(name))).map(({ key }) => key))];
}

/**
 * The labels of the operators with these keys (operatorKeys), through the operators' index; or, for a
 * label `walked` newest first (SQLite), the same test on its row that no index serves (see
 * history-search.ts, startingSource).
 */
export function operatorKeyed(dialect: Dialect, keys: readonly string[], options: { walked?: boolean } = {}): RawBuilder<unknown> {
  if (keys.length === 0) return sql`1 = 0`;
  if (dialect === 'postgres')
    return keys.length === 1 ? sql`lower(l.operator) = ${keys[0]!}` : sql`lower(l.operator) = ANY(${keys}::text[])`;
  const name = options.walked ? sql`+l.operator COLLATE NOCASE` : sql`l.operator COLLATE NOCASE`;
  return keys.length === 1 ? sql`${name} = ${keys[0]!}` : sql`${name} IN (${sql.join(keys)})`;
}

async function sqliteNames(db: Kysely<HistorySchema>): Promise<Array<{ key: string; name: string }>> {
  // Names equal under NOCASE are one entry: the key finds them all.
  const found = await sql<{ name: string }>`
    WITH RECURSIVE names(name) AS (
      SELECT (SELECT operator FROM labels ORDER BY operator COLLATE NOCASE LIMIT 1)
      UNION ALL
      SELECT (SELECT operator FROM labels WHERE operator COLLATE NOCASE > n.name ORDER BY operator COLLATE NOCASE LIMIT 1)
      FROM names AS n WHERE n.name IS NOT NULL LIMIT ${NAMES_READ_MOST}
    )
    SELECT name FROM names WHERE name IS NOT NULL`.execute(db);
  return found.rows.map(({ name }) => ({ key: name, name }));
}

async function postgresNames(db: Kysely<HistorySchema>): Promise<Array<{ key: string; name: string }>> {
  const found = await sql<{ key: string; name: string }>`
    WITH RECURSIVE names(key, name) AS (
      (SELECT lower(operator), operator FROM labels ORDER BY lower(operator) LIMIT 1)
      UNION ALL
      SELECT next.key, next.name FROM names AS n CROSS JOIN LATERAL (
        SELECT lower(operator) AS key, operator AS name FROM labels WHERE lower(operator) > n.key ORDER BY lower(operator) LIMIT 1
      ) AS next
    )
    SELECT key, name FROM names LIMIT ${NAMES_READ_MOST}`.execute(db);
  return found.rows;
}
