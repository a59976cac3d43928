/**
 * The whole station, for real: the built renderer in Debian's Chromium, the browser shell, the real
 * station core and history, a loopback capture printer, and the sandbox or a fake AfterShip.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { startFakeAfterShip } from '../fakes/aftership-server';
import { startFakeShipium } from '../fakes/shipium-server';
import { startFakeTikTok } from '../fakes/tiktok-server';
import { startStation as startE2EStation, type E2EStation } from '../support/e2e-station';
import { decodeZplBarcodes } from '../support/zpl-barcode';
import { chooseReprintReason } from '../support/reprint-reason';

const SHOTS = 'test-results/screens';
mkdirSync(SHOTS, { recursive: true });

/** The real station with a Zebra that answers ~HS like a real one (the Scan screen asks its status every 15 s), preset by the environment. */
function startStation(env: Record<string, string> = {}): Promise<E2EStation> {
  return startE2EStation({ lockPrinter: true, env: { LABEL_STATION_SANDBOX_LATENCY_MS: '150', ...env } });
}

/** A keyboard-wedge scanner: a fast burst of keys, then Enter, into whatever has focus. */
async function scan(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text, { delay: 4 });
  await page.keyboard.press('Enter');
}

const ORDER = '576477431806268482';

test('scan -> label printed -> in History -> reprint sends the same label; a second scan buys nothing', async ({ page }) => {
  const station = await startStation();
  try {
    await page.goto(station.shell.url);
    await expect(page.getByText(/SANDBOX/).first()).toBeVisible();
    await expect(page.getByTestId('scan-input')).toBeFocused();
    await page.screenshot({ path: `${SHOTS}/flow-1-ready.png` });

    await scan(page, ORDER);
    await expect(page.getByTestId('outcome-good')).toBeVisible({ timeout: 15_000 });
    const tracking = (await page.getByTestId('tracking').textContent())!.trim();
    const [job] = await station.printer.waitForJobs(1, 10_000);
    expect(await decodeZplBarcodes(job!)).toContain(tracking);
    await expect(page.locator('img[alt*="abel"]').first()).toBeVisible();
    await expect(page.getByTestId('scan-input')).toBeFocused();
    await page.screenshot({ path: `${SHOTS}/flow-2-printed.png` });

    await scan(page, ORDER);
    await expect(page.getByTestId('outcome-warn')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('outcome-warn')).toContainText('nothing was bought');
    await page.screenshot({ path: `${SHOTS}/flow-3-already-labelled.png` });

    await page.keyboard.press('F2');
    await page.getByTestId('history-search').fill(tracking.slice(0, 10));
    await expect(page.getByTestId('history-row')).toHaveCount(1);
    await expect(page.getByTestId('history-row')).toContainText(ORDER);
    await page.screenshot({ path: `${SHOTS}/flow-4-history.png` });
    await page.getByTestId('history-row').getByTestId('reprint').click();
    await chooseReprintReason(page);
    const jobs = await station.printer.waitForJobs(2, 10_000);
    expect(jobs[1]!.equals(jobs[0]!)).toBe(true);
    await expect(page.getByTestId('history-row')).toContainText('2');

    const all = await station.core.handlers.searchHistory({ query: ORDER, filter: 'all', limit: 50, offset: 0 });
    expect(all.total).toBe(1);
  } finally {
    await station.close();
  }
});

test('no key of a scanner burst is lost, even when the burst starts while focus is elsewhere', async ({ page }) => {
  const station = await startStation({ LABEL_STATION_SANDBOX_LATENCY_MS: '0' });
  try {
    await page.goto(station.shell.url);
    await scan(page, ORDER); // straight after load, without waiting for the field to take focus
    await expect(page.getByTestId('order-id')).toHaveText(ORDER, { timeout: 15_000 });

    const second = '577000000000000123';
    await page.mouse.click(1200, 700); // a click on empty space takes focus away from the field
    await page.keyboard.type(second, { delay: 0 });
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('order-id')).toHaveText(second, { timeout: 15_000 });
  } finally {
    await station.close();
  }
});

