/**
 * The real renderer in Chromium, through the browser shell, on the real station core: the sandbox or
 * the loopback fakes of AfterShip, Shipium, TikTok and Shopify as providers and order sources, a
 * loopback Zebra as the printer (its ~HS answer plays the printer's faults), a private CUPS for print
 * queues. Run: npm run test:e2e (builds the renderer first). Screenshots go to test-results/screens/.
 */
import { expect, test, type Page } from '@playwright/test';
import type { SecretName, SettingsPatch } from '../../shared/domain/settings';
import { sandboxTrackingNumber } from '../../electron/station/providers/sandbox';
import { FAKE_SHIPPER_ACCOUNT_ID, startFakeAfterShip, type FakeAfterShip } from '../fakes/aftership-server';
import { USB_LABEL_PRINTER } from '../fakes/screen-state-core';
import { startFakeShipium, type FakeShipium } from '../fakes/shipium-server';
import { startFakeShopify, type FakeShopify } from '../fakes/shopify-server';
import { startFakeTikTok } from '../fakes/tiktok-server';
import {
  openStation,
  rpcAnswer,
  scan,
  startPrivateCups,
  startStation,
  type E2EStation,
  type E2EStationOptions,
  type PrivateCups,
} from '../support/e2e-station';
import { UNCERTAIN, uncertainLabelsStation } from '../support/lost-answers';
import { clockTime } from '../../renderer/ui/format';
import { chooseReprintReason } from '../support/reprint-reason';

const SHOTS = 'test-results/screens';
const AFTERSHIP_KEY = 'asat_e2e_key_abcdef0123456789';
const SHIPIUM_KEY = 'e2e_shipium_key_0123';

/** Scans used below. */
const ORDERS = {
  fresh: '576900000000000101',
  second: '576900000000000202',
  /** 18 digits but not 576/577: printed with a warning. */
  warning: '123456789012345678',
} as const;

let station: E2EStation | undefined;
/** Loopback servers a test started; closed after it. */
let fakes: Array<{ close(): Promise<void> }> = [];

async function start(options: E2EStationOptions = {}): Promise<E2EStation> {
  station = await startStation(options);
  return station;
}

/** A loopback fake, closed after the test. */
function keep<T extends { close(): Promise<void> }>(fake: T): T {
  fakes.push(fake);
  return fake;
}

async function aftershipFake(): Promise<FakeAfterShip> {
  return keep(await startFakeAfterShip({ apiKey: AFTERSHIP_KEY }));
}

async function shipiumFake(delayMs = 0): Promise<FakeShipium> {
  return keep(await startFakeShipium({ apiKey: SHIPIUM_KEY, delayMs }));
}

