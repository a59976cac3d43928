/**
 * Batches on the real station core through the browser shell: a supervisor pastes 5 orders on the
 * Batch screen (F7), starts with Enter, pauses with P (the order in flight finishes, nothing new
 * starts), resumes with P; every order is printed once, in list order.
 */
import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { startStation } from '../support/e2e-station';
import { decodeZplBarcodes } from '../support/zpl-barcode';

const SHOTS = 'test-results/screens';
mkdirSync(SHOTS, { recursive: true });

const ORDERS = Array.from({ length: 5 }, (_, i) => `57692220000000${String(i + 9001)}`);

test('a supervisor pastes 5 orders, pauses, resumes: all printed once, in list order', async ({ page }) => {
  // One order in flight at a time and a slow sandbox, so a pause has orders left to hold back.
  const station = await startStation({ settings: { sandbox: { latencyMs: 600 } }, core: { batchInFlight: 1 } });
  try {
    await page.goto(station.shell.url);
    await expect(page.getByTestId('scan-input')).toBeFocused();
    await page.keyboard.press('F7');
    await expect(page.getByTestId('batch-list')).toBeFocused();
    await page.getByTestId('batch-list').fill(ORDERS.join('\n'));
    await expect(page.getByTestId('batch-pasted')).toHaveText('5 orders');
    await page.keyboard.press('Enter');

    const rows = page.getByTestId('batch-row');
    await expect(rows).toHaveCount(5);
    await expect(rows.first()).toHaveAttribute('data-state', 'bought', { timeout: 15_000 });
    await page.getByTestId('batch-table').click();
    await page.keyboard.press('p');
    await expect(page.getByTestId('batch-progress')).toHaveAttribute('data-state', 'paused', { timeout: 15_000 });
    const boughtWhenPaused = await page.locator('[data-testid="batch-row"][data-state="bought"]').count();
    expect(boughtWhenPaused).toBeLessThan(5);
    // Paused: nothing new starts.
    await page.waitForTimeout(1_500);
    await expect(page.locator('[data-testid="batch-row"][data-state="bought"]')).toHaveCount(boughtWhenPaused);
    await expect(page.locator('[data-testid="batch-row"][data-state="pending"]')).toHaveCount(5 - boughtWhenPaused);
    expect(station.printer.jobs).toHaveLength(boughtWhenPaused);
    await page.screenshot({ path: `${SHOTS}/batch-paused.png` });

    await page.keyboard.press('p');
    await expect(page.getByTestId('batch-progress')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await expect(page.locator('[data-testid="batch-row"][data-state="bought"]')).toHaveCount(5);
    await expect(page.getByTestId('batch-summary')).toContainText('5 bought and printed');
    await page.screenshot({ path: `${SHOTS}/batch-done.png` });

    const jobs = await station.printer.waitForJobs(5, 10_000);
    await page.waitForTimeout(500);
    expect(station.printer.jobs).toHaveLength(5);
    const trackings = await rows.locator('td:nth-child(5)').allTextContents();
    for (const [i, job] of jobs.entries()) expect(await decodeZplBarcodes(job)).toContain(trackings[i]!.trim());
  } finally {
    await station.close();
  }
});
