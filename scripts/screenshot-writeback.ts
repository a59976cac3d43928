/**
 * Screenshots of Settings → Write-back and webhooks on the real core: a webhook added through the
 * form (its secret written once, never shown), a WMS that is down (deliveries retrying), the same
 * WMS back (delivered), Shopify fulfillments, and the note that TikTok gets its tracking from the
 * provider. Called by scripts/screenshot.ts; `npx tsx scripts/screenshot.ts OUTDIR writeback` runs only these.
 */
import type { Page } from '@playwright/test';
import { startFakeAfterShip } from '../test/fakes/aftership-server';
import { startFakeShopify } from '../test/fakes/shopify-server';
import { startFakeWms } from '../test/fakes/wms-webhook-server';
import { openStation, scan } from '../test/support/e2e-station';
import type { ScreenshotKit } from './screenshot-splitter';

const KEY = 'asat_screens_writeback_key_0123';
const TOKEN = 'shpat_screens_writeback_0123';
const SECRET = 'whsec_screens_writeback_0123456';

async function showSection(page: Page): Promise<void> {
  await page.getByTestId('writeback-section').scrollIntoViewIfNeeded();
  await page.evaluate(() => document.querySelector('[data-testid="writeback-section"]')?.scrollIntoView({ block: 'start' }));
}

export async function writebackScreens(kit: ScreenshotKit): Promise<void> {
  await kit.group(kit.browser, kit.viewport, async (page) => {
    const aftership = kit.keep(await startFakeAfterShip({ apiKey: KEY }));
    const shopify = kit.keep(await startFakeShopify({ adminToken: TOKEN }));
    const wms = kit.keep(await startFakeWms({ secret: SECRET }));
    for (const n of [1, 2]) {
      shopify.addOrder({
        name: `#300${n}`,
        customAttributes: [{ key: 'TikTok Shop Order Number', value: `57710000000000300${n}` }],
        lineItems: [{ name: 'Mug', quantity: 1 }],
      });
    }
    const station = await kit.start({
      lockPrinter: true,
      env: {
        LABEL_STATION_PROVIDER: 'aftership',
        AFTERSHIP_API_KEY: KEY,
        AFTERSHIP_BASE_URL: aftership.baseUrl,
        SHOPIFY_STORE_URL: shopify.storeUrl,
        SHOPIFY_ADMIN_TOKEN: TOKEN,
      },
      core: { outboxTiming: { everyMs: 200, baseDelayMs: 60_000, maxDelayMs: 120_000 } },
    });
    await openStation(page, station.shell);
    await page.keyboard.press('F3');
    await showSection(page);
    await kit.shot(page, 'w1-writeback-empty');

    await page.getByTestId('add-webhook').click();
    await page.getByTestId('webhook-name').fill('Main WMS');
    await page.getByTestId('webhook-url').fill(wms.url);
    await page.getByTestId('webhook-event-label.needs_checking').uncheck();
    await showSection(page);
    await kit.shot(page, 'w2-writeback-add-form');
    await page.getByTestId('save-webhook').click();
    await page.getByTestId('export-file-path').fill(`${station.dataDir}/wms/labels.csv`);
    await page.getByTestId('save-export-file').click();
    await page.getByText('✓ Saved').waitFor();
    await page.getByTestId('webhook-secret-input').fill(SECRET);
    await page.getByRole('button', { name: 'Save secret' }).click();
    await page.getByText('Secret is set').waitFor();

    // The WMS is down while two Shopify orders are packed: Shopify gets its fulfillments, the WMS waits.
    wms.setState('error');
    await page.keyboard.press('F1');
    for (const n of [1, 2]) {
      await scan(page, `#300${n}`);
      await page
        .locator('[data-testid="outcome-good"]')
        .filter({ hasText: `57710000000000300${n}` })
        .waitFor({ timeout: 20_000 });
    }
    await page.keyboard.press('F3');
    await page.getByTestId('delivery-row').filter({ hasText: 'Retrying' }).first().waitFor({ timeout: 20_000 });
    await page
      .getByTestId('delivery-row')
      .filter({ hasText: 'Shopify' })
      .filter({ hasText: 'Delivered' })
      .nth(1)
      .waitFor({ timeout: 20_000 });
    await showSection(page);
    await kit.shot(page, 'w3-writeback-wms-down');
    await page.getByTestId('delivery-log').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await kit.shot(page, 'w3b-delivery-log-retrying');

    wms.setState('up');
    await page.getByTestId('retry-delivery').first().click();
    await page.getByText('0 waiting').waitFor({ timeout: 20_000 });
    await showSection(page);
    await kit.shot(page, 'w4-writeback-delivered');
  });
}
