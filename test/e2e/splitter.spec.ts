/**
 * The splitter on the real station: orders from a WMS order file, the sandbox provider buying one
 * label per box, the fake Zebra receiving them. A supervisor splits a 5-unit order into 3 boxes by
 * keyboard and scanner, and another by drag and drop; the labels print in box order. AfterShip and
 * Shipium buy every box in one request (each parcel naming its line items), TikTok Shop one package
 * per box (a refused box retried alone).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { openStation, scan, startStation, type E2EStation, type E2EStationOptions } from '../support/e2e-station';
import { makeTempDir } from '../support/temp-dir';
import { TEST_SUPERVISOR } from '../support/signed-in-core';
import { startFakeTikTok } from '../fakes/tiktok-server';
import { decodeZplBarcodes } from '../support/zpl-barcode';
import { startFakeAfterShip } from '../fakes/aftership-server';
import { startFakeShipium } from '../fakes/shipium-server';
import { startFakePictureServer } from '../fakes/picture-server';
import { makeLabelPng } from '../support/sample-labels';

const AFTERSHIP_KEY = 'asat_e2e_split_key_0123456789';

const KEYBOARD_ORDER = '576200000000000501';
const DRAG_ORDER = '576200000000000502';

/** A WMS export: one row per line item, TikTok listing one line item per unit. */
function ordersCsv(pictures?: string): string {
  const rows = [`order_number,tiktok_order_id,status,line_item_id,sku,name,quantity${pictures ? ',image_url' : ''}`];
  for (const [number, orderId, prefix] of [
    ['#1001', KEYBOARD_ORDER, '5771'],
    ['#1002', DRAG_ORDER, '5772'],
  ] as const) {
    const items: Array<[string, string]> = [
      ['MUG-RED', 'Red mug'],
      ['MUG-RED', 'Red mug'],
      ['TEE-L', 'T-shirt, large'],
      ['TEE-L', 'T-shirt, large'],
      ['CAP-9', 'Cap'],
    ];
    items.forEach(([sku, name], i) =>
      rows.push(
        `${number},${orderId},AWAITING_SHIPMENT,${prefix}0000000${i + 1},${sku},"${name}",1${pictures ? `,${pictures}/${sku}.png` : ''}`,
      ),
    );
  }
  return rows.join('\n') + '\n';
}

async function startWithOrders(
  seed?: E2EStationOptions['seed'],
  more: { env?: Record<string, string>; pictures?: string } = {},
): Promise<E2EStation & { cleanup(): void }> {
  const temp = makeTempDir();
  const file = path.join(temp.dir, 'orders.csv');
  writeFileSync(file, ordersCsv(more.pictures));
  const station = await startStation({ settings: { ordersFile: file }, ...(seed && { seed }), ...(more.env && { env: more.env }) });
  return { ...station, cleanup: temp.remove };
}

/** A person's key press: waits out the scanner's burst gap so it is a command, not part of a scan. */
async function press(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key);
  await page.waitForTimeout(120);
}

/** A mouse drag as a person makes it (HTML5 drag and drop starts only once the pointer really moves). */
async function drag(page: Page, source: Locator, target: Locator): Promise<void> {
  await source.hover({ position: { x: 10, y: 10 } });
  await page.mouse.down();
  const to = (await target.boundingBox())!;
  await page.mouse.move(to.x + to.width / 2, to.y + 40, { steps: 8 });
  await page.mouse.move(to.x + to.width / 2 + 4, to.y + 44, { steps: 2 });
  await page.mouse.up();
}

function box(page: Page, n: number) {
  return page.getByTestId('split-box').nth(n - 1);
}

async function expectBoxHolds(page: Page, n: number, contents: Record<string, number>): Promise<void> {
  const rows = box(page, n).getByTestId('box-content');
  await expect(rows).toHaveCount(Object.keys(contents).length);
  for (const [sku, count] of Object.entries(contents))
    await expect(box(page, n).locator(`[data-testid="box-content"][data-sku="${sku}"]`).getByTestId('box-content-count')).toHaveText(
      `${count}×`,
    );
}

async function weigh(page: Page, n: number, pounds: string): Promise<void> {
  await box(page, n).getByTestId('box-weight').fill(pounds);
}

/** Every label the printer received, in the order it received them (a ZPL job may hold several formats). */
function printedLabels(station: E2EStation): string[] {
  return station.printer.jobs.flatMap((job) => job.toString('latin1').match(/\^XA[\s\S]*?\^XZ/g) ?? []);
}

