/**
 * The real renderer in Chromium, through the browser shell, against the in-memory fake core.
 * Run: npm run test:e2e (builds the renderer first). Screenshots go to test-results/screens/.
 */
import { expect, test, type Page } from '@playwright/test';
import { FAKE_DISCOVERED_PRINTERS, FAKE_ORDERS, FAKE_SCANS, SEEDED_TRACKING, UNCERTAIN_SEEDS } from '../fakes/fake-station-core';
import type { SecretName, SettingsPatch } from '../../shared/schemas';
import { openStation, scan, startFakeStation, type FakeStation } from '../support/browser';

const SHOTS = 'test-results/screens';
let station: FakeStation;

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** A secret must never be in the page: not in its markup, not in any field's value. */
async function expectNowhereOnPage(page: Page, secret: string) {
  expect(await page.content()).not.toContain(secret);
  const values = await page.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  expect(values.join('|')).not.toContain(secret);
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
    expect(station.core.calls.filter((c) => c.method === 'submitScan')).toEqual([
      { method: 'submitScan', input: { scan: FAKE_SCANS.warning } },
    ]);
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

  // Like the station's history store, a search matches the start of an order ID or tracking number.
  await page.getByTestId('history-search').fill(SEEDED_TRACKING);
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

test.describe('settings', () => {
  test('the AfterShip API key is write-only and station validation shows next to the form', async ({ page }) => {
    station = await startFakeStation({ lockedByEnv: [{ field: 'printer.address', variable: 'LABEL_STATION_PRINTER' }] });
    await openStation(page, station.shell);
    await page.keyboard.press('F3');
    await expect(page.getByTestId('settings-form')).toBeVisible();
    await expect(page.getByTestId('locked-note')).toHaveText(/set by LABEL_STATION_PRINTER/);
    await expect(page.locator('#printerAddress')).toHaveAttribute('readonly', '');

    await page.locator('#provider').selectOption('aftership');
    const field = page.getByTestId('secret-aftershipApiKey');
    const secret = 'asat_SECRET_9f8e7d6c5b4a';
    await expect(field.getByTestId('secret-input')).toHaveAttribute('type', 'password');
    await field.getByTestId('secret-input').fill(secret);
    await field.getByRole('button', { name: 'Save key' }).click();
    await expect(field.getByTestId('key-is-set')).toHaveText(/Key is set/);
    await expect(field.getByRole('button', { name: 'Replace' })).toBeVisible();
    await expect(field.getByRole('button', { name: 'Remove' })).toBeVisible();
    await expectNowhereOnPage(page, secret);
    expect(station.core.secretValues().aftershipApiKey).toBe(secret);

    await page.locator('#baseUrl').fill('not a url');
    await page.getByTestId('save-settings').click();
    await expect(page.locator('.field-problem')).toContainText('AfterShip address: Must be a web address');
    await expect(page.getByTestId('problem')).toContainText('Not saved');
    await shot(page, 'settings-invalid');

    await page.locator('#baseUrl').fill('https://sandbox-api.aftership.com/postmen/v3');
    await page.locator('#shipperAccountId').fill('  6f43fe77b9854d3a ');
    await page.locator('#operator').fill('Jordan');
    await page.getByTestId('save-settings').click();
    await expect(page.getByTestId('saved-note')).toContainText('Saved');
    const saved = await station.core.handlers.getSettings({});
    expect(saved.provider).toBe('aftership');
    expect(saved.operator).toBe('Jordan');
    expect(saved.aftership).toEqual({
      baseUrl: 'https://sandbox-api.aftership.com/postmen/v3',
      shipperAccountId: '6f43fe77b9854d3a',
      serviceType: 'tiktok-shipping_standard_shipping',
    });
    await expect(page.getByTestId('provider')).toContainText('LIVE · AfterShip Shipping API');

    // The active provider's key cannot be removed; the station says why.
    await field.getByRole('button', { name: 'Remove' }).click();
    await expect(field.getByTestId('problem')).toContainText('cannot be removed');

    await page.reload();
    await expect(page.getByTestId('scan-input')).toBeFocused();
    await page.keyboard.press('F3');
    await expect(page.getByTestId('secret-aftershipApiKey').getByTestId('key-is-set')).toBeVisible();
    await expectNowhereOnPage(page, secret);

    await page.getByTestId('test-print').click();
    await expect(page.getByText('Test label sent to tcp://192.168.1.50:9100')).toBeVisible();
    await shot(page, 'settings-aftership');
  });

  test('each provider shows only its own section; order sources are always there', async ({ page }) => {
    station = await startFakeStation();
    await openStation(page, station.shell);
    await page.keyboard.press('F3');
    const sections = ['sandbox', 'aftership', 'tiktok', 'shipium'] as const;
    const expected: Record<(typeof sections)[number], string[]> = {
      sandbox: ['#latencyMs'],
      aftership: ['#baseUrl', '#shipperAccountId', '#serviceType', '[data-testid="secret-aftershipApiKey"]'],
      tiktok: [
        '#tiktokApiBaseUrl',
        '#tiktokAuthBaseUrl',
        '#tiktokAppKey',
        '#tiktokShopCipher',
        '[data-testid="secret-tiktokAppSecret"]',
        '[data-testid="tiktok-auth"]',
      ],
      shipium: ['#shipiumBaseUrl', '[data-testid="secret-shipiumApiKey"]'],
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

    // Choosing Shipium without its key is refused by the station with what to do next.
    await page.getByTestId('save-settings').click();
    await expect(page.getByTestId('problem')).toContainText('Shipium (TikTok Shop carrier) needs its Shipium API key');
  });

  test('every secret is write-only: set, replaced and removed without the page ever holding it', async ({ page }) => {
    station = await startFakeStation();
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
      expect(station.core.secretValues()[c.secret]).toBe(second);
      await expectNowhereOnPage(page, first);
      await expectNowhereOnPage(page, second);
      await field.getByRole('button', { name: 'Remove' }).click();
      await expect(field.getByTestId('secret-input')).toBeVisible();
      await expect(field.getByRole('status')).toContainText('removed');
      expect(station.core.secretValues()[c.secret]).toBeUndefined();
    }
    // Nothing the page received over the wire held a secret either.
    const received = JSON.stringify(await station.core.handlers.getSettings({}));
    expect(received).not.toMatch(/FIRST|SECOND/);
  });

  test('settings set by environment variables are read-only, secrets included', async ({ page }) => {
    station = await startFakeStation({
      provider: 'tiktok',
      settings: { tiktok: { appKey: '6d2a9b1c0e' } },
      tiktokAuthorized: true,
      lockedByEnv: [
        { field: 'tiktok.appKey', variable: 'TIKTOK_APP_KEY' },
        { field: 'secrets.tiktokAppSecret', variable: 'TIKTOK_APP_SECRET' },
        { field: 'secrets.shopifyAdminToken', variable: 'SHOPIFY_ADMIN_TOKEN' },
        { field: 'shopify.storeUrl', variable: 'SHOPIFY_STORE_URL' },
      ],
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
    await expect(page.getByTestId('tiktok-auth-status')).toContainText('Authorized for Sunrise Goods US');
    await page.locator('#tiktokShopCipher').fill('GCP_XF90igAAAABh00qsWgtvOiGFNqyubMt3');
    await page.getByTestId('save-settings').click();
    await expect(page.getByTestId('saved-note')).toBeVisible();
    expect((await station.core.handlers.getSettings({})).tiktok.shopCipher).toBe('GCP_XF90igAAAABh00qsWgtvOiGFNqyubMt3');
    await shot(page, 'settings-locked-tiktok');
  });

  test('TikTok Shop authorization: address to open, then the code or redirect address is exchanged', async ({ page }) => {
    station = await startFakeStation({ settings: { tiktok: { appKey: '6d2a9b1c0e' } }, secrets: ['tiktokAppSecret'] });
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
    await page.getByTestId('tiktok-code').fill('https://station.example/callback?code=abc123&state=someone-else');
    await page.getByTestId('tiktok-finish').click();
    await expect(auth.getByTestId('problem')).toContainText('another authorization attempt');

    await page.getByTestId('tiktok-code').fill(`https://station.example/callback?code=TTP_0a1b2c3d4e&state=${state}`);
    await page.getByTestId('tiktok-code').press('Enter');
    await expect(page.getByTestId('tiktok-auth-status')).toContainText('Authorized for Sunrise Goods US');
    await expect(page.getByTestId('tiktok-code')).toHaveCount(0);
    const finish = station.core.calls.filter((c) => c.method === 'finishTikTokAuthorization');
    expect(finish.at(-1)?.input).toEqual({ codeOrRedirectUrl: `https://station.example/callback?code=TTP_0a1b2c3d4e&state=${state}` });
    await expectNowhereOnPage(page, 'TTP_0a1b2c3d4e');
    await shot(page, 'settings-tiktok-authorized');
  });
});

test.describe('labels that need checking', () => {
  test('History shows them first-hand; asking the provider again saves a label it made', async ({ page }) => {
    station = await startFakeStation({ stepDelayMs: 0 });
    await openStation(page, station.shell);
    await page.keyboard.press('F2');
    await expect(page.getByTestId('uncertain-banner')).toContainText('3 labels need checking');
    await expect(page.getByTestId('filter-uncertain')).toHaveText(/Needs checking\s*3/);
    await page.getByTestId('filter-uncertain').click();
    const rows = page.getByTestId('history-row');
    await expect(rows).toHaveCount(3);
    for (const row of await rows.all()) await expect(row).toContainText('Needs checking — may have been bought');
    await shot(page, 'history-needs-checking');

    await rows.filter({ hasText: UNCERTAIN_SEEDS.found }).click();
    const detail = page.getByTestId('history-detail');
    await expect(detail).toContainText('A label may have been bought for this order');
    await expect(detail.getByTestId('reprint')).toHaveCount(0);
    await expect(detail).not.toContainText(/void/i);
    await shot(page, 'history-uncertain-detail');
    await detail.getByTestId('recheck').click();
    await expect(detail.getByTestId('uncertain-result')).toContainText('has a label for this order: it is saved in History now');
    await expect(detail.getByTestId('reprint')).toBeVisible();
    await expect(detail.getByTestId('recheck')).toHaveCount(0);
    await expect(page.getByTestId('filter-uncertain')).toHaveText(/Needs checking\s*2/);
    expect(station.core.calls.filter((c) => c.method === 'resolveUncertainLabel').map((c) => c.input)).toEqual([
      { labelId: 'lbl_s0005', decision: 'recheck' },
    ]);
    await shot(page, 'history-uncertain-found');

    // Shipium cannot be asked: the station says so and what to do.
    await rows.filter({ hasText: UNCERTAIN_SEEDS.unsupported }).click();
    await detail.getByTestId('recheck').click();
    await expect(detail.getByTestId('problem')).toContainText('Shipium (TikTok Shop carrier) cannot be asked whether it made a label');
  });

  test('"No label exists" needs a confirmation that explains the risk', async ({ page }) => {
    station = await startFakeStation({ stepDelayMs: 0 });
    await openStation(page, station.shell);
    await page.keyboard.press('F2');
    await page.getByTestId('filter-uncertain').click();
    await page.getByTestId('history-row').filter({ hasText: UNCERTAIN_SEEDS.none }).click();
    const detail = page.getByTestId('history-detail');
    const resolveCalls = () => station.core.calls.filter((c) => c.method === 'resolveUncertainLabel');

    await detail.getByTestId('confirm-no-label').click();
    const dialog = page.getByTestId('confirm-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(
      "Only if you checked the provider's dashboard and there is NO label for this order; otherwise the order will be paid twice",
    );
    await expect(page.getByTestId('confirm-cancel')).toBeFocused();
    await shot(page, 'history-confirm-no-label');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(detail).toBeVisible(); // Escape closed the question, not the details
    await detail.getByTestId('confirm-no-label').click();
    await page.getByTestId('confirm-cancel').click();
    await expect(dialog).toHaveCount(0);
    expect(resolveCalls()).toHaveLength(0);

    await detail.getByTestId('confirm-no-label').click();
    await page.getByTestId('confirm-ok').click();
    await expect(detail.getByTestId('uncertain-result')).toContainText('Recorded: no label exists for this order. Scan the order again');
    await expect(detail).toContainText('Not bought');
    expect(resolveCalls().map((c) => c.input)).toEqual([{ labelId: 'lbl_s0010', decision: 'confirm_no_label' }]);

    // The order can be bought again now.
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await scan(page, UNCERTAIN_SEEDS.none);
    await expect(page.getByTestId('outcome-good')).toContainText('Label printed');
  });

  test('a purchase without an answer says so on the Scan screen and opens that label in History', async ({ page }) => {
    station = await startFakeStation({ stepDelayMs: 40 });
    await openStation(page, station.shell);
    await scan(page, FAKE_SCANS.answerLost);
    const panel = page.getByTestId('outcome-bad');
    await expect(panel).toContainText('cannot tell whether the label for order');
    await expect(panel).toContainText('Do not scan this order again');
    await expect(panel).not.toContainText(/void/i);
    await shot(page, 'scan-purchase-unknown');
    await panel.getByTestId('open-uncertain').click();
    const detail = page.getByTestId('history-detail');
    await expect(detail).toContainText(FAKE_SCANS.answerLost);
    await expect(detail).toContainText('Needs checking — may have been bought');
    await detail.getByTestId('recheck').click();
    await expect(detail.getByTestId('uncertain-result')).toContainText('saved in History now');

    // A seeded order still waiting for a check is refused before anything is bought.
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await scan(page, UNCERTAIN_SEEDS.unsupported);
    await expect(page.getByTestId('outcome-bad')).toContainText('may already have been bought');
    await page.getByTestId('open-uncertain').click();
    await expect(page.getByTestId('history-detail')).toContainText(UNCERTAIN_SEEDS.unsupported);
  });
});

test('a slow provider shows the seconds while buying, and a label without tracking says so', async ({ page }) => {
  station = await startFakeStation({ provider: 'shipium', secrets: ['shipiumApiKey'], stepDelayMs: 40, slowBuyMs: 3_500 });
  await openStation(page, station.shell);
  await expect(page.getByTestId('provider')).toContainText('LIVE · Shipium (TikTok Shop carrier)');
  await expect(page.getByTestId('sandbox-banner')).toHaveCount(0);
  await scan(page, FAKE_SCANS.fresh);
  const notice = page.getByTestId('slow-notice');
  await expect(notice).toContainText('Shipium can take up to a minute — keep the parcel here');
  await expect(notice.getByTestId('elapsed')).toHaveText('0 s');
  await expect(notice.getByTestId('elapsed')).toHaveText('2 s', { timeout: 3_000 });
  await shot(page, 'scan-slow-provider');
  const panel = page.getByTestId('outcome-good');
  await expect(panel).toContainText('Label printed', { timeout: 5_000 });
  await expect(notice).toHaveCount(0);
  await expect(panel.getByTestId('no-tracking')).toHaveText('No tracking updates with this provider');
  await expect(panel).not.toContainText(/void/i);
  await shot(page, 'scan-printed-no-tracking');
});

test('a Shopify order number is looked up through the order sources', async ({ page }) => {
  station = await startFakeStation({
    stepDelayMs: 40,
    settings: { shopify: { storeUrl: 'https://sunrise-goods.myshopify.com' } },
    secrets: ['shopifyAdminToken'],
  });
  await openStation(page, station.shell);
  await scan(page, '#1001');
  const panel = page.getByTestId('outcome-good');
  await expect(panel.getByTestId('order-id')).toHaveText(FAKE_ORDERS['#1001']!.orderId);
  await expect(panel.getByTestId('scanned')).toHaveText('#1001');
  await shot(page, 'scan-printed-shopify');
  await scan(page, '1002');
  await expect(page.getByTestId('outcome-bad')).toContainText('Order #1002 is cancelled, so no label was bought');
  await scan(page, '#1005');
  await expect(page.getByTestId('outcome-bad')).toContainText('Shopify order #1005 was not found in https://sunrise-goods.myshopify.com');
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

test.describe('printer', () => {
  test('language, label size and resolution are saved; ones preset by the environment are read-only', async ({ page }) => {
    station = await startFakeStation();
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
        address: 'tcp://192.168.1.50:9100',
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

    station = await startFakeStation({
      settings: { printer: { language: 'epl', media: '4x8' } },
      lockedByEnv: [
        { field: 'printer.language', variable: 'LABEL_STATION_PRINTER_LANGUAGE' },
        { field: 'printer.media', variable: 'LABEL_STATION_MEDIA' },
      ],
    });
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
    await page.getByTestId('save-settings').click();
    await expect(page.getByTestId('saved-note')).toBeVisible();
    expect((await station.core.handlers.getSettings({})).printers.list[0]).toMatchObject({ dpi: 300, language: 'epl', media: '4x8' });
    // The whole list is sent; the preset fields go unchanged.
    const update = station.core.calls.filter((c) => c.method === 'updateSettings').at(-1)?.input as SettingsPatch;
    expect(update).not.toHaveProperty('printer');
    expect(update.printers?.list[0]).toMatchObject({ language: 'epl', media: '4x8', dpi: 300 });
  });

  test('Find printers lists the OS queues and USB printers; a click fills the address, saved only with Save', async ({ page }) => {
    station = await startFakeStation();
    await openStation(page, station.shell);
    await page.keyboard.press('F3');
    await page.getByTestId('find-printers').click();
    const found = page.getByTestId('found-printer');
    await expect(found).toHaveCount(FAKE_DISCOVERED_PRINTERS.length);
    await expect(found.first()).toContainText('Zebra ZD421 (packing table 2)');
    await expect(found.first()).toContainText('Print queue');
    await expect(found.nth(2)).toContainText('USB printer');
    await found.first().click();
    await expect(page.locator('#printerAddress')).toHaveValue('cups:Zebra_ZD421');
    await expect(page.getByTestId('picked-note')).toContainText('press Save settings');
    expect((await station.core.handlers.getSettings({})).printers.list[0]?.address).toBe('tcp://192.168.1.50:9100');
    await page.getByTestId('printer-finder').scrollIntoViewIfNeeded();
    await shot(page, 'settings-printer-found');
    await page.getByTestId('save-settings').click();
    await expect(page.getByTestId('saved-note')).toBeVisible();
    expect((await station.core.handlers.getSettings({})).printers.list[0]?.address).toBe('cups:Zebra_ZD421');

    // A print queue cannot be asked how it is: Settings says so.
    await page.getByTestId('check-printer').click();
    await expect(page.getByTestId('printer-check-result')).toContainText('Status can be asked only of network printers');
    await station.close();

    station = await startFakeStation({ discoveredPrinters: [] });
    await openStation(page, station.shell);
    await page.keyboard.press('F3');
    await page.getByTestId('find-printers').click();
    await expect(page.getByTestId('no-printers-found')).toContainText('No print queues or USB printers found on this computer');
    await expect(page.locator('#printerAddress')).toHaveValue('tcp://192.168.1.50:9100');
  });

  test('Check printer in Settings says ready, or what the fault is', async ({ page }) => {
    station = await startFakeStation();
    await openStation(page, station.shell);
    await page.keyboard.press('F3');
    await page.getByTestId('check-printer').click();
    await expect(page.getByTestId('printer-check-result')).toContainText('Printer ready');
    station.core.setPrinterState('paper_out');
    await page.getByTestId('check-printer').click();
    const result = page.getByTestId('printer-check-result');
    await expect(result).toContainText('Printer out of paper');
    await expect(result).toContainText('load a new roll');
    await page.getByTestId('printer-check').scrollIntoViewIfNeeded();
    await shot(page, 'settings-printer-fault');
  });

  test('a printer fault shows a red banner on Scan (polled every 15 s) while the scan field keeps the focus', async ({ page }) => {
    await page.clock.install();
    station = await startFakeStation({ stepDelayMs: 30 });
    await openStation(page, station.shell);
    const input = page.getByTestId('scan-input');
    await expect(page.getByTestId('printer-ready')).toHaveText(/Printer ready/);
    await expect(page.getByTestId('printer-fault')).toHaveCount(0);

    station.core.setPrinterState('paper_out');
    await page.keyboard.type('5769', { delay: 5 }); // a scan half-typed when the banner arrives
    await page.clock.fastForward(15_500);
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
    await expect(input).toBeFocused();
    await shot(page, 'scan-printer-fault');
    // A label now waits: the print-queue panel says why, and the banner does not say it a second time.
    const queue = page.getByTestId('print-queue');
    await expect(queue.getByTestId('queue-reason')).toContainText('out of labels');
    await expect(banner).toHaveCount(0);

    station.core.setPrinterOnline(false);
    await page.clock.fastForward(15_500);
    await expect(queue.getByTestId('queue-reason')).toContainText('did not answer');
    station.core.setPrinterOnline(true);
    station.core.setPrinterState('ready');
    await page.clock.fastForward(15_500);
    await expect(queue).toHaveCount(0);
    await expect(page.getByTestId('printer-fault')).toHaveCount(0);
    await expect(page.getByTestId('printer-ready')).toBeVisible();
    await expect(input).toBeFocused();
  });

  test('a printer that cannot be asked shows nothing on Scan', async ({ page }) => {
    station = await startFakeStation({ settings: { printer: { address: 'cups:Office_Laser', language: 'pdf', media: 'a6' } } });
    await openStation(page, station.shell);
    await expect.poll(() => station.core.calls.some((c) => c.method === 'getPrinterStatus')).toBe(true);
    await expect(page.getByTestId('printer-ready')).toHaveCount(0);
    await expect(page.getByTestId('printer-fault')).toHaveCount(0);
    await expect(page.getByTestId('scan-input')).toBeFocused();
  });
});
