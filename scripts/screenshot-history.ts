/**
 * Screenshots of History at scale (F2) on the real station core: empty, a history of more than
 * 1,000 labels ("more than 1,000"), a search by the last digits of a tracking number, and filters.
 * The labels are written straight into the station's SQLite (test/support/history-seed.ts).
 * Called by scripts/screenshot.ts; `npx tsx scripts/screenshot.ts OUTDIR history` runs only these.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { openStation } from '../test/support/e2e-station';
import { seedLabel, seedSqlite } from '../test/support/history-seed';
import type { ScreenshotKit } from './screenshot-splitter';

export async function historyScreens(kit: ScreenshotKit): Promise<void> {
  await kit.group(kit.browser, kit.viewport, async (page) => {
    const station = await kit.start();
    await openStation(page, station.shell);
    await page.keyboard.press('F2');
    await page.getByText('No labels yet').waitFor();
    await kit.shot(page, '95-history-empty');

    const db = new Database(path.join(station.dataDir, 'history.sqlite'));
    db.pragma('busy_timeout = 5000');
    seedSqlite(db, 1500);
    db.close();
    await page.keyboard.press('F1');
    await page.keyboard.press('F2');
    await page.getByText('more than 1,000 labels').waitFor();
    await kit.shot(page, '96-history-more-than-1000');

    const tracking = (JSON.parse(seedLabel(1237).tracking_numbers) as string[])[0]!;
    await page.getByTestId('history-search').fill(tracking.slice(-6));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="history-row"]').length <= 3);
    await kit.shot(page, '97-history-last-digits');

    await page.getByTestId('history-search').fill('');
    await page.getByTestId('filter-status').selectOption('print_failed');
    await page.getByTestId('filter-provider').selectOption('tiktok');
    await page.waitForFunction(() => document.querySelector('[data-testid="history-count"]')?.textContent?.includes('labels') === true);
    await page.waitForTimeout(600);
    await kit.shot(page, '98-history-filters');

    await page.getByTestId('filter-status').selectOption('');
    await page.getByTestId('filter-provider').selectOption('');
    await page.getByTestId('filter-from').fill('2025-12-02');
    await page.getByTestId('filter-to').fill('2025-12-01');
    await page.getByRole('alert').filter({ hasText: 'before the “From” date' }).waitFor();
    await page.getByText('No label matches these filters.').waitFor();
    await kit.shot(page, '99-history-dates-backwards');
  });
}
