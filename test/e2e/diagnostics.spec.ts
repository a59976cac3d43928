/**
 * Settings → Copy diagnostics on the real core: the clipboard gets the station's versions, set-up and
 * latest log lines (the scan just made is in it), and the AfterShip key set on the station is not.
 */
import { expect, test } from '@playwright/test';
import { startFakeAfterShip } from '../fakes/aftership-server';
import { openStation, scan, startStation } from '../support/e2e-station';

const API_KEY = 'asat_e2e_diagnostics_key_0123456789';
const ORDER = '576477431806299001';

test('Copy diagnostics puts versions, set-up and the latest log lines on the clipboard, never the API key', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const aftership = await startFakeAfterShip({ apiKey: API_KEY });
  const station = await startStation({
    env: { LABEL_STATION_PROVIDER: 'aftership', AFTERSHIP_API_KEY: API_KEY, AFTERSHIP_BASE_URL: aftership.baseUrl },
  });
  try {
    await openStation(page, station.shell);
    await scan(page, ORDER);
    await expect(page.getByTestId('outcome-good')).toBeVisible({ timeout: 15_000 });
    await page.keyboard.press('F3');
    const section = page.getByTestId('diagnostics');
    await section.getByTestId('copy-diagnostics').click();
    await expect(section.getByTestId('diagnostics-copied')).toContainText('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('Label Station');
    expect(copied).toContain('Provider: AfterShip');
    expect(copied).toContain(`scan ${ORDER}: printed`);
    expect(copied).not.toContain(API_KEY);
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screens/settings-diagnostics-copied.png', fullPage: true });
  } finally {
    await station.close();
    await aftership.close();
  }
});
