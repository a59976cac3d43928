/**
 * The print queue on screen (issue 4): a paused or out-of-paper printer holds the labels, the Scan
 * screen says why and how many wait, and they print by themselves once the printer is fixed.
 * The real station core prints to a loopback Zebra whose ~HS answer plays the printer's fault.
 * Screenshots go to test-results/screens/.
 */
import { expect, test, type Page } from '@playwright/test';
import { sandboxTrackingNumber } from '../../electron/station/providers/sandbox';
import { startZebraStatusPrinter, type ZebraStatusPrinter } from '../fakes/zebra-status-printer';
import { openStation, rpcAnswer, scan, startStation, ZEBRA, type E2EStation } from '../support/e2e-station';
import { chooseReprintReason } from '../support/reprint-reason';

const SHOTS = 'test-results/screens';
const FRESH_ORDER = '576900000000000101';
const SECOND_ORDER = '576900000000000202';
const OUT_OF_PAPER = 'The printer is out of labels: load a new roll and close the head.';
let station: E2EStation | undefined;
let spare: ZebraStatusPrinter | undefined;

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** The order's labels in the station's history (one means it was bought once). */
async function labelsOf(orderId: string) {
  return (await station!.core.handlers.searchHistory({ query: orderId, filter: 'all', limit: 50, offset: 0 })).labels;
}

async function pendingJobs() {
  return (await station!.core.handlers.getPrintQueue({})).jobs.filter((j) => j.state !== 'done' && j.state !== 'cancelled');
}

test.afterEach(async () => {
  await station?.close();
  await spare?.close();
  station = undefined;
  spare = undefined;
});

