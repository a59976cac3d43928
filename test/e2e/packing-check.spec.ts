/**
 * The packing check on the real core (sandbox, WMS order file with barcodes, fake Zebra): a scan
 * opens the item check, a wrong item is refused and named, the right ones complete the check and
 * the label is bought and printed once; a supervisor may buy without the check, saying why.
 */
import { expect, test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { openStation, scan, startStation, type E2EStation } from '../support/e2e-station';
import { makeTempDir } from '../support/temp-dir';

const ORDER = '576500000000000951';
const SECOND = '576500000000000952';
const SHOTS = 'test-results/screens';

async function startChecking(): Promise<E2EStation & { cleanup(): void }> {
  const temp = makeTempDir();
  const file = path.join(temp.dir, 'orders.csv');
  const rows = ['order_number,tiktok_order_id,status,line_item_id,sku,name,quantity,barcode'];
  for (const [number, orderId] of [
    ['#3001', ORDER],
    ['#3002', SECOND],
  ] as const) {
    rows.push(`${number},${orderId},AWAITING_SHIPMENT,${orderId}-1,MUG-RED,Red mug,1,0012345678905`);
    rows.push(`${number},${orderId},AWAITING_SHIPMENT,${orderId}-2,TEE-L,"T-shirt, large",2,`);
  }
  writeFileSync(file, rows.join('\n') + '\n');
  const station = await startStation({ settings: { ordersFile: file, packing: { checkItems: true } } });
  return { ...station, cleanup: temp.remove };
}

async function labelsOf(station: E2EStation, orderId: string) {
  return (await station.core.handlers.searchHistory({ query: orderId, filter: 'all', limit: 50, offset: 0 })).labels;
}

async function item(page: Page, code: string): Promise<void> {
  await scan(page, code);
  await page.waitForTimeout(60);
}

test('a wrong item is refused and named; the right ones complete the check and the label prints once', async ({ page }) => {
  const station = await startChecking();
  try {
    await openStation(page, station.shell);
    await scan(page, '#3001');
    const panel = page.getByTestId('packing-check');
    await expect(panel).toContainText('Check the items of order #3001');
    await expect(page.getByTestId('check-count')).toHaveText('0 of 3');
    await item(page, 'CAP-9');
    await expect(page.getByTestId('check-last')).toContainText('CAP-9 is not an item of this order');
    await item(page, '0012345678905');
    await item(page, 'TEE-L');
    await expect(page.getByTestId('check-count')).toHaveText('2 of 3');
    await page.screenshot({ path: `${SHOTS}/scan-packing-check.png`, fullPage: true });
    expect(await labelsOf(station, ORDER)).toHaveLength(0);
    await item(page, 'tee-l');
    await expect(page.getByTestId('outcome-good')).toBeVisible({ timeout: 15_000 });
    await expect(panel).toHaveCount(0);
    expect(await labelsOf(station, ORDER)).toHaveLength(1);
    await expect.poll(() => station.printer.jobs.length, { timeout: 10_000 }).toBe(1);

    // Another order scanned halfway through a check ends it: nothing bought for the first.
    await scan(page, '#3002');
    await item(page, 'MUG-RED');
    await scan(page, ORDER);
    await expect(page.getByTestId('scan-notice')).toContainText('Order #3002 was not checked, so nothing was bought for it');
    await expect(page.getByTestId('outcome-warn')).toContainText('already has a label', { timeout: 10_000 });
    expect(await labelsOf(station, SECOND)).toHaveLength(0);
  } finally {
    await station.close();
    station.cleanup();
  }
});

test('a supervisor buys without the check, saying why; Escape stops a check with nothing bought', async ({ page }) => {
  const station = await startChecking();
  try {
    await openStation(page, station.shell);
    await scan(page, '#3002');
    await expect(page.getByTestId('packing-check')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('packing-check')).toHaveCount(0);
    await scan(page, '#3002');
    await page.getByTestId('check-skip').click();
    await page.getByTestId('check-skip-reason').fill('barcode labels missing, counted by hand');
    await page.getByTestId('check-skip-confirm').click();
    await expect(page.getByTestId('outcome-good')).toBeVisible({ timeout: 15_000 });
    expect(await labelsOf(station, SECOND)).toHaveLength(1);
  } finally {
    await station.close();
    station.cleanup();
  }
});
