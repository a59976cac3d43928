/**
 * Screenshots of every screen and scan outcome, for a person to look at. Each state is produced on the
 * real station core the way the e2e specs do (test/e2e/screens.spec.ts): the sandbox or the loopback
 * fakes of AfterShip, Shipium, TikTok and Shopify as providers (their faults make the failures and the
 * labels that need checking), a loopback Zebra as the printer (its ~HS answer plays the faults), a
 * private CUPS for "Find printers", a private PostgreSQL (stopped and started again) for a fleet's shared database.
 * Run: npx vite build && npx tsx scripts/screenshot.ts [outDir=/tmp/screens] [split = only the splitter's | parcel = only the Scan screen's parcel strip | preview = only the label previews | scale = only the scale's | batch = only the Batch screen's | health = only the health light, panel and storage settings | reports = only the detail, reprint reasons and Reports | history = only History at scale | checkskip = only the packing check in History and the splitter | systems-api = only Settings → Systems API | writeback = only Settings' write-back and webhooks | exportdir = only Settings → Exports and an export's result]
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { sandboxTrackingNumber } from '../electron/station/providers/sandbox';
import { startFakeAfterShip, type FakeAfterShip } from '../test/fakes/aftership-server';
import { USB_LABEL_PRINTER } from '../test/fakes/screen-state-core';
import { startFakeShipium, type FakeShipium } from '../test/fakes/shipium-server';
import { startFakeShopify } from '../test/fakes/shopify-server';
import { startFakeTikTok } from '../test/fakes/tiktok-server';
import { chromiumLaunchOptions, STATION_VIEWPORT } from '../test/support/browser';
import { openStation, scan, startPrivateCups, startStation, type E2EStation, type E2EStationOptions } from '../test/support/e2e-station';
import { expectOutcome } from '../test/support/expect-outcome';
import { startPostgres } from '../test/support/postgres-server';
import { UNCERTAIN, uncertainLabelsStation, unprintedLabelsStation } from '../test/support/lost-answers';
import { splitterScreens } from './screenshot-splitter';
import { boxPresetScreens } from './box-preset-screens';
import { parcelScreens } from './screenshot-parcel';
import { previewScreens } from './screenshot-preview';
import { scaleScreens } from './screenshot-scale';
import { batchScreens } from './screenshot-batch';
import { healthScreens } from './screenshot-health';
import { reportsScreens } from './screenshot-reports';
import { exportFolderScreens } from './screenshot-export-folder';
import { chooseReprintReason } from '../test/support/reprint-reason';
import { historyScreens } from './screenshot-history';
import { writebackScreens } from './screenshot-writeback';
import { checkSkipScreens, splitCheckScreens } from './screenshot-check-skip';
import { systemsApiScreens } from './screenshot-systems-api';

const outDir = process.argv[2] ?? '/tmp/screens';
const only = process.argv[3];

const AFTERSHIP_KEY = 'asat_screens_key_abcdef0123456789';
const SHIPIUM_KEY = 'screens_shipium_key_0123';
const SHOPIFY_TOKEN = 'shpat_screens_token_0123';
const TIKTOK = { appKey: '6d2a9b1c0e', appSecret: 'screens_app_secret_0123' } as const;

/** Scans used below. */
const ORDERS = {
  fresh: '576900000000000101',
  second: '576900000000000202',
  /** 18 digits but not 576/577: printed with a warning. */
  warning: '123456789012345678',
  /** Bought and printed before the page opens: History's content, "already labelled" on a rescan. */
  seeded: Array.from({ length: 8 }, (_, i) => `5768111222333444${String(i + 1).padStart(2, '0')}`),
} as const;

/** Labels bought but never printed, and purchases whose label turns up late (test/support/lost-answers.ts). */
const LATE = {
  older: '577100000000000101',
  newer: '577100000000000202',
  oldest: '577100000000000050',
  setAside: '577100000000000303',
  next: '577100000000000404',
} as const;

/** Loopback servers and stations started for one group of screenshots; closed after it. */
let running: Array<{ close(): Promise<void> }> = [];

