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

const API_KEY = 'asat_e2e_scale_key_0123456789';
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
