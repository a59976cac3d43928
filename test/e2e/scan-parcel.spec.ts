/**
 * The single-parcel flow with a box and weight chosen per scan, on the real station core and
 * AfterShip's loopback fake (its requests hold the parcel each label was bought with).
 */
import { expect, test, type Page } from '@playwright/test';
import { startFakeAfterShip, type FakeAfterShip } from '../fakes/aftership-server';
import { openStation, scan, startStation } from '../support/e2e-station';

const API_KEY = 'asat_e2e_parcel_key_0123456789';
const ORDERS = ['576477431806260001', '576477431806260002', '576477431806260003'] as const;

interface SentParcel {
  dimension: { width: number; height: number; depth: number; unit: string };
  weight: { value: number; unit: string };
}

/** The parcel of each label AfterShip was asked to create, in order. */
function createdParcels(aftership: FakeAfterShip): SentParcel[] {
  return aftership.requests
    .filter((r) => r.method === 'POST' && r.path.endsWith('/labels'))
    .map((r) => (r.body as { shipment: { parcels: SentParcel[] } }).shipment.parcels[0]!);
}

/** A person's key (after a scanner burst's gap). */
async function press(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key);
  await page.waitForTimeout(80);
}

test('a preset key and a typed weight are the next label’s parcel; the scan after it uses the default again', async ({ page }) => {
  const aftership = await startFakeAfterShip({ apiKey: API_KEY });
  const station = await startStation({
    lockPrinter: true,
    env: { LABEL_STATION_PROVIDER: 'aftership', AFTERSHIP_API_KEY: API_KEY, AFTERSHIP_BASE_URL: aftership.baseUrl },
  });
  const input = page.getByTestId('scan-input');
  const next = page.getByTestId('parcel-next');
  try {
    await openStation(page, station.shell);
    await expect(next).toHaveText('Station default: 8×4×6 in, 1 lb');
    await expect(input).toBeFocused();

    // Alt+1: the first preset; the scan field keeps the focus.
    await press(page, 'Alt+1');
    await expect(next).toHaveText('Next label: Medium 12×10×6 in, 1 lb');
    await expect(input).toBeFocused();

    // Alt+W: the weight; a wrong one refuses the scan and keeps its text.
    await press(page, 'Alt+W');
    await expect(page.getByTestId('parcel-weight')).toBeFocused();
    await page.keyboard.type('0');
    await expect(page.getByTestId('parcel-weight-problem')).toContainText('more than 0');
    await press(page, 'Enter');
    await expect(input).toBeFocused();
    await scan(page, ORDERS[0]);
    await expect(page.getByTestId('refusal')).toContainText('Not sent — The weight must be more than 0');
    await expect(input).toHaveValue(ORDERS[0]);
    expect(createdParcels(aftership)).toHaveLength(0);

    // Fixed: Enter in the scan field sends the kept scan with Medium and 2.4 lb.
    await press(page, 'Alt+W');
    await page.keyboard.type('2.4');
    await expect(next).toHaveText('Next label: Medium 12×10×6 in, 2.4 lb');
    await press(page, 'Escape');
    await expect(input).toBeFocused();
    await press(page, 'Enter');
    await expect(page.getByTestId('outcome-good')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('declared-parcel')).toHaveText('Medium 12×10×6 in, 2.4 lb');
    expect(createdParcels(aftership)[0]).toMatchObject({
      dimension: { width: 12, height: 10, depth: 6, unit: 'in' },
      weight: { value: 2.4, unit: 'lb' },
    });
    // A label was bought: the next parcel is the station default again.
    await expect(next).toHaveText('Station default: 8×4×6 in, 1 lb');
    await expect(page.getByTestId('parcel-weight')).toHaveValue('');
    await expect(input).toBeFocused();

    // A click on a preset; a refused scan (nothing bought) keeps it for the next one.
    await page.getByTestId('parcel-preset').filter({ hasText: 'Small' }).click();
    await expect(next).toHaveText('Next label: Small 8×6×4 in, 1 lb');
    await expect(input).toBeFocused();
    await scan(page, 'not-an-order');
    await expect(page.getByTestId('outcome-bad')).toBeVisible({ timeout: 15_000 });
    await expect(next).toHaveText('Next label: Small 8×6×4 in, 1 lb');
    await scan(page, ORDERS[1]);
    await expect(page.getByTestId('outcome-good')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('declared-parcel')).toHaveText('Small 8×6×4 in, 1 lb');

    // Nothing chosen: the station's default parcel. A scanner's burst while the focus is in the weight
    // field is the scan, sent as such; the weight stays empty.
    await expect(next).toHaveText('Station default: 8×4×6 in, 1 lb');
    await press(page, 'Alt+W');
    await expect(page.getByTestId('parcel-weight')).toBeFocused();
    await scan(page, ORDERS[2]);
    await expect(page.getByTestId('order-id')).toHaveText(ORDERS[2], { timeout: 15_000 });
    await expect(page.getByTestId('declared-parcel')).toHaveText('8×4×6 in, 1 lb');
    await expect(page.getByTestId('parcel-weight')).toHaveValue('');
    await expect(input).toBeFocused();
    const sent = createdParcels(aftership);
    expect(sent).toHaveLength(3);
    expect(sent[1]).toMatchObject({ dimension: { width: 8, height: 6, depth: 4 }, weight: { value: 1, unit: 'lb' } });
    expect(sent[2]).toMatchObject({ dimension: { width: 8, height: 4, depth: 6, unit: 'in' }, weight: { value: 1, unit: 'lb' } });
  } finally {
    await station.close();
    await aftership.close();
  }
});
