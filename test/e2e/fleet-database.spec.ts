/**
 * A fleet station on the real core, its history in a private PostgreSQL (test/support/postgres-server.ts)
 * that the test stops and starts again: the Scan screen's database light, the scan refused while the
 * database is away, History's reprint from the station's copy, Settings' "Warehouse database" section.
 */
import { expect, test, type Page } from '@playwright/test';
import { scan, startStation, type E2EStation } from '../support/e2e-station';
import { startPostgres, type PostgresServer } from '../support/postgres-server';
import { chooseReprintReason } from '../support/reprint-reason';

const ORDER = '576477431806268482';
const OTHER_ORDER = '576477431806260001';
/** The core checks the database this often: the light changes within a fraction of a second. */
const FLEET_TIMING = { checkEveryMs: 200, connectTimeoutMs: 1_000, statementTimeoutMs: 2_000 };

let server: PostgresServer;
let databases = 0;

test.beforeAll(async () => {
  server = await startPostgres();
});

test.afterAll(async () => {
  await server?.stop();
});

/** A fleet station named `name` on a fresh database of the private server. */
async function startFleetStation(name = 'Packing 1'): Promise<E2EStation> {
  databases += 1;
  const url = await server.createDatabase(`fleet_ui_${databases}`);
  return startStation({
    lockPrinter: true,
    env: { LABEL_STATION_DATABASE_URL: url, LABEL_STATION_NAME: name },
    core: { fleetTiming: FLEET_TIMING },
  });
}

function databaseLight(page: Page) {
  return page.getByTestId('database-light');
}

test('the database light goes red when the warehouse database goes away, a scan then buys nothing, and green again when it is back', async ({
  page,
}) => {
  const station = await startFleetStation();
  try {
    await page.goto(station.shell.url);
    await expect(databaseLight(page)).toHaveAttribute('data-state', 'reachable');
    await expect(databaseLight(page)).toHaveText('Warehouse database');
    await expect(page.getByTestId('printer-ready')).toBeVisible();

    await server.pause();
    await expect(databaseLight(page)).toHaveAttribute('data-state', 'unreachable', { timeout: 10_000 });
    await expect(databaseLight(page)).toContainText('Warehouse database not reachable');
    await expect(databaseLight(page)).toContainText('The warehouse database is not reachable');
    await expect(databaseLight(page)).toContainText('Set each parcel aside and scan it again when this light is green.');
    await expect(page.getByTestId('scan-input')).toBeFocused();

    await scan(page, ORDER);
    const refused = page.getByTestId('outcome-bad');
    await expect(refused).toContainText('Set this parcel aside — nothing was bought', { timeout: 15_000 });
    await expect(refused.getByTestId('problem')).toContainText('The warehouse database is not reachable');
    await expect(refused.getByTestId('problem')).toContainText('scan it again once the database light is green');
    await expect(refused.getByTestId('scanned')).toHaveText(ORDER);
    await expect(refused.getByTestId('database-back')).toHaveCount(0);
    await expect(page.getByTestId('scan-input')).toBeFocused();
    expect(station.printer.jobs).toHaveLength(0);

    await server.resume();
    await expect(databaseLight(page)).toHaveAttribute('data-state', 'reachable', { timeout: 15_000 });
    await expect(databaseLight(page)).toHaveText('Warehouse database');
    await expect(refused.getByTestId('database-back')).toHaveText('✓ The warehouse database is back: scan this parcel again now.');

    await scan(page, ORDER);
    await expect(page.getByTestId('outcome-good')).toBeVisible({ timeout: 15_000 });
    await station.printer.waitForJobs(1, 10_000);
  } finally {
    await server.resume().catch(() => undefined);
    await station.close();
  }
});

test('while the database is away History reprints from the station copy, and Settings shows the change waiting until it is sent', async ({
  page,
}) => {
  const station = await startFleetStation('Packing 3');
  try {
    await page.goto(station.shell.url);
    await scan(page, OTHER_ORDER);
    await expect(page.getByTestId('outcome-good')).toBeVisible({ timeout: 15_000 });
    await station.printer.waitForJobs(1, 10_000);

    await page.keyboard.press('F3');
    const section = page.getByTestId('database-settings');
    await expect(section.getByTestId('station-name')).toHaveText('Packing 3');
    await expect(section.getByTestId('database-mode')).toHaveText('The warehouse’s shared database (a fleet of stations)');
    await expect(section.getByTestId('database-status')).toHaveText('Warehouse database connected.');
    await expect(section.getByTestId('pending-writes')).toHaveText('None');
    await expect(section.getByTestId('fleet-how-to')).toContainText('LABEL_STATION_DATABASE_URL');
    // The station never sends the database's address: the screen cannot show it.
    expect(await page.content()).not.toContain(`127.0.0.1:${server.port}`);

    await server.pause();
    await expect(section.getByTestId('database-status')).toContainText('The warehouse database is not reachable', { timeout: 10_000 });

    await page.keyboard.press('F2');
    const row = page.getByTestId('history-row').filter({ hasText: OTHER_ORDER });
    await expect(row.getByTestId('history-station')).toHaveText('Packing 3');
    await row.getByTestId('reprint').click();
    await chooseReprintReason(page);
    await station.printer.waitForJobs(2, 10_000);

    await page.keyboard.press('F3');
    await expect(section.getByTestId('pending-writes')).not.toHaveText('None');
    await expect(section.getByTestId('pending-writes')).toContainText('made while the database was away');

    await server.resume();
    await expect(section.getByTestId('database-status')).toHaveText('Warehouse database connected.', { timeout: 15_000 });
    await expect(section.getByTestId('pending-writes')).toHaveText('None');
  } finally {
    await server.resume().catch(() => undefined);
    await station.close();
  }
});

test('a station on its own history shows no database light, and Settings says how to join a fleet', async ({ page }) => {
  const station = await startStation({ lockPrinter: true, env: { LABEL_STATION_NAME: 'Packing 9' } });
  try {
    await page.goto(station.shell.url);
    await expect(page.getByTestId('printer-ready')).toBeVisible();
    await expect(databaseLight(page)).toHaveCount(0);
    await page.keyboard.press('F3');
    const section = page.getByTestId('database-settings');
    await expect(section.getByTestId('station-name')).toHaveText('Packing 9');
    await expect(section.getByTestId('database-mode')).toHaveText('This station only (its own history)');
    await expect(section.getByTestId('database-status')).toHaveCount(0);
    await expect(section.getByTestId('fleet-how-to')).toContainText('set LABEL_STATION_DATABASE_URL');
  } finally {
    await station.close();
  }
});
