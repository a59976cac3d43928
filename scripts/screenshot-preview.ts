/**
 * Screenshots of the label preview (exactly what prints) on the Scan screen and in History's
 * details, for a PDF label (sandbox) and a carrier's ZPL label (AfterShip's fake answering ZPL).
 * Called by scripts/screenshot.ts; `npx tsx scripts/screenshot.ts OUTDIR preview` runs only these.
 */
import type { Page } from '@playwright/test';
import { startFakeAfterShip } from '../test/fakes/aftership-server';
import { openStation, scan } from '../test/support/e2e-station';
import type { ScreenshotKit } from './screenshot-splitter';

const AFTERSHIP_KEY = 'asat_preview_key_abcdef0123456789';

const previewLoaded = (page: Page) =>
  page.waitForFunction(() => ![...document.querySelectorAll('.preview-empty')].some((el) => el.textContent?.includes('Loading')));

async function scanAndHistory(kit: ScreenshotKit, page: Page, order: string, name: string): Promise<void> {
  await scan(page, order);
  await page.getByTestId('outcome-good').waitFor({ timeout: 30_000 });
  await page.getByTestId('outcome-good').getByTestId('label-preview').waitFor({ timeout: 30_000 });
  await previewLoaded(page);
  await kit.shot(page, `70-scan-preview-${name}`);
  await page.getByTestId('outcome-good').getByTestId('label-preview').click();
  await page.getByTestId('label-preview-zoom').waitFor();
  await kit.shot(page, `72-preview-zoom-${name}`);
  await page.keyboard.press('Escape');
  await page.getByTestId('label-preview-zoom').waitFor({ state: 'detached' });
  await page.keyboard.press('F2');
  await page.getByTestId('history-row').first().click();
  await page.getByTestId('label-preview').waitFor({ timeout: 30_000 });
  await kit.shot(page, `71-history-preview-${name}`);
  await page.keyboard.press('F1');
}

export async function previewScreens(kit: ScreenshotKit): Promise<void> {
  // A 1080p station screen: the panel (and the label in it) is much taller.
  await kit.group(kit.browser, { width: 1920, height: 1080 }, async (page) => {
    const station = await kit.start({ settings: { sandbox: { latencyMs: 100 } } });
    await openStation(page, station.shell);
    await scan(page, '576900000000000733');
    await page.getByTestId('outcome-good').getByTestId('label-preview').waitFor({ timeout: 30_000 });
    await kit.shot(page, '73-scan-preview-pdf-1080p');
  });
  await kit.group(kit.browser, kit.viewport, async (page) => {
    const station = await kit.start({ settings: { sandbox: { latencyMs: 100 } } });
    await openStation(page, station.shell);
    await scanAndHistory(kit, page, '576900000000000711', 'pdf');
  });
  await kit.group(kit.browser, kit.viewport, async (page) => {
    const aftership = kit.keep(await startFakeAfterShip({ apiKey: AFTERSHIP_KEY, labelFormat: 'zpl' }));
    const station = await kit.start({
      env: { LABEL_STATION_PROVIDER: 'aftership', AFTERSHIP_API_KEY: AFTERSHIP_KEY, AFTERSHIP_BASE_URL: aftership.baseUrl },
    });
    await openStation(page, station.shell);
    await scanAndHistory(kit, page, '576900000000000722', 'zpl');
  });
}