test('a bad scan says what to do next, and the scan field is ready again', async ({ page }) => {
  const station = await startStation();
  try {
    await page.goto(station.shell.url);
    await scan(page, '#1001');
    await expect(page.getByTestId('outcome-bad')).toContainText('Shopify order number');
    await expect(page.getByTestId('scan-input')).toBeFocused();
    await page.screenshot({ path: `${SHOTS}/flow-5-bad-scan.png` });
    expect(station.printer.jobs).toHaveLength(0);
  } finally {
    await station.close();
  }
});

test('on AfterShip: one label bought per order however often it is scanned', async ({ page }) => {
  const apiKey = 'asat_e2e_key_abcdef0123456789';
  const aftership = await startFakeAfterShip({ apiKey });
  const station = await startStation({
    LABEL_STATION_PROVIDER: 'aftership',
    AFTERSHIP_API_KEY: apiKey,
    AFTERSHIP_BASE_URL: aftership.baseUrl,
  });
  try {
    await page.goto(station.shell.url);
    await expect(page.getByText(/SANDBOX —/)).toHaveCount(0);
    await scan(page, ORDER);
    await expect(page.getByTestId('outcome-good')).toBeVisible({ timeout: 15_000 });
    await scan(page, ORDER);
    await expect(page.getByTestId('outcome-warn')).toBeVisible({ timeout: 15_000 });
    await page.keyboard.press('F3');
    await expect(page.getByText(/key is set/i)).toBeVisible();
    expect(await page.content()).not.toContain(apiKey);
    await page.screenshot({ path: `${SHOTS}/flow-6-settings-aftership.png` });
    expect(aftership.created.filter((label) => label.orderId === ORDER)).toHaveLength(1);
    expect(station.printer.jobs.length).toBe(1);
  } finally {
    await station.close();
    await aftership.close();
  }
});

/** Each real provider's loopback fake, with what the station needs to use it. */
const providerFakes = {
  tiktok: async () => {
    const fake = await startFakeTikTok({ appKey: 'e2e_app_key', appSecret: 'e2e_app_secret_0123' });
    fake.addOrder({ orderId: ORDER, status: 'AWAITING_SHIPMENT', lineItems: [{ id: 'li-1', sku: 'MUG', name: 'Mug', quantity: 1 }] });
    return {
      env: {
        ...fake.stationEnv(),
      },
      bought: () => fake.created.filter((c) => c.orderId === ORDER).length,
      close: () => fake.close(),
    };
  },
  shipium: async () => {
    const fake = await startFakeShipium({ apiKey: 'e2e_shipium_key_0123' });
    return {
      env: { LABEL_STATION_PROVIDER: 'shipium', SHIPIUM_API_KEY: 'e2e_shipium_key_0123', SHIPIUM_BASE_URL: fake.baseUrl },
      bought: () => fake.created.filter((c) => c.orderId === ORDER).length,
      close: () => fake.close(),
    };
  },
};

for (const [name, startFake] of Object.entries(providerFakes)) {
  test(`on ${name}: scan -> printed -> History -> a second scan buys nothing`, async ({ page }) => {
    const fake = await startFake();
    const station = await startStation(fake.env);
    try {
      await page.goto(station.shell.url);
      await scan(page, ORDER);
      await expect(page.getByTestId('outcome-good')).toBeVisible({ timeout: 30_000 });
      const tracking = (await page.getByTestId('tracking').textContent())!.trim();
      const [job] = await station.printer.waitForJobs(1, 10_000);
      expect(await decodeZplBarcodes(job!)).toContain(tracking.split(',')[0]!.trim());
      await page.screenshot({ path: `${SHOTS}/flow-${name}-printed.png` });
      await scan(page, ORDER);
      await expect(page.getByTestId('outcome-warn')).toBeVisible({ timeout: 15_000 });
      await page.keyboard.press('F2');
      await expect(page.getByTestId('history-row')).toHaveCount(1);
      expect(fake.bought()).toBe(1);
    } finally {
      await station.close();
      await fake.close();
    }
  });
}