/** Buys, then checks each box printed, in box order, with its own tracking number. */
async function buyAndExpectThreeLabelsInOrder(page: Page, station: E2EStation): Promise<void> {
  await expect(page.getByTestId('buy-blocker')).toContainText('Ready');
  await page.getByTestId('split-buy').focus();
  await page.keyboard.press('F9');
  const results = page.getByTestId('split-result');
  await expect(results).toHaveCount(3, { timeout: 20_000 });
  for (let i = 0; i < 3; i++) {
    await expect(results.nth(i)).toContainText(`Box ${i + 1} of 3`);
    await expect(results.nth(i)).toHaveAttribute('data-state', 'printed');
  }
  const tracking = await page.getByTestId('split-result-tracking').allTextContents();
  expect(new Set(tracking).size).toBe(3);
  // One job with a format per box, or a job per box: either way three labels, in box order.
  await expect.poll(() => printedLabels(station).length, { timeout: 15_000 }).toBe(3);
  const printed = await Promise.all(printedLabels(station).map((zpl) => decodeZplBarcodes(zpl)));
  tracking.forEach((t, i) => expect(printed[i]).toContain(t.trim()));
  await expect(page.getByTestId('split-retry')).toHaveCount(0);
}

test('a supervisor splits a 5-unit order into 3 boxes with keys and the scanner; 3 labels print in box order', async ({ page }) => {
  const station = await startWithOrders();
  try {
    await openStation(page, station.shell);
    await page.keyboard.press('F6');
    await expect(page.getByTestId('split-order-input')).toBeFocused();
    await scan(page, '#1001');
    await expect(page.getByTestId('split-order-id')).toHaveText(KEYBOARD_ORDER);
    await expect(page.getByTestId('split-group')).toHaveCount(3);

    // Box 1: two mugs by a number key, then its size by a preset key.
    await press(page, '2');
    await expectBoxHolds(page, 1, { 'MUG-RED': 2 });
    await press(page, 'Alt+1');
    // Box 2: one T-shirt by +, the other by the scanner.
    await press(page, 'F7');
    await press(page, 'ArrowDown');
    await press(page, '+');
    await scan(page, 'TEE-L');
    await expectBoxHolds(page, 2, { 'TEE-L': 2 });
    await press(page, 'Alt+2');
    // Box 3: the cap by the scanner; an unknown SKU changes nothing.
    await press(page, 'F7');
    await scan(page, 'NOT-IN-ORDER');
    await expect(page.getByTestId('split-notice')).toContainText('No item of this order has the code NOT-IN-ORDER');
    await expect(box(page, 3).getByTestId('box-content')).toHaveCount(0);
    await scan(page, 'CAP-9');
    await expectBoxHolds(page, 3, { 'CAP-9': 1 });
    await press(page, 'Alt+1');

    await expect(page.getByTestId('split-buy')).toBeDisabled();
    await expect(box(page, 1).getByTestId('weight-problem')).toBeVisible();
    for (const [n, lb] of [
      [1, '2.4'],
      [2, '1.1'],
      [3, '0.6'],
    ] as const)
      await weigh(page, n, lb);
    await expect(page.getByTestId('weight-problem')).toHaveCount(0);
    await buyAndExpectThreeLabelsInOrder(page, station);
  } finally {
    await station.close();
    station.cleanup();
  }
});

const SHIPIUM_KEY = 'shipium_e2e_split_key_01';

/** A provider fake that takes every box in one request, and what it was asked per box. */
async function oneRequestProvider(name: 'aftership' | 'shipium'): Promise<{
  env: Record<string, string>;
  close(): Promise<void>;
  purchases(): number;
  itemsPerBox(): string[][];
}> {
  if (name === 'aftership') {
    const fake = await startFakeAfterShip({ apiKey: AFTERSHIP_KEY, labelFormat: 'zpl' });
    return {
      env: { LABEL_STATION_PROVIDER: 'aftership', AFTERSHIP_API_KEY: AFTERSHIP_KEY, AFTERSHIP_BASE_URL: fake.baseUrl },
      close: () => fake.close(),
      purchases: () => fake.createdFor(KEYBOARD_ORDER).length,
      itemsPerBox: () => {
        const create = fake.requests.find((r) => r.method === 'POST' && r.path.endsWith('/labels'))!;
        const body = create.body as { shipment: { parcels: Array<{ items: Array<{ item_id: string }> }> } };
        return body.shipment.parcels.map((p) => p.items.map((i) => i.item_id));
      },
    };
  }
  const fake = await startFakeShipium({ apiKey: SHIPIUM_KEY });
  return {
    env: { LABEL_STATION_PROVIDER: 'shipium', SHIPIUM_API_KEY: SHIPIUM_KEY, SHIPIUM_BASE_URL: fake.baseUrl },
    close: () => fake.close(),
    purchases: () => fake.created.length,
    itemsPerBox: () => fake.created[0]!.itemReferences,
  };
}

