/**
 * The shipping scale on the real station core: a fake MT-SICS scale on a serial line (a socat
 * pseudo-terminal pair) is read by the core; its stable weight is the label's parcel weight in the
 * request AfterShip's loopback fake receives. The "must be stable" rule holds a scan while the
 * scale settles, and refuses it (the scan kept) while the scale is unplugged.
 */
import { expect, test } from '@playwright/test';
import { startFakeAfterShip, type FakeAfterShip } from '../fakes/aftership-server';
import { startFakeSerialScale } from '../fakes/serial-scale';
import { openStation, scan, startStation } from '../support/e2e-station';
import { makeTempDir } from '../support/temp-dir';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const API_KEY = 'asat_e2e_scale_key_0123456789';
const CHECKED = '576477431806270044';
const ORDERS = ['576477431806270001', '576477431806270002', '576477431806270003'] as const;

function createdWeights(aftership: FakeAfterShip): Array<{ value: number; unit: string }> {
  return aftership.requests
    .filter((r) => r.method === 'POST' && r.path.endsWith('/labels'))
    .map((r) => (r.body as { shipment: { parcels: Array<{ weight: { value: number; unit: string } }> } }).shipment.parcels[0]!.weight);
}

test('the scale’s stable weight is the label’s weight; a settling scale holds the scan, an unplugged one refuses it (kept)', async ({
  page,
}) => {
  const aftership = await startFakeAfterShip({ apiKey: API_KEY });
  const scale = await startFakeSerialScale('mt-sics');
  scale.set({ value: 2.35, unit: 'lb' });
  const station = await startStation({
    lockPrinter: true,
    env: { LABEL_STATION_PROVIDER: 'aftership', AFTERSHIP_API_KEY: API_KEY, AFTERSHIP_BASE_URL: aftership.baseUrl },
    settings: {
      scale: {
        device: { kind: 'serial', path: scale.stationPath, baudRate: 9600, protocol: 'mt-sics' },
        mustBeStable: true,
        stableWaitSeconds: 3,
        minWeight: null,
        maxWeight: null,
      },
    },
  });
  const input = page.getByTestId('scan-input');
  const next = page.getByTestId('parcel-next');
  try {
    await openStation(page, station.shell);
    await expect(page.getByTestId('scale-weight')).toHaveText('2.35 lb');
    await expect(page.getByTestId('scale-mark')).toHaveText('✔ STABLE');
    await expect(next).toHaveText('Next label: 8×4×6 in, 2.35 lb (scale)');

    await scan(page, ORDERS[0]);
    await expect(page.getByTestId('outcome-good')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('declared-parcel')).toHaveText('8×4×6 in, 2.35 lb');
    expect(createdWeights(aftership)).toEqual([{ value: 2.35, unit: 'lb' }]);

    // Settling: the scan waits, then goes with the weight the scale settles on.
    scale.set({ value: 1.2, unit: 'kg' }, 'in_motion');
    await expect(page.getByTestId('scale-mark')).toHaveText('~ SETTLING');
    await expect(next).toHaveText('Next label: waits for a stable weight');
    await scan(page, ORDERS[1]);
    await expect(page.getByTestId('scale-waiting')).toContainText(ORDERS[1]);
    expect(createdWeights(aftership)).toHaveLength(1);
    scale.set({ value: 1.25, unit: 'kg' });
    await expect(page.getByTestId('order-id')).toHaveText(ORDERS[1], { timeout: 15_000 });
    await expect(page.getByTestId('outcome-good')).toBeVisible({ timeout: 15_000 });
    expect(createdWeights(aftership)[1]).toEqual({ value: 1.25, unit: 'kg' });
    await expect(input).toHaveValue('');

    // Unplugged: "not connected"; a scan is refused after the wait, its text kept; back, it goes.
    await scale.unplug();
    await expect(page.getByTestId('scale-display')).toContainText('Scale not connected');
    await scan(page, ORDERS[2]);
    await expect(page.getByTestId('refusal')).toContainText('Not sent — scale not connected', { timeout: 10_000 });
    await expect(input).toHaveValue(ORDERS[2]);
    expect(createdWeights(aftership)).toHaveLength(2);
    scale.set({ value: 0.8, unit: 'lb' });
    await scale.plugIn();
    await expect(page.getByTestId('scale-mark')).toHaveText('✔ STABLE', { timeout: 15_000 });
    await input.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('order-id')).toHaveText(ORDERS[2], { timeout: 15_000 });
    await expect(page.getByTestId('outcome-good')).toBeVisible({ timeout: 15_000 });
    expect(createdWeights(aftership)[2]).toEqual({ value: 0.8, unit: 'lb' });
  } finally {
    await station.close();
    await scale.close();
    await aftership.close();
  }
});

