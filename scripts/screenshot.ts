/**
 * Screenshots of every screen and scan outcome against the fake core, for a person to look at.
 * Run: npx vite build && npx tsx scripts/screenshot.ts [outDir=/tmp/screens]
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { FAKE_SCANS, SEEDED_TRACKING, UNCERTAIN_SEEDS } from '../test/fakes/fake-station-core';
import { chromiumLaunchOptions, openStation, scan, startFakeStation, STATION_VIEWPORT } from '../test/support/browser';

const outDir = process.argv[2] ?? '/tmp/screens';

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const browser = await chromium.launch(chromiumLaunchOptions);
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage: true });
  // Settings has a sticky save bar: a full-page capture would paint it mid-page, so show what the screen shows.
  const screenShot = (page: Page, name: string) => page.screenshot({ path: path.join(outDir, `${name}.png`) });
  try {
    const viewports = [
      { suffix: '', viewport: STATION_VIEWPORT },
      { suffix: '-1080p', viewport: { width: 1920, height: 1080 } },
    ];
    for (const { suffix, viewport } of viewports) {
      const station = await startFakeStation({ stepDelayMs: 150 });
      const page = await browser.newPage({ viewport });
      try {
        await openStation(page, station.shell);
        await shot(page, `01-scan-idle${suffix}`);
        const outcomes: Array<[string, string, string]> = [
          ['02-scan-printed', FAKE_SCANS.fresh, 'outcome-good'],
          ['03-scan-printed-warning', FAKE_SCANS.warning, 'outcome-good'],
          ['04-scan-already-labelled', FAKE_SCANS.alreadyLabelled, 'outcome-warn'],
          ['05-scan-print-failed', FAKE_SCANS.printFails, 'outcome-bad'],
          ['06-scan-failed-refused', FAKE_SCANS.refused, 'outcome-bad'],
          ['07-scan-failed-shopify', FAKE_SCANS.shopify, 'outcome-bad'],
        ];
        for (const [name, text, testId] of outcomes) {
          await scan(page, text);
          await page.getByTestId(testId).waitFor();
          await page.waitForFunction(() => !document.querySelector('.preview-empty'));
          await shot(page, `${name}${suffix}`);
        }
        await page
          .getByTestId('history-row')
          .first()
          .waitFor({ state: 'detached' })
          .catch(() => undefined);
        await page.keyboard.press('F2');
        await page.getByTestId('history-row').first().waitFor();
        await shot(page, `10-history${suffix}`);
        await page.getByTestId('history-search').fill(SEEDED_TRACKING);
        await page.waitForFunction(() => document.querySelectorAll('[data-testid="history-row"]').length === 1);
        await page.getByTestId('history-row').first().click();
        await page.getByTestId('label-preview').waitFor();
        await shot(page, `11-history-search-detail${suffix}`);
        await page.keyboard.press('F3');
        await page.getByTestId('settings-form').waitFor();
        await screenShot(page, `20-settings${suffix}`);
      } finally {
        await page.close();
        await station.close();
      }
    }

    // Running job, and a second scan refused while it runs.
    {
      const station = await startFakeStation({ stepDelayMs: 2000 });
      const page = await browser.newPage({ viewport: STATION_VIEWPORT });
      try {
        await openStation(page, station.shell);
        await scan(page, FAKE_SCANS.fresh);
        await page.locator('.step-current', { hasText: 'Buying' }).waitFor();
        await shot(page, '08-scan-running');
        await scan(page, '576900000000000202');
        await page.getByTestId('refusal').waitFor();
        await shot(page, '09-scan-refused-while-busy');
      } finally {
        await page.close();
        await station.close();
      }
    }

    // Settings: key set, locked fields, a validation problem; then the connection dropping.
    {
      const station = await startFakeStation({
        lockedByEnv: [
          { field: 'printer.address', variable: 'LABEL_STATION_PRINTER' },
          { field: 'operator', variable: 'LABEL_STATION_OPERATOR' },
        ],
      });
      const page = await browser.newPage({ viewport: STATION_VIEWPORT });
      try {
        await openStation(page, station.shell);
        await page.keyboard.press('F3');
        await page.locator('#provider').selectOption('aftership');
        await page.getByTestId('secret-aftershipApiKey').getByTestId('secret-input').fill('asat_1234567890abcdef');
        await page.getByRole('button', { name: 'Save key' }).click();
        await page.getByTestId('key-is-set').waitFor();
        await page.getByTestId('test-print').click();
        await page.getByText('Test label sent').waitFor();
        await screenShot(page, '21-settings-key-set-locked');
        await page.locator('#baseUrl').fill('not a url');
        await page.getByLabel('Width').fill('0');
        await page.getByTestId('save-settings').click();
        await page.getByTestId('problem').last().waitFor();
        await screenShot(page, '22-settings-invalid');
        await station.shell.close();
        await page.getByTestId('connection-banner').waitFor();
        await shot(page, '30-connection-lost');
      } finally {
        await page.close();
        await station.close();
      }
    }

    // Each provider's settings section; TikTok authorization; env-locked secrets.
    {
      const station = await startFakeStation({
        settings: { tiktok: { appKey: '6d2a9b1c0e' } },
        secrets: ['tiktokAppSecret', 'shopifyAdminToken'],
        lockedByEnv: [{ field: 'secrets.shipiumApiKey', variable: 'SHIPIUM_API_KEY' }],
      });
      const page = await browser.newPage({ viewport: STATION_VIEWPORT });
      try {
        await openStation(page, station.shell);
        await page.keyboard.press('F3');
        for (const provider of ['sandbox', 'aftership', 'tiktok', 'shipium']) {
          await page.locator('#provider').selectOption(provider);
          await page.getByTestId(`section-${provider}`).waitFor();
          await screenShot(page, `23-settings-${provider}`);
        }
        await page.locator('#provider').selectOption('tiktok');
        await page.getByTestId('tiktok-authorize').click();
        await page.getByTestId('tiktok-authorize-url').waitFor();
        await page.getByTestId('tiktok-code').fill('TTP_0a1b2c3d4e');
        await page.getByTestId('tiktok-code').scrollIntoViewIfNeeded();
        await screenShot(page, '24-settings-tiktok-authorizing');
        await page.getByTestId('tiktok-finish').click();
        await page.getByTestId('tiktok-auth-status').filter({ hasText: 'Authorized for' }).waitFor();
        await screenShot(page, '25-settings-tiktok-authorized');
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        await screenShot(page, '26-settings-bottom');
      } finally {
        await page.close();
        await station.close();
      }
    }

    // Labels that need checking: History, details, the confirmation; a purchase without an answer.
    {
      const station = await startFakeStation({ stepDelayMs: 100 });
      const page = await browser.newPage({ viewport: STATION_VIEWPORT });
      try {
        await openStation(page, station.shell);
        await scan(page, FAKE_SCANS.answerLost);
        await page.getByTestId('outcome-bad').waitFor();
        await shot(page, '12-scan-purchase-unknown');
        await page.keyboard.press('F2');
        await page.getByTestId('uncertain-banner').waitFor();
        await shot(page, '13-history-uncertain-banner');
        await page.getByTestId('filter-uncertain').click();
        await page.waitForFunction(() => document.querySelectorAll('[data-testid="history-row"]').length === 4);
        await shot(page, '14-history-needs-checking');
        await page.getByTestId('history-row').filter({ hasText: UNCERTAIN_SEEDS.found }).click();
        await page.getByTestId('recheck').waitFor();
        await shot(page, '15-history-uncertain-detail');
        await page.getByTestId('confirm-no-label').click();
        await page.getByTestId('confirm-dialog').waitFor();
        await shot(page, '16-history-confirm-no-label');
        await page.getByTestId('confirm-cancel').click();
        await page.getByTestId('recheck').click();
        await page.getByTestId('uncertain-result').waitFor();
        await page.getByTestId('label-preview').waitFor();
        await shot(page, '17-history-uncertain-found');
      } finally {
        await page.close();
        await station.close();
      }
    }

    // A slow provider without tracking (Shipium).
    {
      const station = await startFakeStation({ provider: 'shipium', secrets: ['shipiumApiKey'], stepDelayMs: 100, slowBuyMs: 3_500 });
      const page = await browser.newPage({ viewport: STATION_VIEWPORT });
      try {
        await openStation(page, station.shell);
        await shot(page, '33-shipium-idle');
        await scan(page, FAKE_SCANS.fresh);
        await page.getByTestId('elapsed').filter({ hasText: '2 s' }).waitFor();
        await shot(page, '34-shipium-buying-elapsed');
        await page.getByTestId('outcome-good').waitFor({ timeout: 10_000 });
        await page.waitForFunction(() => !document.querySelector('.preview-empty'));
        await shot(page, '35-shipium-printed-no-tracking');
      } finally {
        await page.close();
        await station.close();
      }
    }

    // A Shopify order number resolved through the order sources.
    {
      const station = await startFakeStation({
        stepDelayMs: 100,
        settings: { shopify: { storeUrl: 'https://sunrise-goods.myshopify.com' } },
        secrets: ['shopifyAdminToken'],
      });
      const page = await browser.newPage({ viewport: STATION_VIEWPORT });
      try {
        await openStation(page, station.shell);
        await scan(page, '#1001');
        await page.getByTestId('outcome-good').waitFor();
        await page.waitForFunction(() => !document.querySelector('.preview-empty'));
        await shot(page, '36-scan-shopify-resolved');
      } finally {
        await page.close();
        await station.close();
      }
    }

    // The printer: Settings' printer section (found printers, a fault checked), and a fault on Scan.
    {
      const station = await startFakeStation({
        stepDelayMs: 100,
        lockedByEnv: [{ field: 'printer.media', variable: 'LABEL_STATION_MEDIA' }],
      });
      const page = await browser.newPage({ viewport: STATION_VIEWPORT });
      try {
        await openStation(page, station.shell);
        await page.getByTestId('printer-ready').waitFor();
        await shot(page, '40-scan-printer-ready');
        await page.keyboard.press('F3');
        await page.getByTestId('find-printers').click();
        await page.getByTestId('found-printer').first().click();
        station.core.setPrinterState('paper_out');
        await page.getByTestId('check-printer').click();
        await page.getByTestId('printer-check-result').waitFor();
        await page.locator('legend', { hasText: 'Printer' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await screenShot(page, '41-settings-printer');
        await page.getByTestId('printer-check').evaluate((el) => el.scrollIntoView({ block: 'center' }));
        await screenShot(page, '41-settings-printer-status');
        await page.keyboard.press('F1');
        await page.getByTestId('printer-fault').waitFor();
        await scan(page, FAKE_SCANS.fresh);
        await page.getByTestId('outcome-bad').waitFor();
        await page.waitForFunction(() => !document.querySelector('.preview-empty'));
        await shot(page, '42-scan-printer-fault');
      } finally {
        await page.close();
        await station.close();
      }
    }
    {
      const station = await startFakeStation({ discoveredPrinters: [] });
      const page = await browser.newPage({ viewport: STATION_VIEWPORT });
      try {
        await openStation(page, station.shell);
        await page.keyboard.press('F3');
        await page.getByTestId('find-printers').click();
        await page.getByTestId('no-printers-found').waitFor();
        await page.locator('legend', { hasText: 'Printer' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await screenShot(page, '43-settings-no-printers-found');
      } finally {
        await page.close();
        await station.close();
      }
    }

    // A live (non-sandbox) provider, and a page opened without its token.
    {
      const station = await startFakeStation({ provider: 'aftership' });
      const page = await browser.newPage({ viewport: STATION_VIEWPORT });
      try {
        await openStation(page, station.shell);
        await shot(page, '31-live-provider');
        await page.goto(station.shell.origin + '/');
        await page.evaluate(() => sessionStorage.clear());
        await page.reload();
        await page.getByTestId('no-token-banner').waitFor();
        await page.waitForTimeout(500);
        await shot(page, '32-no-token');
      } finally {
        await page.close();
        await station.close();
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`Screenshots written to ${outDir}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