function aftershipEnv(fake: FakeAfterShip): Record<string, string> {
  return { AFTERSHIP_API_KEY: AFTERSHIP_KEY, AFTERSHIP_BASE_URL: fake.baseUrl };
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** A secret must never be in the page: not in its markup, not in any field's value. */
async function expectNowhereOnPage(page: Page, secret: string) {
  expect(await page.content()).not.toContain(secret);
  const values = await page.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  expect(values.join('|')).not.toContain(secret);
}

/** The order's labels in the station's history. */
async function labelsOf(orderId: string) {
  return (await station!.core.handlers.searchHistory({ query: orderId, filter: 'all', limit: 50, offset: 0 })).labels;
}

test.afterEach(async () => {
  await station?.close();
  station = undefined;
  for (const fake of fakes.reverse()) await fake.close();
  fakes = [];
});

test.describe('scan screen', () => {
  test('shows the sandbox everywhere and keeps the scan field focused', async ({ page }) => {
    const station = await start();
    await openStation(page, station.shell);
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
    const station = await start({ settings: { sandbox: { latencyMs: 60 } } });
    await openStation(page, station.shell);
    await scan(page, ORDERS.fresh);
    const panel = page.getByTestId('outcome-good');
    await expect(panel).toContainText('Label printed');
    await expect(panel.getByTestId('order-id')).toHaveText(ORDERS.fresh);
    await expect(panel.getByTestId('tracking')).toHaveText(sandboxTrackingNumber(ORDERS.fresh, 0));
    await expect(panel.getByTestId('label-preview')).toHaveAttribute('src', /^data:image\/png;base64,/);
    await expect(page.locator('.step-complete')).toHaveCount(4);
    await expect(page.getByTestId('recent-scans')).toContainText(ORDERS.fresh);
    await expect(page.getByTestId('scan-input')).toBeFocused();
    await expect(page.getByTestId('scan-input')).toHaveValue('');
    expect(station.printer.jobs).toHaveLength(1);
    await shot(page, 'scan-printed');
  });

  test('an order with a label is not bought again and can be reprinted', async ({ page }) => {
    const station = await start({ seed: async (core) => void (await core.handlers.submitScan({ scan: ORDERS.fresh })) });
    const [first] = await station.printer.waitForJobs(1);
    await openStation(page, station.shell);
    await scan(page, ORDERS.fresh);
    const panel = page.getByTestId('outcome-warn');
    await expect(panel).toContainText('This order already has a label — nothing was bought');
    await panel.getByTestId('reprint').click();
    await chooseReprintReason(page);
    await expect(panel).toContainText('Sent to printer');
    // The same label again, and still one label for the order.
    const jobs = await station.printer.waitForJobs(2);
    expect(jobs[1]!.equals(first!)).toBe(true);
    expect(await labelsOf(ORDERS.fresh)).toHaveLength(1);
    await shot(page, 'scan-already-labelled');
  });

  test('a label file that is slow to download: the wait is set in Settings, shown while it runs, then "file pending", then the label prints by itself', async ({
    page,
  }) => {
    const aftership = await aftershipFake();
    const station = await start({
      env: { LABEL_STATION_PROVIDER: 'aftership', ...aftershipEnv(aftership) },
      core: { providerTimeoutMs: 6000 }, // the hung first try ends after 6 s, the second brings the file
    });
    await openStation(page, station.shell);
    // A supervisor shortens the wait for a label file to 3 s (Settings → Station).
    await page.keyboard.press('F3');
    await page.getByLabel('Wait for a label file (seconds)').fill('3');
    await page.getByTestId('save-settings').click();
    await expect(page.getByTestId('saved-note')).toBeVisible();
    expect((await station.core.handlers.getSettings({})).labelDownload.deadlineSeconds).toBe(3);
    await page.keyboard.press('F1');

    aftership.failNext('hang', 1, 'files'); // the first try hangs until the provider's time limit
    await scan(page, ORDERS.fresh);
    // While the file downloads: how long so far, out of the 3 s the scan waits (shown once it has taken 1 s).
    const notice = page.getByTestId('download-notice');
    await expect(notice).toContainText('Label bought — downloading its file.', { timeout: 10_000 });
    await expect(notice).toContainText('After 3 s the file keeps downloading and prints by itself.');
    await shot(page, 'scan-file-downloading');
    const panel = page.getByTestId('outcome-warn');
    await expect(panel).toContainText('Label bought — file pending', { timeout: 10_000 });
    await expect(panel).toContainText('its file is still downloading after 3 s. It prints by itself when the file arrives.');
    await expect(panel.getByTestId('file-pending')).toHaveText(
      'The label prints by itself when its file arrives. Do not scan this order again.',
    );
    await expect(panel.getByTestId('reprint')).toHaveCount(0);
    // Printing waits (not failed); the recent scan says the parcel waits for its label.
    await expect(page.locator('.step-failed')).toHaveCount(0);
    await expect(page.getByTestId('recent-scans')).toContainText('Set aside — label coming');
    await expect(page.getByTestId('steps')).toContainText('Waiting for file');
    await expect(page.getByRole('region', { name: 'Labels bought, not printed' })).toHaveCount(0);
    await shot(page, 'scan-file-pending');
    await station.printer.waitForJobs(1, 20_000);
    await expect(page.getByTestId('recent-scans')).toContainText('Printed late', { timeout: 10_000 });
    await expect(page.getByTestId('file-arrived')).toContainText(`The file for order ${ORDERS.fresh} arrived and the label was`);
    // It printed: not listed as bought and not printed, then or while it downloaded.
    await expect(page.getByRole('region', { name: 'Labels bought, not printed' })).toHaveCount(0);
    await expect(page.getByTestId('label-preview')).toBeVisible();
    await shot(page, 'scan-file-arrived');
    expect(aftership.createdFor(ORDERS.fresh)).toHaveLength(1);
  });

  test('a label that cannot be printed says it is saved and offers a reprint', async ({ page }) => {
    const aftership = await aftershipFake();
    const station = await start({ env: { LABEL_STATION_PROVIDER: 'aftership', ...aftershipEnv(aftership) } });
    await openStation(page, station.shell);
    // Bought, but the label file cannot be downloaded from AfterShip.
    aftership.failNext('server-error', 20, 'files');
    await scan(page, ORDERS.fresh);
    const panel = page.getByTestId('outcome-bad');
    await expect(panel).toContainText('Bought and saved — NOT printed', { timeout: 20_000 });
    await expect(panel).toContainText('its file could not be downloaded');
    await expect(panel).toContainText(
      "Check the station's internet connection, then reprint the label from History. Do not scan the order again.",
    );
    await expect(page.locator('.step-failed')).toHaveText(/Printing/);
    expect(station.printer.jobs).toHaveLength(0);
    await shot(page, 'scan-print-failed');
    aftership.clearFaults();
    await panel.getByTestId('reprint').click();
    await chooseReprintReason(page);
    await expect(panel).toContainText('Sent to printer');
    await station.printer.waitForJobs(1);
    expect(aftership.createdFor(ORDERS.fresh)).toHaveLength(1);
  });

  test('a refused order and a Shopify number show the problem and the next step', async ({ page }) => {
    const aftership = await aftershipFake();
    const station = await start({ env: { LABEL_STATION_PROVIDER: 'aftership', ...aftershipEnv(aftership) } });
    await openStation(page, station.shell);
    aftership.failNext({ type: 'business', code: 4802 }, 1, 'create');
    await scan(page, ORDERS.fresh);
    await expect(page.getByTestId('outcome-bad')).toContainText(
      'TikTok Shipping is not available for this order right now; nothing was bought',
    );
    await expect(page.getByTestId('outcome-bad')).toContainText('Check in TikTok Shop that the order is awaiting shipment');
    await shot(page, 'scan-failed-refused');
    await scan(page, '#1001');
    await expect(page.getByTestId('outcome-bad')).toContainText('looks like a Shopify order number');
    await shot(page, 'scan-failed-shopify');
    expect(aftership.created).toHaveLength(0);
  });

  test('an empty Enter is ignored and a click elsewhere does not take the focus from the scan field', async ({ page }) => {
    const station = await start();
    await openStation(page, station.shell);
    const scans = page.waitForRequest((r) => r.url().includes('/rpc/submitScan'));
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Recent scans' }).click();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await scan(page, ORDERS.warning);
    await expect(page.getByTestId('outcome-good')).toContainText('does not start with 576 or 577');
    // Only the one scan reached the station, whole.
    expect((await scans).postDataJSON()).toEqual({ scan: ORDERS.warning });
    expect((await station.core.handlers.searchHistory({ query: '', filter: 'all', limit: 50, offset: 0 })).total).toBe(1);
    await shot(page, 'scan-printed-warning');
  });
});

test('a second scan while a label is being bought waits in the queue and is made next', async ({ page }) => {
  const station = await start({ settings: { sandbox: { latencyMs: 1500 } } });
  await openStation(page, station.shell);
  await scan(page, ORDERS.fresh);
  await expect(page.locator('.step-current')).toContainText('Buying');
  await scan(page, ORDERS.second);
  await expect(page.getByTestId('queued-scan')).toContainText(ORDERS.second);
  await shot(page, 'scan-queued-while-busy');
  await expect(page.getByTestId('scan-queue')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByTestId('outcome-good')).toBeVisible({ timeout: 15_000 });
  expect(await labelsOf(ORDERS.second)).toHaveLength(1);
  expect(await labelsOf(ORDERS.fresh)).toHaveLength(1);
});

test('history: newest first, search by tracking number, scroll to the oldest, details and reprint', async ({ page }) => {
  const orders = Array.from({ length: 40 }, (_, i) => `5768111222333444${String(i + 1).padStart(2, '0')}`);
  const newest = orders.at(-1)!;
  const station = await start({
    seed: async (core) => {
      for (const orderId of orders) expect((await core.handlers.submitScan({ scan: orderId })).outcome).toBe('printed');
      // The newest label was reprinted once already.
      const [label] = (await core.handlers.searchHistory({ query: newest, filter: 'all', limit: 1, offset: 0 })).labels;
      expect((await core.handlers.reprintLabel({ reason: 'Label damaged', labelId: label!.id })).ok).toBe(true);
    },
  });
  await openStation(page, station.shell);
  await page.keyboard.press('F2');
  const rows = page.getByTestId('history-row');
  await expect(page.getByTestId('history-count')).toHaveText('40 labels');
  await expect(rows.first()).toContainText(newest);
  // Only the rows in view are drawn: scrolling to the end brings the oldest.
  await page.getByTestId('history-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(rows.last()).toContainText(orders[0]!);
  await shot(page, 'history');

  // A search matches the start of an order ID or tracking number.
  await page.getByTestId('history-search').fill(sandboxTrackingNumber(newest, 0).slice(0, 12));
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(newest);
  await page.getByTestId('history-search').fill('no-such-order');
  await expect(page.getByText('No label matches')).toBeVisible();
  await page.getByTestId('history-search').fill(newest);
  await expect(rows).toHaveCount(1);
  await rows.first().getByTestId('reprint').click();
  await chooseReprintReason(page);
  await expect(rows.first()).toContainText('Sent to printer');
  await station.printer.waitForJobs(42);

  await rows.first().click();
  const detail = page.getByTestId('history-detail');
  await expect(detail).toContainText('Print attempts');
  await expect(detail.locator('.attempts li')).toHaveCount(3);
  await expect(detail.getByTestId('label-preview')).toBeVisible();
  await shot(page, 'history-detail');
  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);
});

test.describe('settings', () => {
  test('the AfterShip API key is write-only and station validation shows next to the form', async ({ page }) => {
    const secret = 'asat_SECRET_9f8e7d6c5b4a';
    const aftership = keep(await startFakeAfterShip({ apiKey: secret }));
    const station = await start({ lockPrinter: true });
    await openStation(page, station.shell);
    await page.keyboard.press('F3');
    await expect(page.getByTestId('settings-form')).toBeVisible();
    await expect(page.getByTestId('locked-note')).toHaveText(/set by LABEL_STATION_PRINTER/);
    await expect(page.locator('#printerAddress')).toHaveAttribute('readonly', '');

    await page.locator('#provider').selectOption('aftership');
    const field = page.getByTestId('secret-aftershipApiKey');
    await expect(field.getByTestId('secret-input')).toHaveAttribute('type', 'password');
    await field.getByTestId('secret-input').fill(secret);
    await field.getByRole('button', { name: 'Save key' }).click();
    await expect(field.getByTestId('key-is-set')).toHaveText(/Key is set/);
    await expect(field.getByRole('button', { name: 'Replace' })).toBeVisible();
    await expect(field.getByRole('button', { name: 'Remove' })).toBeVisible();
    await expectNowhereOnPage(page, secret);
    expect(station.storedSecret('aftershipApiKey')).toBe(secret);

    await page.locator('#baseUrl').fill('not a url');
    await page.getByTestId('save-settings').click();
    await expect(page.locator('.field-problem')).toContainText('AfterShip address: Must be a web address');
    await expect(page.getByTestId('problem')).toContainText('Not saved');
    await shot(page, 'settings-invalid');

    // Plain http to another computer would carry the key in clear: refused, the key stays.
    await page.locator('#baseUrl').fill('http://198.51.100.7/postmen/v3');
    await page.getByTestId('save-settings').click();
    await expect(page.locator('.field-problem').first()).toContainText('AfterShip address must start with https://');
    await expect(page.getByTestId('problem')).toContainText('Not saved');
    expect(station.storedSecret('aftershipApiKey')).toBe(secret);
    await shot(page, 'settings-host-refused');

    await page.locator('#baseUrl').fill(aftership.baseUrl);
    await page.locator('#shipperAccountId').fill(`  ${FAKE_SHIPPER_ACCOUNT_ID} `);
    await page.locator('#idleSignOutMinutes').fill('15');
    await page.getByTestId('save-settings').click();
    await expect(page.getByTestId('saved-note')).toContainText('Saved');
    const saved = await station.core.handlers.getSettings({});
    expect(saved.provider).toBe('aftership');
    expect(saved.operators.idleSignOutMinutes).toBe(15);
    expect(saved.aftership).toEqual({
      baseUrl: aftership.baseUrl,
      shipperAccountId: FAKE_SHIPPER_ACCOUNT_ID,
      serviceType: 'tiktok-shipping_standard_shipping',
      lateLabelWindowSeconds: 120,
      askBeforeBuying: 'always',
    });
    await expect(page.getByTestId('provider')).toContainText('LIVE · AfterShip');
    // The address moved off AfterShip's own host (to the loopback fake): the key is entered again for it.
    await expect(page.getByTestId('secrets-cleared')).toHaveText(
      'The AfterShip API key was removed because its address moved to a host that is not the provider’s own: enter it again below to use that host.',
    );
    expect(station.storedSecret('aftershipApiKey')).toBeUndefined();
    await shot(page, 'settings-key-cleared');
    await field.getByTestId('secret-input').fill(secret);
    await field.getByRole('button', { name: 'Save key' }).click();
    await expect(field.getByTestId('key-is-set')).toHaveText(/Key is set/);
    expect(station.storedSecret('aftershipApiKey')).toBe(secret);

    await page.reload();
    await expect(page.getByTestId('scan-input')).toBeFocused();
    await page.keyboard.press('F3');
    await expect(page.getByTestId('secret-aftershipApiKey').getByTestId('key-is-set')).toBeVisible();
    await expectNowhereOnPage(page, secret);

    await page.getByTestId('test-print').click();
    await expect(page.getByText(`Test label sent to ${station.printer.address}`)).toBeVisible();
    await station.printer.waitForJobs(1);
    await shot(page, 'settings-aftership');

    // The key saved through the form is the one AfterShip gets: a scan buys a label with it.
    await page.keyboard.press('F1');
    await scan(page, ORDERS.fresh);
    await expect(page.getByTestId('outcome-good')).toContainText('Label printed', { timeout: 15_000 });
    expect(aftership.createdFor(ORDERS.fresh)).toHaveLength(1);

    // Removed, the key is gone from the station, and the next scan says what is missing instead of buying.
    await page.keyboard.press('F3');
    await page.getByTestId('secret-aftershipApiKey').getByRole('button', { name: 'Remove' }).click();
    await expect(page.getByTestId('secret-aftershipApiKey').getByTestId('secret-input')).toBeVisible();
    expect(station.storedSecret('aftershipApiKey')).toBeUndefined();
    await page.keyboard.press('F1');
    await scan(page, ORDERS.second);
    await expect(page.getByTestId('outcome-bad')).toContainText('the AfterShip API key is not set on this station');
    expect(aftership.created).toHaveLength(1);
  });

  test('each provider shows only its own section; order sources are always there', async ({ page }) => {
    const station = await start();
    await openStation(page, station.shell);
    await page.keyboard.press('F3');
    const sections = ['sandbox', 'aftership', 'tiktok', 'shipium'] as const;
    const expected: Record<(typeof sections)[number], string[]> = {
      sandbox: ['#latencyMs'],
      aftership: ['#baseUrl', '#shipperAccountId', '#serviceType', '#aftershipLateSeconds', '[data-testid="secret-aftershipApiKey"]'],
      tiktok: [
        '#tiktokApiBaseUrl',
        '#tiktokAuthBaseUrl',
        '#tiktokAppKey',
        '#tiktokShopCipher',
        '#tiktokLateSeconds',
        '[data-testid="secret-tiktokAppSecret"]',
        '[data-testid="tiktok-auth"]',
      ],
      shipium: ['#shipiumBaseUrl', '#shipiumLateSeconds', '[data-testid="secret-shipiumApiKey"]'],
    };
    await expect(page.locator('#provider option')).toHaveText([
      'Sandbox (no real labels)',
      'AfterShip Shipping API',
      'TikTok Shop (direct)',
      'Shipium (TikTok Shop carrier)',
    ]);
    for (const provider of sections) {
      await page.locator('#provider').selectOption(provider);
      await expect(page.getByTestId(`section-${provider}`)).toBeVisible();
      for (const other of sections.filter((s) => s !== provider)) await expect(page.getByTestId(`section-${other}`)).toHaveCount(0);
      for (const selector of expected[provider]) await expect(page.locator(selector)).toBeVisible();
      const orderSources = page.getByTestId('order-sources');
      await expect(orderSources.locator('#shopifyStoreUrl')).toBeVisible();
      await expect(orderSources.getByTestId('secret-shopifyAdminToken')).toBeVisible();
      await expect(orderSources.locator('#ordersFile')).toBeVisible();
      await shot(page, `settings-${provider}`);
    }
    await expect(page.getByTestId('shipium-note')).toHaveText(
      "Shipium's TikTok labels cannot be voided and have no tracking updates; answers can take up to a minute.",
    );

    // Shipium chosen without its key: the station says at the next scan what is missing and what to do, and buys nothing.
    await page.getByTestId('save-settings').click();
    await expect(page.getByTestId('saved-note')).toBeVisible();
    await expect(page.getByTestId('provider')).toContainText('LIVE · Shipium');
    await expect(page.getByTestId('provider').locator('.provider-live')).toHaveAttribute(
      'title',
      'Labels are bought for real from Shipium (TikTok Shop carrier)',
    );
    await page.keyboard.press('F1');
    await scan(page, ORDERS.fresh);
    const refused = page.getByTestId('outcome-bad');
    await expect(refused).toContainText('Shipium (TikTok Shop carrier) is selected but the Shipium API key is not set on this station');
    await expect(refused).toContainText('A supervisor must complete the provider’s section in Settings');
    expect(station.printer.jobs).toHaveLength(0);
  });

  test("each provider's wait for a late label is saved; one out of range is refused on its own field", async ({ page }) => {
    const station = await start();
    await openStation(page, station.shell);
    await page.keyboard.press('F3');
    await page.locator('#provider').selectOption('aftership');
    const aftershipWait = page.locator('.field', { has: page.locator('#aftershipLateSeconds') });
    await expect(aftershipWait.locator('.field-label')).toHaveText('Wait for a late label (seconds)');
    await expect(aftershipWait).toContainText('AfterShip may still make the label');
    await expect(page.locator('#aftershipLateSeconds')).toHaveValue('120');
    await page.locator('#aftershipLateSeconds').fill('10');
    await page.getByTestId('save-settings').click();
    await expect(aftershipWait.locator('.field-problem')).toHaveText(
      'Wait for a late label (AfterShip): At least 30 seconds: a provider may still create a label that long after a lost answer',
    );
    await expect(page.getByTestId('problem')).toContainText('Not saved');
    await page.locator('#aftershipLateSeconds').fill('600');
    await page.locator('#provider').selectOption('shipium');
    await expect(page.locator('#shipiumLateSeconds')).toHaveValue('300');
    await page.locator('#shipiumLateSeconds').fill('900');
    await page.locator('#shipiumLateSeconds').scrollIntoViewIfNeeded();
    await shot(page, 'settings-late-label-wait');
    await page.locator('#provider').selectOption('sandbox');
    await page.getByTestId('save-settings').click();
    await expect(page.getByTestId('saved-note')).toContainText('Saved');
    const saved = await station.core.handlers.getSettings({});
    expect([saved.aftership, saved.tiktok, saved.shipium].map((s) => s.lateLabelWindowSeconds)).toEqual([600, 120, 900]);
  });

  test('every secret is write-only: set, replaced and removed without the page ever holding it', async ({ page }) => {
    const station = await start();
    await openStation(page, station.shell);
    await page.keyboard.press('F3');
    const cases: Array<{ secret: SecretName; provider: 'aftership' | 'tiktok' | 'shipium' | null; save: string; isSet: RegExp }> = [
      { secret: 'aftershipApiKey', provider: 'aftership', save: 'Save key', isSet: /Key is set/ },
      { secret: 'tiktokAppSecret', provider: 'tiktok', save: 'Save app secret', isSet: /App secret is set/ },
      { secret: 'shipiumApiKey', provider: 'shipium', save: 'Save key', isSet: /Key is set/ },
      { secret: 'shopifyAdminToken', provider: null, save: 'Save token', isSet: /Token is set/ },
    ];
    for (const c of cases) {
      if (c.provider) await page.locator('#provider').selectOption(c.provider);
      const field = page.getByTestId(`secret-${c.secret}`);
      const first = `${c.secret}-FIRST-7f3a9c2e1b`;
      const second = `${c.secret}-SECOND-4d8e6f0a2c`;
      await expect(field.getByTestId('secret-input')).toHaveAttribute('type', 'password');
      await field.getByTestId('secret-input').fill(first);
      await field.getByRole('button', { name: c.save }).click();
      await expect(field.getByTestId('key-is-set')).toHaveText(c.isSet);
      await expect(field.getByTestId('secret-input')).toHaveCount(0);
      await field.getByRole('button', { name: 'Replace' }).click();
      await expect(field.getByTestId('secret-input')).toHaveValue('');
      await field.getByTestId('secret-input').fill(second);
      await field.getByTestId('secret-input').press('Enter');
      await expect(field.getByTestId('key-is-set')).toBeVisible();
      expect(station.storedSecret(c.secret)).toBe(second);
      await expectNowhereOnPage(page, first);
      await expectNowhereOnPage(page, second);
      await field.getByRole('button', { name: 'Remove' }).click();
      await expect(field.getByTestId('secret-input')).toBeVisible();
      await expect(field.getByRole('status')).toContainText('removed');
      expect(station.storedSecret(c.secret)).toBeUndefined();
    }
    // Nothing the page received over the wire held a secret either.
    const received = JSON.stringify(await station.core.handlers.getSettings({}));
    expect(received).not.toMatch(/FIRST|SECOND/);
  });

  test('settings set by environment variables are read-only, secrets included', async ({ page }) => {
    const tiktok = keep(await startFakeTikTok({ appKey: '6d2a9b1c0e', appSecret: 'e2e_app_secret_0123' }));
    const shopify = keep(await startFakeShopify({ adminToken: 'shpat_e2e_token_0123' }));
    const station = await start({
      env: {
        LABEL_STATION_PROVIDER: 'tiktok',
        TIKTOK_APP_KEY: '6d2a9b1c0e',
        TIKTOK_APP_SECRET: 'e2e_app_secret_0123',
        TIKTOK_API_BASE_URL: tiktok.apiBaseUrl,
        TIKTOK_AUTH_BASE_URL: tiktok.authBaseUrl,
        TIKTOK_REFRESH_TOKEN: tiktok.issueRefreshToken(),
        SHOPIFY_ADMIN_TOKEN: 'shpat_e2e_token_0123',
        SHOPIFY_STORE_URL: shopify.storeUrl,
      },
    });
    await openStation(page, station.shell);
    await page.keyboard.press('F3');
    await expect(page.locator('#tiktokAppKey')).toHaveAttribute('readonly', '');
    await expect(page.locator('#tiktokAppKey')).toHaveValue('6d2a9b1c0e');
    const appSecret = page.getByTestId('secret-tiktokAppSecret');
    await expect(appSecret).toContainText('App secret is set');
    await expect(appSecret).toContainText('Locked: set by TIKTOK_APP_SECRET');
    await expect(appSecret.getByTestId('secret-input')).toHaveCount(0);
    await expect(appSecret.getByRole('button')).toHaveCount(0);
    await expect(page.getByTestId('secret-shopifyAdminToken')).toContainText('set by SHOPIFY_ADMIN_TOKEN');
    await expect(page.locator('#shopifyStoreUrl')).toHaveAttribute('readonly', '');
    await expect(page.getByTestId('tiktok-auth-status')).toContainText('Authorized');
    await expectNowhereOnPage(page, 'e2e_app_secret_0123');
    await expectNowhereOnPage(page, 'shpat_e2e_token_0123');
    await page.locator('#tiktokShopCipher').fill(tiktok.shopCipher);
    await page.getByTestId('save-settings').click();
    await expect(page.getByTestId('saved-note')).toBeVisible();
    expect((await station.core.handlers.getSettings({})).tiktok.shopCipher).toBe(tiktok.shopCipher);
    await shot(page, 'settings-locked-tiktok');
  });

  test('TikTok Shop authorization: address to open, then the code or redirect address is exchanged', async ({ page }) => {
    const tiktok = keep(await startFakeTikTok({ appKey: '6d2a9b1c0e', appSecret: 'e2e_app_secret_0123' }));
    const station = await start({
      settings: { tiktok: { appKey: '6d2a9b1c0e', apiBaseUrl: tiktok.apiBaseUrl, authBaseUrl: tiktok.authBaseUrl } },
      seed: async (core) => void (await core.handlers.setSecret({ secret: 'tiktokAppSecret', value: 'e2e_app_secret_0123' })),
    });
    await openStation(page, station.shell);
    await page.keyboard.press('F3');
    await page.locator('#provider').selectOption('tiktok');
    const auth = page.getByTestId('tiktok-auth');
    await expect(page.getByTestId('tiktok-auth-status')).toContainText('Not authorized');

    // Unsaved TikTok fields: authorization would use the old app key, so it waits for a save.
    await page.locator('#tiktokAppKey').fill('6d2a9b1c0f');
    await expect(page.getByTestId('tiktok-authorize')).toBeDisabled();
    await expect(auth).toContainText('Save the settings first');
    await page.locator('#tiktokAppKey').fill('6d2a9b1c0e');
    await expect(page.getByTestId('tiktok-authorize')).toBeEnabled();

    await page.getByTestId('tiktok-authorize').click();
    const address = page.getByTestId('tiktok-authorize-url');
    await expect(address).toHaveValue(/^https:\/\/auth\.tiktok-shops\.com\/oauth\/authorize\?app_key=6d2a9b1c0e&state=/);
    const url = await address.inputValue();
    const link = page.getByTestId('open-authorize-url');
    await expect(link).toHaveAttribute('href', url);
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', /noopener/);
    await page.getByTestId('copy-authorize-url').click();
    await expect(auth).toContainText(/Copied|Ctrl\+C/);
    await shot(page, 'settings-tiktok-authorizing');

    const state = new URL(url).searchParams.get('state');
    const code = tiktok.issueAuthCode();
    await page.getByTestId('tiktok-code').fill(`https://station.example/callback?code=${code}&state=someone-else`);
    await page.getByTestId('tiktok-finish').click();
    await expect(auth.getByTestId('problem')).toContainText('That address is from a different authorization attempt');

    await page.getByTestId('tiktok-code').fill(`https://station.example/callback?code=${code}&state=${state}`);
    await page.getByTestId('tiktok-code').press('Enter');
    await expect(page.getByTestId('tiktok-auth-status')).toContainText('Authorized for Fake TikTok Shop');
    await expect(page.getByTestId('tiktok-code')).toHaveCount(0);
    // The code was exchanged at TikTok's token host (once: the mismatched address never left the station).
    expect(tiktok.requests.filter((r) => r.host === 'auth' && r.path.startsWith('/api/v2/token/get'))).toHaveLength(1);
    await expectNowhereOnPage(page, code);
    await shot(page, 'settings-tiktok-authorized');
  });
});

/** A station with purchases that got no clear answer (test/support/lost-answers.ts). */
async function startWithUncertainLabels(): Promise<{ station: E2EStation; aftership: FakeAfterShip; shipium: FakeShipium }> {
  const aftership = await aftershipFake();
  const shipium = await shipiumFake();
  const env = { ...aftershipEnv(aftership), SHIPIUM_API_KEY: SHIPIUM_KEY, SHIPIUM_BASE_URL: shipium.baseUrl };
  const station = await start(uncertainLabelsStation(aftership, shipium, env));
  expect(aftership.createdFor(UNCERTAIN.found)).toHaveLength(0); // not yet: AfterShip makes it late
  expect(aftership.createdFor(UNCERTAIN.none)).toHaveLength(0);
  expect(shipium.created).toHaveLength(1);
  return { station, aftership, shipium };
}

test.describe('labels that need checking', () => {
  test('History shows them first-hand; asking the provider again saves a label it made, printed as a first print', async ({ page }) => {
    const { station, aftership } = await startWithUncertainLabels();
    await openStation(page, station.shell);
    await page.keyboard.press('F2');
    await expect(page.getByTestId('uncertain-banner')).toContainText('3 labels need checking');
    await expect(page.getByTestId('filter-uncertain')).toHaveText(/Needs checking\s*3/);
    await page.getByTestId('filter-uncertain').click();
    const rows = page.getByTestId('history-row');
    await expect(rows).toHaveCount(3);
    await expect(rows.filter({ hasText: UNCERTAIN.found })).toContainText('Checking — a label may still come');
    await expect(rows.filter({ hasText: UNCERTAIN.none })).toContainText('Checking — a label may still come');
    await expect(rows.filter({ hasText: UNCERTAIN.unsupported })).toContainText('Needs checking — may have been bought');
    await shot(page, 'history-needs-checking');

    await rows.filter({ hasText: UNCERTAIN.found }).click();
    const detail = page.getByTestId('history-detail');
    const [checking] = await labelsOf(UNCERTAIN.found);
    await expect(detail.getByTestId('uncertain-checking')).toContainText(
      `AfterShip gave no clear answer. The station keeps asking by itself until ${clockTime(checking!.checkUntil!)}`,
    );
    await expect(detail.getByTestId('detail-check-until')).toHaveText(clockTime(checking!.checkUntil!));
    await expect(detail.getByTestId('detail-station')).toHaveText(checking!.station);
    await expect(detail.getByTestId('reprint')).toHaveCount(0);
    await expect(detail).not.toContainText(/void/i);
    await shot(page, 'history-uncertain-detail');

    // AfterShip has made the label by now: asking again saves it, not printed yet; Print label prints it once, as its first print.
    aftership.releaseLate();
    await detail.getByTestId('recheck').click();
    await expect(detail.getByTestId('uncertain-result')).toContainText(
      'has a label for this order: it is saved in History now, not printed yet',
    );
    await expect(detail.getByTestId('recheck')).toHaveCount(0);
    await expect(page.getByTestId('filter-uncertain')).toHaveText(/Needs checking\s*2/);
    // The label AfterShip made is the one saved: nothing was bought again.
    const [adopted] = await labelsOf(UNCERTAIN.found);
    expect(adopted!.trackingNumbers).toEqual(aftership.createdFor(UNCERTAIN.found)[0]!.trackingNumbers);
    expect(aftership.createdFor(UNCERTAIN.found)).toHaveLength(1);
    await shot(page, 'history-uncertain-found');
    await detail.getByTestId('print-first').click();
    await expect(detail).toContainText('Sent to printer');
    await expect(detail.getByTestId('reprint')).toHaveText('Reprint label');
    await station.printer.waitForJobs(1);
    const printed = await station.core.handlers.getLabel({ labelId: adopted!.id });
    expect(printed.printAttempts.map((a) => a.reprint)).toEqual([false]);

    // Shipium cannot be asked: the station says so and what to do.
    await rows.filter({ hasText: UNCERTAIN.unsupported }).click();
    await expect(detail).toContainText('A label may have been bought for this order');
    await detail.getByTestId('recheck').click();
    await expect(detail.getByTestId('uncertain-result')).toContainText(
      "Still no clear answer from Shipium. Try again in a minute, or check the provider's dashboard.",
    );
    await expect(detail).toContainText('Shipium (TikTok Shop carrier) cannot be asked');
  });

  test('"No label exists" needs a confirmation that explains the risk', async ({ page }) => {
    const { station, aftership } = await startWithUncertainLabels();
    await openStation(page, station.shell);
    await page.keyboard.press('F2');
    await page.getByTestId('filter-uncertain').click();
    await page.getByTestId('history-row').filter({ hasText: UNCERTAIN.none }).click();
    const detail = page.getByTestId('history-detail');
    const status = async () => (await labelsOf(UNCERTAIN.none)).map((l) => l.status);

    await detail.getByTestId('confirm-no-label').click();
    const dialog = page.getByTestId('confirm-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(
      "Only if you checked the provider's dashboard and there is NO label for this order; otherwise the order will be paid twice",
    );
    // AfterShip may still make it: the question says until when.
    await expect(dialog.getByTestId('confirm-still-checking')).toContainText('AfterShip may still make the label until');
    await expect(page.getByTestId('confirm-cancel')).toBeFocused();
    await shot(page, 'history-confirm-no-label');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(detail).toBeVisible(); // Escape closed the question, not the details
    await detail.getByTestId('confirm-no-label').click();
    await page.getByTestId('confirm-cancel').click();
    await expect(dialog).toHaveCount(0);
    expect(await status()).toEqual(['checking']);

    await detail.getByTestId('confirm-no-label').click();
    await page.getByTestId('confirm-ok').click();
    await expect(detail.getByTestId('uncertain-result')).toContainText('Recorded: no label exists for this order. Scan the order again');
    await expect(detail).toContainText('Not bought');
    expect(await status()).toEqual(['failed']);

    // The order can be bought again now.
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await scan(page, UNCERTAIN.none);
    await expect(page.getByTestId('outcome-good')).toContainText('Label printed', { timeout: 15_000 });
    expect(aftership.createdFor(UNCERTAIN.none)).toHaveLength(1);
  });

  test('a purchase a provider cannot be asked about says a supervisor must check, and opens that label in History', async ({ page }) => {
    const { station, shipium } = await startWithUncertainLabels();
    await station.core.handlers.updateSettings({ provider: 'shipium' });
    await openStation(page, station.shell);
    shipium.failNext('reset-after-create');
    await scan(page, ORDERS.fresh);
    const panel = page.getByTestId('outcome-bad');
    await expect(panel.locator('.outcome-title')).toHaveText('No label printed — check this order', { timeout: 30_000 });
    await expect(panel).toContainText('it cannot be asked whether the label was made');
    await expect(panel).toContainText('A supervisor must check it');
    await expect(panel).not.toContainText(/void/i);
    await expect(page.getByTestId('recent-scans')).toContainText('Needs checking');
    await shot(page, 'scan-purchase-unknown');
    await panel.getByTestId('open-uncertain').click();
    const detail = page.getByTestId('history-detail');
    await expect(detail).toContainText(ORDERS.fresh);
    await expect(detail).toContainText('Needs checking — may have been bought');
    expect(shipium.created).toHaveLength(2);

    // An order still waiting for a check is refused before anything is bought.
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await scan(page, UNCERTAIN.unsupported);
    await expect(page.getByTestId('outcome-bad')).toContainText('has a purchase that never got a clear answer', { timeout: 15_000 });
    await expect(page.getByTestId('outcome-bad')).toContainText('A supervisor must check the order');
    await page.getByTestId('open-uncertain').click();
    await expect(page.getByTestId('history-detail')).toContainText(UNCERTAIN.unsupported);
    expect(shipium.created).toHaveLength(2);
  });
});

test('a slow provider shows the seconds while buying, and a label without tracking says so', async ({ page }) => {
  const shipium = await shipiumFake(3_500);
  const station = await start({
    env: { LABEL_STATION_PROVIDER: 'shipium', SHIPIUM_API_KEY: SHIPIUM_KEY, SHIPIUM_BASE_URL: shipium.baseUrl },
  });
  await openStation(page, station.shell);
  await expect(page.getByTestId('provider')).toContainText('LIVE · Shipium');
  await expect(page.getByTestId('sandbox-banner')).toHaveCount(0);
  await scan(page, ORDERS.fresh);
  const notice = page.getByTestId('slow-notice');
  await expect(notice).toContainText('Shipium can take up to a minute — keep the parcel here');
  await expect(notice.getByTestId('elapsed')).toHaveText('0 s');
  await expect(notice.getByTestId('elapsed')).toHaveText('2 s', { timeout: 3_000 });
  await shot(page, 'scan-slow-provider');
  const panel = page.getByTestId('outcome-good');
  await expect(panel).toContainText('Label printed', { timeout: 10_000 });
  await expect(notice).toHaveCount(0);
  await expect(panel.getByTestId('no-tracking')).toHaveText('No tracking updates with this provider');
  await expect(panel).not.toContainText(/void/i);
  await shot(page, 'scan-printed-no-tracking');
});

test('a Shopify order number is looked up through the order sources', async ({ page }) => {
  const shopify: FakeShopify = keep(await startFakeShopify({ adminToken: 'shpat_e2e_token_0123' }));
  const tiktokOrderId = '576900000000001001';
  shopify.addOrder({
    name: '#1001',
    customAttributes: [{ key: 'TikTok Shop Order Number', value: tiktokOrderId }],
    lineItems: [{ sku: 'MUG-BLK-12', name: 'Matte mug, black, 12 oz', quantity: 2 }],
  });
  shopify.addOrder({
    name: '#1002',
    customAttributes: [{ key: 'TikTok Shop Order Number', value: '576900000000001002' }],
    cancelledAt: new Date().toISOString(),
  });
  const station = await start({
    settings: { shopify: { storeUrl: shopify.storeUrl } },
    seed: async (core) => void (await core.handlers.setSecret({ secret: 'shopifyAdminToken', value: 'shpat_e2e_token_0123' })),
  });
  await openStation(page, station.shell);
  await scan(page, '#1001');
  const panel = page.getByTestId('outcome-good');
  await expect(panel.getByTestId('order-id')).toHaveText(tiktokOrderId);
  await expect(panel.getByTestId('scanned')).toHaveText('#1001');
  await shot(page, 'scan-printed-shopify');
  await scan(page, '1002');
  await expect(page.getByTestId('outcome-bad')).toContainText('was cancelled. No label was bought');
  await scan(page, '#1005');
  await expect(page.getByTestId('outcome-bad')).toContainText(`No order #1005 was found in Shopify (${new URL(shopify.storeUrl).host})`);
  expect(await labelsOf('576900000000001002')).toHaveLength(0);
});

test('the connection-lost banner appears when the station goes away', async ({ page }) => {
  const station = await start();
  await openStation(page, station.shell);
  await expect(page.getByTestId('connection-banner')).toHaveCount(0);
  await station.shell.close();
  await expect(page.getByTestId('connection-banner')).toContainText('Connection to the station lost');
  await shot(page, 'connection-lost');
});

test('F1/F2/F3 switch screens', async ({ page }) => {
  const station = await start();
  await openStation(page, station.shell);
  await page.keyboard.press('F2');
  await expect(page.getByTestId('history-table')).toBeVisible();
  await page.keyboard.press('F3');
  await expect(page.getByTestId('settings-form')).toBeVisible();
  await page.keyboard.press('F1');
  await expect(page.getByTestId('scan-input')).toBeFocused();
});

test.describe('printer', () => {
  let cups: PrivateCups | undefined;
  test.afterEach(async () => {
    await cups?.close();
    cups = undefined;
  });

  test('language, label size and resolution are saved; ones preset by the environment are read-only', async ({ page }) => {
    let station = await start();
    await openStation(page, station.shell);
    await page.keyboard.press('F3');
    await expect(page.locator('#printerLanguage option')).toHaveText([
      'ZPL (Zebra and compatibles)',
      'EPL2 (older Zebra/Eltron)',
      'TSPL (TSC and many 4x6 printers)',
      'ESC/POS (receipt-style thermal)',
      'PDF to an OS queue (laser / A4)',
    ]);
    await expect(page.locator('#media option')).toHaveText(['4x6 in', '4x8 in', 'A6', '100x150 mm']);
    await expect(page.locator('#dpi option')).toHaveText(['203 dpi', '300 dpi', '600 dpi']);
    await expect(page.getByText('cups:QUEUE (Linux/Mac) or windows:PRINTER NAME')).toBeVisible();

    await page.locator('#printerLanguage').selectOption('tspl');
    await page.locator('#media').selectOption('100x150mm');
    await page.locator('#dpi').selectOption('600');
    await page.getByTestId('save-settings').click();
    await expect(page.getByTestId('saved-note')).toBeVisible();
    expect((await station.core.handlers.getSettings({})).printers.list).toEqual([
      {
        id: 'label',
        name: 'Label printer',
        address: station.printer.address,
        dpi: 600,
        language: 'tspl',
        media: '100x150mm',
        statusCheck: true,
      },
    ]);
    await page.reload();
    await expect(page.getByTestId('scan-input')).toBeFocused();
    await page.keyboard.press('F3');
    await expect(page.locator('#printerLanguage')).toHaveValue('tspl');
    await expect(page.locator('#media')).toHaveValue('100x150mm');
    await expect(page.locator('#dpi')).toHaveValue('600');
    await station.close();

    station = await start({ env: { LABEL_STATION_PRINTER_LANGUAGE: 'epl', LABEL_STATION_MEDIA: '4x8' } });
    await openStation(page, station.shell);
    await page.keyboard.press('F3');
    await expect(page.locator('#printerLanguage')).toBeDisabled();
    await expect(page.locator('#printerLanguage')).toHaveValue('epl');
    await expect(page.locator('#media')).toBeDisabled();
    await expect(page.getByTestId('locked-note')).toHaveText([
      'Locked: set by LABEL_STATION_PRINTER_LANGUAGE',
      'Locked: set by LABEL_STATION_MEDIA',
    ]);
    await page.locator('#dpi').selectOption('300');
    const update = page.waitForRequest((r) => r.url().includes('/rpc/updateSettings'));
    await page.getByTestId('save-settings').click();
    await expect(page.getByTestId('saved-note')).toBeVisible();
    expect((await station.core.handlers.getSettings({})).printers.list[0]).toMatchObject({ dpi: 300, language: 'epl', media: '4x8' });
    // The whole list is sent; the preset fields go unchanged.
    const sent = (await update).postDataJSON() as SettingsPatch;
    expect(sent).not.toHaveProperty('printer');
    expect(sent.printers?.list[0]).toMatchObject({ language: 'epl', media: '4x8', dpi: 300 });
  });

  test('Find printers lists the OS queues and USB printers; a click fills the address, saved only with Save', async ({ page }) => {
    cups = await startPrivateCups(['Zebra_ZD421', 'Office_Laser']);
    let station = await start({ usbPrinters: [USB_LABEL_PRINTER] });
    await openStation(page, station.shell);
    await page.keyboard.press('F3');
    await page.getByTestId('find-printers').click();
    const found = page.getByTestId('found-printer');
    await expect(found).toHaveCount(3);
    const zebra = found.filter({ hasText: 'Zebra_ZD421' });
    await expect(zebra).toContainText('Print queue');
    await expect(zebra).toContainText(`socket://127.0.0.1:${cups.queues.Zebra_ZD421!.port}`);
    await expect(found.filter({ hasText: 'Office_Laser' })).toContainText('Print queue');
    await expect(found.filter({ hasText: 'TSC TE210' })).toContainText('USB printer');
    await zebra.click();
    await expect(page.locator('#printerAddress')).toHaveValue('cups:Zebra_ZD421');
    await expect(page.getByTestId('picked-note')).toContainText('press Save settings');
    expect((await station.core.handlers.getSettings({})).printers.list[0]?.address).toBe(station.printer.address);
    await page.getByTestId('printer-finder').scrollIntoViewIfNeeded();
    await shot(page, 'settings-printer-found');
    await page.getByTestId('save-settings').click();
    await expect(page.getByTestId('saved-note')).toBeVisible();
    expect((await station.core.handlers.getSettings({})).printers.list[0]?.address).toBe('cups:Zebra_ZD421');

    // A print queue cannot be asked how it is: Settings says so.
    await page.getByTestId('check-printer').click();
    await expect(page.getByTestId('printer-check-result')).toContainText('Status can be asked only of network printers');
    // Its test label goes through CUPS to the printer behind the queue.
    await page.getByTestId('test-print').click();
    await expect(page.getByText('Test label sent to cups:Zebra_ZD421')).toBeVisible();
    await cups.queues.Zebra_ZD421!.waitForJobs(1, 15_000);
    await station.close();
    await cups.close();

    cups = await startPrivateCups([]);
    station = await start({ usbPrinters: [] });
    await openStation(page, station.shell);
    await page.keyboard.press('F3');
    await page.getByTestId('find-printers').click();
    await expect(page.getByTestId('no-printers-found')).toContainText('No print queues or USB printers found on this computer');
    await expect(page.locator('#printerAddress')).toHaveValue(station.printer.address);
  });

  test('Check printer in Settings says ready, or what the fault is', async ({ page }) => {
    const station = await start();
    await openStation(page, station.shell);
    await page.keyboard.press('F3');
    await page.getByTestId('check-printer').click();
    await expect(page.getByTestId('printer-check-result')).toContainText('Printer ready');
    station.printer.setState('paper_out');
    await page.getByTestId('check-printer').click();
    const result = page.getByTestId('printer-check-result');
    await expect(result).toContainText('Printer out of paper');
    await expect(result).toContainText('load a new roll');
    await page.getByTestId('printer-check').scrollIntoViewIfNeeded();
    await shot(page, 'settings-printer-fault');
  });

  test('a printer fault shows a red banner on Scan within 2 s of happening (asked every 2 s) while the scan field keeps the focus', async ({
    page,
  }) => {
    await page.clock.install();
    const station = await start();
    const ready = rpcAnswer(page, 'getPrinterStatus', '"ready"');
    await openStation(page, station.shell);
    await ready;
    const input = page.getByTestId('scan-input');
    await expect(page.getByTestId('printer-ready')).toHaveText(/Printer ready/);
    await expect(page.getByTestId('printer-fault')).toHaveCount(0);

    station.printer.setState('paper_out');
    await page.keyboard.type('5769', { delay: 5 }); // a scan half-typed when the banner arrives
    await page.clock.fastForward(2_100);
    const banner = page.getByTestId('printer-fault');
    await expect(banner).toContainText('Printer out of paper');
    await expect(banner).toContainText('The printer is out of labels: load a new roll');
    await expect(page.getByTestId('printer-ready')).toHaveCount(0);
    await expect(input).toBeFocused();
    await expect(input).toHaveValue('5769');
    await page.keyboard.type('00000000000101', { delay: 5 });
    await page.keyboard.press('Enter');
    // Bought while the printer is out of paper: the label waits in the print queue, it is not "failed".
    await expect(page.getByTestId('outcome-queued')).toContainText('waiting for the printer');
    await expect(page.getByTestId('outcome-queued')).toContainText('out of labels');
    await expect(page.getByTestId('outcome-queued').getByTestId('order-id')).toHaveText(ORDERS.fresh);
    await expect(input).toBeFocused();
    await shot(page, 'scan-printer-fault');
    // A label now waits: the print-queue panel says why, and the banner does not say it a second time.
    const queue = page.getByTestId('print-queue');
    await expect(queue.getByTestId('queue-reason')).toContainText('out of labels');
    await expect(banner).toHaveCount(0);

    // The printer stops answering altogether: the queue says so.
    station.printer.setAnswers(false);
    await page.clock.fastForward(15_500);
    await expect(queue.getByTestId('queue-reason')).toContainText('did not answer', { timeout: 15_000 });
    station.printer.setAnswers(true);
    station.printer.setState('ok');
    const readyAgain = rpcAnswer(page, 'getPrinterStatus', '"ready"');
    await expect(queue).toHaveCount(0, { timeout: 15_000 });
    await page.clock.fastForward(15_500);
    await readyAgain;
    await expect(page.getByTestId('printer-fault')).toHaveCount(0);
    await expect(page.getByTestId('printer-ready')).toBeVisible();
    await expect(input).toBeFocused();
    expect(await labelsOf(ORDERS.fresh)).toMatchObject([{ status: 'printed', printCount: 1 }]);
  });

  test('a printer that cannot be asked shows nothing on Scan', async ({ page }) => {
    cups = await startPrivateCups(['Office_Laser']);
    const station = await start({ settings: { printer: { address: 'cups:Office_Laser', language: 'pdf', media: 'a6' } } });
    const unsupported = rpcAnswer(page, 'getPrinterStatus', '"unsupported"');
    await openStation(page, station.shell);
    await unsupported;
    await expect(page.getByTestId('printer-ready')).toHaveCount(0);
    await expect(page.getByTestId('printer-fault')).toHaveCount(0);
    await expect(page.getByTestId('scan-input')).toBeFocused();
  });
});
