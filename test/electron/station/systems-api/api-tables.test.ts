/** The API's tokens and idempotency keys in the station's SQLite: only hashes, revocation once, keys claimed once and pruned. */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiIdempotencyTable, ApiTokenTable, openDatabase, sqliteHistory } from '../../../../electron/station/history';
import { makeTempDir } from '../../../support/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let db: ReturnType<typeof openDatabase>;
beforeEach(() => {
  temp = makeTempDir();
  db = openDatabase(path.join(temp.dir, 'history.sqlite'));
});
afterEach(() => {
  db.close();
  temp.remove();
});

describe('api tables', () => {
  it('finds a token by its hash and keeps the first revocation', async () => {
    const tokens = new ApiTokenTable(sqliteHistory(db));
    await tokens.insert({
      id: 't1',
      name: 'WMS',
      tokenHash: 'ab'.repeat(32),
      scopes: ['read', 'buy'],
      createdAt: '2026-12-05T10:00:00.000Z',
      createdBy: 'Sue',
      lastUsedAt: null,
      revokedAt: null,
    });
    expect((await tokens.findByHash('ab'.repeat(32)))?.scopes).toEqual(['read', 'buy']);
    expect(await tokens.findByHash('cd'.repeat(32))).toBeUndefined();
    expect((await tokens.revoke('t1', '2026-12-05T11:00:00.000Z', 'Sue'))?.revokedAt).toBe('2026-12-05T11:00:00.000Z');
    expect((await tokens.revoke('t1', '2026-12-05T12:00:00.000Z', 'Bo'))?.revokedAt).toBe('2026-12-05T11:00:00.000Z');
    expect(await tokens.revoke('nope', '2026-12-05T12:00:00.000Z', 'Bo')).toBeUndefined();
  });

  it('claims a key once, replays its answer, lets it go, and prunes old keys', async () => {
    const keys = new ApiIdempotencyTable(sqliteHistory(db));
    expect(await keys.claim('t1', 'k1', 'h1', 's1', '2026-12-01T00:00:00.000Z')).toEqual({ claimed: true });
    const second = await keys.claim('t1', 'k1', 'h2', 's2', '2026-12-01T00:00:01.000Z');
    expect(second).toMatchObject({ claimed: false, record: { requestHash: 'h1', state: 'running', stationId: 's1' } });
    await keys.finish('t1', 'k1', 201, '{"outcome":"printed"}', '2026-12-01T00:00:02.000Z');
    expect(await keys.claim('t1', 'k1', 'h1', 's1', '2026-12-01T00:00:03.000Z')).toMatchObject({
      claimed: false,
      record: { state: 'done', status: 201, response: '{"outcome":"printed"}' },
    });
    expect(await keys.claim('t2', 'k1', 'h1', 's1', '2026-12-05T00:00:00.000Z')).toEqual({ claimed: true }); // another token's key
    await keys.release('t2', 'k1');
    expect(await keys.claim('t2', 'k1', 'h9', 's1', '2026-12-05T00:00:00.000Z')).toEqual({ claimed: true });
    await keys.prune('2026-12-04T00:00:00.000Z');
    expect(await keys.claim('t1', 'k1', 'h7', 's1', '2026-12-05T00:00:00.000Z')).toEqual({ claimed: true });
    expect((await keys.claim('t2', 'k1', 'h9', 's1', '2026-12-05T00:00:00.000Z')).claimed).toBe(false);
  });
});
