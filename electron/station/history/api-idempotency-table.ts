/**
 * The Station API's idempotency keys: per token, the key, the hash of the request it came with, and
 * once answered the answer (status and body), so a retry gets the same answer and never buys twice.
 * Kept with the labels: a retry that reaches another station of the fleet finds the key too.
 */
import type { HistoryDatabase } from './database';
import { isUniqueViolation } from './unique-violation';

export interface IdempotencyRecord {
  requestHash: string;
  state: 'running' | 'done';
  stationId: string;
  status: number | null;
  response: string | null;
  updatedAt: string;
}

export class ApiIdempotencyTable {
  private readonly db: HistoryDatabase['db'];

  constructor(history: HistoryDatabase) {
    this.db = history.db;
  }

  /** Takes the key for this request ('claimed'), or gives what holds it already. */
  async claim(
    tokenId: string,
    key: string,
    requestHash: string,
    stationId: string,
    at: string,
  ): Promise<{ claimed: true } | { claimed: false; record: IdempotencyRecord }> {
    try {
      await this.db
        .insertInto('api_idempotency')
        .values({
          token_id: tokenId,
          key,
          request_hash: requestHash,
          state: 'running',
          station_id: stationId,
          status: null,
          response: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      return { claimed: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const row = await this.db
      .selectFrom('api_idempotency')
      .select(['request_hash', 'state', 'station_id', 'status', 'response', 'updated_at'])
      .where('token_id', '=', tokenId)
      .where('key', '=', key)
      .executeTakeFirst();
    if (!row) return this.claim(tokenId, key, requestHash, stationId, at); // released meanwhile
    return {
      claimed: false,
      record: {
        requestHash: row.request_hash,
        state: row.state,
        stationId: row.station_id,
        status: row.status,
        response: row.response,
        updatedAt: row.updated_at,
      },
    };
  }

  /** Takes over a key left 'running' by a station that stopped mid-call (this one, before a restart). */
  async retake(tokenId: string, key: string, at: string): Promise<void> {
    await this.db.updateTable('api_idempotency').set({ updated_at: at }).where('token_id', '=', tokenId).where('key', '=', key).execute();
  }

  async finish(tokenId: string, key: string, status: number, response: string, at: string): Promise<void> {
    await this.db
      .updateTable('api_idempotency')
      .set({ state: 'done', status, response, updated_at: at })
      .where('token_id', '=', tokenId)
      .where('key', '=', key)
      .execute();
  }

  /** Lets the key go (nothing was bought): a retry with it runs again. */
  async release(tokenId: string, key: string): Promise<void> {
    await this.db.deleteFrom('api_idempotency').where('token_id', '=', tokenId).where('key', '=', key).execute();
  }

  /** Keys older than `before` are forgotten (a WMS retries within hours, not weeks). */
  async prune(before: string): Promise<void> {
    await this.db.deleteFrom('api_idempotency').where('created_at', '<', before).execute();
  }
}
