/**
 * Screenshots of the packing check beyond the Scan screen: History's detail of a label bought
 * without it (who skipped it and why), and the splitter refusing boxes whose items were put in by
 * key instead of scanned. On the real station core. Called by scripts/screenshot.ts; `npx tsx scripts/screenshot.ts
 * OUTDIR checkskip` runs only this.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { openStation, scan } from '../test/support/e2e-station';
import type { ScreenshotKit } from './screenshot-splitter';

const ORDER = '576500000000000931';

export async function checkSkipScreens(kit: ScreenshotKit): Promise<void> {
  await kit.group(kit.browser, kit.viewport, async (page) => {
    const station = await kit.start();
    const { handlers } = station.core;
    const file = path.join(station.dataDir, 'orders.csv');
    writeFileSync(
      file,
      [
        'order_number,tiktok_order_id,status,line_item_id,sku,name,quantity,barcode',
        `#2031,${ORDER},AWAITING_SHIPMENT,li-1,MUG-RED,Red mug,1,0012345678905`,
        `#2031,${ORDER},AWAITING_SHIPMENT,li-2,TEE-L,T-shirt,2,`,
      ].join('\n') + '\n',
    );
    await handlers.updateSettings({ ordersFile: file, packing: { checkItems: true } });
    const outcome = await handlers.submitScan({ scan: ORDER, check: { override: 'Item scanner broken; items counted by hand' } });
    if (outcome.outcome !== 'printed') throw new Error(`${ORDER}: ${outcome.outcome}`);

    await openStation(page, station.shell);
    await page.keyboard.press('F2');
    await page.getByTestId('history-row').filter({ hasText: ORDER }).click();
    await page.getByTestId('detail-check-override').waitFor();
    await kit.shot(page, 'c0-history-detail-check-skipped');
  });
}

const SPLIT_ORDER = '576500000000000932';

/** A person's key: after the scanner's burst gap, so it is a command. */
async function press(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key);
  await page.waitForTimeout(120);
}

export async function splitCheckScreens(kit: ScreenshotKit): Promise<void> {
  await kit.group(kit.browser, kit.viewport, async (page) => {
    const station = await kit.start();
    const file = path.join(station.dataDir, 'orders.csv');
    const items = [
      ['li-1', 'MUG-RED', 'Red mug'],
      ['li-2', 'MUG-RED', 'Red mug'],
      ['li-3', 'TEE-L', 'T-shirt'],
      ['li-4', 'TEE-L', 'T-shirt'],
      ['li-5', 'CAP-NAVY', 'Cap'],
    ];
    writeFileSync(
      file,
      [
        'order_number,tiktok_order_id,status,line_item_id,sku,name,quantity',
        ...items.map(([id, sku, name]) => `#2032,${SPLIT_ORDER},AWAITING_SHIPMENT,${id},${sku},${name},1`),
      ].join('\n') + '\n',
    );
    await station.core.handlers.updateSettings({ ordersFile: file, packing: { checkItems: true } });
    await openStation(page, station.shell);
    await page.keyboard.press('F6');
    await page.getByTestId('split-order-input').waitFor();
    await scan(page, '#2032');
    await page.getByTestId('split-group').first().waitFor();
    // The mugs by key (not checked), the rest scanned.
    await press(page, '2');
    await press(page, 'F7');
    for (const sku of ['TEE-L', 'TEE-L', 'CAP-NAVY']) await scan(page, sku);
    await page.getByTestId('split-notice').filter({ hasText: 'CAP-NAVY' }).waitFor();
    await page.getByText('without being scanned').first().waitFor();
    await kit.shot(page, 'c1-split-items-not-scanned');
  });
}