for (const providerName of ['aftership', 'shipium'] as const) {
  test(`on ${providerName} one request buys every box, each parcel naming its line items; the items show the WMS file’s pictures`, async ({
    page,
  }) => {
    const provider = await oneRequestProvider(providerName);
    const cdn = await startFakePictureServer();
    for (const [sku, size] of [
      ['MUG-RED', 40],
      ['TEE-L', 48],
      ['CAP-9', 56],
    ] as const)
      cdn.serve(`/${sku}.png`, { bytes: await makeLabelPng(sku, { width: size, height: size }), type: 'image/png' });
    const station = await startWithOrders(undefined, { pictures: cdn.origin, env: provider.env });
    try {
      await openStation(page, station.shell);
      await page.keyboard.press('F6');
      await scan(page, '#1001');
      await expect(page.getByTestId('split-group')).toHaveCount(3);
      // Fetched by the station (the page itself may load no remote picture), one per product.
      const pictures = page.getByTestId('product-picture');
      await expect(pictures).toHaveCount(3);
      for (const [i, size] of [40, 48, 56].entries()) {
        await expect(pictures.nth(i)).toHaveAttribute('src', /^data:image\/png;base64,/);
        expect(await pictures.nth(i).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(size);
      }
      expect([...cdn.requests].sort()).toEqual(['/CAP-9.png', '/MUG-RED.png', '/TEE-L.png']);

      await press(page, '2');
      await press(page, 'Alt+1');
      await press(page, 'F7');
      await press(page, 'ArrowDown');
      await press(page, '2');
      await press(page, 'Alt+2');
      await press(page, 'F7');
      await scan(page, 'CAP-9');
      await press(page, 'Alt+1');
      for (const [n, lb] of [
        [1, '2.4'],
        [2, '1.1'],
        [3, '0.6'],
      ] as const)
        await weigh(page, n, lb);
      await buyAndExpectThreeLabelsInOrder(page, station);

      expect(provider.purchases()).toBe(1);
      expect(provider.itemsPerBox()).toEqual([['577100000001', '577100000002'], ['577100000003', '577100000004'], ['577100000005']]);
    } finally {
      await station.close();
      station.cleanup();
      await cdn.close();
      await provider.close();
    }
  });
}

test('a supervisor splits an order by drag and drop; 3 labels print in box order', async ({ page }) => {
  const station = await startWithOrders();
  try {
    // A 1080p station monitor: the three boxes side by side, so every drag ends on a box in view.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openStation(page, station.shell);
    await page.getByTestId('open-splitter').click();
    await page.getByTestId('split-order-input').fill(DRAG_ORDER);
    await page.getByTestId('split-order-input').press('Enter');
    await expect(page.getByTestId('split-group')).toHaveCount(3);
    await page.getByTestId('split-add-box').click();
    await page.getByTestId('split-add-box').click();

    // A whole group onto box 1, one unit onto box 2, the rest onto box 3.
    await drag(page, page.locator('[data-testid="split-group"][data-sku="MUG-RED"]'), box(page, 1));
    await expectBoxHolds(page, 1, { 'MUG-RED': 2 });
    await drag(page, page.locator('[data-testid="split-group"][data-sku="TEE-L"]').getByTestId('unit-chip').first(), box(page, 2));
    await drag(page, page.locator('[data-testid="split-group"][data-sku="TEE-L"]'), box(page, 2));
    await expectBoxHolds(page, 2, { 'TEE-L': 2 });
    await drag(page, page.locator('[data-testid="split-group"][data-sku="CAP-9"]'), box(page, 1));
    // Moved on from box 1 to box 3, unit by unit.
    await drag(page, box(page, 1).locator('[data-testid="box-content"][data-sku="CAP-9"]').getByTestId('unit-chip'), box(page, 3));
    await expectBoxHolds(page, 1, { 'MUG-RED': 2 });
    await expectBoxHolds(page, 3, { 'CAP-9': 1 });
    await expect(page.getByTestId('split-items')).toContainText('all 5 in boxes');

    for (const n of [1, 2, 3]) {
      await box(page, n).getByTestId('box-preset').first().click();
      await weigh(page, n, '1.5');
    }
    await buyAndExpectThreeLabelsInOrder(page, station);

    // History: one order, its three boxes with their tracking numbers.
    await page.keyboard.press('F2');
    await page.getByTestId('history-row').filter({ hasText: DRAG_ORDER }).first().click();
    await expect(page.getByTestId('label-box')).toHaveCount(3);
    await expect(page.getByTestId('label-box').nth(1)).toContainText('Box 2 of 3');
  } finally {
    await station.close();
    station.cleanup();
  }
});

test('the splitter edits a plan by keys, scanner and drag and drop, and shows each problem next to its cause (nothing bought)', async ({
  page,
}) => {
  const station = await startWithOrders();
  try {
    await openStation(page, station.shell);
    await scan(page, '577000000000000123');
    await expect(page.getByTestId('order-id')).toHaveText('577000000000000123', { timeout: 15_000 });
    // F6 opens the splitter on the order just scanned; Escape goes back to a focused scan field.
    await page.keyboard.press('F6');
    await expect(page.getByTestId('split-refused')).toContainText('No order source lists');
    await expect(page.getByTestId('split-buy')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('scan-input')).toBeFocused();

    await page.keyboard.press('F6');
    await page.keyboard.press('F4');
    await scan(page, '#1001');
    await expect(page.getByTestId('split-items')).toContainText('5 of 5 left');
    await expect(page.locator('[data-testid="split-group"][data-sku="MUG-RED"]').getByTestId('group-problem')).toContainText('in no box');
    await press(page, '3'); // only 2 mugs: both go in, no more
    await expectBoxHolds(page, 1, { 'MUG-RED': 2 });
    await press(page, 'F7');
    await scan(page, 'CAP-9');
    await expectBoxHolds(page, 2, { 'CAP-9': 1 });
    await press(page, 'Control+ArrowLeft'); // the cap's box first in the print order
    await expectBoxHolds(page, 1, { 'CAP-9': 1 });
    await drag(page, page.locator('[data-testid="split-group"][data-sku="TEE-L"]'), box(page, 2));
    await expectBoxHolds(page, 2, { 'MUG-RED': 2, 'TEE-L': 2 });
    await expect(page.getByTestId('split-items')).toContainText('all 5 in boxes');
    await expect(page.getByTestId('buy-blocker')).toContainText('Fix');
    await expect(box(page, 1).getByTestId('size-problem').first()).toBeVisible();
    // Removing a box gives its units back.
    await box(page, 2).getByTestId('remove-box').click();
    await expect(page.getByTestId('split-box')).toHaveCount(1);
    await expect(page.getByTestId('split-items')).toContainText('4 of 5 left');
    // Only the single-parcel scan at the start printed: the splitter bought nothing.
    expect(printedLabels(station)).toHaveLength(1);
  } finally {
    await station.close();
    station.cleanup();
  }
});

test('a scan of an order with more units than one box takes opens the splitter with it; nothing is bought', async ({ page }) => {
  const station = await startWithOrders();
  try {
    await openStation(page, station.shell);
    await scan(page, '#1001');
    await expect(page.getByTestId('split-screen')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('split-order-id')).toHaveText(KEYBOARD_ORDER);
    await expect(page.getByTestId('split-items')).toContainText('5 of 5 left');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('outcome-warn')).toContainText('Needs splitting');
    await expect(page.getByTestId('scan-input')).toBeFocused();
    // The scan field works as before: the next scan is a scan.
    await scan(page, '577000000000000124');
    await expect(page.getByTestId('order-id')).toHaveText('577000000000000124', { timeout: 15_000 });
    expect(printedLabels(station)).toHaveLength(1);
  } finally {
    await station.close();
    station.cleanup();
  }
});

