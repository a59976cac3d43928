/** What a History search reads (history-search.ts plans it, history-store.ts pages it), and the parts every plan shares. */
import { sql, type RawBuilder } from 'kysely';
import type { HistoryCursor } from '../../../shared/domain/history-search';
import type { Dialect } from './migrations';

export type Condition = RawBuilder<unknown>;

export interface SearchPlan {
  /** The FROM clause: `labels AS l`, or the trigram candidates joined to it. */
  from: RawBuilder<unknown>;
  where: Condition[];
  /** The query alone already matches more rows than a total counts (no filter narrows it). */
  knownMore: boolean;
  /** How many labels match, when the plan already knows (then nothing is counted). */
  total?: number;
  /**
   * PostgreSQL: where each label's row is (its ctid), when the page's statement reads every row it
   * tests anyway (by key, or by pieces): the page's labels are then read again from those rows, not
   * through an index whose pages nothing has read yet.
   */
  rowAt?: RawBuilder<unknown>;
  /**
   * PostgreSQL: the same labels as `from`, of the weeks likely to hold the page. The page is read
   * from them first, and from `from` only when they hold less than a page (then they were all of
   * its labels newer than some time, and the page needs older ones too).
   */
  recentFrom?: RawBuilder<unknown>;
  /**
   * PostgreSQL: the labels the total is counted from, in the table's order, up to 1,001 matches. A
   * plan without one is counted along the page's walk newest first (unordered, the planner read the
   * table from its oldest label); the labels of a few keys need no order, which would read and sort
   * every one of them.
   */
  countFrom?: RawBuilder<unknown>;
  /** PostgreSQL: the same labels as `countFrom`, of the weeks likely to hold more than a total counts; counted first. */
  recentCountFrom?: RawBuilder<unknown>;
  /** The conditions the total is counted by, when not `where` (SQLite's candidates: the page's were tested already). */
  countWhere?: Condition[];
  /** Labels found already, that `countFrom` does not hold (SQLite's candidates tested for the page): the count goes on from them. */
  countedBefore?: number;
}

/** A page built from a known list of label IDs: each one looked up by key, and the total is the list's length. */
export function keyedPlan(dialect: Dialect, ids: string[], filters: Condition[]): SearchPlan {
  const total = filters.length === 0 ? ids.length : undefined;
  if (dialect === 'postgres')
    return { from: sql`labels AS l`, where: [...filters, sql`l.id = ANY(${ids}::text[])`], knownMore: false, total, rowAt: sql`l.ctid` };
  // CROSS JOIN: SQLite keeps this order, so each ID is one lookup by key.
  return {
    from: sql`json_each(${JSON.stringify(ids)}) AS c CROSS JOIN labels AS l ON l.id = c.value`,
    where: filters,
    knownMore: false,
    total,
  };
}

/** Rows after the cursor in newest-first order (a row value: both databases walk the index to it). */
export function keysetAfter(cursor: HistoryCursor | null | undefined): Condition[] {
  if (!cursor) return [];
  return [sql`(l.created_at, l.id) < (${new Date(cursor.createdAt).toISOString()}, ${cursor.id})`];
}

export function and(conditions: Condition[]): Condition {
  return conditions.length ? sql`${sql.join(conditions, sql` AND `)}` : sql`1 = 1`;
}
