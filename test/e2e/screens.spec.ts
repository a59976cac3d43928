/**
 * The real renderer in Chromium, through the browser shell, against the in-memory fake core.
 * Run: npm run test:e2e (builds the renderer first). Screenshots go to test-results/screens/.
 */
import { expect, test, type Page } from '@playwright/test';
import { FAKE_SCANS, SEEDED_TRACKING } from '../fakes/fake-station-core';
import { openStation, scan, startFakeStation, type FakeStation } from '../support/browser';

const SHOTS = 'test-results/screens';
let station: FakeStation;

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test.afterEach(async () => {
  await station?.close();
});

test.describe('scan screen', () => {
  test.beforeEach(async ({ page }) => {
    station = await startFakeStation({ stepDelayMs: 60 });
    await openStation(page, station.shell);
  });

  test('shows the sandbox everywhere and keeps the scan field focused', async ({ page }) => {
    await expect(page.getByTestId('sandbox-banner')).toContainText('SANDBOX — labels are not real and must not be shipped');
    await expect(page.getByTestId('provider')).toContainText('SANDBOX');
    const input = page.getByTestId('scan-input');
    await expect(input).toBeFocused();
    await page.getByRole('heading', { name: 'Recent scans' }).click();
    await expect(input).toBeFocused();
    // The token left the visible address but a reload still works.
    expect(page.url()).not.toContain('token=');
    await page.reload();
    await expect(page.getByTestId('provider')).toContainText('SANDBOX');
    await expect(page.getByTestId('scan-input')).toBeFocused();
    await shot(page, 'scan-idle');
  });

  test('a fresh order is bought and printed: green panel with order, tracking and preview', async ({ page }) => {
    await scan(page, FAKE_SCANS.fresh);
    const panel = page.getByTestId('outcome-good');
    await expect(panel).toContainText('Label printed');
    await expect(panel.getByTestId('order-id')).toHaveText(FAKE_SCANS.fresh);
    await expect(panel.getByTestId('tracking')).toHaveText(/^9400111206213800000101$/);
    await expect(panel.getByTestId('label-preview')).toHaveAttribute('src', /^data:image\/png;base64,/);
    await expect(page.locator('.step-complete')).toHaveCount(4);
    await expect(page.getByTestId('recent-scans')).toContainText(FAKE_SCANS.fresh);
    await expect(page.getByTestId('scan-input')).toBeFocused();
    await expect(page.getByTestId('scan-input')).toHaveValue('');
    await shot(page, 'scan-printed');
  });

  test('an order with a label is not bought again and can be reprinted', async ({ page }) => {
    await scan(page, FAKE_SCANS.alreadyLabelled);
    const panel = page.getByTestId('outcome-warn');
    await expect(panel).toContainText('This order already has a label — nothing was bought');
    await panel.getByTestId('reprint').click();
    await expect(panel).toContainText('Sent to printer');
    expect(station.core.calls.filter((c) => c.method === 'reprintLabel')).toHaveLength(1);
    await shot(page, 'scan-already-labelled');
  });

  test('a printer failure says the label is saved and offers a reprint', async ({ page }) => {
    await scan(page, FAKE_SCANS.printFails);
    const panel = page.getByTestId('outcome-bad');
    await expect(panel).toContainText('Bought and saved — NOT printed');
    await expect(panel).toContainText('did not answer');
    await expect(panel).toContainText('Check the printer has labels');
    await expect(page.locator('.step-failed')).toHaveText(/Printing/);
    await shot(page, 'scan-print-failed');
    await panel.getByTestId('reprint').click();
    await expect(panel).toContainText('Sent to printer');
  });

  test('a refused order and a Shopify number show the problem and the next step', async ({ page }) => {
    await scan(page, FAKE_SCANS.refused);
    await expect(page.getByTestId('outcome-bad')).toContainText('cancelled, so no label can be bought');
    await expect(page.getByTestId('outcome-bad')).toContainText('Put the parcel aside');
    await shot(page, 'scan-failed-refused');
    await scan(page, FAKE_SCANS.shopify);
    await expect(page.getByTestId('outcome-bad')).toContainText('looks like a Shopify order number');
    await shot(page, 'scan-failed-shopify');
  });

  test('an empty Enter is ignored and a click elsewhere does not take the focus from the scan field', async ({ page }) => {
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Recent scans' }).click();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await scan(page, FAKE_SCANS.warning);
    await expect(page.getByTestId('outcome-good')).toContainText('does not start with 576 or 577');
    expect(station.core.calls.filter((c) => c.method === 'submitScan')).toEqual([{ method: 'submitScan', input: { scan: FAKE_SCANS.warning } }]);
    await shot(page, 'scan-printed-warning');
  });
});

