/**
 * Screenshots of the station's health on the real core: the top bar's light green, amber and red
 * (AfterShip's loopback fake failing some label searches; a printer holding labels), the Health
 * panel in each state, and Settings' storage section after "Back up now".
 * Called by scripts/screenshot.ts; `npx tsx scripts/screenshot.ts OUTDIR health` runs only these.
 */
import type { Page } from '@playwright/test';
import { startFakeAfterShip } from '../test/fakes/aftership-server';
import { openStation, scan } from '../test/support/e2e-station';
import type { ScreenshotKit } from './screenshot-splitter';

const KEY = 'asat_screens_health_key_0123456';

async function waitForLight(page: Page, light: string): Promise<void> {
  await page.locator(`[data-testid="health-light"][data-light="${light}"]`).waitFor({ timeout: 20_000 });
}

async function scanAndWait(page: Page, order: string, outcome: 'good' | 'bad' | 'warn'): Promise<void> {
  await scan(page, order);
  await page.locator(`[data-testid="outcome-${outcome}"]`).filter({ hasText: order }).waitFor({ timeout: 20_000 });
}

export async function healthScreens(kit: ScreenshotKit): Promise<void> {
  await kit.group(kit.browser, kit.viewport, async (page) => {
    const aftership = kit.keep(await startFakeAfterShip({ apiKey: KEY }));
    const station = await kit.start({
      lockPrinter: true,
      env: { LABEL_STATION_PROVIDER: 'aftership', AFTERSHIP_API_KEY: KEY, AFTERSHIP_BASE_URL: aftership.baseUrl },
    });
    await openStation(page, station.shell);
    for (let i = 0; i < 6; i++) await scanAndWait(page, `57710000000000060${i}`, 'good');
    await waitForLight(page, 'green');
    await kit.shot(page, '95-health-green-topbar');
    await page.getByTestId('health-light').click();
    await page.getByTestId('health-screen').waitFor();
    await kit.shot(page, '96-health-green-panel');

    // One order's label search fails three times (HTTP 500): a few percent of the hour's requests.
    await page.keyboard.press('F1');
    aftership.failNext('server-error', 3, 'lookup');
    await scanAndWait(page, '577100000000000610', 'bad');
    await waitForLight(page, 'amber');
    await kit.shot(page, '97-health-amber-topbar');
    await page.getByTestId('health-light').click();
    await page.getByTestId('health-screen').waitFor();
    await kit.shot(page, '98-health-amber-panel');

    // Then AfterShip fails every label search, and the printer runs out of paper: red.
    await page.keyboard.press('F1');
    aftership.failNext('server-error', 9, 'lookup');
    for (let i = 0; i < 3; i++) await scanAndWait(page, `57710000000000062${i}`, 'bad');
    station.printer.setState('paper_out');
    await scan(page, '577100000000000630');
    await page.getByTestId('outcome-queued').waitFor({ timeout: 30_000 });
    await waitForLight(page, 'red');
    await kit.shot(page, '99-health-red-topbar');
    await page.getByTestId('health-light').click();
    await page.getByTestId('health-screen').waitFor();
    await kit.shot(page, '99a-health-red-panel');

    // Settings: the storage section after "Back up now".
    await page.keyboard.press('F3');
    await page.getByTestId('storage-settings').scrollIntoViewIfNeeded();
    await page.getByTestId('back-up-now').click();
    await page.getByTestId('backup-status').filter({ hasText: '1 of 7 kept' }).waitFor({ timeout: 20_000 });
    await page.getByTestId('storage-settings').scrollIntoViewIfNeeded();
    await kit.shot(page, '99b-settings-storage');
  });
}