test.describe('a printer out of paper', () => {
  test.beforeEach(async ({ page }) => {
    station = await startStation();
    const ready = rpcAnswer(page, 'getPrinterStatus', '"ready"');
    await openStation(page, station.shell);
    await ready;
    station.printer.setState('paper_out');
  });

  test('labels wait in the queue with the reason, then print by themselves once the printer is fixed', async ({ page }) => {
    const input = page.getByTestId('scan-input');
    const queue = page.getByTestId('print-queue-printer');
    // Nothing waits yet: as in the station, the queue panel stays away (the polled status line reports faults).
    await expect(page.getByTestId('print-queue')).toHaveCount(0);

    // After the scan the status line asks the printer again, and hears the same fault.
    const faultAnswer = page.waitForResponse(
      async (r) => r.url().includes('/rpc/getPrinterStatus') && (await r.text()).includes('paper_out'),
    );
    await scan(page, FRESH_ORDER);
    const panel = page.getByTestId('outcome-queued');
    await expect(panel).toContainText('Label bought — waiting for the printer');
    await expect(panel.getByTestId('queued-reason')).toContainText(OUT_OF_PAPER);
    await expect(panel.getByTestId('queued-reason')).toContainText('Do not scan this order again and do not reprint it.');
    await expect(panel.getByTestId('order-id')).toHaveText(FRESH_ORDER);
    await expect(panel.getByTestId('tracking')).toHaveText(sandboxTrackingNumber(FRESH_ORDER, 0));
    await expect(panel.getByTestId('label-preview')).toHaveAttribute('src', /^data:image\/png;base64,/);
    await expect(page.getByTestId('outcome-bad')).toHaveCount(0);
    await expect(page.locator('.step-waiting')).toHaveText(/Waiting for printer/);

    await expect(queue).toHaveCount(1);
    await expect(queue).toContainText('Printer "Label printer" is not printing');
    await expect(queue.getByTestId('queue-reason')).toHaveText(OUT_OF_PAPER);
    await expect(queue.getByTestId('queue-waiting')).toHaveText(/1\s*waiting/);
    await expect(queue.getByTestId('queue-next')).toContainText('1 label waiting — it prints by itself when the printer is ready');
    await expect(queue.getByTestId('queue-job')).toHaveCount(1);
    await expect(queue.getByTestId('queue-job-order')).toHaveText(FRESH_ORDER);
    await faultAnswer;
    await expect(page.getByTestId('recent-scans')).toContainText('Waiting for printer');
    // The status line knows the fault too: it is not shown a second time, nor "Printer ready".
    await expect(page.getByTestId('printer-fault')).toHaveCount(0);
    await expect(page.getByTestId('printer-ready')).toHaveCount(0);
    await expect(input).toBeFocused();
    await shot(page, 'scan-queued');

    await scan(page, SECOND_ORDER);
    await expect(page.getByTestId('outcome-queued').getByTestId('order-id')).toHaveText(SECOND_ORDER);
    await expect(queue.getByTestId('queue-waiting')).toHaveText(/2\s*waiting/);
    await expect(queue.getByTestId('queue-next')).toContainText('2 labels waiting — they print by themselves when the printer is ready');
    const jobs = queue.getByTestId('queue-job');
    await expect(jobs).toHaveCount(2);
    await expect(jobs.nth(0)).toContainText(FRESH_ORDER);
    // Issue 13: the printer said it is out of paper before anything was sent, so the label waits in
    // the station's queue, not in the printer's buffer (lost if the printer is switched off and on).
    await expect(jobs.nth(0).getByTestId('queue-job-state')).toHaveText('Not sent — waiting for the printer to be ready');
    await expect(jobs.nth(1)).toContainText(SECOND_ORDER);
    await expect(jobs.nth(1).getByTestId('queue-job-state')).toHaveText('Waiting its turn');
    // Only a label that reached the printer can be confirmed as printed: none did.
    await expect(jobs.nth(0).getByTestId('job-printed')).toHaveCount(0);
    await expect(jobs.nth(1).getByTestId('job-printed')).toHaveCount(0);
    await expect(input).toBeFocused();
    await shot(page, 'print-queue-waiting-unsent');
    expect(station!.printer.jobs).toHaveLength(0);

    station!.printer.setState('ok');
    await expect(page.getByTestId('print-queue')).toHaveCount(0);
    await expect(page.getByTestId('outcome-good')).toContainText('Label printed');
    await expect(page.getByTestId('outcome-good')).toContainText('It waited for the printer and has printed now.');
    const recent = page.getByTestId('recent-scans').locator('.recent-item');
    await expect(recent).toHaveCount(2);
    await expect(recent.nth(0)).toContainText('Printed');
    await expect(recent.nth(1)).toContainText('Printed');
    await expect(page.getByTestId('recent-scans')).not.toContainText('Waiting for printer');
    await expect(page.getByTestId('printer-ready')).toBeVisible();
    await expect(input).toBeFocused();
    // Nothing was bought twice and nothing printed twice: one label each, each sent to the printer once.
    for (const orderId of [FRESH_ORDER, SECOND_ORDER]) {
      const labels = await labelsOf(orderId);
      expect(labels).toHaveLength(1);
      expect(labels[0]).toMatchObject({ status: 'printed', printCount: 1 });
    }
    expect(station!.printer.jobs).toHaveLength(2);
  });

  test('Cancel takes a label out of the queue after asking; History then offers a reprint that works', async ({ page }) => {
    const input = page.getByTestId('scan-input');
    await scan(page, FRESH_ORDER);
    const queue = page.getByTestId('print-queue-printer');
    await expect(queue.getByTestId('queue-job')).toHaveCount(1);

    await queue.getByTestId('job-cancel').click();
    const dialog = page.getByTestId('confirm-dialog');
    await expect(dialog).toContainText('will NOT print by itself');
    await expect(dialog).toContainText('It stays saved in History');
    // The safe answer has the focus and keeps the label waiting.
    await expect(page.getByTestId('confirm-cancel')).toBeFocused();
    await shot(page, 'print-queue-cancel-confirm');
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(queue.getByTestId('queue-job')).toHaveCount(1);
    expect(await pendingJobs()).toHaveLength(1);
    await expect(input).toBeFocused();

    await queue.getByTestId('job-cancel').click();
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('print-queue')).toHaveCount(0);
    expect(await pendingJobs()).toHaveLength(0);
    expect((await station!.core.handlers.getPrintQueue({})).jobs).toEqual([]);
    await expect(page.getByTestId('outcome-bad')).toContainText('Printing cancelled — label saved, NOT printed');
    await expect(page.getByTestId('recent-scans').locator('.recent-item').first()).toContainText('Print failed');
    await expect(input).toBeFocused();

    await page.keyboard.press('F2');
    await page.getByTestId('history-search').fill(FRESH_ORDER);
    const row = page.getByTestId('history-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Bought — print failed');
    await row.click();
    const detail = page.getByTestId('history-detail');
    await expect(detail).toContainText('The print was cancelled before the label came out');
    await expect(detail.getByTestId('label-print-jobs')).toHaveCount(0);

    station!.printer.setState('ok');
    await detail.getByTestId('reprint').click();
    await chooseReprintReason(page);
    await expect(detail).toContainText('Sent to printer');
    // At the latest when the row is asked again (every 3 s while it is on its way).
    await expect(row).toContainText('Printed', { timeout: 10_000 });
    // The cancelled label never reached the printer (it was out of paper): the reprint is its only print.
    await station!.printer.waitForJobs(1);
    expect(station!.printer.jobs).toHaveLength(1);
    expect(await labelsOf(FRESH_ORDER)).toMatchObject([{ status: 'printed', printCount: 1 }]);
  });

  test('"It printed" completes a held label; the next one then waits at the printer', async ({ page }) => {
    // A printer that never answers its status check is sent the label (nothing says it is faulted)
    // and then held: "in the printer — not printed yet", which only the packer can confirm.
    station!.printer.setAnswers(false);
    await scan(page, FRESH_ORDER);
    await expect(page.getByTestId('outcome-queued')).toBeVisible({ timeout: 20_000 });
    await scan(page, SECOND_ORDER);
    const queue = page.getByTestId('print-queue-printer');
    const jobs = queue.getByTestId('queue-job');
    await expect(jobs).toHaveCount(2);

    await jobs.nth(0).getByTestId('job-printed').click();
    const dialog = page.getByTestId('confirm-dialog');
    await expect(dialog).toContainText(`Only if you are holding the label for order ${FRESH_ORDER}`);
    await page.getByTestId('confirm-ok').click();
    await expect(dialog).toHaveCount(0);
    expect((await labelsOf(FRESH_ORDER))[0]).toMatchObject({ status: 'printed' });

    await expect(jobs).toHaveCount(1);
    await expect(jobs.first()).toContainText(SECOND_ORDER);
    // Its status check gets no answer (up to the check's time limit) before and after the send.
    await expect(jobs.first().getByTestId('queue-job-state')).toHaveText('In the printer — not printed yet · 1 try', { timeout: 30_000 });
    await expect(queue.getByTestId('queue-waiting')).toHaveText(/1\s*waiting/);
    const recent = page.getByTestId('recent-scans').locator('.recent-item');
    await expect(recent.nth(1)).toContainText('Printed');
    await expect(recent.nth(0)).toContainText('Waiting for printer');
    await expect(page.getByTestId('scan-input')).toBeFocused();
  });

  test('a History row waiting for its printer turns Printed by itself even when no event reaches the screen', async ({ page }) => {
    // Every event from the station to this page is dropped (the screen's requests still go through).
    let dropped = 0;
    let routed = 0;
    await page.routeWebSocket(/\/events/, (ws) => {
      routed += 1;
      const server = ws.connectToServer();
      ws.onMessage((message) => server.send(message));
      server.onMessage(() => {
        dropped += 1;
      });
    });
    await page.reload(); // the page's connection for events is made again, through the route
    await page.getByTestId('provider').locator('.provider').first().waitFor();
    await expect.poll(() => routed).toBe(1);
    await scan(page, FRESH_ORDER);
    await expect(page.getByTestId('outcome-queued')).toBeVisible();
    await page.keyboard.press('F2');
    const row = page.getByTestId('history-row').filter({ hasText: FRESH_ORDER });
    await expect(row).toContainText('Waiting for printer');

    const droppedBefore = dropped;
    station!.printer.setState('ok');
    await station!.printer.waitForJobs(1);
    await expect(row).toContainText('Printed', { timeout: 10_000 });
    // The station did announce the print: the row changed without hearing it.
    expect(dropped).toBeGreaterThan(droppedBefore);
  });

  test('History lists the labels waiting for a printer, with the reason and Cancel in the details', async ({ page }) => {
    await scan(page, FRESH_ORDER);
    await expect(page.getByTestId('outcome-queued')).toBeVisible();
    await page.keyboard.press('F2');
    await expect(page.getByTestId('filter-waiting')).toContainText('Waiting for printer 1');
    await page.getByTestId('filter-waiting').click();
    const rows = page.getByTestId('history-row');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(FRESH_ORDER);
    await expect(rows.first()).toContainText('Waiting for printer');
    // A waiting label prints by itself: no Reprint that would make a second one.
    await expect(rows.first().getByTestId('reprint')).toHaveCount(0);
    await rows.first().click();
    const job = page.getByTestId('label-print-job');
    await expect(job).toContainText('Waiting for printer "Label printer"');
    await expect(job).toContainText(OUT_OF_PAPER);
    await expect(page.getByTestId('history-detail').getByTestId('reprint')).toHaveCount(0);
    await job.getByTestId('job-cancel').click();
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('label-print-jobs')).toHaveCount(0);
    await expect(page.getByTestId('history-detail').getByTestId('reprint')).toBeVisible();
    await expect(page.getByTestId('filter-waiting')).toContainText('Waiting for printer 0');
  });
});