test('a second scan while a label is being bought is refused, not queued', async ({ page }) => {
  station = await startFakeStation({ stepDelayMs: 800 });
  await openStation(page, station.shell);
  await scan(page, FAKE_SCANS.fresh);
  await expect(page.locator('.step-current')).toContainText('Buying');
  await scan(page, '576900000000000202');
  await expect(page.getByTestId('refusal')).toContainText('Wait for the current label');
  await shot(page, 'scan-refused-while-busy');
  await expect(page.getByTestId('outcome-good')).toBeVisible();
  expect(station.core.calls.filter((c) => c.method === 'submitScan')).toHaveLength(1);
});

test('history: newest first, search by tracking number, load more, details and reprint', async ({ page }) => {
  station = await startFakeStation({ stepDelayMs: 0 });
  await openStation(page, station.shell);
  await page.keyboard.press('F2');
  const rows = page.getByTestId('history-row');
  await expect(rows).toHaveCount(25);
  await expect(page.getByTestId('history-count')).toHaveText('40 labels');
  await expect(rows.first()).toContainText(FAKE_SCANS.alreadyLabelled);
  await page.getByRole('button', { name: /Load more/ }).click();
  await expect(rows).toHaveCount(40);
  await expect(page.getByRole('button', { name: /Load more/ })).toHaveCount(0);
  await shot(page, 'history');

  await page.getByTestId('history-search').fill(SEEDED_TRACKING.slice(-8));
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(FAKE_SCANS.alreadyLabelled);
  await page.getByTestId('history-search').fill('no-such-order');
  await expect(page.getByText('No label matches')).toBeVisible();
  await page.getByTestId('history-search').fill(FAKE_SCANS.alreadyLabelled);
  await expect(rows).toHaveCount(1);
  await rows.first().getByTestId('reprint').click();
  await expect(rows.first()).toContainText('Sent to printer');

  await rows.first().click();
  const detail = page.getByTestId('history-detail');
  await expect(detail).toContainText('Print attempts');
  await expect(detail.locator('.attempts li')).toHaveCount(3);
  await expect(detail.getByTestId('label-preview')).toBeVisible();
  await shot(page, 'history-detail');
  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);
});

test('settings: the API key is write-only and station validation shows next to the form', async ({ page }) => {
  station = await startFakeStation({ lockedByEnv: [{ field: 'printer.address', variable: 'LABEL_STATION_PRINTER' }] });
  await openStation(page, station.shell);
  await page.keyboard.press('F3');
  await expect(page.getByTestId('settings-form')).toBeVisible();
  await expect(page.getByTestId('locked-note')).toHaveText(/set by LABEL_STATION_PRINTER/);
  await expect(page.locator('#printerAddress')).toHaveAttribute('readonly', '');

  const secret = 'asat_SECRET_9f8e7d6c5b4a';
  await expect(page.getByTestId('apikey-input')).toHaveAttribute('type', 'password');
  await page.getByTestId('apikey-input').fill(secret);
  await page.getByRole('button', { name: 'Save key' }).click();
  await expect(page.getByTestId('key-is-set')).toHaveText(/Key is set/);
  await expect(page.getByRole('button', { name: 'Replace' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove' })).toBeVisible();
  expect(await page.content()).not.toContain(secret);
  const values = await page.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  expect(values.join('|')).not.toContain(secret);
  await page.reload();
  await expect(page.getByTestId('scan-input')).toBeFocused();
  await page.keyboard.press('F3');
  await expect(page.getByTestId('key-is-set')).toBeVisible();
  expect(await page.content()).not.toContain(secret);

  await page.locator('#baseUrl').fill('not a url');
  await page.getByTestId('save-settings').click();
  await expect(page.locator('.field-problem')).toContainText('AfterShip address: Must be a web address');
  await expect(page.getByTestId('problem')).toContainText('Not saved');
  await shot(page, 'settings-invalid');

  await page.locator('#baseUrl').fill('https://sandbox-api.aftership.com');
  await page.locator('#operator').fill('Jordan');
  await page.getByTestId('save-settings').click();
  await expect(page.getByTestId('saved-note')).toContainText('Saved');
  const saved = await station.core.handlers.getSettings({});
  expect(saved.operator).toBe('Jordan');
  expect(saved.aftership.baseUrl).toBe('https://sandbox-api.aftership.com');

  await page.getByTestId('test-print').click();
  await expect(page.getByText('Test label sent to tcp://192.168.1.50:9100')).toBeVisible();
  await shot(page, 'settings');
});

test('the connection-lost banner appears when the station goes away', async ({ page }) => {
  station = await startFakeStation();
  await openStation(page, station.shell);
  await expect(page.getByTestId('connection-banner')).toHaveCount(0);
  await station.shell.close();
  await expect(page.getByTestId('connection-banner')).toContainText('Connection to the station lost');
  await shot(page, 'connection-lost');
});

test('F1/F2/F3 switch screens', async ({ page }) => {
  station = await startFakeStation();
  await openStation(page, station.shell);
  await page.keyboard.press('F2');
  await expect(page.getByTestId('history-table')).toBeVisible();
  await page.keyboard.press('F3');
  await expect(page.getByTestId('settings-form')).toBeVisible();
  await page.keyboard.press('F1');
  await expect(page.getByTestId('scan-input')).toBeFocused();
});
