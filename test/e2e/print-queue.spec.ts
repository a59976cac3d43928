/**
 * The print queue on screen (issue 4): a paused or out-of-paper printer holds the labels, the Scan
 * screen says why and how many wait, and they print by themselves once the printer is fixed.
 * The fake core's setQueueFault plays the printer's fault. Screenshots go to test-results/screens/.
 */
import { expect, test, type Page } from '@playwright/test';
import { FAKE_SCANS } from '../fakes/fake-station-core';
import { openStation, scan, startFakeStation, type FakeStation } from '../support/browser';

const SHOTS = 'test-results/screens';
const SECOND_ORDER = '576900000000000202';
const OUT_OF_PAPER = 'The printer is out of labels: load a new roll and close the head.';
let station: FakeStation;

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

function callsOf(method: string): unknown[] {
  return station.core.calls.filter((c) => c.method === method).map((c) => c.input);
}

test.afterEach(async () => {
  await station?.close();
});

test.describe('a printer out of paper', () => {
  test.beforeEach(async ({ page }) => {
    station = await startFakeStation({ stepDelayMs: 30 });
    await openStation(page, station.shell);
    await expect.poll(() => callsOf('getPrintQueue').length).toBeGreaterThan(0);
    station.core.setQueueFault('paper_out');
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
    await scan(page, FAKE_SCANS.fresh);
    const panel = page.getByTestId('outcome-queued');
    await expect(panel).toContainText('Label bought — waiting for the printer');
    await expect(panel.getByTestId('queued-reason')).toContainText(OUT_OF_PAPER);
    await expect(panel.getByTestId('queued-reason')).toContainText('Do not scan this order again and do not reprint it.');
    await expect(panel.getByTestId('order-id')).toHaveText(FAKE_SCANS.fresh);
    await expect(panel.getByTestId('tracking')).toHaveText('9400111206213800000101');
    await expect(panel.getByTestId('label-preview')).toHaveAttribute('src', /^data:image\/png;base64,/);
    await expect(page.getByTestId('outcome-bad')).toHaveCount(0);
    await expect(page.locator('.step-waiting')).toHaveText(/Waiting for printer/);

    await expect(queue).toHaveCount(1);
    await expect(queue).toContainText('Printer "Label printer" is not printing');
    await expect(queue.getByTestId('queue-reason')).toHaveText(OUT_OF_PAPER);
    await expect(queue.getByTestId('queue-waiting')).toHaveText(/1\s*waiting/);
    await expect(queue.getByTestId('queue-next')).toContainText('1 label waiting — it prints by itself when the printer is ready');
    await expect(queue.getByTestId('queue-job')).toHaveCount(1);
    await expect(queue.getByTestId('queue-job-order')).toHaveText(FAKE_SCANS.fresh);
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
    await expect(jobs.nth(0)).toContainText(FAKE_SCANS.fresh);
    await expect(jobs.nth(0).getByTestId('queue-job-state')).toHaveText('In the printer — not printed yet · 1 try');
    await expect(jobs.nth(1)).toContainText(SECOND_ORDER);
    await expect(jobs.nth(1).getByTestId('queue-job-state')).toHaveText('Waiting its turn');
    // Only a label that reached the printer can be confirmed as printed.
    await expect(jobs.nth(0).getByTestId('job-printed')).toBeVisible();
    await expect(jobs.nth(1).getByTestId('job-printed')).toHaveCount(0);
    await expect(input).toBeFocused();
    await shot(page, 'print-queue-held');

    station.core.setQueueFault('ready');
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
    // Nothing was bought twice and nothing printed by hand.
    expect(callsOf('submitScan')).toHaveLength(2);
    expect(callsOf('reprintLabel')).toHaveLength(0);
  });

  test('Cancel takes a label out of the queue after asking; History then offers a reprint that works', async ({ page }) => {
    const input = page.getByTestId('scan-input');
    await scan(page, FAKE_SCANS.fresh);
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
    expect(callsOf('resolvePrintJob')).toHaveLength(0);
    await expect(input).toBeFocused();

    await queue.getByTestId('job-cancel').click();
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('print-queue')).toHaveCount(0);
    expect(callsOf('resolvePrintJob')).toEqual([{ printJobId: 1, action: 'cancel' }]);
    await expect(page.getByTestId('outcome-bad')).toContainText('Printing cancelled — label saved, NOT printed');
    await expect(page.getByTestId('recent-scans').locator('.recent-item').first()).toContainText('Print failed');
    await expect(input).toBeFocused();

    await page.keyboard.press('F2');
    await page.getByTestId('history-search').fill(FAKE_SCANS.fresh);
    const row = page.getByTestId('history-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Bought — print failed');
    await row.click();
    const detail = page.getByTestId('history-detail');
    await expect(detail).toContainText('The print was cancelled before the label came out');
    await expect(detail.getByTestId('label-print-jobs')).toHaveCount(0);

    station.core.setQueueFault('ready');
    await detail.getByTestId('reprint').click();
    await expect(detail).toContainText('Sent to printer');
    await expect(row).toContainText('Printed');
    expect(callsOf('reprintLabel')).toHaveLength(1);
  });

  test('"It printed" completes a held label; the next one then waits at the printer', async ({ page }) => {
    await scan(page, FAKE_SCANS.fresh);
    await expect(page.getByTestId('outcome-queued')).toBeVisible();
    await scan(page, SECOND_ORDER);
    const queue = page.getByTestId('print-queue-printer');
    const jobs = queue.getByTestId('queue-job');
    await expect(jobs).toHaveCount(2);

    await jobs.nth(0).getByTestId('job-printed').click();
    const dialog = page.getByTestId('confirm-dialog');
    await expect(dialog).toContainText(`Only if you are holding the label for order ${FAKE_SCANS.fresh}`);
    await page.getByTestId('confirm-ok').click();
    await expect(dialog).toHaveCount(0);
    expect(callsOf('resolvePrintJob')).toEqual([{ printJobId: 1, action: 'printed' }]);

    await expect(jobs).toHaveCount(1);
    await expect(jobs.first()).toContainText(SECOND_ORDER);
    await expect(jobs.first().getByTestId('queue-job-state')).toHaveText('In the printer — not printed yet · 1 try');
    await expect(queue.getByTestId('queue-waiting')).toHaveText(/1\s*waiting/);
    const recent = page.getByTestId('recent-scans').locator('.recent-item');
    await expect(recent.nth(1)).toContainText('Printed');
    await expect(recent.nth(0)).toContainText('Waiting for printer');
    await expect(page.getByTestId('scan-input')).toBeFocused();
  });

  test('History lists the labels waiting for a printer, with the reason and Cancel in the details', async ({ page }) => {
    await scan(page, FAKE_SCANS.fresh);
    await expect(page.getByTestId('outcome-queued')).toBeVisible();
    await page.keyboard.press('F2');
    await expect(page.getByTestId('filter-waiting')).toContainText('Waiting for printer 1');
    await page.getByTestId('filter-waiting').click();
    const rows = page.getByTestId('history-row');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(FAKE_SCANS.fresh);
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
  station = await startFakeStation({
    stepDelayMs: 0,
    settings: {
      printers: {
        defaultId: 'label',
        list: [
          {
            id: 'label',
            name: 'Label printer',
            address: 'tcp://192.168.1.50:9100',
            dpi: 203,
            language: 'zpl',
            media: '4x6',
            statusCheck: true,
          },
          { id: 'office-a4', name: 'Office A4', address: 'cups:Office_Laser', dpi: 300, language: 'pdf', media: '4x6', statusCheck: true },
        ],
      },
    },
  });
  await openStation(page, station.shell);
  await page.keyboard.press('F2');
  await page.getByTestId('history-row').first().click();
  const detail = page.getByTestId('history-detail');
  const options = detail.getByTestId('reprint-printer');
  await expect(options).toHaveText(['Label printerdefault', 'Office A4']);
  await expect(options.nth(0)).toHaveAttribute('aria-checked', 'true');
  await expect(options.nth(1)).toHaveAttribute('aria-checked', 'false');
  // History's rows stay one click: they print on the default printer.
  await expect(page.getByTestId('history-row').first().getByTestId('reprint-printer')).toHaveCount(0);

  await options.nth(1).click();
  await expect(options.nth(1)).toHaveAttribute('aria-checked', 'true');
  await detail.getByTestId('reprint').click();
  await expect(detail).toContainText('Sent to printer "Office A4"');
  await shot(page, 'history-reprint-choose-printer');
  const labelId = (callsOf('getLabel').at(-1) as { labelId: string }).labelId;
  expect(callsOf('reprintLabel')).toEqual([{ labelId, printerId: 'office-a4' }]);

  // The default printer is still the one preselected for the next label.
  await page.getByTestId('history-row').nth(1).click();
  await expect(options.nth(0)).toHaveAttribute('aria-checked', 'true');
  await options.nth(0).click();
  await detail.getByTestId('reprint').click();
  await expect(detail).toContainText('Sent to printer "Label printer"');
  const secondId = (callsOf('getLabel').at(-1) as { labelId: string }).labelId;
  expect(secondId).not.toBe(labelId);
  expect(callsOf('reprintLabel').at(-1)).toEqual({ labelId: secondId, printerId: 'label' });

  // A reprint on a printer that is out of paper waits for it: said in amber, not as an error.
  station.core.setQueueFault('paper_out', 'office-a4');
  await options.nth(1).click();
  await detail.getByTestId('reprint').click();
  const job = detail.getByTestId('label-print-job');
  await expect(job).toContainText('Waiting for printer "Office A4" (reprint)');
  await expect(job).toContainText('The printer is out of labels: load a new roll and close the head.');
  await expect(detail.getByTestId('problem')).toHaveCount(0);
  // It prints by itself: no second Reprint while it waits.
  await expect(detail.getByTestId('reprint')).toHaveCount(0);
  expect(callsOf('reprintLabel').at(-1)).toEqual({ labelId: secondId, printerId: 'office-a4' });
  await shot(page, 'history-reprint-waiting');
});

test('a reprint from the Scan screen that waits for the printer says why, without an error', async ({ page }) => {
  station = await startFakeStation({ stepDelayMs: 0 });
  await openStation(page, station.shell);
  await scan(page, FAKE_SCANS.alreadyLabelled);
  const panel = page.getByTestId('outcome-warn');
  await expect(panel).toContainText('This order already has a label');
  // One printer: nothing to choose.
  await expect(panel.getByTestId('reprint-printer')).toHaveCount(0);
  station.core.setQueueFault('head_open');
  await panel.getByTestId('reprint').click();
  const waiting = panel.getByTestId('reprint-waiting');
  await expect(waiting).toContainText('Waiting for printer "Label printer": The print head is open: close it firmly until it clicks.');
  await expect(waiting).toContainText('It prints by itself once the printer is ready. Do not reprint it.');
  await expect(panel.getByTestId('problem')).toHaveCount(0);
  expect(callsOf('reprintLabel')).toEqual([{ labelId: expect.any(String) }]);
  const queue = page.getByTestId('print-queue-printer');
  await expect(queue.getByTestId('queue-job-state')).toHaveText('In the printer — not printed yet · reprint · 1 try');
  await expect(page.getByTestId('scan-input')).toBeFocused();
});
