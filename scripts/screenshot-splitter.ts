/**
 * Screenshots of the splitter, each state made on the real station core: orders from a WMS order
 * file (sandbox provider), TikTok Shop's fake (one package per box: its first create refused makes
 * a failed box), Shopify's fake (line items that are not TikTok's). Called by scripts/screenshot.ts;
 * `npx tsx scripts/screenshot.ts OUTDIR split` runs only these.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { createCanvas } from '@napi-rs/canvas';
import { startFakePictureServer } from '../test/fakes/picture-server';
import { startFakeShopify } from '../test/fakes/shopify-server';
import { startFakeTikTok } from '../test/fakes/tiktok-server';
import { openStation, scan, type E2EStation, type E2EStationOptions } from '../test/support/e2e-station';
import { makeTempDir } from '../test/support/temp-dir';

export interface ScreenshotKit {
  browser: Browser;
  group(browser: Browser, viewport: { width: number; height: number }, run: (page: Page) => Promise<void>): Promise<void>;
  start(options?: E2EStationOptions): Promise<E2EStation>;
  keep<T extends { close(): Promise<void> }>(thing: T): T;
  /** What the screen shows (the splitter keeps its Buy bar at the bottom of the window). */
  shot(page: Page, name: string): Promise<unknown>;
  viewport: { width: number; height: number };
}

const ORDERS = { first: '576300000000000701', second: '576300000000000702' } as const;
const ITEMS = [
  { id: '5771000000000001', sku: 'MUG-RED-12', name: 'Red mug, 12 oz' },
  { id: '5771000000000002', sku: 'MUG-RED-12', name: 'Red mug, 12 oz' },
  { id: '5771000000000003', sku: 'TEE-BLK-L', name: 'T-shirt, black, large' },
  { id: '5771000000000004', sku: 'TEE-BLK-L', name: 'T-shirt, black, large' },
  { id: '5771000000000005', sku: 'CAP-NAVY', name: 'Baseball cap, navy' },
];

/** A product picture as a shop's CDN would serve it: a coloured shape with the product's initials. */
async function productPicture(color: string, text: string): Promise<Buffer> {
  const canvas = createCanvas(96, 96);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#f4f4f0';
  ctx.fillRect(0, 0, 96, 96);
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.arc(48, 48, 34, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = '#ffffff';
  ctx.font = 'bold 26px sans-serif';
  ctx.textAlign = 'center';
  ctx.fillText(text, 48, 57);
  return canvas.encode('png');
}

/** The WMS file names a picture per product; a loopback CDN serves them. */
async function ordersFile(): Promise<{ file: string; close(): Promise<void> }> {
  const cdn = await startFakePictureServer();
  for (const [sku, color, text] of [
    ['MUG-RED-12', '#c0392b', 'MG'],
    ['TEE-BLK-L', '#222222', 'TS'],
    ['CAP-NAVY', '#1f3a68', 'CP'],
  ] as const)
    cdn.serve(`/${sku}.png`, { bytes: await productPicture(color, text), type: 'image/png' });
  const temp = makeTempDir();
  const file = path.join(temp.dir, 'orders.csv');
  const rows = ['order_number,tiktok_order_id,status,line_item_id,sku,name,quantity,image_url'];
  for (const [number, orderId] of [
    ['#1001', ORDERS.first],
    ['#1002', ORDERS.second],
  ] as const)
    for (const item of ITEMS)
      rows.push(
        `${number},${orderId},AWAITING_SHIPMENT,${item.id.replace('5771', number === '#1001' ? '5771' : '5772')},${item.sku},"${item.name}",1,${cdn.origin}/${item.sku}.png`,
      );
  writeFileSync(file, rows.join('\n') + '\n');
  return {
    file,
    close: async () => {
      temp.remove();
      await cdn.close();
    },
  };
}

/** A person's key: after the scanner's burst gap, so it is a command. */
async function press(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key);
  await page.waitForTimeout(120);
}

const box = (page: Page, n: number) => page.getByTestId('split-box').nth(n - 1);

/** Three boxes by keys and the scanner; sizes by preset keys; weights typed. */
async function fillThreeBoxes(page: Page, weights: boolean): Promise<void> {
  await press(page, '2');
  await press(page, 'Alt+1');
  await press(page, 'F7');
  await press(page, 'ArrowDown');
  await press(page, '2');
  await press(page, 'Alt+2');
  await press(page, 'F7');
  await scan(page, 'CAP-NAVY');
  await page.getByTestId('split-notice').filter({ hasText: 'CAP-NAVY into box 3' }).waitFor();
  await press(page, 'Alt+1');
  if (!weights) return;
  for (const [n, lb] of [
    [1, '2.4'],
    [2, '1.2'],
    [3, '0.6'],
  ] as const)
    await box(page, n).getByTestId('box-weight').fill(lb);
  await page.getByTestId('buy-blocker').filter({ hasText: 'Ready' }).waitFor();
}

