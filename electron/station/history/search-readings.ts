/**
 * The narrower readings of a History query (history-search.ts): each a source of labels on its own
 * index, counted there before its labels are taken by key or tested on a walk.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { SCANNED_START_LENGTH, type Dialect } from './migrations';
import type { HistorySchema } from './schema';
import type { Condition } from './search-plan';
import { CANDIDATE_CAP } from './substring-candidates';
import { foldName, operatorKeyed, operatorKeys } from './operator-names';

export const SEARCHED_FIELDS = ['l.order_id', 'l.tracking_numbers', 'l.scanned', 'l.operator'] as const;

/**
 * One index a reading of the query is looked up on: the order IDs (`labels`) or the tracking numbers
 * (`label_tracking AS t`), with the range on it. sourceRowTest is the same test on one label, for a
 * newest-first walk when the index names more labels than CANDIDATE_CAP (a carrier's prefix that
 * most tracking numbers share: sorting half a million matches would take seconds).
 */
export interface Source {
  table: 'labels' | 'tracking';
  where: Condition;
  /**
   * The same test on the walked label's own tracking numbers (their JSON array), where given: the
   * walk then reads only the labels (PostgreSQL: labels_newest_words alone), not label_tracking by
   * each label's random ID.
   */
  onLabel?: Condition;
  /**
   * Where an index holds the source's column with created_at, id and the filtered columns: the newest
   * labels it names are read off it alone, without a walk.
   */
  newestOn?: NewestOn;
}
export type Narrowing = Source[];

export interface NewestOn {
  /**
   * A shop number's start: the query's first characters (up to SCANNED_START_LENGTH). labels_scanned_start_newest
   * keys each number by its first characters, then its time, so the newest of each start under
   * these are read from its end (narrowed-search.ts: newestByStart).
   */
  start: string;
}

export const sourceIds = ({ table, where }: Source) =>
  table === 'labels'
    ? sql`SELECT l.id FROM labels AS l WHERE ${where}`
    : sql`SELECT label_id AS id FROM label_tracking AS t WHERE ${where}`;
/** Entries counted from the index alone (a label's ID is not read): enough to tell few from many. */
export const sourceCount = ({ table, where }: Source) =>
  sql`(SELECT count(*) FROM (SELECT 1 FROM ${table === 'labels' ? sql`labels AS l` : sql`label_tracking AS t`} WHERE ${where} LIMIT ${CANDIDATE_CAP + 1}) AS s)`;
/** The same test on the walked label `l` (a labels source's columns are unqualified: they are l's). */
export const sourceRowTest = ({ table, where, onLabel }: Source) =>
  onLabel ??
  (table === 'labels' ? sql`(${where})` : sql`EXISTS (SELECT 1 FROM label_tracking AS t WHERE t.label_id = l.id AND (${where}))`);

/** The whole order ID or one of the tracking numbers (tracking in any case). */
export function exactMatch(dialect: Dialect, q: string): Narrowing {
  return [
    { table: 'labels', where: sql`order_id = ${q}` },
    {
      table: 'tracking',
      where:
        dialect === 'postgres' ? sql`upper(t.tracking_number) = ${q.toUpperCase()}` : sql`t.tracking_number IN (${q}, ${q.toUpperCase()})`,
    },
  ];
}

/** Labels of the operator with exactly this name (any case): their newest-first index, not every label's words. */
export function operatorNamed(dialect: Dialect, q: string): Condition {
  return dialect === 'postgres' ? sql`lower(l.operator) = ${q.toLowerCase()}` : sql`l.operator COLLATE NOCASE = ${q}`;
}

