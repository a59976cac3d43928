/**
 * Several stations of one warehouse on one shared PostgreSQL (LABEL_STATION_DATABASE_URL): one live
 * label per order fleet-wide, any station reprints any label without the provider, and a station
 * whose database is away buys nothing, still reprints, and catches up by itself.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAfterShip } from '../../../fakes/aftership-server';
import { expectOutcome } from '../../../support/expect-outcome';
import { freshPostgresDatabase } from '../../../support/postgres-database';
import { startPostgres, type PostgresServer } from '../../../support/postgres-server';
import { useFleetStations } from '../../../support/fleet-stations';
import { decodeZplBarcodes } from '../../../support/zpl-barcode';
import { waitFor } from '../../../support/wait-for';
import { localDate } from '../../../../electron/station/reports';

const API_KEY = 'asat_fleet_station_key_0123456789';
const ORDER = '577100000000000901';
const fleet = useFleetStations(API_KEY);

describe('a fleet on one shared database', () => {
  it('a label bought at one station is the order’s label at every station, and reprints there without the provider', async () => {
    const url = await freshPostgresDatabase('fleet');
    const a = await fleet.station(url, 'Packing 1');
    const b = await fleet.station(url, 'Packing 2');
    expect((await b.call('getStationInfo', {})).database).toMatchObject({ mode: 'fleet', reachable: true });

    const bought = await a.call('submitScan', { scan: ORDER });
    expectOutcome(bought, 'printed');
    const atB = await b.call('submitScan', { scan: ORDER });
    expectOutcome(atB, 'already_labelled');
    expect(atB.message).toMatch(/bought at Packing 1/);
    expect(lookupsAndCreates()).toEqual({ creates: 1 });

    await fleet.aftership.close(); // the provider is gone: the file comes from the shared database
    const reprint = await b.call('reprintLabel', { reason: 'Label damaged', labelId: bought.label.id });
    expect(reprint.ok).toBe(true);
    const jobs = await fleet.printer.waitForJobs(2, 5000);
    expect(await decodeZplBarcodes(jobs[1]!)).toContain(bought.label.trackingNumbers[0]);
    await waitFor(async () => (await b.call('getLabel', { labelId: bought.label.id })).printAttempts.length === 2);
    const attempts = (await b.call('getLabel', { labelId: bought.label.id })).printAttempts;
    expect(attempts.map((x) => [x.station, x.reprint])).toEqual([
      ['Packing 2', true],
      ['Packing 1', false],
    ]);
    // Either station's summary is the fleet's day, counted per station.
    const summary = await a.call('getDaySummary', { date: localDate(new Date()) });
    expect(summary.stations.map((x) => [x.station, x.labels, x.reprints])).toEqual([
      ['Packing 1', 1, 0],
      ['Packing 2', 0, 1],
    ]);
    fleet.aftership = await startFakeAfterShip({ apiKey: API_KEY }); // for afterEach
  });

  it('two stations scanning the same order at the same moment buy one label', async () => {
    const url = await freshPostgresDatabase('fleet');
    const stations = await Promise.all(['Packing 1', 'Packing 2', 'Packing 3'].map((name) => fleet.station(url, name)));
    const outcomes = await Promise.all(stations.map((s) => s.call('submitScan', { scan: ORDER })));
    expect(outcomes.filter((o) => o.outcome === 'printed')).toHaveLength(1);
    for (const other of outcomes.filter((o) => o.outcome !== 'printed')) {
      expect(other.outcome === 'already_labelled' || (other.outcome === 'failed' && other.problem.code === 'order_busy')).toBe(true);
    }
    expect(fleet.aftership.createdFor(ORDER)).toHaveLength(1);
  });

  it('refuses to start on a database address that is not PostgreSQL, naming the variable', async () => {
    await expect(fleet.station('mysql://db.local/labels', 'Packing 1')).rejects.toMatchObject({
      code: 'fleet_database_invalid',
      message: expect.stringContaining('LABEL_STATION_DATABASE_URL'),
    });
  });

  function lookupsAndCreates(): { creates: number } {
    return { creates: fleet.aftership.requests.filter((r) => r.method === 'POST').length };
  }
});

describe('when the shared database is away', () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgres(); // its own server: this test stops it
  });
  afterAll(() => server.stop());

  it('buys nothing, says so, reprints from the station’s copy, and catches up once the database is back', async () => {
    const url = await server.createDatabase('away');
    const station = await fleet.station(url, 'Packing 1');
    const first = await station.call('submitScan', { scan: ORDER });
    expectOutcome(first, 'printed');

    await server.pause();
    const refused = await station.call('submitScan', { scan: '577100000000000902' });
    expectOutcome(refused, 'failed', 'fleet_database_unreachable');
    expect(refused.problem.message).toMatch(/warehouse database is not reachable.*nothing was bought/);
    expect(fleet.aftership.createdFor('577100000000000902')).toHaveLength(0);
    expect((await station.call('getStationInfo', {})).database).toMatchObject({ reachable: false });

    const reprint = await station.call('reprintLabel', { reason: 'Label damaged', labelId: first.label.id });
    expect(reprint.ok).toBe(true);
    expect((await station.call('searchHistory', { query: ORDER })).labels).toHaveLength(1);

    await server.resume();
    await waitFor(async () => (await station.call('getStationInfo', {})).database.reachable, 10_000);
    expectOutcome(await station.call('submitScan', { scan: '577100000000000902' }), 'printed');
    // The reprint made while away reached the shared database.
    const shared = await sharedAttempts(url, first.label.id);
    expect(shared).toBe(2);
  }, 30_000);

  it('keeps a label bought while the database went away, and sends it once it is back', async () => {
    const url = await server.createDatabase('midway');
    const station = await fleet.station(url, 'Packing 1');
    fleet.aftership.failNext('pass', 1, 'lookup');
    fleet.aftership.failNext({ type: 'pending', pollsUntilReady: 2 }, 1, 'create'); // the answer takes about two seconds
    const scan = station.call('submitScan', { scan: ORDER });
    await waitFor(() => fleet.aftership.requests.some((r) => r.method === 'POST'), 5000);
    await server.pause();
    const outcome = await scan;
    expectOutcome(outcome, 'printed');
    expect((await station.call('getStationInfo', {})).database.pendingWrites).toBeGreaterThan(0);

    await server.resume();
    await waitFor(async () => (await station.call('getStationInfo', {})).database.pendingWrites === 0, 10_000);
    const other = await fleet.station(url, 'Packing 2');
    const atOther = await other.call('submitScan', { scan: ORDER });
    expectOutcome(atOther, 'already_labelled');
    expect(atOther.label.trackingNumbers).toEqual(outcome.label.trackingNumbers);
    expect(fleet.aftership.createdFor(ORDER)).toHaveLength(1);
  }, 30_000);
});

async function sharedAttempts(url: string, labelId: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM print_attempts WHERE label_id = $1', [labelId]);
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}