export async function splitterScreens(kit: ScreenshotKit): Promise<void> {
  const { browser, group, start, keep, shot, viewport } = kit;

  // The sandbox with a WMS order file: empty, problems, assigned, suggested, buying, printed, History.
  await group(browser, viewport, async (page) => {
    const orders = keep(await ordersFile());
    const station = await start({ settings: { ordersFile: orders.file, sandbox: { latencyMs: 2500 } } });
    await openStation(page, station.shell);
    await scan(page, '576300000000000799');
    await page.getByTestId('outcome-good').waitFor({ timeout: 15_000 });
    await shot(page, '49-scan-split-button');
    await page.keyboard.press('F6');
    await page.getByTestId('split-order-input').waitFor();
    await page.getByTestId('split-refused').waitFor();
    await press(page, 'F4');
    await shot(page, '50-split-no-items');
    await scan(page, '#1001');
    await page.getByTestId('split-group').first().waitFor();
    await shot(page, '51-split-order-opened');
    await fillThreeBoxes(page, false);
    await shot(page, '52-split-problems');
    await box(page, 1).getByTestId('box-weight').fill('2.4');
    await box(page, 2).getByTestId('box-weight').fill('1.2');
    await box(page, 3).getByTestId('box-weight').fill('0.6');
    await page.getByTestId('buy-blocker').filter({ hasText: 'Ready' }).waitFor();
    await shot(page, '53-split-assigned-ready');
    await press(page, 'F9');
    await page.getByTestId('split-buying').waitFor();
    await page.waitForTimeout(400);
    await shot(page, '54-split-buying');
    await page.getByTestId('split-result-title').waitFor({ timeout: 20_000 });
    await shot(page, '55-split-printed');

    await press(page, 'F4');
    await scan(page, '#1002');
    await page.getByTestId('split-order-id').filter({ hasText: ORDERS.second }).waitFor();
    await press(page, 'F8');
    await page.getByTestId('split-box').first().waitFor();
    await shot(page, '56-split-suggested');

    await page.keyboard.press('F2');
    await page.getByTestId('history-row').filter({ hasText: ORDERS.first }).first().click();
    await page.getByTestId('label-boxes').waitFor();
    await shot(page, '57-history-split-label');

    // A scan of an order with more units than one box takes: the splitter opens by itself; Esc shows why.
    await page.keyboard.press('F1');
    await page.getByTestId('scan-input').waitFor();
    await scan(page, '#1002');
    await page.getByTestId('split-order-id').filter({ hasText: ORDERS.second }).waitFor();
    await shot(page, '61-split-opened-by-scan');
    await page.keyboard.press('Escape');
    await page.getByTestId('outcome-warn').waitFor();
    await shot(page, '62-scan-split-needed');
  });

  // TikTok Shop: one package per box; the first create refused makes box 1 fail, then a retry buys it alone.
  await group(browser, viewport, async (page) => {
    const keys = { appKey: 'split_shots_key', appSecret: 'split_shots_secret_01' };
    const tiktok = keep(await startFakeTikTok(keys));
    tiktok.addOrder({
      orderId: ORDERS.first,
      status: 'AWAITING_SHIPMENT',
      lineItems: ITEMS.map((i) => ({ id: i.id, sku: i.sku, name: i.name })),
    });
    const station = await start({
      env: {
        ...tiktok.stationEnv(),
      },
    });
    await openStation(page, station.shell);
    await page.keyboard.press('F6');
    await scan(page, ORDERS.first);
    await page.getByTestId('split-group').first().waitFor();
    await fillThreeBoxes(page, true);
    tiktok.failNext({ type: 'business', code: 21011001, message: 'package weight exceeds the limit' }, 1, 'create');
    await press(page, 'F9');
    await page.getByTestId('split-retry').waitFor({ timeout: 30_000 });
    await shot(page, '58-split-box-failed');
    await press(page, 'F9');
    await page.getByTestId('split-result-title').filter({ hasText: 'printed' }).waitFor({ timeout: 30_000 });
    await shot(page, '59-split-retried');
  });

  // An operator at the station: Buy asks a supervisor to approve, by badge or PIN, without signing the operator out.
  await group(browser, viewport, async (page) => {
    const orders = keep(await ordersFile());
    const station = await start({
      settings: { ordersFile: orders.file },
      seed: async (core) => {
        await core.handlers.addOperator({ operator: { name: 'Olive Operator', role: 'operator', badge: 'SHOTS-OPERATOR-4411' } });
        await core.handlers.signIn({ badge: 'SHOTS-OPERATOR-4411' });
      },
    });
    await openStation(page, station.shell);
    await page.keyboard.press('F6');
    await scan(page, '#1001');
    await page.getByTestId('split-group').first().waitFor();
    await fillThreeBoxes(page, true);
    await press(page, 'F9');
    await page.getByTestId('approval-dialog').waitFor();
    await shot(page, '63-split-approval');
  });

  // A Shopify order: its line items are Shopify's, so the splitter says how to get TikTok's and buys nothing.
  await group(browser, viewport, async (page) => {
    const token = 'shpat_split_shots_0123';
    const shopify = keep(await startFakeShopify({ adminToken: token }));
    shopify.addOrder({
      name: '#1003',
      customAttributes: [{ key: 'TikTok Shop Order Number', value: '576300000000000703' }],
      lineItems: [
        { sku: 'MUG-BLK-12', name: 'Matte mug, black, 12 oz', quantity: 3 },
        { sku: 'COAST-4PK', name: 'Cork coasters, 4 pack', quantity: 2 },
      ],
    });
    const station = await start({
      settings: { shopify: { storeUrl: shopify.storeUrl } },
      seed: async (core) => void (await core.handlers.setSecret({ secret: 'shopifyAdminToken', value: token })),
    });
    await openStation(page, station.shell);
    await page.keyboard.press('F6');
    await scan(page, '#1003');
    await page.getByTestId('split-refused').waitFor();
    await shot(page, '60-split-shopify-refused');
  });
}
