/**
 * The Station API's tokens on the station's SQLite or the fleet's PostgreSQL (only sha256 of each
 * token is kept). Read at every call, never cached: a revoked token is refused at once.
 */
import type { Selectable } from 'kysely';
import type { HistoryDatabase } from './database';
import type { ApiTokensTable } from './schema';

export interface ApiTokenRecord {
  id: string;
  name: string;
  tokenHash: string;
  scopes: string[];
  createdAt: string;
  createdBy: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export class ApiTokenTable {
  private readonly db: HistoryDatabase['db'];

  constructor(history: HistoryDatabase) {
    this.db = history.db;
  }

  async insert(token: ApiTokenRecord): Promise<void> {
    await this.db
      .insertInto('api_tokens')
      .values({
        id: token.id,
        name: token.name,
        token_hash: token.tokenHash,
        scopes: JSON.stringify(token.scopes),
        created_at: token.createdAt,
        created_by: token.createdBy,
        last_used_at: null,
        revoked_at: null,
        revoked_by: null,
      })
      .execute();
  }

  /** Every token, newest first (revoked ones too, so Settings shows when they were revoked). */
  async list(): Promise<ApiTokenRecord[]> {
    return (await this.db.selectFrom('api_tokens').selectAll().orderBy('created_at', 'desc').orderBy('id').execute()).map(toRecord);
  }

  async findByHash(tokenHash: string): Promise<ApiTokenRecord | undefined> {
    const row = await this.db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row && toRecord(row);
  }

  /** Marks the token revoked (once: a second revoke keeps the first time); undefined when there is no such token. */
  async revoke(id: string, at: string, by: string): Promise<ApiTokenRecord | undefined> {
    await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: at, revoked_by: by })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
    const row = await this.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  async touch(id: string, at: string): Promise<void> {
    await this.db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  }
}

function toRecord(row: Selectable<ApiTokensTable>): ApiTokenRecord {
  return {
    id: row.id,
    name: row.name,
    tokenHash: row.token_hash,
    scopes: JSON.parse(row.scopes) as string[],
    createdAt: row.created_at,
    createdBy: row.created_by,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}
