/**
 * The operators table on the station's SQLite or the fleet's PostgreSQL: the storage behind the
 * settings room's OperatorStore port (wired in the core; this room never imports settings).
 * Only hashes are stored (see migrations: 'operators and who printed').
 */
import { type Selectable, type Updateable } from 'kysely';
import type { StoredOperator } from '../../../shared/domain/operators';
import type { HistoryDatabase } from './database';
import type { OperatorsTable } from './schema';
import { isUniqueViolation } from './unique-violation';

/** The history room's name for a stored operator row (the shape is shared with the settings room's port). */
export type OperatorRecord = StoredOperator;

export type OperatorRecordUpdate = Partial<Omit<OperatorRecord, 'id' | 'createdAt' | 'createdBy'>>;

export type OperatorWriteResult = 'ok' | 'name_taken' | 'badge_taken';

const BADGE_KEY = 'badge';

export class OperatorTable {
  private readonly db: HistoryDatabase['db'];

  constructor(history: HistoryDatabase) {
    this.db = history.db;
  }

  async list(): Promise<OperatorRecord[]> {
    return (await this.db.selectFrom('operators').selectAll().orderBy('name').execute()).map(toRecord);
  }

  async get(id: string): Promise<OperatorRecord | undefined> {
    const row = await this.db.selectFrom('operators').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  async findByBadge(lookup: string): Promise<OperatorRecord | undefined> {
    const row = await this.db.selectFrom('operators').selectAll().where('badge_lookup', '=', lookup).executeTakeFirst();
    return row && toRecord(row);
  }

  async insert(operator: OperatorRecord): Promise<OperatorWriteResult> {
    return this.write(() => this.db.insertInto('operators').values(toRow(operator)).execute());
  }

  async update(id: string, changes: OperatorRecordUpdate): Promise<OperatorWriteResult> {
    return this.write(() => this.db.updateTable('operators').set(toChanges(changes)).where('id', '=', id).execute());
  }

  /** A copy of the shared database's row, as it is there (the fleet station's cache). */
  async put(operator: OperatorRecord): Promise<void> {
    const { id: _id, ...changes } = toRow(operator);
    await this.db
      .insertInto('operators')
      .values(toRow(operator))
      .onConflict((oc) => oc.column('id').doUpdateSet(changes))
      .execute();
  }

  /** Keeps only these ids (the cache follows operators removed from the shared database). */
  async keepOnly(ids: readonly string[]): Promise<void> {
    let query = this.db.deleteFrom('operators');
    if (ids.length > 0) query = query.where('id', 'not in', ids);
    await query.execute();
  }

  async countWrongPin(id: string, lockAfter: number, lockUntil: string): Promise<OperatorRecord | undefined> {
    await this.db
      .updateTable('operators')
      .set((eb) => ({
        locked_until: eb
          .case()
          .when('failed_pins', '>=', lockAfter - 1)
          .then(lockUntil)
          .else(eb.ref('locked_until'))
          .end(),
        failed_pins: eb
          .case()
          .when('failed_pins', '>=', lockAfter - 1)
          .then(0)
          .else(eb('failed_pins', '+', 1))
          .end(),
      }))
      .where('id', '=', id)
      .execute();
    return this.get(id);
  }

  async clearWrongPins(id: string): Promise<void> {
    await this.db.updateTable('operators').set({ failed_pins: 0 }).where('id', '=', id).execute();
  }

  async badgeKey(create: () => string): Promise<string> {
    const existing = await this.readKey();
    if (existing) return existing;
    await this.setBadgeKey(create(), false);
    return (await this.readKey())!;
  }

  /** Stores the badge key (`replace` in the fleet cache, which follows the shared database's key). */
  async setBadgeKey(value: string, replace: boolean): Promise<void> {
    await this.db
      .insertInto('operator_keys')
      .values({ name: BADGE_KEY, value })
      .onConflict((oc) => (replace ? oc.column('name').doUpdateSet({ value }) : oc.column('name').doNothing()))
      .execute();
  }

  async readKey(): Promise<string | undefined> {
    return (await this.db.selectFrom('operator_keys').select('value').where('name', '=', BADGE_KEY).executeTakeFirst())?.value;
  }

  private async write(run: () => Promise<unknown>): Promise<OperatorWriteResult> {
    try {
      await run();
      return 'ok';
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return /badge/i.test(`${(error as Error).message} ${(error as { constraint?: string }).constraint ?? ''}`)
        ? 'badge_taken'
        : 'name_taken';
    }
  }
}

function toRecord(row: Selectable<OperatorsTable>): OperatorRecord {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    active: Number(row.active) === 1,
    pinHash: row.pin_hash,
    badgeLookup: row.badge_lookup,
    failedPins: Number(row.failed_pins),
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

function toRow(o: OperatorRecord) {
  return {
    id: o.id,
    name: o.name,
    role: o.role,
    active: o.active ? 1 : 0,
    pin_hash: o.pinHash,
    badge_lookup: o.badgeLookup,
    failed_pins: o.failedPins,
    locked_until: o.lockedUntil,
    created_at: o.createdAt,
    created_by: o.createdBy,
    updated_at: o.updatedAt,
    updated_by: o.updatedBy,
  };
}

function toChanges(c: OperatorRecordUpdate): Updateable<OperatorsTable> {
  const row: Updateable<OperatorsTable> = {};
  if (c.name !== undefined) row.name = c.name;
  if (c.role !== undefined) row.role = c.role;
  if (c.active !== undefined) row.active = c.active ? 1 : 0;
  if (c.pinHash !== undefined) row.pin_hash = c.pinHash;
  if (c.badgeLookup !== undefined) row.badge_lookup = c.badgeLookup;
  if (c.failedPins !== undefined) row.failed_pins = c.failedPins;
  if (c.lockedUntil !== undefined) row.locked_until = c.lockedUntil;
  if (c.updatedAt !== undefined) row.updated_at = c.updatedAt;
  if (c.updatedBy !== undefined) row.updated_by = c.updatedBy;
  return row;
}
