/**
 * Screenshots of the Scan screen's "This parcel" strip on the real station core (sandbox): the
 * station default, a preset and a typed weight, a wrong weight refusing a scan, and the printed
 * outcome declaring the parcel. Called by scripts/screenshot.ts; `npx tsx scripts/screenshot.ts OUTDIR parcel` runs only these.
 */
import type { Page } from '@playwright/test';
import { openStation, scan } from '../test/support/e2e-station';
import type { ScreenshotKit } from './screenshot-splitter';

async function press(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key);
  await page.waitForTimeout(120);
}

export async function parcelScreens(kit: ScreenshotKit): Promise<void> {
  await kit.group(kit.browser, kit.viewport, async (page) => {
    const station = await kit.start({ settings: { sandbox: { latencyMs: 150 } } });
    await openStation(page, station.shell);
    await page.getByTestId('parcel-next').waitFor();
    await kit.shot(page, '60-scan-parcel-default');
    await press(page, 'Alt+1');
    await press(page, 'Alt+W');
    await page.keyboard.type('2.4');
    await kit.shot(page, '61-scan-parcel-chosen');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('0');
    await press(page, 'Enter');
    await scan(page, '576900000000000606');
    await page.getByTestId('refusal').waitFor();
    await kit.shot(page, '62-scan-parcel-wrong-weight');
    await press(page, 'Alt+W');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2.4');
    await press(page, 'Enter');
    await page.getByTestId('refusal').getByRole('button').click();
    await press(page, 'Enter');
    await page.getByTestId('outcome-good').waitFor();
    await page.waitForFunction(() => ![...document.querySelectorAll('.preview-empty')].some((el) => el.textContent?.includes('Loading')));
    await kit.shot(page, '63-scan-parcel-printed');
  });
}
