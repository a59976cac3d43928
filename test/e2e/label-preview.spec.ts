/**
 * The label preview is what the printer prints (issue 11): a carrier's ZPL label is drawn at the
 * printer's dots on the Scan screen, fills the outcome panel's height, and a click shows it
 * window-high; any key closes it and the scan field still takes the next scan.
 */
import { expect, test } from '@playwright/test';
import { startFakeAfterShip, type FakeAfterShip } from '../fakes/aftership-server';
import { openStation, scan, startStation, type E2EStation } from '../support/e2e-station';

const KEY = 'asat_preview_e2e_key_0123456789';
let station: E2EStation | undefined;
let aftership: FakeAfterShip | undefined;

test.afterEach(async () => {
  await station?.close();
  await aftership?.close();
  station = undefined;
  aftership = undefined;
});

test("a carrier's ZPL label is previewed as printed, large, and zooms to the window", async ({ page }) => {
  aftership = await startFakeAfterShip({ apiKey: KEY, labelFormat: 'zpl' });
  station = await startStation({
    env: { LABEL_STATION_PROVIDER: 'aftership', AFTERSHIP_API_KEY: KEY, AFTERSHIP_BASE_URL: aftership.baseUrl },
  });
  await openStation(page, station.shell);
  await scan(page, '576900000000000744');
  const panel = page.getByTestId('outcome-good');
  const preview = panel.getByTestId('label-preview');
  await expect(preview).toBeVisible({ timeout: 30_000 });
  // The printer's dots: a 4x6 label at 203 dpi is at least 812 dots across.
  expect(await preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThanOrEqual(812);
  // As tall as the panel lets it be (the panel's padding and border aside).
  const [panelBox, previewBox] = [await panel.boundingBox(), await preview.boundingBox()];
  expect(previewBox!.height).toBeGreaterThan(panelBox!.height - 60);

  await preview.click();
  const zoom = page.getByTestId('label-preview-zoom');
  await expect(zoom).toBeVisible();
  const zoomed = await zoom.locator('img').boundingBox();
  expect(zoomed!.height).toBeGreaterThan(previewBox!.height * 1.5);
  await page.keyboard.press('Escape');
  await expect(zoom).toHaveCount(0);
  await page.keyboard.type('576900000000000755');
  await expect(page.getByTestId('scan-input')).toHaveValue('576900000000000755');
});