/** Order IDs and tracking numbers that begin with `q` (an index range on each; tracking in any case). */
export function prefixRange(dialect: Dialect, q: string): Narrowing {
  if (dialect === 'postgres') {
    return [
      { table: 'labels', where: sql`order_id LIKE ${`${q}%`}` },
      {
        table: 'tracking',
        where: sql`upper(t.tracking_number) LIKE ${`${q.toUpperCase()}%`}`,
        // q is letters and digits: in the JSON it follows a number's opening quote.
        onLabel: sql`upper(l.tracking_numbers) LIKE ${`%"${q.toUpperCase()}%`}`,
      },
    ];
  }
  const tracking = [...new Set([q, q.toUpperCase()])].map((from) => startsWith(sql.ref('t.tracking_number'), from));
  return [
    startingSource(sql.ref('l.order_id'), q),
    // q is letters and digits, LIKE ignores ASCII case: in the JSON it follows a number's opening quote.
    { table: 'tracking', where: sql.join(tracking, sql` OR `), onLabel: sql`l.tracking_numbers LIKE ${`%"${q}%`}` },
  ];
}

/** Tracking numbers that end with `q` (any case): a range on their reversed last characters. */
export function trackingEndsWith(dialect: Dialect, q: string): Narrowing {
  const reversed = [...q.toUpperCase()].reverse().join('');
  return [
    {
      table: 'tracking',
      where:
        dialect === 'postgres'
          ? sql`reverse(upper(t.tracking_number)) LIKE ${`${reversed}%`}`
          : sql`t.tail_reversed >= ${reversed} AND t.tail_reversed < ${`${reversed}\uffff`}`,
    },
  ];
}

/**
 * The start of an order ID, a tracking number, the order number scanned or an operator's name (any
 * case), each a range on its own index: a start no label has is known at once, not after reading
 * every label.
 */
export async function fieldStarts(db: Kysely<HistorySchema>, dialect: Dialect, q: string): Promise<Narrowing> {
  const folded = foldName(q);
  const operators = await operatorKeys(db, dialect, (name) => name.startsWith(folded));
  const byOperator: Source[] = operators.length
    ? [{ table: 'labels', where: operatorKeyed(dialect, operators), onLabel: operatorKeyed(dialect, operators, { walked: true }) }]
    : [];
  // In the JSON of the label's tracking numbers a number's start follows its opening quote (where q
  // has no character JSON writes otherwise): the walk then tests the label's row alone.
  const json = /^[^"\\\u0000-\u001f]+$/.test(q) ? `%"${escapeLike(q.toUpperCase())}%` : undefined;
  // Order IDs are looked up as typed, in upper and in lower case (each a range on their index).
  const cases = [...new Set([q, q.toUpperCase(), q.toLowerCase()])];
  if (dialect === 'postgres') {
    const starts = (s: string) => `${escapeLike(s)}%`;
    const orderIds = cases.map((from) => sql`l.order_id LIKE ${starts(from)} ESCAPE '\\'`);
    return [
      { table: 'labels', where: sql`(${sql.join(orderIds, sql` OR `)})` },
      {
        table: 'tracking',
        where: sql`upper(t.tracking_number) LIKE ${starts(q.toUpperCase())} ESCAPE '\\'`,
        onLabel: json ? sql`upper(l.tracking_numbers) LIKE ${json} ESCAPE '\\'` : undefined,
      },
      scannedStart(dialect, q),
      ...byOperator,
    ];
  }
  const tracking = [...new Set([q, q.toUpperCase()])].map((from) => startsWith(sql.ref('t.tracking_number'), from));
  const orderIds = cases.map((from) => startsWith(sql.ref('l.order_id'), from));
  return [
    // The walk's test: LIKE ignores ASCII case, and reads +order_id, which no index serves (startingSource).
    { table: 'labels', where: sql`(${sql.join(orderIds, sql` OR `)})`, onLabel: sql`+l.order_id LIKE ${`${escapeLike(q)}%`} ESCAPE '\\'` },
    {
      table: 'tracking',
      where: sql.join(tracking, sql` OR `),
      onLabel: json ? sql`l.tracking_numbers LIKE ${json} ESCAPE '\\'` : undefined,
    },
    scannedStart(dialect, q),
    ...byOperator,
  ];
}

/**
 * Labels whose order number scanned begins with `q` in any case, on labels_scanned_newest: it holds
 * only labels with a number (its condition is repeated, so the database knows it may read it).
 */
export function scannedStart(dialect: Dialect, q: string): Source {
  const newestOn = { start: [...q].slice(0, SCANNED_START_LENGTH).join('') };
  // PostgreSQL: lower() of the parameter, not the station's: the database lowered the stored ones.
  if (dialect === 'postgres') {
    const begins = sql`lower(l.scanned) LIKE lower(${`${escapeLike(q)}%`}) ESCAPE '\\'`;
    // The walk's test alone, without the index's condition: the planner then walks newest first,
    // where it chose to sort every label with a number the index holds ("#": 80-130 ms).
    return { table: 'labels', where: sql`(l.scanned <> '' AND ${begins})`, onLabel: begins, newestOn };
  }
  const { where, onLabel } = startingSource(sql`l.scanned COLLATE NOCASE`, q);
  return { table: 'labels', where: sql`(l.scanned <> '' AND ${where})`, onLabel, newestOn };
}

/**
 * SQLite: labels whose `column` begins with `from`, found on the column's index, and the same test on
 * a label walked newest first. The walk's test reads the column as +column, which no index serves:
 * offered the index, SQLite read its whole range and sorted it ("57", which begins every order ID:
 * a million labels, 6 s), where a walk finds a page in the first fifty.
 */
function startingSource(column: RawBuilder<unknown>, from: string): Source {
  return { table: 'labels', where: startsWith(column, from), onLabel: startsWith(sql`+${column}`, from) };
}

/**
 * SQLite: values of `column` that begin with `from`, as an index range (a LIKE or GLOB pattern in a
 * bound parameter walks every label instead). '\uffff' sorts after every character an order ID,
 * tracking number or order number holds.
 */
function startsWith(column: RawBuilder<unknown>, from: string): Condition {
  return sql`(${column} >= ${from} AND ${column} < ${`${from}\uffff`})`;
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
