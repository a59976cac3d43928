/**
 * Batches on the station's SQLite or the fleet's PostgreSQL (one Kysely schema, see migrations:
 * 'batches of orders'): the list as given, and where each entry stands, so a batch survives a
 * restart. Writes are single statements or one transaction (creating a batch with its list).
 */
import type { Selectable } from 'kysely';
import {
  countEntries,
  type BatchEntry,
  type BatchEntryState,
  type BatchState,
  type BatchSummary,
  type BatchView,
} from '../../../shared/domain/batches';
import type { HistoryDatabase } from './database';
import type { BatchEntriesTable, BatchesTable } from './schema';

export interface NewBatch {
  id: string;
  name: string;
  operator: string;
  stationId: string;
  entries: Array<{ scan: string; state: 'pending' | 'duplicate'; message: string }>;
  at: string;
}

export interface EntryUpdate {
  state: BatchEntryState;
  orderId?: string | null;
  message?: string;
  tracking?: string | null;
  queued?: boolean;
}

export class BatchStore {
  private readonly db: HistoryDatabase['db'];

  constructor(history: HistoryDatabase) {
    this.db = history.db;
  }

  async create(batch: NewBatch): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('batches')
        .values({
          id: batch.id,
          name: batch.name,
          state: 'running',
          operator: batch.operator,
          station_id: batch.stationId,
          created_at: batch.at,
          updated_at: batch.at,
        })
        .execute();
      // In chunks: SQLite allows at most 32766 bound values per statement.
      for (let start = 0; start < batch.entries.length; start += 500) {
        await tx
          .insertInto('batch_entries')
          .values(
            batch.entries.slice(start, start + 500).map((entry, i) => ({
              batch_id: batch.id,
              position: start + i + 1,
              scan: entry.scan,
              order_id: null,
              state: entry.state,
              message: entry.message,
              tracking: null,
              queued: 0,
              updated_at: batch.at,
            })),
          )
          .execute();
      }
    });
  }

  async view(id: string): Promise<BatchView | undefined> {
    const row = await this.db.selectFrom('batches').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const entries = (await this.db.selectFrom('batch_entries').selectAll().where('batch_id', '=', id).orderBy('position').execute()).map(
      toEntry,
    );
    return { ...toSummary(row, entries), entries };
  }

  /** The newest batches of this station first. */
  async list(stationId: string, limit: number): Promise<BatchSummary[]> {
    const rows = await this.db
      .selectFrom('batches')
      .selectAll()
      .where('station_id', '=', stationId)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    if (rows.length === 0) return [];
    const states = await this.db
      .selectFrom('batch_entries')
      .select(['batch_id', 'state'])
      .where(
        'batch_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    return rows.map((row) =>
      toSummary(
        row,
        states.filter((s) => s.batch_id === row.id),
      ),
    );
  }

  /** Batches of this station that are not done (running, pausing or paused), oldest first. */
  async unfinished(stationId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('batches')
      .select('id')
      .where('station_id', '=', stationId)
      .where('state', '!=', 'done')
      .orderBy('created_at')
      .execute();
    return rows.map((r) => r.id);
  }

  async setState(id: string, state: BatchState, at: string, note = ''): Promise<void> {
    await this.db.updateTable('batches').set({ state, note, updated_at: at }).where('id', '=', id).execute();
  }

  async updateEntry(batchId: string, position: number, update: EntryUpdate, at: string): Promise<void> {
    await this.db
      .updateTable('batch_entries')
      .set({
        state: update.state,
        updated_at: at,
        ...(update.orderId !== undefined && { order_id: update.orderId }),
        ...(update.message !== undefined && { message: update.message }),
        ...(update.tracking !== undefined && { tracking: update.tracking }),
        ...(update.queued !== undefined && { queued: update.queued ? 1 : 0 }),
      })
      .where('batch_id', '=', batchId)
      .where('position', '=', position)
      .execute();
  }

  /** After a crash: entries caught running go back to pending (the scan job settles what they did). */
  async requeueRunning(batchId: string, at: string): Promise<number> {
    const result = await this.db
      .updateTable('batch_entries')
      .set({ state: 'pending', updated_at: at })
      .where('batch_id', '=', batchId)
      .where('state', '=', 'running')
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}

function toEntry(row: Selectable<BatchEntriesTable>): BatchEntry {
  return {
    position: Number(row.position),
    scan: row.scan,
    orderId: row.order_id,
    state: row.state,
    message: row.message,
    tracking: row.tracking,
    queued: Number(row.queued) === 1,
  };
}

function toSummary(row: Selectable<BatchesTable>, entries: ReadonlyArray<{ state: BatchEntryState }>): BatchSummary {
  return {
    id: row.id,
    name: row.name,
    state: row.state,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    operator: row.operator,
    note: row.note,
    counts: countEntries(entries),
  };
}
