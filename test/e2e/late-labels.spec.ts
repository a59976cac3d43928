/**
 * Issue 9 on the Scan screen, on the real station core with the loopback AfterShip and Zebra: a
 * purchase without a clear answer sets the parcel aside and its late label prints here by itself
 * (with a notice, though no scan is running); labels bought but never printed are listed and print
 * with one key. Screenshots go to test-results/screens/.
 */
import { expect, test, type Page } from '@playwright/test';
import { startFakeAfterShip, type FakeAfterShip } from '../fakes/aftership-server';
import { openStation, scan, startStation, type E2EStation } from '../support/e2e-station';
import { unprintedLabelsStation } from '../support/lost-answers';

const SHOTS = 'test-results/screens';
const AFTERSHIP_KEY = 'asat_e2e_late_key_0123456789';
const ORDERS = {
  older: '577100000000000101',
  newer: '577100000000000202',
  setAside: '577100000000000303',
  next: '577100000000000404',
  setAsideToo: '577100000000000505',
} as const;

let station: E2EStation | undefined;
let aftership: FakeAfterShip | undefined;

test.afterEach(async () => {
  await station?.close();
  await aftership?.close();
  station = undefined;
  aftership = undefined;
});

async function startAfterShip(): Promise<{ fake: FakeAfterShip; env: Record<string, string> }> {
  aftership = await startFakeAfterShip({ apiKey: AFTERSHIP_KEY, labelFormat: 'zpl' });
  return { fake: aftership, env: { AFTERSHIP_API_KEY: AFTERSHIP_KEY, AFTERSHIP_BASE_URL: aftership.baseUrl } };
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** The one label of an order in the station's history. */
async function labelOf(orderId: string) {
  const [label, ...more] = (await station!.core.handlers.searchHistory({ query: orderId, filter: 'all', limit: 5, offset: 0 })).labels;
  expect(more).toHaveLength(0);
  return label!;
}

/** Whether each print of the label was a reprint (a first print is not). */
async function reprints(labelId: string): Promise<boolean[]> {
  return (await station!.core.handlers.getLabel({ labelId })).printAttempts.map((a) => a.reprint);
}

test('labels bought but never printed are listed, and print with F8 (the oldest) or their own button', async ({ page }) => {
  const { fake, env } = await startAfterShip();
  station = await startStation(unprintedLabelsStation(fake, env, [ORDERS.older, ORDERS.newer], 'Packing 2'));
  await openStation(page, station.shell);
  const panel = page.getByTestId('unprinted-panel');
  const input = page.getByTestId('scan-input');
  await expect(input).toBeFocused();
  await expect(panel).toHaveCount(0);

  // The labels turn up: the station adopts them without printing (it no longer holds the parcels); the list arrives as an event.
  fake.releaseLate();
  const rows = panel.getByTestId('unprinted-row');
  await expect(rows).toHaveCount(2);
  await expect(panel.getByTestId('unprinted-headline')).toHaveText('2 labels bought, not printed');
  expect(station.printer.jobs).toHaveLength(0);

  // Loaded at start too; oldest first, with where and when each was bought.
  await page.reload();
  await expect(rows.getByTestId('unprinted-order')).toHaveText([ORDERS.older, ORDERS.newer]);
  const older = await labelOf(ORDERS.older);
  const newer = await labelOf(ORDERS.newer);
  await expect(rows.first()).toContainText(older.trackingNumbers[0]!);
  await expect(rows.first().getByTestId('unprinted-where')).toContainText('at Packing 2');
  await expect(rows.first().getByTestId('unprinted-print')).toHaveText(/Print\s*F8/);
  await expect(rows.nth(1).getByTestId('unprinted-print')).toHaveText('Print');
  await expect(input).toBeFocused();
  await shot(page, 'scan-unprinted-labels');

  // F8 prints the oldest, as its first print (not a reprint); the scan field keeps the focus.
  await page.keyboard.press('F8');
  const result = page.getByTestId('unprinted-result');
  await expect(result.locator('.unprinted-result-order')).toHaveText(`Order ${ORDERS.older}`);
  await expect(result.locator('.unprinted-result-headline')).toHaveText('✓ Sent to the printer: put it on the parcel');
  await expect(rows.getByTestId('unprinted-order')).toHaveText([ORDERS.newer]);
  const [first] = await station.printer.waitForJobs(1);
  expect(first!.toString('latin1')).toContain(older.trackingNumbers[0]);
  expect(await reprints(older.id)).toEqual([false]);
  await expect(input).toBeFocused();

  // Its own button prints the other one; the focus goes back to the scan field.
  await rows.first().getByTestId('unprinted-print').click();
  await expect(result.locator('.unprinted-result-order')).toHaveText(`Order ${ORDERS.newer}`);
  await expect(result.locator('.unprinted-result-headline')).toHaveText('✓ Sent to the printer: put it on the parcel');
  await expect(rows).toHaveCount(0);
  const jobs = await station.printer.waitForJobs(2);
  expect(jobs[1]!.toString('latin1')).toContain(newer.trackingNumbers[0]);
  expect(await reprints(newer.id)).toEqual([false]);
  await expect(input).toBeFocused();
  await shot(page, 'scan-unprinted-printed');

  // Nothing left: F8 prints nothing more, and the next scan clears the last result.
  await page.keyboard.press('F8');
  await scan(page, ORDERS.next);
  await expect(page.getByTestId('outcome-good')).toContainText('Label printed');
  await expect(panel).toHaveCount(0);
  expect(await station.printer.waitForJobs(3)).toHaveLength(3);
  expect(fake.created.map((c) => c.orderId)).toEqual([ORDERS.older, ORDERS.newer, ORDERS.next]);
});

test('a purchase without a clear answer: the parcel is set aside, and its late label prints here by itself', async ({ page }) => {
  const { fake, env } = await startAfterShip();
  station = await startStation({
    env: { ...env, LABEL_STATION_PROVIDER: 'aftership' },
    core: { labelChecks: { windowMs: 120_000, everyMs: 200 } },
  });
  await openStation(page, station.shell);
  fake.failNext({ type: 'late-create', answer: 'reset' }, 1, 'create');
  await scan(page, ORDERS.setAside);

  // Set aside, and the label comes by itself: nobody has to check anything.
  const checking = page.getByTestId('outcome-checking');
  await expect(checking.locator('.outcome-title')).toHaveText('Set this parcel aside');
  await expect(checking).toContainText('prints it here as soon as it appears');
  await expect(checking).toContainText('Set this parcel aside and go on with the next order. Do not scan it again before');
  await expect(checking.getByTestId('checking-until')).toContainText('Nothing to check in History');
  await expect(checking).not.toContainText(/supervisor/i);
  await expect(checking.getByTestId('open-uncertain')).toHaveCount(0);
  await expect(page.locator('.step-waiting')).toHaveText(/Label may still come/);
  await expect(page.getByTestId('recent-scans')).toContainText('Set aside — label coming');
  await expect(page.getByTestId('scan-input')).toBeFocused();
  await shot(page, 'scan-label-checking');

  // The packer goes on with the next order.
  await scan(page, ORDERS.next);
  await expect(page.getByTestId('outcome-good')).toContainText('Label printed');
  await station.printer.waitForJobs(1);

  // The label turns up: printed here by itself, and the screen says so though no scan is running.
  fake.releaseLate();
  const notice = page.getByTestId('late-notice');
  await expect(notice).toContainText(
    `The label for order ${ORDERS.setAside} turned up late and was printed: put it on the parcel you set aside.`,
    { timeout: 10_000 },
  );
  const jobs = await station.printer.waitForJobs(2);
  const late = await labelOf(ORDERS.setAside);
  expect(jobs[1]!.toString('latin1')).toContain(late.trackingNumbers[0]);
  expect(await reprints(late.id)).toEqual([false]);
  await expect(page.getByTestId('outcome-good')).toContainText(ORDERS.next); // the scan on screen is left as it was
  await expect(page.locator('.recent-item', { hasText: ORDERS.setAside })).toContainText('Printed late');
  await expect(page.getByTestId('unprinted-panel')).toHaveCount(0);
  await shot(page, 'scan-late-label-printed');
  await notice.getByTestId('late-notice-ok').click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByTestId('scan-input')).toBeFocused();

  // A label that turns up while its own outcome is still on screen: that outcome says so too.
  fake.failNext({ type: 'late-create', answer: 'reset' }, 1, 'create');
  await scan(page, ORDERS.setAsideToo);
  await expect(page.getByTestId('outcome-checking')).toBeVisible();
  fake.releaseLate();
  await expect(page.getByTestId('outcome-good').getByTestId('checking-arrived')).toContainText(
    `The label for order ${ORDERS.setAsideToo} turned up late and was printed`,
    { timeout: 10_000 },
  );
  await expect(page.locator('.step-complete', { hasText: 'Done' })).toBeVisible();
  await expect(page.getByTestId('late-notice')).toHaveCount(0); // said once, by the outcome
  await station.printer.waitForJobs(3);
  expect(fake.created.map((c) => c.orderId).sort()).toEqual([ORDERS.setAside, ORDERS.next, ORDERS.setAsideToo].sort());
});