test('an operator splits an order and a supervisor approves the purchase with their badge at the same station', async ({ page }) => {
  const station = await startWithOrders(async (core) => {
    await core.handlers.addOperator({ operator: { name: 'Olive Operator', role: 'operator', badge: 'TEST-OPERATOR-4411' } });
    await core.handlers.signIn({ badge: 'TEST-OPERATOR-4411' });
  });
  try {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openStation(page, station.shell);
    await page.keyboard.press('F6');
    await scan(page, '#1001');
    await expect(page.getByTestId('split-group')).toHaveCount(3);
    await press(page, 'F8');
    const boxes = page.getByTestId('split-box');
    await expect(boxes.first()).toBeVisible();
    // Suggest's weights are estimates: Buy waits until each packed box is weighed.
    await expect(page.getByTestId('split-buy')).toBeDisabled();
    for (let n = 1; n <= (await boxes.count()); n++) await weigh(page, n, '3');
    await expect(page.getByTestId('buy-blocker')).toContainText('Ready');
    await press(page, 'F9');

    const dialog = page.getByTestId('approval-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('approval-badge')).toBeFocused();
    // The supervisor's badge, scanned into the dialog: not a SKU for the splitter.
    await scan(page, TEST_SUPERVISOR.badge);
    await expect(page.getByTestId('split-result-title')).toContainText('printed', { timeout: 20_000 });
    await expect(page.getByTestId('split-notice')).toHaveCount(0);
    const labels = await station.core.handlers.searchHistory({ query: KEYBOARD_ORDER, filter: 'all', limit: 10, offset: 0 });
    // The record names both: the supervisor who approved, for the operator at the station.
    expect(labels.labels.map((l) => l.operator)).toEqual([`${TEST_SUPERVISOR.name} (approved for Olive Operator)`]);
  } finally {
    await station.close();
    station.cleanup();
  }
});

test('on TikTok Shop a refused box is retried alone: the boxes already bought are kept, never bought twice', async ({ page }) => {
  const keys = { appKey: 'split_e2e_key', appSecret: 'split_e2e_secret_01' };
  const tiktok = await startFakeTikTok(keys);
  const items = ['MUG-RED', 'MUG-RED', 'TEE-L', 'TEE-L', 'CAP-9'].map((sku, i) => ({ id: `li-${i + 1}`, sku, name: sku }));
  tiktok.addOrder({ orderId: KEYBOARD_ORDER, status: 'AWAITING_SHIPMENT', lineItems: items });
  const station = await startStation({
    env: {
      ...tiktok.stationEnv(),
    },
  });
  try {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openStation(page, station.shell);
    await page.keyboard.press('F6');
    await scan(page, KEYBOARD_ORDER);
    await expect(page.getByTestId('split-order')).toContainText('TikTok Shop');
    await press(page, '2');
    await press(page, 'F7');
    await press(page, 'ArrowDown');
    await press(page, '2');
    await press(page, 'F7');
    await press(page, 'ArrowDown');
    await press(page, '1');
    for (const n of [1, 2, 3]) {
      await box(page, n).getByTestId('box-preset').first().click();
      await weigh(page, n, '2');
    }
    // TikTok refuses the first package (box 1); boxes 2 and 3 are bought and printed.
    tiktok.failNext({ type: 'business', code: 21011001, message: 'package weight exceeds the limit' }, 1, 'create');
    await press(page, 'F9');
    const results = page.getByTestId('split-result');
    await expect(page.getByTestId('split-retry')).toBeVisible({ timeout: 20_000 });
    await expect(results.nth(0)).toHaveAttribute('data-state', 'failed');
    await expect(results.nth(0)).toContainText('package weight exceeds the limit');
    await expect(results.nth(1)).toHaveAttribute('data-state', 'printed');
    await expect(results.nth(2)).toHaveAttribute('data-state', 'printed');
    await expect(page.getByTestId('split-retry').locator('..')).toContainText('Buys only box 1');
    // The plan is locked (a retry sends the same boxes and items) but for the size and weight of box 1.
    await expect(page.getByTestId('split-buy')).toHaveCount(0);
    await expect(box(page, 2).getByTestId('box-weight')).toBeDisabled();
    await expect(box(page, 1).getByTestId('remove-box')).toHaveCount(0);
    await weigh(page, 1, '');
    await expect(page.getByTestId('split-retry')).toBeDisabled();
    await expect(page.getByTestId('retry-blocker')).toContainText('Fix box 1 first');
    await weigh(page, 1, '1.8');

    await press(page, 'F9');
    await expect(page.getByTestId('split-result-title')).toContainText('3 labels printed', { timeout: 20_000 });
    await expect(results.nth(1)).toContainText('bought earlier, kept');
    expect(tiktok.created.map((c) => c.lineItemIds)).toEqual([['li-3', 'li-4'], ['li-5'], ['li-1', 'li-2']]);
    await expect(box(page, 1).getByTestId('box-weight')).toBeDisabled();
    await expect.poll(() => printedLabels(station).length, { timeout: 15_000 }).toBe(3);
  } finally {
    await station.close();
    await tiktok.close();
  }
});