test('reprint from History on a chosen printer; a printer that waits says so without an error', async ({ page }) => {
  // A second Zebra on the packing table; the station has bought a label for two orders already.
  spare = await startZebraStatusPrinter();
  const spareAddress = spare.address;
  station = await startStation({
    settings: {
      printers: {
        defaultId: 'label',
        list: [
          { id: 'label', name: 'Label printer', address: ZEBRA, dpi: 203, language: 'zpl', media: '4x6', statusCheck: true },
          { id: 'spare', name: 'Spare Zebra', address: spareAddress, dpi: 203, language: 'zpl', media: '4x6', statusCheck: true },
        ],
      },
    },
    seed: async (core) => {
      for (const scanned of [FRESH_ORDER, SECOND_ORDER])
        expect((await core.handlers.submitScan({ scan: scanned })).outcome).toBe('printed');
    },
  });
  const printed = await station.printer.waitForJobs(2);
  await openStation(page, station.shell);
  await page.keyboard.press('F2');
  const rows = page.getByTestId('history-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(SECOND_ORDER); // newest first
  await rows.first().click();
  const detail = page.getByTestId('history-detail');
  const options = detail.getByTestId('reprint-printer');
  await expect(options).toHaveText(['Label printerdefault', 'Spare Zebra']);
  await expect(options.nth(0)).toHaveAttribute('aria-checked', 'true');
  await expect(options.nth(1)).toHaveAttribute('aria-checked', 'false');
  // History's rows stay one click: they print on the default printer.
  await expect(rows.first().getByTestId('reprint-printer')).toHaveCount(0);

  await options.nth(1).click();
  await expect(options.nth(1)).toHaveAttribute('aria-checked', 'true');
  await detail.getByTestId('reprint').click();
  await chooseReprintReason(page);
  await expect(detail).toContainText('Sent to printer "Spare Zebra"');
  await shot(page, 'history-reprint-choose-printer');
  // The label came out of the chosen printer, not the default one.
  const [onSpare] = await spare.waitForJobs(1);
  expect(onSpare!.equals(printed[1]!)).toBe(true);
  expect(station.printer.jobs).toHaveLength(2);

  // The default printer is still the one preselected for the next label.
  await rows.nth(1).click();
  await expect(detail).toContainText(FRESH_ORDER);
  await expect(options.nth(0)).toHaveAttribute('aria-checked', 'true');
  await options.nth(1).click();
  await options.nth(0).click();
  await detail.getByTestId('reprint').click();
  await chooseReprintReason(page);
  await expect(detail).toContainText('Sent to printer "Label printer"');
  const onDefault = await station.printer.waitForJobs(3);
  expect(onDefault[2]!.equals(printed[0]!)).toBe(true);
  expect(spare.jobs).toHaveLength(1);

  // A reprint on a printer that is out of paper waits for it: said in amber, not as an error.
  spare.setState('paper_out');
  await options.nth(1).click();
  await detail.getByTestId('reprint').click();
  await chooseReprintReason(page);
  const job = detail.getByTestId('label-print-job');
  await expect(job).toContainText('Waiting for printer "Spare Zebra" (reprint)');
  await expect(job).toContainText(OUT_OF_PAPER);
  await expect(detail.getByTestId('problem')).toHaveCount(0);
  // It prints by itself: no second Reprint while it waits.
  await expect(detail.getByTestId('reprint')).toHaveCount(0);
  // Not sent into a printer known to be out of paper (issue 13): it waits in the station's queue.
  expect(spare.jobs).toHaveLength(1);
  await shot(page, 'history-reprint-waiting');
  spare.setState('ok');
  await spare.waitForJobs(2);
  expect(spare.jobs[1]!.equals(printed[0]!)).toBe(true);
});

test('a reprint from the Scan screen that waits for the printer says why, without an error', async ({ page }) => {
  station = await startStation({
    seed: async (core) => void (await core.handlers.submitScan({ scan: FRESH_ORDER })),
  });
  const [first] = await station.printer.waitForJobs(1);
  await openStation(page, station.shell);
  await scan(page, FRESH_ORDER);
  const panel = page.getByTestId('outcome-warn');
  await expect(panel).toContainText('This order already has a label');
  // One printer: nothing to choose.
  await expect(panel.getByTestId('reprint-printer')).toHaveCount(0);
  station.printer.setState('head_open');
  await panel.getByTestId('reprint').click();
  await chooseReprintReason(page);
  const waiting = panel.getByTestId('reprint-waiting');
  await expect(waiting).toContainText('Waiting for printer "Label printer": The print head is open: close it firmly until it clicks.');
  await expect(waiting).toContainText('It prints by itself once the printer is ready. Do not reprint it.');
  await expect(panel.getByTestId('problem')).toHaveCount(0);
  // Nothing is sent while the head is open (issue 13); nothing new was bought.
  const queue = page.getByTestId('print-queue-printer');
  await expect(queue.getByTestId('queue-job-state')).toHaveText('Not sent — waiting for the printer to be ready · reprint');
  await expect(page.getByTestId('scan-input')).toBeFocused();
  expect(station.printer.jobs).toHaveLength(1);
  expect(await labelsOf(FRESH_ORDER)).toHaveLength(1);
  // Head closed: the same label goes to the printer by itself.
  station.printer.setState('ok');
  const jobs = await station.printer.waitForJobs(2);
  expect(jobs[1]!.equals(first!)).toBe(true);
});
