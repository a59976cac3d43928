import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, sqliteHistory, type FleetDatabase, type StationDatabase } from '../../../../electron/station/history/database';
import { FleetHistory } from '../../../../electron/station/history/fleet-history';
import { FleetOutbox } from '../../../../electron/station/history/fleet-outbox';
import { HistoryStore } from '../../../../electron/station/history/history-store';
import { newLabel } from '../../../support/new-label';
import { makeTempDir } from '../../../support/temp-dir';

// The warehouse database is played by a SQLite history here: FleetHistory only speaks to it through
// HistoryStore, and what is under test is when a change goes to it and when to the outbox. The
// fleet suites (never-twice, fleet-stations) run the same class on a real PostgreSQL.

const ORDER = '576000000000000001';
const label = newLabel(ORDER, 'label-1');
const bought = {
  providerLabelId: 'p1',
  trackingNumbers: ['SBX1'],
  cost: { amount: 6.66, currency: 'USD' },
  labelUrl: 'sandbox://labels/p1.pdf',
};

/** The warehouse database, which can be switched off (every call refused, as a stopped server does). */
class SwitchableStore extends HistoryStore {
  up = true;
  override async ping(): Promise<void> {
    if (!this.up) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    return super.ping();
  }
  override async importLabel(...args: Parameters<HistoryStore['importLabel']>): Promise<void> {
    await this.ping();
    return super.importLabel(...args);
  }
}

/** An outbox whose replay can be held just after it found nothing left to send. */
class HeldOutbox extends FleetOutbox {
  hold: { reached: () => void; release: Promise<void> } | undefined;
  override async next(limit: number) {
    const entries = await super.next(limit);
    const hold = this.hold;
    if (entries.length === 0 && hold) {
      this.hold = undefined;
      hold.reached();
      await hold.release;
    }
    return entries;
  }
}

describe('fleet history: changes made while the warehouse database was away', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let sharedDb: StationDatabase;
  let stationDb: StationDatabase;
  let shared: SwitchableStore;
  let outbox: HeldOutbox;
  let fleet: FleetHistory;

  beforeEach(async () => {
    temp = makeTempDir();
    sharedDb = openDatabase(path.join(temp.dir, 'warehouse.sqlite'));
    stationDb = openDatabase(path.join(temp.dir, 'station.sqlite'));
    const database: FleetDatabase = {
      ...sqliteHistory(sharedDb),
      migrate: async () => {},
      rebuildSparseIndexes: async () => ({ busy: true }),
      close: async () => {},
    };
    shared = new SwitchableStore(sqliteHistory(sharedDb));
    const cache = new HistoryStore(sqliteHistory(stationDb));
    outbox = new HeldOutbox(sqliteHistory(stationDb).db);
    fleet = new FleetHistory(database, shared, cache, outbox, () => {});
    expect(await fleet.connect()).toBe(true);
    await fleet.insertBuying(label);
  });
  afterEach(() => {
    sharedDb.close();
    stationDb.close();
    temp.remove();
  });

  it('are sent once it answers, and every reading of it then shows them', async () => {
    shared.up = false;
    await fleet.check();
    expect(fleet.status().reachable).toBe(false);
    await fleet.markBought(label.id, bought);
    expect(fleet.status().pendingWrites).toBe(1);
    expect((await fleet.listUnprinted()).map((l) => l.id)).toEqual([label.id]); // from the station's copy

    shared.up = true;
    await fleet.check();
    expect(fleet.status()).toMatchObject({ reachable: true, pendingWrites: 0 });
    expect(await shared.get(label.id)).toMatchObject({ status: 'bought', trackingNumbers: ['SBX1'] });
    expect((await fleet.listUnprinted()).map((l) => l.id)).toEqual([label.id]);
  });

  it('a change written while it comes back is not left behind in the outbox', async () => {
    shared.up = false;
    await fleet.check();
    let reached!: () => void;
    let release!: () => void;
    const replayDone = new Promise<void>((resolve) => (reached = resolve));
    outbox.hold = { reached: () => reached(), release: new Promise<void>((resolve) => (release = resolve)) };

    shared.up = true;
    const connecting = fleet.connect();
    await replayDone; // the replay found the outbox empty; the station is not marked connected yet
    const changing = fleet.markBought(label.id, bought); // so this change is written to the copy first
    release();
    expect(await connecting).toBe(true);
    await changing;

    expect(await outbox.pending()).toBe(0);
    expect(fleet.status().pendingWrites).toBe(0);
    expect(await shared.get(label.id)).toMatchObject({ status: 'bought' });
    expect((await fleet.listUnprinted()).map((l) => l.id)).toEqual([label.id]);
  });
});
