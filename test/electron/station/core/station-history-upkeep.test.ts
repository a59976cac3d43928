/** A fleet station's history offers the shared database's upkeep; a station on its own has none to do. */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStationHistory, type StationHistory } from '../../../../electron/station/core/station-history';
import { openDatabase, type StationDatabase } from '../../../../electron/station/history';
import { freshPostgresDatabase } from '../../../support/postgres-database';
import { makeTempDir } from '../../../support/temp-dir';

describe('the history a station runs on', () => {
  const opened: Array<{ history: StationHistory; db: StationDatabase; remove(): void }> = [];
  const open = async (env: Record<string, string>) => {
    const temp = makeTempDir();
    const db = openDatabase(path.join(temp.dir, 'station.sqlite'));
    const history = await openStationHistory(db, env, () => undefined, { checkEveryMs: 60_000 });
    opened.push({ history, db, remove: temp.remove });
    return history;
  };
  afterEach(async () => {
    for (const { history, db, remove } of opened.splice(0)) {
      await history.close();
      db.close();
      remove();
    }
  });

  it('in a fleet, looks at the shared database’s walked indexes when asked', async () => {
    const history = await open({ LABEL_STATION_DATABASE_URL: await freshPostgresDatabase('upkeepwiring') });
    expect(history.status().mode).toBe('fleet');
    // A history with no labels yet: nothing to measure, nothing rebuilt.
    expect(await history.upkeep!()).toEqual({ busy: false, indexes: [], leftoversDropped: [] });
  });

  it('on its own, has no shared database to keep', async () => {
    const history = await open({});
    expect(history.upkeep).toBeUndefined();
  });
});
