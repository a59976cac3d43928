/**
 * Where operators are kept: a port the history room implements (the station's SQLite, or the
 * fleet's PostgreSQL so every station knows every operator). The rules stay in this room.
 */
import type { StoredOperator } from '../../../../shared/domain/operators';

export type { StoredOperator };

/** What a unique index refused: another operator has this name, or this badge. */
export type WriteResult = 'ok' | 'name_taken' | 'badge_taken';

export type OperatorUpdate = Partial<
  Pick<StoredOperator, 'name' | 'role' | 'active' | 'pinHash' | 'badgeLookup' | 'lockedUntil' | 'failedPins'>
> &
  Pick<StoredOperator, 'updatedAt' | 'updatedBy'>;

export interface OperatorStore {
  /** Every operator, active or not, by name. */
  list(): Promise<StoredOperator[]>;
  get(id: string): Promise<StoredOperator | undefined>;
  findByBadge(lookup: string): Promise<StoredOperator | undefined>;
  insert(operator: StoredOperator): Promise<WriteResult>;
  update(id: string, changes: OperatorUpdate): Promise<WriteResult>;
  /**
   * One statement, so two stations counting at once lose no count: a wrong PIN counts; the
   * `lockAfter`-th locks the operator until `lockUntil` and the count starts again.
   */
  countWrongPin(id: string, lockAfter: number, lockUntil: string): Promise<StoredOperator | undefined>;
  /** A right PIN: the count starts again (no other change, so not "updated by"). */
  clearWrongPins(id: string): Promise<void>;
  /** The fleet-wide badge key, created by `create` the first time (the first writer wins). */
  badgeKey(create: () => string): Promise<string>;
}
