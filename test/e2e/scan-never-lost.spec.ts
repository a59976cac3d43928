/**
 * No scan is ever lost or bought twice, on the real station core (sandbox provider, fake Zebra):
 * scans made while a label is being bought wait their turn and print in order; a scanner's burst
 * on History or Settings is made on the Scan screen; Tab ends a scan like Enter; Escape clears a
 * half-read scan; the outcome's actions have keys; an idle History goes back to Scan.
 */
import { expect, test, type Page } from '@playwright/test';
import { openStation, scan, startStation, type E2EStation, type E2EStationOptions } from '../support/e2e-station';
import { decodeZplBarcodes } from '../support/zpl-barcode';
import { chooseReprintReason } from '../support/reprint-reason';

const SHOTS = 'test-results/screens';
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

const ORDERS = Array.from({ length: 5 }, (_, i) => `57640000000000100${i + 1}`);

let station: E2EStation | undefined;
async function start(options: E2EStationOptions = {}): Promise<E2EStation> {
  station = await startStation(options);
  return station;
}
test.afterEach(async () => {
  await station?.close();
  station = undefined;
});

async function labelsOf(orderId: string) {
  return (await station!.core.handlers.searchHistory({ query: orderId, filter: 'all', limit: 50, offset: 0 })).labels;
}

/** A scanner's burst ended by `end`, keys a few milliseconds apart. */
async function burst(page: Page, text: string, end: 'Enter' | 'Tab' = 'Enter'): Promise<void> {
  await page.keyboard.type(text, { delay: 5 });
  await page.keyboard.press(end);
}

/** The tracking number on each label the printer received, in the order it received them. */
async function printedTracking(s: E2EStation): Promise<string[]> {
  const labels = s.printer.jobs.flatMap((job) => job.toString('latin1').match(/\^XA[\s\S]*?\^XZ/g) ?? []);
  return (await Promise.all(labels.map((zpl) => decodeZplBarcodes(zpl)))).map((codes) => codes[0] ?? '');
}

test('five orders scanned 50 ms apart while the first is bought: each bought once, printed in scan order', async ({ page }) => {
  const s = await start({ settings: { sandbox: { latencyMs: 1000 } } });
  await openStation(page, s.shell);
  for (const order of ORDERS) {
    await scan(page, order);
    await page.waitForTimeout(50);
  }
  // A double read of the last barcode is not queued twice.
  await scan(page, ORDERS[4]!);
  await expect(page.getByTestId('refusal')).toContainText('not queued twice');
  await expect(page.getByTestId('queued-scan').first()).toBeVisible();
  await expect(page.getByTestId('scan-queue')).toContainText(ORDERS[4]!);
  // The refusal stays while the queue it is about works (a waiting scan taking its turn keeps it).
  await expect.poll(() => page.getByTestId('queued-scan').count(), { timeout: 10_000 }).toBeLessThanOrEqual(2);
  await expect(page.getByTestId('refusal')).toContainText('not queued twice');
  await expect(page.getByTestId('scan-queue')).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByTestId('refusal')).toHaveCount(0);
  await expect(page.getByTestId('outcome-good')).toBeVisible({ timeout: 10_000 });
  for (const order of ORDERS) expect(await labelsOf(order)).toHaveLength(1);
  const tracking = await Promise.all(ORDERS.map(async (order) => (await labelsOf(order))[0]!.trackingNumbers[0]!));
  await expect.poll(() => s.printer.jobs.length, { timeout: 10_000 }).toBe(5);
  expect(await printedTracking(s)).toEqual(tracking);
  await expect(page.getByTestId('recent-scans').locator('.recent-item')).toHaveCount(5);
});

