/**
 * What the fleet suites start for each test: a Zebra printer and an AfterShip fake (ZPL labels), and
 * stations on one shared PostgreSQL that buy from and print to them; all closed after the test,
 * the stations first. A station's log is printed when its test fails.
 */
import { afterEach, beforeEach, onTestFailed } from 'vitest';
import { startFakeAfterShip, type FakeAfterShip } from '../fakes/aftership-server';
import { startZebraStatusPrinter, type ZebraStatusPrinter } from '../fakes/zebra-status-printer';
import { startStation, type Harness } from './station-harness';

/** Fast enough for a test to see the database go and come back within seconds. */
const FLEET_TIMING = { checkEveryMs: 100, connectTimeoutMs: 1000, statementTimeoutMs: 3000 };

export interface FleetStations {
  printer: ZebraStatusPrinter;
  /** Replaceable within a test (a provider that went away and came back): the one set here is closed after it. */
  aftership: FakeAfterShip;
  /** A station named `name` on the database at `url`; `env` adds to or overrides its settings. */
  station(url: string, name: string, env?: Record<string, string>): Promise<Harness>;
}

export function useFleetStations(apiKey: string): FleetStations {
  const cleanups: Array<() => Promise<void>> = [];
  const fleet: FleetStations = {
    printer: undefined as unknown as ZebraStatusPrinter,
    aftership: undefined as unknown as FakeAfterShip,
    async station(url, name, env = {}) {
      const harness = await startStation(
        {
          LABEL_STATION_PROVIDER: 'aftership',
          AFTERSHIP_API_KEY: apiKey,
          AFTERSHIP_BASE_URL: fleet.aftership.baseUrl,
          LABEL_STATION_PRINTER: fleet.printer.address,
          LABEL_STATION_NAME: name,
          LABEL_STATION_DATABASE_URL: url,
          ...env,
        },
        { fleetTiming: FLEET_TIMING },
      );
      cleanups.push(() => harness.close());
      onTestFailed(() => console.log(`${name} log:\n${harness.logs.join('\n')}`));
      return harness;
    },
  };
  beforeEach(async () => {
    fleet.printer = await startZebraStatusPrinter();
    fleet.aftership = await startFakeAfterShip({ apiKey, labelFormat: 'zpl' });
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await fleet.aftership.close();
    await fleet.printer.close();
  });
  return fleet;
}
