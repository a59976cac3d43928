/**
 * Screenshots of the Batch screen (F7) on the real station core (sandbox, slowed down so progress
 * shows): a pasted list, a batch running, paused, and finished with a failure and a duplicate.
 * Called by scripts/screenshot.ts; `npx tsx scripts/screenshot.ts OUTDIR batch` runs only these.
 */
import type { Page } from '@playwright/test';
import { openStation } from '../test/support/e2e-station';
import type { ScreenshotKit } from './screenshot-splitter';

const ORDERS = Array.from({ length: 40 }, (_, i) => `576922200000000${String(i + 100).padStart(3, '0')}`);

async function waitForState(page: Page, state: string): Promise<void> {
  await page.locator(`[data-testid="batch-progress"][data-state="${state}"]`).waitFor({ timeout: 60_000 });
}

export async function batchScreens(kit: ScreenshotKit): Promise<void> {
  await kit.group(kit.browser, kit.viewport, async (page) => {
    const station = await kit.start({ settings: { sandbox: { latencyMs: 700 } } });
    await openStation(page, station.shell);
    await page.keyboard.press('F7');
    await page.getByTestId('batch-list').waitFor();
    // A list as pasted from the WMS: a line that is not an order, and one order twice.
    const list = [...ORDERS.slice(0, 6), 'PACK-SLIP-??', ORDERS[2]!, ...ORDERS.slice(6)];
    await page.getByTestId('batch-list').fill(list.join('\n'));
    await kit.shot(page, '90-batch-pasted');
    await page.getByTestId('batch-list').press('Enter');
    await page.getByTestId('batch-progress').waitFor();
    await page.waitForFunction(() => (document.querySelector('[data-testid="batch-bar"]')?.getAttribute('aria-valuenow') ?? '0') >= '3');
    await kit.shot(page, '91-batch-running');
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('p');
    await waitForState(page, 'paused');
    await kit.shot(page, '92-batch-paused');
    await page.keyboard.press('p');
    await waitForState(page, 'done');
    await kit.shot(page, '93-batch-done');
  });
}
