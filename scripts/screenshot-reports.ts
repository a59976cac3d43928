/**
 * Screenshots of a label's details with reprint reasons, the reason dialog, the Reports screen (Alt+R)
 * and the printed end-of-day summary (its PDF rendered to PNG with pdftoppm), on the real station
 * core. Called by scripts/screenshot.ts; `npx tsx scripts/screenshot.ts OUTDIR reports` runs only these.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openStation } from '../test/support/e2e-station';
import type { ScreenshotKit } from './screenshot-splitter';

const ORDERS = Array.from({ length: 6 }, (_, i) => `57693440000000${String(1001 + i)}`);

export async function reportsScreens(kit: ScreenshotKit, outDir: string): Promise<void> {
  await kit.group(kit.browser, kit.viewport, async (page) => {
    // The office A4 printer below is a capture file (file:), a printer kind only tests switch on.
    process.env.LABEL_STATION_FILE_PRINTER = '1';
    const station = await kit.start();
    const { handlers } = station.core;
    const ids: string[] = [];
    for (const order of ORDERS) {
      const outcome = await handlers.submitScan({ scan: order });
      if (outcome.outcome !== 'printed') throw new Error(`${order}: ${outcome.outcome}`);
      ids.push(outcome.label.id);
    }
    await handlers.reprintLabel({ labelId: ids[0]!, reason: 'Printer jammed' });
    await handlers.reprintLabels({ labelIds: [ids[1]!, ids[2]!], reason: 'Label damaged' });
    // A fleet's day, as two stations sharing one database would leave it: some labels bought and
    // some reprints made at "Packing 2" (written here to the history directly: one station runs).
    const db = new Database(path.join(station.dataDir, 'history.sqlite'));
    db.prepare(`UPDATE labels SET station = 'Packing 2' WHERE id IN (?, ?)`).run(ids[3], ids[4]);
    db.prepare(`UPDATE print_attempts SET station = 'Packing 2' WHERE label_id = ? AND reprint = 1`).run(ids[1]);
    db.close();
    const office = path.join(station.dataDir, 'office-a4.pdf');
    const settings = await handlers.getSettings({});
    await handlers.updateSettings({
      printers: {
        defaultId: settings.printers.defaultId,
        list: [
          ...settings.printers.list,
          { id: 'office', name: 'Office A4', address: `file:${office}`, dpi: 600, language: 'pdf', media: '4x6', statusCheck: false },
        ],
      },
    });

    await openStation(page, station.shell);
    await page.keyboard.press('F2');
    await page.getByTestId('history-row').filter({ hasText: ORDERS[0]! }).click();
    const detail = page.getByTestId('history-detail');
    await detail.getByTestId('print-attempt').nth(1).waitFor();
    await kit.shot(page, 'a0-history-detail-reasons');
    await detail.getByTestId('reprint').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('reprint-reason-dialog').waitFor();
    await kit.shot(page, 'a1-reprint-reason');
    await page.keyboard.press('4');
    await page.keyboard.type('x');
    await page.keyboard.press('Enter');
    await page.getByTestId('reprint-reason-problem').waitFor();
    await kit.shot(page, 'a2-reprint-reason-too-short');
    await page.keyboard.type('-ray: customer asked for a copy');
    await page.keyboard.press('Enter');
    await detail.getByTestId('print-attempt').nth(2).waitFor();
    await kit.shot(page, 'a3-history-detail-after-reprint');

    await page.keyboard.press('Alt+KeyR');
    await page.getByTestId('hour-chart').waitFor();
    await kit.shot(page, 'a4-reports-today');
    await page.keyboard.press('F8');
    await page.getByTestId('print-summary-result').waitFor();
    await page.keyboard.press('F9');
    await page.getByTestId('export-result').waitFor();
    await kit.shot(page, 'a5-reports-printed-exported');
    await page.keyboard.press('ArrowLeft');
    await page.getByTestId('tile-labels').filter({ hasText: /^0/ }).waitFor();
    await kit.shot(page, 'a6-reports-empty-day');
    execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', office, path.join(outDir, 'a7-summary-pdf')]);
  });
}
