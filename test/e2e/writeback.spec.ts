/**
 * Settings → Write-back and webhooks on the real core: a supervisor adds a WMS webhook and its
 * signing secret (never shown again), a Shopify order is packed while the WMS is down, and once the
 * WMS is back "Retry now" delivers both events, signed, in order; Shopify got one fulfillment.
 */
import { expect, test } from '@playwright/test';
import { startFakeAfterShip } from '../fakes/aftership-server';
import { startFakeShopify } from '../fakes/shopify-server';
import { startFakeWms } from '../fakes/wms-webhook-server';
import { openStation, scan, startStation } from '../support/e2e-station';

const KEY = 'asat_e2e_writeback_key_0123456';
const TOKEN = 'shpat_e2e_writeback_token_01';
const SECRET = 'whsec_e2e_writeback_secret_0123';

test('a webhook set up in Settings gets every event once the WMS is back; Shopify gets the fulfillment', async ({ page }) => {
  const aftership = await startFakeAfterShip({ apiKey: KEY });
  const shopify = await startFakeShopify({ adminToken: TOKEN });
  const wms = await startFakeWms({ secret: SECRET });
  shopify.addOrder({ name: '#4001', customAttributes: [{ key: 'TikTok Shop Order Number', value: '577100000000004001' }] });
  const station = await startStation({
    env: {
      LABEL_STATION_PROVIDER: 'aftership',
      AFTERSHIP_API_KEY: KEY,
      AFTERSHIP_BASE_URL: aftership.baseUrl,
      SHOPIFY_STORE_URL: shopify.storeUrl,
      SHOPIFY_ADMIN_TOKEN: TOKEN,
    },
    core: { outboxTiming: { everyMs: 200, baseDelayMs: 60_000, maxDelayMs: 120_000 } },
  });
  try {
    await openStation(page, station.shell);
    await page.keyboard.press('F3');
    const section = page.getByTestId('writeback-section');
    await section.getByTestId('add-webhook').click();
    await section.getByTestId('webhook-name').fill('Main WMS');
    await section.getByTestId('webhook-url').fill('http://wms.example.com/hooks');
    await section.getByTestId('save-webhook').click();
    await expect(section.getByRole('alert').first()).toContainText('https://');
    await section.getByTestId('webhook-url').fill(wms.url);
    await section.getByTestId('save-webhook').click();
    await section.getByTestId('webhook-secret-input').fill(SECRET);
    await section.getByRole('button', { name: 'Save secret' }).click();
    await expect(section.getByText('Secret is set')).toBeVisible();
    await expect(page.locator('body')).not.toContainText(SECRET);

    wms.setState('error');
    await page.keyboard.press('F1');
    await scan(page, '#4001');
    await expect(page.getByTestId('outcome-good')).toBeVisible({ timeout: 15_000 });
    await page.keyboard.press('F3');
    const retrying = section.getByTestId('delivery-row').filter({ hasText: 'Retrying' });
    await expect(retrying).toContainText('answered HTTP 503', { timeout: 15_000 });
    await expect(section.getByTestId('delivery-row').filter({ hasText: 'TikTok Shop' })).toContainText('through AfterShip');

    wms.setState('up');
    await retrying.getByTestId('retry-delivery').click();
    await expect(section.getByTestId('delivery-log')).toContainText('0 waiting', { timeout: 15_000 });
    expect(wms.received.map((r) => r.type)).toEqual(['label.bought', 'label.printed']);
    expect(wms.badSignatures).toBe(0);
    expect(shopify.fulfillmentCreates).toHaveLength(1);
    await section.getByTestId('delivery-log').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screens/settings-writeback-delivered.png', fullPage: true });
  } finally {
    await station.close();
    await wms.close();
    await shopify.close();
    await aftership.close();
  }
});
