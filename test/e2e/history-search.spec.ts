/**
 * History at scale, for real: the built renderer, the browser shell and the real station core over
 * a history of 1,500 earlier labels (written into its SQLite) plus one bought by a scan. A packer
 * types the last digits of the tracking number read off the parcel and finds its label; a
 * supervisor filters by status and sees exactly the labels the test counts itself.
 */
import { expect, test } from '@playwright/test';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openStation, startStation, type E2EStation } from '../support/e2e-station';
import { seedLabel, seedSqlite } from '../support/history-seed';

const EARLIER = 1500;
const ORDER = '576481234500000042';

let station: E2EStation | undefined;
test.afterEach(async () => {
  await station?.close();
  station = undefined;
});

test('History finds a label by the last digits of its tracking number and filters by status', async ({ page }) => {
  station = await startStation({
    lockPrinter: true,
    env: { LABEL_STATION_SANDBOX_LATENCY_MS: '50' },
    seed: async (core) => {
      expect((await core.handlers.submitScan({ scan: ORDER })).outcome).toBe('printed');
    },
  });
  const db = new Database(path.join(station.dataDir, 'history.sqlite'));
  db.pragma('busy_timeout = 5000');
  seedSqlite(db, EARLIER);
  db.close();
  const [scanned] = (await station.core.handlers.searchHistory({ query: ORDER, filter: 'all', limit: 5 })).labels;
  const tracking = scanned!.trackingNumbers[0]!;

  const searches: Array<{ cursor?: unknown; countTotal?: boolean }> = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/rpc/searchHistory')) searches.push(request.postDataJSON());
  });
  await openStation(page, station.shell);
  await page.keyboard.press('F2');
  await expect(page.getByTestId('history-count')).toHaveText('more than 1,000 labels');

  // Scrolled down, later pages load; only the first page's total is counted, and it is the one shown.
  const rows = page.getByTestId('history-row');
  await page.getByTestId('history-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect.poll(() => searches.filter((s) => s.cursor).length).toBeGreaterThan(0);
  expect(searches.filter((s) => s.cursor && s.countTotal !== false)).toEqual([]);
  expect(searches.filter((s) => !s.cursor && s.countTotal === false)).toEqual([]);
  await expect(page.getByTestId('history-count')).toHaveText('more than 1,000 labels');
  expect(await rows.count()).toBeGreaterThan(0);

  // The last 6 digits, as read off the parcel: exactly the label bought by the scan.
  const lastDigits = tracking.slice(-6);
  await page.getByTestId('history-search').fill(lastDigits);
  const expectedByDigits =
    1 +
    Array.from({ length: EARLIER }, (_, i) => seedLabel(i)).filter(
      (l) => l.tracking_numbers.includes(lastDigits) || l.order_id.includes(lastDigits),
    ).length;
  await expect(page.getByTestId('history-count')).toHaveText(`${expectedByDigits} label${expectedByDigits === 1 ? '' : 's'}`);
  await expect(rows.filter({ hasText: ORDER })).toHaveCount(1);

  // The same search with a status filter: printed keeps it, print failed finds nothing.
  await page.getByTestId('filter-status').selectOption('print_failed');
  await expect(page.getByText(`No label matches “${lastDigits}” with these filters.`)).toBeVisible();
  await page.getByTestId('filter-status').selectOption('printed');
  await expect(rows.filter({ hasText: ORDER })).toHaveCount(1);

  // Status alone: as many labels as the test counts among those it wrote, all of that status.
  await page.getByTestId('history-search').fill('');
  await page.getByTestId('filter-status').selectOption('print_failed');
  const failed = Array.from({ length: EARLIER }, (_, i) => seedLabel(i)).filter((l) => l.status === 'print_failed').length;
  await expect(page.getByTestId('history-count')).toHaveText(`${failed} label${failed === 1 ? '' : 's'}`);
  await expect(rows.first()).toContainText('print failed');
  expect(await rows.filter({ hasNotText: 'print failed' }).count()).toBe(0);
});