function keep<T extends { close(): Promise<void> }>(thing: T): T {
  running.push(thing);
  return thing;
}

async function start(options: E2EStationOptions = {}): Promise<E2EStation> {
  return keep(await startStation(options));
}

function aftershipEnv(fake: FakeAfterShip): Record<string, string> {
  return { AFTERSHIP_API_KEY: AFTERSHIP_KEY, AFTERSHIP_BASE_URL: fake.baseUrl };
}

/** One group of screenshots on its own page; everything it started is closed after it. */
async function group(browser: Browser, viewport: { width: number; height: number }, run: (page: Page) => Promise<void>): Promise<void> {
  const page = await browser.newPage({ viewport });
  try {
    await run(page);
  } finally {
    await page.close();
    for (const thing of running.reverse()) await thing.close();
    running = [];
  }
}

/** Three purchases without a clear answer: two AfterShip ones still being checked, a Shipium one a supervisor must check. */
async function startWithUncertainLabels(): Promise<{ station: E2EStation; aftership: FakeAfterShip; shipium: FakeShipium }> {
  const aftership = keep(await startFakeAfterShip({ apiKey: AFTERSHIP_KEY }));
  const shipium = keep(await startFakeShipium({ apiKey: SHIPIUM_KEY }));
  const env = { ...aftershipEnv(aftership), SHIPIUM_API_KEY: SHIPIUM_KEY, SHIPIUM_BASE_URL: shipium.baseUrl };
  const station = await start(uncertainLabelsStation(aftership, shipium, env));
  return { station, aftership, shipium };
}

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const browser = await chromium.launch(chromiumLaunchOptions);
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage: true });
  // Settings has a sticky save bar: a full-page capture would paint it mid-page, so show what the screen shows.
  const screenShot = (page: Page, name: string) => page.screenshot({ path: path.join(outDir, `${name}.png`) });
  // Until the label preview has loaded (or said why there is none).
  const labelShown = (page: Page) =>
    page.waitForFunction(() => ![...document.querySelectorAll('.preview-empty')].some((el) => el.textContent?.includes('Loading')));
  try {
    const splitter = () => splitterScreens({ browser, group, start, keep, shot: screenShot, viewport: STATION_VIEWPORT });
    if (only === 'split') {
      await splitter();
      return;
    }
    const parcel = () => parcelScreens({ browser, group, start, keep, shot, viewport: STATION_VIEWPORT });
    if (only === 'parcel') {
      await parcel();
      return;
    }
    const preview = () => previewScreens({ browser, group, start, keep, shot: screenShot, viewport: STATION_VIEWPORT });
    if (only === 'preview') {
      await preview();
      return;
    }
    const scale = () => scaleScreens({ browser, group, start, keep, shot, viewport: STATION_VIEWPORT }, outDir);
    if (only === 'scale') {
      await scale();
      return;
    }
    const reports = () => reportsScreens({ browser, group, start, keep, shot, viewport: STATION_VIEWPORT }, outDir);
    if (only === 'reports') {
      await reports();
      return;
    }
    const batch = () => batchScreens({ browser, group, start, keep, shot, viewport: STATION_VIEWPORT });
    if (only === 'batch') {
      await batch();
      return;
    }
    const health = () => healthScreens({ browser, group, start, keep, shot, viewport: STATION_VIEWPORT });
    if (only === 'health') {
      await health();
      return;
    }
    const systemsApi = () => systemsApiScreens({ browser, group, start, keep, shot: screenShot, viewport: STATION_VIEWPORT });
    if (only === 'systems-api') {
      await systemsApi();
      return;
    }
    const history = () => historyScreens({ browser, group, start, keep, shot: screenShot, viewport: STATION_VIEWPORT });
    if (only === 'history') {
      await history();
      return;
    }
    const writeback = () => writebackScreens({ browser, group, start, keep, shot: screenShot, viewport: STATION_VIEWPORT });
    if (only === 'writeback') {
      await writeback();
      return;
    }
    const exportDir = () => exportFolderScreens({ browser, group, start, keep, shot: screenShot, viewport: STATION_VIEWPORT });
    if (only === 'exportdir') {
      await exportDir();
      return;
    }
    const checkSkip = async () => {
      await checkSkipScreens({ browser, group, start, keep, shot: screenShot, viewport: STATION_VIEWPORT });
      await splitCheckScreens({ browser, group, start, keep, shot: screenShot, viewport: STATION_VIEWPORT });
    };
    if (only === 'checkskip') {
      await checkSkip();
      return;
    }
    const viewports = [
      { suffix: '', viewport: STATION_VIEWPORT },
      { suffix: '-1080p', viewport: { width: 1920, height: 1080 } },
    ];
    for (const { suffix, viewport } of viewports) {
      await group(browser, viewport, async (page) => {
        // The sandbox, with a History of earlier labels; AfterShip's fake for a refusal and a failed download.
        const aftership = keep(await startFakeAfterShip({ apiKey: AFTERSHIP_KEY }));
        const station = await start({
          env: aftershipEnv(aftership),
          seed: async (core) => {
            for (const orderId of ORDERS.seeded) expectOutcome(await core.handlers.submitScan({ scan: orderId }), 'printed');
            await core.handlers.updateSettings({ sandbox: { latencyMs: 150 } });
          },
        });
        // Chosen on the station, then the page reloaded so its header shows the provider at once.
        const provider = async (name: 'sandbox' | 'aftership', shown: string) => {
          await station.core.handlers.updateSettings({ provider: name });
          await page.reload();
          await page.getByTestId('provider').filter({ hasText: shown }).waitFor();
        };
        await openStation(page, station.shell);
        await shot(page, `01-scan-idle${suffix}`);
        const outcomes: Array<[string, string, string]> = [
          ['02-scan-printed', ORDERS.fresh, 'outcome-good'],
          ['03-scan-printed-warning', ORDERS.warning, 'outcome-good'],
          ['04-scan-already-labelled', ORDERS.seeded.at(-1)!, 'outcome-warn'],
          ['07-scan-failed-shopify', '#1001', 'outcome-bad'],
        ];
        for (const [name, text, testId] of outcomes) {
          await scan(page, text);
          await page.getByTestId(testId).waitFor();
          await labelShown(page);
          await shot(page, `${name}${suffix}`);
        }
        // Live AfterShip: the label file cannot be downloaded; then the order is refused.
        await provider('aftership', 'LIVE · AfterShip');
        aftership.failNext('server-error', 20, 'files');
        await scan(page, ORDERS.second);
        const notPrinted = page.getByTestId('outcome-bad').filter({ hasText: 'NOT printed' });
        await notPrinted.waitFor({ timeout: 30_000 });
        // The saved label's file can be downloaded again: its preview shows next to the problem.
        aftership.clearFaults();
        await notPrinted.getByTestId('label-preview').waitFor();
        await shot(page, `05-scan-print-failed${suffix}`);
        aftership.failNext({ type: 'business', code: 4802 }, 1, 'create');
        await scan(page, '577900000000000422');
        await page.getByTestId('outcome-bad').filter({ hasText: 'nothing was bought' }).waitFor();
        await shot(page, `06-scan-failed-refused${suffix}`);
        await provider('sandbox', 'SANDBOX');

        await page.keyboard.press('F2');
        await page.getByTestId('history-row').first().waitFor();
        await shot(page, `10-history${suffix}`);
        await page.getByTestId('history-search').fill(sandboxTrackingNumber(ORDERS.seeded[2]!, 0));
        await page.waitForFunction(() => document.querySelectorAll('[data-testid="history-row"]').length === 1);
        await page.getByTestId('history-row').first().click();
        await page.getByTestId('label-preview').waitFor();
        await shot(page, `11-history-search-detail${suffix}`);
        await page.keyboard.press('F3');
        await page.getByTestId('settings-form').waitFor();
        await screenShot(page, `20-settings${suffix}`);
      });
    }

    // Running job, and a second scan refused while it runs.
    await group(browser, STATION_VIEWPORT, async (page) => {
      const station = await start({ settings: { sandbox: { latencyMs: 2000 } } });
      await openStation(page, station.shell);
      await scan(page, ORDERS.fresh);
      await page.locator('.step-current', { hasText: 'Buying' }).waitFor();
      await shot(page, '08-scan-running');
      await scan(page, ORDERS.second);
      await page.getByTestId('refusal').waitFor();
      await shot(page, '09-scan-refused-while-busy');
      await page.getByTestId('outcome-good').waitFor();
    });

    // Settings: key set, locked fields, a validation problem; then the connection dropping.
    await group(browser, STATION_VIEWPORT, async (page) => {
      const station = await start({ lockPrinter: true, env: { LABEL_STATION_OPERATOR: 'Jordan' } });
      await openStation(page, station.shell);
      await page.keyboard.press('F3');
      await page.locator('#provider').selectOption('aftership');
      await page.getByTestId('secret-aftershipApiKey').getByTestId('secret-input').fill('asat_1234567890abcdef');
      await page.getByRole('button', { name: 'Save key' }).click();
      await page.getByTestId('key-is-set').waitFor();
      await page.getByTestId('test-print').click();
      await page.getByText('Test label sent').waitFor();
      await station.printer.waitForJobs(1);
      await screenShot(page, '21-settings-key-set-locked');
      await page.locator('#baseUrl').fill('not a url');
      await page.getByLabel('Width', { exact: true }).fill('0');
      await page.getByTestId('save-settings').click();
      await page.getByTestId('problem').last().waitFor();
      await screenShot(page, '22-settings-invalid');
      await station.shell.close();
      await page.getByTestId('connection-banner').waitFor();
      await shot(page, '30-connection-lost');
    });

    // Each provider's settings section; TikTok authorization; env-locked secrets.
    await group(browser, STATION_VIEWPORT, async (page) => {
      const tiktok = keep(await startFakeTikTok({ ...TIKTOK }));
      const station = await start({
        env: { SHIPIUM_API_KEY: SHIPIUM_KEY },
        settings: { tiktok: { appKey: TIKTOK.appKey, apiBaseUrl: tiktok.apiBaseUrl, authBaseUrl: tiktok.authBaseUrl } },
        seed: async (core) => {
          await core.handlers.setSecret({ secret: 'tiktokAppSecret', value: TIKTOK.appSecret });
          await core.handlers.setSecret({ secret: 'shopifyAdminToken', value: SHOPIFY_TOKEN });
        },
      });
      await openStation(page, station.shell);
      await page.keyboard.press('F3');
      for (const provider of ['sandbox', 'aftership', 'tiktok', 'shipium']) {
        await page.locator('#provider').selectOption(provider);
        await page.getByTestId(`section-${provider}`).waitFor();
        await screenShot(page, `23-settings-${provider}`);
      }
      await page.locator('#provider').selectOption('tiktok');
      await page.getByTestId('tiktok-authorize').click();
      const address = page.getByTestId('tiktok-authorize-url');
      await address.waitFor();
      const state = new URL(await address.inputValue()).searchParams.get('state');
      await page.getByTestId('tiktok-code').fill(`https://station.example/callback?code=${tiktok.issueAuthCode()}&state=${state}`);
      await page.getByTestId('tiktok-code').scrollIntoViewIfNeeded();
      await screenShot(page, '24-settings-tiktok-authorizing');
      await page.getByTestId('tiktok-finish').click();
      await page.getByTestId('tiktok-auth-status').filter({ hasText: 'Authorized for' }).waitFor();
      await screenShot(page, '25-settings-tiktok-authorized');
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await screenShot(page, '26-settings-bottom');
    });

    // Labels that need checking: History, details, the confirmation; a purchase Shipium cannot be asked about.
    await group(browser, STATION_VIEWPORT, async (page) => {
      const { station, aftership, shipium } = await startWithUncertainLabels();
      await station.core.handlers.updateSettings({ provider: 'shipium' });
      await openStation(page, station.shell);
      shipium.failNext('reset-after-create');
      await scan(page, ORDERS.fresh);
      await page.getByTestId('outcome-bad').filter({ hasText: 'A supervisor must check' }).waitFor({ timeout: 30_000 });
      await shot(page, '12-scan-purchase-unknown');
      await station.core.handlers.updateSettings({ provider: 'aftership' });
      await page.keyboard.press('F2');
      await page.getByTestId('uncertain-banner').waitFor();
      await shot(page, '13-history-uncertain-banner');
      await page.getByTestId('filter-uncertain').click();
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="history-row"]').length === 4);
      await shot(page, '14-history-needs-checking');
      await page.getByTestId('history-row').filter({ hasText: UNCERTAIN.found }).click();
      await page.getByTestId('detail-check-until').waitFor();
      await shot(page, '15-history-uncertain-detail');
      await page.getByTestId('confirm-no-label').click();
      await page.getByTestId('confirm-dialog').waitFor();
      await shot(page, '16-history-confirm-no-label');
      await page.getByTestId('confirm-cancel').click();
      aftership.releaseLate(); // AfterShip has made the label by now
      await page.getByTestId('recheck').click();
      await page.getByTestId('uncertain-result').waitFor();
      await page.getByTestId('print-first').waitFor();
      await shot(page, '17-history-uncertain-found');
    });

    // Bought, not printed: the Scan screen lists them; F8 prints the oldest. The History details of one.
    await group(browser, STATION_VIEWPORT, async (page) => {
      const aftership = keep(await startFakeAfterShip({ apiKey: AFTERSHIP_KEY }));
      const station = await start(
        unprintedLabelsStation(aftership, aftershipEnv(aftership), [LATE.oldest, LATE.older, LATE.newer, ORDERS.second], 'Packing 2'),
      );
      aftership.releaseLate();
      await waitUntil(async () => (await station.core.handlers.listUnprintedLabels({})).length === 4);
      await openStation(page, station.shell);
      await page.getByTestId('unprinted-row').first().waitFor();
      await shot(page, '50-scan-unprinted');
      await page.keyboard.press('F8');
      await page.getByTestId('unprinted-result').waitFor();
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="unprinted-row"]').length === 3);
      await shot(page, '51-scan-unprinted-printed');
      for (let left = 2; left >= 0; left--) {
        // F8 waits for the Print before it to finish.
        await page.waitForFunction(() => !document.querySelector('[data-testid="unprinted-print"]:disabled'));
        await page.keyboard.press('F8');
        await page.waitForFunction((n) => document.querySelectorAll('[data-testid="unprinted-row"]').length === n, left);
      }
      await page.getByTestId('unprinted-result').filter({ hasText: ORDERS.second }).waitFor();
      await shot(page, '52-scan-unprinted-all-printed');
      await page.keyboard.press('F2');
      await page.getByTestId('history-row').filter({ hasText: LATE.newer }).click();
      await page.getByTestId('detail-station').waitFor();
      await page.getByTestId('label-preview').waitFor();
      await shot(page, '53-history-detail-bought-at');
    });

    // A purchase without a clear answer: set aside; its label turns up late and prints here by itself.
    await group(browser, STATION_VIEWPORT, async (page) => {
      const aftership = keep(await startFakeAfterShip({ apiKey: AFTERSHIP_KEY }));
      const station = await start({
        env: { ...aftershipEnv(aftership), LABEL_STATION_PROVIDER: 'aftership' },
        core: { labelChecks: { windowMs: 120_000, everyMs: 200 } },
      });
      await openStation(page, station.shell);
      aftership.failNext({ type: 'late-create', answer: 'reset' }, 1, 'create');
      await scan(page, LATE.setAside);
      await page.getByTestId('outcome-checking').waitFor();
      await shot(page, '54-scan-label-checking');
      await scan(page, LATE.next);
      await page.getByTestId('outcome-good').waitFor();
      await labelShown(page);
      aftership.releaseLate();
      await page.getByTestId('late-notice').waitFor({ timeout: 10_000 });
      await shot(page, '55-scan-late-label-printed');
      await page.getByTestId('late-notice-ok').click();
      aftership.failNext({ type: 'late-create', answer: 'reset' }, 1, 'create');
      await scan(page, LATE.older);
      await page.getByTestId('outcome-checking').waitFor();
      aftership.releaseLate();
      await page.getByTestId('checking-arrived').waitFor({ timeout: 10_000 });
      await shot(page, '56-scan-checking-arrived');
      await page.keyboard.press('F3');
      await page.locator('#aftershipLateSeconds').fill('10');
      await page.getByTestId('save-settings').click();
      await page.locator('.field-problem').first().waitFor();
      await page.locator('#aftershipLateSeconds').evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await screenShot(page, '57-settings-late-label-wait');
    });

    // A slow provider without tracking (Shipium).
    await group(browser, STATION_VIEWPORT, async (page) => {
      const shipium = keep(await startFakeShipium({ apiKey: SHIPIUM_KEY, delayMs: 3_500 }));
      const station = await start({
        env: { LABEL_STATION_PROVIDER: 'shipium', SHIPIUM_API_KEY: SHIPIUM_KEY, SHIPIUM_BASE_URL: shipium.baseUrl },
      });
      await openStation(page, station.shell);
      await shot(page, '33-shipium-idle');
      await scan(page, ORDERS.fresh);
      await page.getByTestId('elapsed').filter({ hasText: '2 s' }).waitFor();
      await shot(page, '34-shipium-buying-elapsed');
      await page.getByTestId('outcome-good').waitFor({ timeout: 10_000 });
      await labelShown(page);
      await shot(page, '35-shipium-printed-no-tracking');
    });

    // A Shopify order number resolved through the order sources.
    await group(browser, STATION_VIEWPORT, async (page) => {
      const shopify = keep(await startFakeShopify({ adminToken: SHOPIFY_TOKEN }));
      shopify.addOrder({
        name: '#1001',
        customAttributes: [{ key: 'TikTok Shop Order Number', value: '576900000000001001' }],
        lineItems: [
          { sku: 'MUG-BLK-12', name: 'Matte mug, black, 12 oz', quantity: 2 },
          { sku: 'COAST-4PK', name: 'Cork coasters, 4 pack', quantity: 1 },
        ],
      });
      const station = await start({
        settings: { shopify: { storeUrl: shopify.storeUrl } },
        seed: async (core) => void (await core.handlers.setSecret({ secret: 'shopifyAdminToken', value: SHOPIFY_TOKEN })),
      });
      await openStation(page, station.shell);
      await scan(page, '#1001');
      await page.getByTestId('outcome-good').waitFor();
      await labelShown(page);
      await shot(page, '36-scan-shopify-resolved');
    });

    // The printer: Settings' printer section (found printers, a fault checked), and a fault on Scan.
    await group(browser, STATION_VIEWPORT, async (page) => {
      keep(await startPrivateCups(['Zebra_ZD421', 'Office_Laser']));
      const station = await start({ env: { LABEL_STATION_MEDIA: '4x6' }, usbPrinters: [USB_LABEL_PRINTER] });
      await openStation(page, station.shell);
      await page.getByTestId('printer-ready').waitFor();
      await shot(page, '40-scan-printer-ready');
      await page.keyboard.press('F3');
      await page.getByTestId('find-printers').click();
      await page.getByTestId('found-printer').first().waitFor();
      station.printer.setState('paper_out');
      await page.getByTestId('check-printer').click();
      await page.getByTestId('printer-check-result').filter({ hasText: 'out of paper' }).waitFor();
      await page.locator('legend', { hasText: 'Printer' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await screenShot(page, '41-settings-printer');
      await page.getByTestId('printer-check').evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await screenShot(page, '41-settings-printer-status');
      await page.keyboard.press('F1');
      await page.getByTestId('printer-fault').waitFor();
      await shot(page, '42-scan-printer-fault-banner');
      // Bought while the printer is out of paper: the label waits in the print queue.
      await scan(page, ORDERS.fresh);
      await page.getByTestId('outcome-queued').waitFor();
      await labelShown(page);
      await shot(page, '42-scan-printer-fault');
    });
    await group(browser, STATION_VIEWPORT, async (page) => {
      keep(await startPrivateCups([]));
      const station = await start({ usbPrinters: [] });
      await openStation(page, station.shell);
      await page.keyboard.press('F3');
      await page.getByTestId('find-printers').click();
      await page.getByTestId('no-printers-found').waitFor();
      await page.locator('legend', { hasText: 'Printer' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await screenShot(page, '43-settings-no-printers-found');
    });

    // A fleet: the database light green, then red with a refused scan, History's station column, Settings' section.
    await group(browser, STATION_VIEWPORT, async (page) => {
      const server = await startPostgres();
      keep({ close: () => server.stop() });
      const station = await start({
        env: { LABEL_STATION_DATABASE_URL: await server.createDatabase('screens_fleet'), LABEL_STATION_NAME: 'Packing 2' },
        core: { fleetTiming: { checkEveryMs: 200, connectTimeoutMs: 1_000, statementTimeoutMs: 2_000 } },
        seed: async (core) => {
          for (const orderId of ORDERS.seeded.slice(0, 3)) expectOutcome(await core.handlers.submitScan({ scan: orderId }), 'printed');
        },
      });
      const light = page.getByTestId('database-light');
      await openStation(page, station.shell);
      await light.and(page.locator('[data-state="reachable"]')).waitFor();
      await page.getByTestId('printer-ready').waitFor();
      await shot(page, '60-scan-fleet-database-green');
      await server.pause();
      await light.and(page.locator('[data-state="unreachable"]')).waitFor();
      await scan(page, ORDERS.fresh);
      await page.getByTestId('outcome-bad').waitFor();
      await shot(page, '61-scan-fleet-database-away');
      await page.keyboard.press('F2');
      await page.getByTestId('history-station').first().waitFor();
      await page.getByTestId('history-row').first().getByTestId('reprint').click();
      await chooseReprintReason(page);
      await station.printer.waitForJobs(4);
      await shot(page, '62-history-fleet-station');
      await page.keyboard.press('F3');
      await page.getByTestId('pending-writes').filter({ hasNotText: 'None' }).waitFor();
      await page.getByTestId('database-settings').evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await screenShot(page, '63-settings-fleet-database-away');
      await server.resume();
      await page.getByTestId('database-status').filter({ hasText: 'connected' }).waitFor({ timeout: 15_000 });
      await page.getByTestId('pending-writes').filter({ hasText: 'None' }).waitFor();
      await screenShot(page, '64-settings-fleet-database-green');
      await page.keyboard.press('F1');
      await page.getByTestId('database-back').waitFor();
      await shot(page, '65-scan-fleet-database-back');
    });

    // Operators: demo users on the sandbox, the first supervisor on a real provider, sign-in, lock, approval, Settings.
    await group(browser, STATION_VIEWPORT, async (page) => {
      const demo = await start({ operators: 'none', lockPrinter: true, env: { LABEL_STATION_SANDBOX_LATENCY_MS: '0' } });
      await openStation(page, demo.shell);
      await page.getByTestId('demo-users').waitFor();
      await shot(page, '70-sign-in-demo-users');
      await scan(page, 'DEMO-PACKER');
      await page.getByTestId('signed-in-operator').waitFor();
      await shot(page, '71-signed-in-demo-packer');
    });
    await group(browser, STATION_VIEWPORT, async (page) => {
      const aftership = keep(await startFakeAfterShip({ apiKey: AFTERSHIP_KEY }));
      const first = await start({
        operators: 'none',
        lockPrinter: true,
        env: { LABEL_STATION_PROVIDER: 'aftership', LABEL_STATION_SANDBOX_LATENCY_MS: '0', ...aftershipEnv(aftership) },
      });
      await openStation(page, first.shell);
      await page.getByTestId('first-supervisor').waitFor();
      await shot(page, '72-first-supervisor');
    });
    await group(browser, STATION_VIEWPORT, async (page) => {
      const ana = { name: 'Ana Packer', pin: '1357', badge: 'EMP-ANA-0042' };
      const station = await start({
        seed: async (core) => {
          await core.handlers.addOperator({ operator: { name: ana.name, role: 'operator', pin: ana.pin, badge: ana.badge } });
          await core.handlers.addOperator({ operator: { name: 'Bo Night Shift', role: 'operator', badge: 'EMP-BO-0007' } });
          await core.handlers.addOperator({ operator: { name: 'Cy Packer', role: 'operator', pin: '2468' } });
        },
      });
      await openStation(page, station.shell);
      await shot(page, '73-scan-signed-in-supervisor');
      await page.getByTestId('sign-out').click();
      await page.getByTestId('sign-in').waitFor();
      await shot(page, '74-sign-in');
      await page.getByTestId('sign-in-name').filter({ hasText: ana.name }).click();
      await shot(page, '75-sign-in-pin');
      for (let i = 0; i < 2; i++) {
        await page.keyboard.type('9999');
        await page.keyboard.press('Enter');
        await page.getByTestId('problem').waitFor();
        await page.waitForTimeout(200);
      }
      await shot(page, '76-sign-in-wrong-pin');
      for (let i = 0; i < 3; i++) {
        await page.keyboard.type('9999');
        await page.keyboard.press('Enter');
        await page.waitForTimeout(300);
      }
      await page.getByTestId('problem').filter({ hasText: 'locked' }).waitFor();
      await shot(page, '77-sign-in-locked');
      await page.getByTestId('badge-input').focus();
      await scan(page, ORDERS.fresh);
      await page.getByTestId('pending-scan').waitFor();
      await shot(page, '78-sign-in-pending-scan');
      await scan(page, 'EMP-BO-0007');
      await page.getByTestId('outcome-good').waitFor({ timeout: 15_000 });
      await shot(page, '79-pending-scan-made-after-sign-in');

      await page.keyboard.press('F3');
      await page.locator('#idleSignOutMinutes').fill('10');
      await page.getByTestId('save-settings').click();
      await page.getByTestId('approval-dialog').waitFor();
      await screenShot(page, '80-approval-dialog');
      await page.getByTestId('approval-pin').fill('0000');
      await page.keyboard.press('Enter');
      await page.getByTestId('approval-dialog').getByTestId('problem').waitFor();
      await screenShot(page, '81-approval-wrong-pin');
      await page.keyboard.press('Escape');

      await page.getByTestId('sign-out').click();
      await scan(page, 'TEST-SUPERVISOR-7731');
      await page.getByTestId('signed-in-operator').waitFor();
      await page.keyboard.press('F3');
      await page.getByTestId('operators-section').scrollIntoViewIfNeeded();
      await page.getByTestId('operator-row').first().waitFor();
      await screenShot(page, '82-settings-operators');
      await page.getByTestId('operator-row').filter({ hasText: ana.name }).getByTestId('edit-operator').click();
      await page.getByTestId('operator-form').scrollIntoViewIfNeeded();
      await screenShot(page, '83-settings-operator-edit');
    });

    // Settings' box presets for split shipments: as shipped, a refused save on its box, moved up by keyboard and saved.
    await group(browser, STATION_VIEWPORT, async (page) => {
      await boxPresetScreens(page, await start(), screenShot);
    });

    // A live (non-sandbox) provider, and a page opened without its token.
    await group(browser, STATION_VIEWPORT, async (page) => {
      const aftership = keep(await startFakeAfterShip({ apiKey: AFTERSHIP_KEY }));
      const station = await start({ env: { LABEL_STATION_PROVIDER: 'aftership', ...aftershipEnv(aftership) } });
      await openStation(page, station.shell);
      await shot(page, '31-live-provider');
      await page.goto(station.shell.origin + '/');
      await page.evaluate(() => sessionStorage.clear());
      await page.reload();
      await page.getByTestId('no-token-banner').waitFor();
      await page.waitForTimeout(500);
      await shot(page, '32-no-token');
    });
    await splitter();
    await parcel();
    await preview();
    await scale();
    await batch();
    await health();
    await reports();
    await history();
    await writeback();
    await exportDir();
    await checkSkip();
    await systemsApi();
  } finally {
    await browser.close();
  }
  console.log(`Screenshots written to ${outDir}`);
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
