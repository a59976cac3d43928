/**
 * The fleet's filter indexes that carry the words fill their pages only half as labels come (each
 * operator's, station's and provider's newest page is split in half when it fills). The upkeep
 * rebuilds those past a quarter over their size built at once, while stations go on searching and
 * recording labels, and leaves the rest.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFleetDatabase, type FleetDatabase } from '../../../../electron/station/history/database';
import { HistoryStore } from '../../../../electron/station/history/history-store';
import { HistorySearchInput, type HistorySearchInput as SearchInput } from '../../../../shared/domain/history-search';
import { SEED_OPERATORS, SEED_STATIONS, seedPostgres } from '../../../support/history-seed';
import { freshPostgresDatabase } from '../../../support/postgres-database';

const LABELS = 30_000;
const WALKED = ['labels_operator_newest', 'labels_station_newest', 'labels_provider_newest'];

describe('the fleet database’s upkeep of its walked filter indexes', () => {
  let url: string;
  let fleet: FleetDatabase;
  let client: pg.Client;
  const sizes = async () =>
    Object.fromEntries(
      (
        await client.query<{ name: string; bytes: string }>(
          `SELECT relname AS name, pg_relation_size(oid) AS bytes FROM pg_class WHERE relname = ANY($1) ORDER BY relname`,
          [WALKED],
        )
      ).rows.map((row) => [row.name, Number(row.bytes)]),
    );
  const searches: SearchInput[] = [
    { query: '', filters: { operator: SEED_OPERATORS[3]!, station: SEED_STATIONS[1]! } },
    { query: '576', filters: { station: SEED_STATIONS[2]!, provider: 'shipium' } },
    { query: '9', filters: { provider: 'aftership', operator: SEED_OPERATORS[7]! } },
  ];
  const everyAnswer = async () => {
    const store = new HistoryStore(fleet);
    return Promise.all(searches.map((input) => store.search(HistorySearchInput.parse({ ...input, limit: 200 }))));
  };

  beforeAll(async () => {
    url = await freshPostgresDatabase('indexupkeep');
    fleet = await openFleetDatabase(url);
    client = new pg.Client({ connectionString: url });
    await client.connect();
    // Added in time order, as stations add them: each filter value's newest page fills and splits.
    await seedPostgres(client, LABELS);
    await client.query('VACUUM ANALYZE labels');
  }, 120_000);
  afterAll(async () => {
    await client?.end();
    await fleet?.close();
  });

  it('rebuilds each walked index that new labels left half empty, and every search answers as before', async () => {
    const before = await sizes();
    const answers = await everyAnswer();
    const result = await fleet.rebuildSparseIndexes();
    if (result.busy) throw new Error('the upkeep found itself busy');
    expect(result.indexes.map((i) => i.index)).toEqual(WALKED);
    const after = await sizes();
    for (const upkeep of result.indexes) {
      expect(upkeep.sparseness).toBeGreaterThan(1.25);
      expect(upkeep.bytesBefore).toBe(before[upkeep.index]);
      expect(upkeep.bytesAfter).toBe(after[upkeep.index]);
      // About the size its entries take built at once, as the upkeep estimated it.
      expect(after[upkeep.index]).toBeLessThan(before[upkeep.index]! * 0.8);
      expect(after[upkeep.index]).toBeLessThan((before[upkeep.index]! / upkeep.sparseness) * 1.1);
    }
    const valid = await client.query(`SELECT count(*)::int AS n FROM pg_index WHERE indrelid = 'labels'::regclass AND NOT indisvalid`);
    expect(valid.rows[0].n).toBe(0);
    expect(await everyAnswer()).toEqual(answers);
    expect(answers.every((page) => page.labels.length > 0)).toBe(true);
  });

  it('leaves indexes that are as dense as built at once', async () => {
    const before = await sizes();
    const result = await fleet.rebuildSparseIndexes();
    if (result.busy) throw new Error('the upkeep found itself busy');
    for (const upkeep of result.indexes) {
      expect(upkeep.sparseness).toBeGreaterThan(0.8);
      expect(upkeep.sparseness).toBeLessThan(1.25);
      expect(upkeep.bytesAfter).toBeNull();
    }
    expect(await sizes()).toEqual(before);
  });

  it('is done by one station at a time: another finds it busy and changes nothing', async () => {
    await client.query("SELECT pg_advisory_lock(hashtext('label_station_index_upkeep'))");
    try {
      expect(await fleet.rebuildSparseIndexes()).toEqual({ busy: true });
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext('label_station_index_upkeep'))");
    }
  });

  it('drops the half-built copy a rebuild left when it stopped, which every new label would still write to', async () => {
    // A concurrent build that fails leaves its index behind, invalid, as an interrupted rebuild does.
    await client.query('CREATE UNIQUE INDEX CONCURRENTLY labels_station_newest_ccnew ON labels(station)').catch(() => undefined);
    const left = await client.query(`SELECT indisvalid FROM pg_index WHERE indexrelid = 'labels_station_newest_ccnew'::regclass`);
    expect(left.rows).toEqual([{ indisvalid: false }]);
    const result = await fleet.rebuildSparseIndexes();
    expect(result).toMatchObject({ busy: false, leftoversDropped: ['labels_station_newest_ccnew'] });
    expect((await client.query(`SELECT to_regclass('labels_station_newest_ccnew') AS found`)).rows).toEqual([{ found: null }]);
  });

  it('ends with the station: one stopped while its upkeep waits for the labels table does not wait with it', async () => {
    const stopping = await openFleetDatabase(url);
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    await holder.query('BEGIN');
    try {
      await holder.query('LOCK TABLE labels IN ACCESS EXCLUSIVE MODE');
      const upkeep = stopping.rebuildSparseIndexes();
      upkeep.catch(() => undefined);
      await expect
        .poll(
          async () =>
            (
              await client.query(
                "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'label-station upkeep' AND wait_event_type = 'Lock'",
              )
            ).rows[0].n,
        )
        .toBe(1);
      const started = Date.now();
      await stopping.close();
      expect(Date.now() - started).toBeLessThan(2000);
      await expect(upkeep).rejects.toThrow();
    } finally {
      await holder.end();
    }
  });
});
