/**
 * The health light and panel on the real station core: AfterShip's loopback fake fails the label
 * searches, the top bar's light turns red with AfterShip named, and the Health panel shows the
 * failure rate. Screenshots go to test-results/screens/.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startFakeAfterShip, type FakeAfterShip } from '../fakes/aftership-server';
import { damageFile } from '../support/damage-file';
import { openStation, scan, startStation, type E2EStation } from '../support/e2e-station';

const SHOTS = 'test-results/screens';
const API_KEY = 'asat_e2e_health_key_0123456789';
let station: E2EStation | undefined;
let aftership: FakeAfterShip | undefined;

test.afterEach(async () => {
  await station?.close();
  await aftership?.close();
  station = undefined;
  aftership = undefined;
});

test('a provider failing requests turns the light red with its reason, and the panel shows the failure rate', async ({ page }) => {
  aftership = await startFakeAfterShip({ apiKey: API_KEY });
  station = await startStation({
    lockPrinter: true,
    env: { LABEL_STATION_PROVIDER: 'aftership', AFTERSHIP_API_KEY: API_KEY, AFTERSHIP_BASE_URL: aftership.baseUrl },
  });
  await openStation(page, station.shell);
  const light = page.getByTestId('health-light');
  await expect(light).toHaveAttribute('data-light', 'green');
  await expect(light).toContainText('All good');

  // The label search before buying fails three times (HTTP 500): nothing is bought for this order.
  aftership.failNext('server-error', 3, 'lookup');
  await scan(page, '577100000000000511');
  await expect(page.getByTestId('outcome-bad')).toBeVisible({ timeout: 15_000 });
  await scan(page, '577100000000000512');
  await expect(page.getByTestId('outcome-good')).toBeVisible({ timeout: 15_000 });

  // The core's count, made on its own: the light must say the same.
  const figures = (await station.core.handlers.getHealth({})).providers.find((p) => p.provider === 'aftership')!.lastHour;
  expect(figures.failures).toBe(3);
  const percent = `${Math.round(figures.failureRate * 100)} %`;
  await expect(light).toHaveAttribute('data-light', 'red');
  const reason = `AfterShip: ${percent} of requests failed in the last hour (3 of ${figures.requests})`;
  await expect(light).toContainText(reason);
  // Where the top bar is too full for the words, the banner under it says them.
  await expect(page.getByTestId('health-banner')).toContainText(reason);
  await page.screenshot({ path: `${SHOTS}/health-1-light-red.png` });

  await light.click();
  const panel = page.getByTestId('health-screen');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('health-reasons')).toContainText(`AfterShip: ${percent} of requests failed`);
  await expect(page.getByTestId('provider-aftership-hour').getByTestId('failure-rate')).toHaveText(`${percent} (3)`);
  expect(await page.content()).not.toContain(API_KEY);
  await page.screenshot({ path: `${SHOTS}/health-2-panel-red.png`, fullPage: true });
});

test('a history file damaged while the station was stopped: it starts from the backup, and the light and panel say what is missing', async ({
  page,
}) => {
  const before = '576100000000000521';
  const after = '576100000000000522';
  let backupAt = '';
  station = await startStation({
    seed: async (core) => {
      expect((await core.handlers.submitScan({ scan: before })).outcome).toBe('printed');
      backupAt = (await core.handlers.backUpNow({})).lastBackupAt!;
      expect((await core.handlers.submitScan({ scan: after })).outcome).toBe('printed');
    },
    restartAfterSeed: true,
    // A disk fault while it is stopped: the file's first page is lost.
    whileStopped: (dataDir) => damageFile(path.join(dataDir, 'history.sqlite'), 0, 4096),
  });
  await openStation(page, station.shell);
  const light = page.getByTestId('health-light');
  await expect(light).toHaveAttribute('data-light', 'amber');
  await expect(page.getByTestId('health-banner')).toContainText('The history file was found damaged');
  await page.screenshot({ path: `${SHOTS}/health-3-history-restored-topbar.png` });

  await light.click();
  const restored = page.getByTestId('health-history-restored');
  await expect(restored).toContainText('file is not a database');
  await expect(restored).toContainText('labels bought after it are not in History');
  const [recovery] = (await station.core.handlers.getHealth({})).backup.recoveries;
  expect(recovery!.restoredFrom).toBe(backupAt);
  await expect(restored).toContainText(recovery!.damagedFile);
  await restored.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/health-4-history-restored-panel.png`, fullPage: true });

  // History holds the backup's label; the one bought after it is not there (a scan asks the provider first).
  await page.keyboard.press('F2');
  await page.getByTestId('history-search').fill(before);
  await expect(page.getByTestId('history-count')).toHaveText('1 label');
  await page.getByTestId('history-search').fill(after);
  await expect(page.getByTestId('history-count')).toHaveText('0 labels');
});