test('a supervisor picks a serial scale in Settings, tests it, saves it, and the Scan screen shows its weight', async ({ page }) => {
  const scale = await startFakeSerialScale('nci');
  scale.set({ value: 3.1, unit: 'lb' });
  const station = await startStation({});
  try {
    await openStation(page, station.shell);
    await expect(page.getByTestId('parcel-next')).toHaveText('Station default: 8×4×6 in, 1 lb');
    await expect(page.getByTestId('scale-display')).toHaveCount(0);
    await page.keyboard.press('F3');
    const section = page.getByTestId('scale-settings');
    await section.locator('#scale-kind').selectOption('serial');
    await section.locator('#scale-port').fill(scale.stationPath);
    await section.locator('#scale-protocol').selectOption('nci');
    // A wrong limit is refused before anything is saved.
    await section.getByLabel('Lowest weight').fill('5');
    await section.getByLabel('Highest weight').fill('2');
    await section.getByTestId('scale-save').click();
    await expect(section.getByTestId('problem')).toContainText('lowest weight must be less than the highest');
    await section.getByLabel('Lowest weight').fill('');
    await section.getByTestId('scale-test').click();
    await expect(section.getByTestId('scale-test-result')).toHaveText('3.1 lb — Stable');
    await section.getByTestId('scale-save').click();
    await expect(section.getByText('✓ Saved')).toBeVisible();
    expect((await station.core.handlers.getSettings({})).scale).toMatchObject({
      device: { kind: 'serial', path: scale.stationPath, baudRate: 9600, protocol: 'nci' },
      maxWeight: { value: 2, unit: 'lb' },
    });
    await page.keyboard.press('F1');
    await expect(page.getByTestId('scale-weight')).toHaveText('3.1 lb', { timeout: 10_000 });
    // Over the station's highest weight (2 lb): no label, the scan kept.
    await expect(page.getByTestId('parcel-next')).toHaveText("Next label: none — 3.1 lb is over this station's highest weight (2 lb)");
    await scan(page, '576477431806270009');
    await expect(page.getByTestId('refusal')).toContainText("Not sent — 3.1 lb is over this station's highest weight (2 lb)");
    await expect(page.getByTestId('scan-input')).toHaveValue('576477431806270009');
  } finally {
    await station.close();
    await scale.close();
  }
});

test('with the packing check on, the parcel is weighed when its last item is checked: a moving scale at the order scan holds nothing up', async ({
  page,
}) => {
  const aftership = await startFakeAfterShip({ apiKey: API_KEY });
  const scale = await startFakeSerialScale('mt-sics');
  const temp = makeTempDir();
  const orders = path.join(temp.dir, 'orders.csv');
  writeFileSync(
    orders,
    [
      'order_number,tiktok_order_id,status,line_item_id,sku,name,quantity',
      `#4001,${CHECKED},AWAITING_SHIPMENT,li-1,MUG-RED,Red mug,2`,
    ].join('\n') + '\n',
  );
  // The empty box is still being put on the scale when the packer scans the packing slip.
  scale.set({ value: 0.2, unit: 'lb' }, 'in_motion');
  const station = await startStation({
    lockPrinter: true,
    env: { LABEL_STATION_PROVIDER: 'aftership', AFTERSHIP_API_KEY: API_KEY, AFTERSHIP_BASE_URL: aftership.baseUrl },
    settings: {
      ordersFile: orders,
      packing: { checkItems: true },
      scale: {
        device: { kind: 'serial', path: scale.stationPath, baudRate: 9600, protocol: 'mt-sics' },
        mustBeStable: true,
        stableWaitSeconds: 3,
        minWeight: null,
        maxWeight: null,
      },
    },
  });
  try {
    await openStation(page, station.shell);
    await expect(page.getByTestId('scale-mark')).toHaveText('~ SETTLING');
    await scan(page, '#4001');
    await expect(page.getByTestId('check-count')).toHaveText('0 of 2');
    await scan(page, 'MUG-RED');
    await expect(page.getByTestId('check-count')).toHaveText('1 of 2');
    // Both mugs in the box, the scale settles on the whole parcel: that is the label's weight.
    scale.set({ value: 3.4, unit: 'lb' });
    await expect(page.getByTestId('scale-mark')).toHaveText('✔ STABLE');
    await scan(page, 'MUG-RED');
    await expect(page.getByTestId('outcome-good')).toBeVisible({ timeout: 15_000 });
    expect(createdWeights(aftership)).toEqual([{ value: 3.4, unit: 'lb' }]);
  } finally {
    await station.close();
    await scale.close();
    await aftership.close();
    temp.remove();
  }
});