test('a scan on History or Settings is bought and printed on the Scan screen, the field it landed in left as it was', async ({ page }) => {
  const s = await start();
  await openStation(page, s.shell);
  await page.keyboard.press('F2');
  const search = page.getByTestId('history-search');
  await expect(search).toBeFocused();
  await burst(page, ORDERS[0]!);
  await expect(page.getByTestId('scan-input')).toBeVisible();
  await expect(page.getByTestId('scan-notice')).toContainText(`Scanned on History: no label for “${ORDERS[0]}” there`);
  await expect(page.getByTestId('outcome-good')).toBeVisible({ timeout: 15_000 });
  await shot(page, 'scan-made-from-history');
  expect(await labelsOf(ORDERS[0]!)).toHaveLength(1);

  // Scanned again on History: it has a label there now, so it stays a search and shows it.
  await page.keyboard.press('F2');
  await burst(page, ORDERS[0]!);
  await expect(page.getByTestId('scan-notice')).toContainText('History has a label');
  await expect(search).toHaveValue(ORDERS[0]!);
  await expect(page.getByTestId('history-row')).toHaveCount(1);
  await shot(page, 'history-scan-kept-as-search');

  // On Settings, with the focus in a field, Tab-terminated.
  await page.keyboard.press('F3');
  const field = page.getByTestId('settings-form').locator('input[type="text"], input:not([type])').first();
  await field.click();
  const before = await field.inputValue();
  await burst(page, ORDERS[1]!, 'Tab');
  await expect(page.getByTestId('scan-notice')).toContainText(`Scanned on Settings: “${ORDERS[1]}” was made here.`);
  await expect(page.getByTestId('outcome-good')).toBeVisible({ timeout: 15_000 });
  expect(await labelsOf(ORDERS[1]!)).toHaveLength(1);
  await page.keyboard.press('F3');
  await expect(page.getByTestId('settings-form').locator('input[type="text"], input:not([type])').first()).toHaveValue(before);
  await expect.poll(() => s.printer.jobs.length, { timeout: 10_000 }).toBe(2);
});

test('Tab ends a scan, Escape clears a half-read one, and F9 reprints without a mouse', async ({ page }) => {
  const s = await start();
  await openStation(page, s.shell);
  const input = page.getByTestId('scan-input');
  await burst(page, ORDERS[2]!, 'Tab');
  await expect(page.getByTestId('outcome-good')).toBeVisible({ timeout: 15_000 });
  await expect(input).toBeFocused();

  await page.keyboard.type('5764000', { delay: 5 });
  await page.keyboard.press('Escape');
  await expect(input).toHaveValue('');
  await scan(page, ORDERS[2]!);
  await expect(page.getByTestId('outcome-warn')).toContainText('already has a label', { timeout: 10_000 });
  await expect(page.getByTestId('steps')).toContainText('Has a label');
  await expect(page.getByTestId('steps')).not.toContainText('Done');
  const reprint = page.getByTestId('reprint');
  await expect(reprint).toContainText('F9');
  await shot(page, 'scan-already-labelled-keys');
  await page.keyboard.press('F9');
  await chooseReprintReason(page);
  await expect.poll(() => s.printer.jobs.length, { timeout: 10_000 }).toBe(2);
  await expect(input).toBeFocused();
  expect(await labelsOf(ORDERS[2]!)).toHaveLength(1);
});

test('History left alone goes back to the Scan screen after the set time', async ({ page }) => {
  const s = await start({ settings: { operators: { returnToScanSeconds: 2 } } });
  await openStation(page, s.shell);
  await page.keyboard.press('F2');
  await expect(page.getByTestId('history-search')).toBeVisible();
  await expect(page.getByTestId('scan-input')).toBeVisible({ timeout: 5_000 });
});

test('after a restart the recent scans are the newest labels from History', async ({ page }) => {
  const s = await start({
    seed: async (core) => {
      for (const order of ORDERS.slice(0, 2)) expect((await core.handlers.submitScan({ scan: order })).outcome).toBe('printed');
    },
  });
  await openStation(page, s.shell);
  const recent = page.getByTestId('recent-scans').locator('.recent-item');
  await expect(recent).toHaveCount(2);
  await expect(recent.first()).toContainText(ORDERS[1]!);
  await expect(recent.first()).toContainText('Printed');
});
