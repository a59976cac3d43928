/**
 * Screenshot of a label bought without the packing check: History's detail says who skipped it and
 * why. On the real station core. Called by scripts/screenshot.ts; `npx tsx scripts/screenshot.ts
 * OUTDIR checkskip` runs only this.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { openStation } from '../test/support/e2e-station';
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
