/**
 * A fleet station's operators: the warehouse's shared PostgreSQL is the truth (every station knows
 * every operator, a lock holds everywhere), and the station keeps a copy in its SQLite so operators
 * still sign in while the shared database is away. While away, wrong PINs count and lock in the
 * copy; adding or changing operators waits for the database.
 */
import { StationError } from '../../../shared/errors';
import { isConnectionFailure } from './connection-failure';
import type { OperatorRecord, OperatorRecordUpdate, OperatorTable, OperatorWriteResult } from './operator-table';

export class FleetOperators {
  constructor(
    private readonly shared: OperatorTable,
    private readonly cache: OperatorTable,
    /** Whether the fleet's history last found the shared database reachable (no 5 s wait when it is away). */
    private readonly reachable: () => boolean,
    private readonly log: (line: string) => void,
  ) {}

  async list(): Promise<OperatorRecord[]> {
    return this.read(
      async () => {
        const all = await this.shared.list();
        await this.copy(all);
        return all;
      },
      () => this.cache.list(),
    );
  }

  get(id: string): Promise<OperatorRecord | undefined> {
    return this.read(
      async () => this.keep(await this.shared.get(id)),
      () => this.cache.get(id),
    );
  }

  findByBadge(lookup: string): Promise<OperatorRecord | undefined> {
    return this.read(
      async () => this.keep(await this.shared.findByBadge(lookup)),
      () => this.cache.findByBadge(lookup),
    );
  }

  insert(operator: OperatorRecord): Promise<OperatorWriteResult> {
    return this.write(async () => {
      const result = await this.shared.insert(operator);
      if (result === 'ok') await this.cache.put(operator);
      return result;
    });
  }

  update(id: string, changes: OperatorRecordUpdate): Promise<OperatorWriteResult> {
    return this.write(async () => {
      const result = await this.shared.update(id, changes);
      if (result === 'ok') await this.keep(await this.shared.get(id));
      return result;
    });
  }

  countWrongPin(id: string, lockAfter: number, lockUntil: string): Promise<OperatorRecord | undefined> {
    return this.read(
      async () => this.keep(await this.shared.countWrongPin(id, lockAfter, lockUntil)),
      () => this.cache.countWrongPin(id, lockAfter, lockUntil),
    );
  }

  clearWrongPins(id: string): Promise<void> {
    return this.read(
      async () => {
        await this.shared.clearWrongPins(id);
        await this.cache.clearWrongPins(id);
      },
      () => this.cache.clearWrongPins(id),
    );
  }

  badgeKey(create: () => string): Promise<string> {
    return this.read(
      async () => {
        const key = await this.shared.badgeKey(create);
        if ((await this.cache.readKey()) !== key) await this.cache.setBadgeKey(key, true);
        return key;
      },
      async () => {
        const key = await this.cache.readKey();
        if (!key) throw away();
        return key;
      },
    );
  }

  private async copy(all: OperatorRecord[]): Promise<void> {
    for (const operator of all) await this.cache.put(operator);
    await this.cache.keepOnly(all.map((o) => o.id));
  }

  private async keep(operator: OperatorRecord | undefined): Promise<OperatorRecord | undefined> {
    if (operator) await this.cache.put(operator);
    return operator;
  }

  private async read<T>(fromShared: () => Promise<T>, fromCache: () => Promise<T>): Promise<T> {
    if (this.reachable()) {
      try {
        return await fromShared();
      } catch (error) {
        if (!isConnectionFailure(error)) throw error;
        this.log('operators: warehouse database not reachable, using this station’s copy');
      }
    }
    return fromCache();
  }

  private async write<T>(work: () => Promise<T>): Promise<T> {
    if (!this.reachable()) throw away();
    try {
      return await work();
    } catch (error) {
      if (isConnectionFailure(error)) throw away();
      throw error;
    }
  }
}

function away(): StationError {
  return new StationError(
    'operators_unavailable',
    'The warehouse database is not reachable, so operators cannot be added or changed now.',
    'Try again once the database light is green. Signing in still works for operators this station already knows.',
  );
}
