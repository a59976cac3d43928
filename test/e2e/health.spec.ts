/**
 * The health light and panel on the real station core: AfterShip's loopback fake fails the label
 * searches, the top bar's light turns red with AfterShip named, and the Health panel shows the
 * failure rate. Screenshots go to test-results/screens/.
 */
import { expect, test } from '@playwright/test';
import { startFakeAfterShip, type FakeAfterShip } from '../fakes/aftership-server';
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
