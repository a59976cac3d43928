/**
 * History's detail, reprint reasons and the Reports screen on the real station core through the
 * browser shell: a reprint asks why (keyboard only) and the detail shows it; the export writes a
 * CSV that reads back with the labels bought; the summary shows the figures the test counts itself.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { startStation, type E2EStation } from '../support/e2e-station';
import { expectOutcome } from '../support/expect-outcome';

const SHOTS = 'test-results/screens';
mkdirSync(SHOTS, { recursive: true });

const ORDERS = ['576933300000000011', '576933300000000022', '576933300000000033'];

let station: E2EStation;
// The office A4 printer is a capture file (file:), a printer kind only tests switch on.
test.beforeEach(() => void (process.env.LABEL_STATION_FILE_PRINTER = '1'));
test.afterEach(async () => {
  delete process.env.LABEL_STATION_FILE_PRINTER;
  await station?.close();
});

async function scanAll(): Promise<string[]> {
  const ids: string[] = [];
  for (const order of ORDERS) {
    const outcome = await station.core.handlers.submitScan({ scan: order });
    expectOutcome(outcome, 'printed');
    ids.push(outcome.label.id);
  }
  return ids;
}

async function openDetail(page: Page, order: string): Promise<void> {
  await page.keyboard.press('F2');
  await page.getByTestId('history-row').filter({ hasText: order }).click();
  await expect(page.getByTestId('history-detail')).toContainText(order);
}

test('a reprint asks why, keyboard only, and the detail shows who reprinted it, where, and why', async ({ page }) => {
  station = await startStation();
  const [first] = await scanAll();
  await page.goto(station.shell.url);
  await expect(page.getByTestId('scan-input')).toBeFocused();
  await openDetail(page, ORDERS[0]!);
  const detail = page.getByTestId('history-detail');
  await expect(detail.getByTestId('detail-provider-label-id')).not.toHaveText('—');

  await detail.getByTestId('reprint').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('reprint-reason-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`Order ${ORDERS[0]}`);
  await page.screenshot({ path: `${SHOTS}/reprint-reason-dialog.png` });
  // 2: "Printer jammed", reprinted at once.
  await page.keyboard.press('2');
  await expect(dialog).toHaveCount(0);
  await expect(detail.getByTestId('print-attempt').first()).toContainText('reprint — Printer jammed');

  // 4: "Other…", typed; too short first, then a real reason.
  await detail.getByTestId('reprint').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('4');
  await expect(page.getByTestId('reprint-reason-other')).toBeFocused();
  await page.keyboard.type('x');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reprint-reason-problem')).toContainText('Say why the label is printed again');
  await page.keyboard.type(' — customer asked for a copy');
  await page.keyboard.press('Enter');
  await expect(detail.getByTestId('print-attempt').first()).toContainText('x — customer asked for a copy');
  // Escape leaves the dialog without printing.
  await detail.getByTestId('reprint').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('reprint-reason-dialog')).toHaveCount(0);
  await expect(detail.getByTestId('print-attempt')).toHaveCount(3);
  await expect(detail.getByTestId('print-attempt').last()).toContainText('first print');
  await page.screenshot({ path: `${SHOTS}/history-detail-reasons.png` });

  const attempts = (await station.core.handlers.getLabel({ labelId: first! })).printAttempts;
  expect(attempts.map((a) => a.reason)).toEqual(['x — customer asked for a copy', 'Printer jammed', null]);
  expect(station.printer.jobs).toHaveLength(ORDERS.length + 2);
});

test('Reports: the day’s figures the test counts itself, the CSV read back, the summary printed on an A4 queue', async ({ page }) => {
  station = await startStation();
  const ids = await scanAll();
  await station.core.handlers.reprintLabel({ labelId: ids[1]!, reason: 'Label damaged' });
  await station.core.handlers.reprintLabels({ labelIds: [ids[0]!, ids[1]!], reason: 'Wrong printer' });
  const office = path.join(station.dataDir, 'office-a4.out');
  const settings = await station.core.handlers.getSettings({});
  await station.core.handlers.updateSettings({
    printers: {
      defaultId: settings.printers.defaultId,
      list: [
        ...settings.printers.list,
        { id: 'office', name: 'Office A4', address: `file:${office}`, dpi: 600, language: 'pdf', media: '4x6', statusCheck: false },
      ],
    },
  });
  // The test's own count: every label it bought and every reprint it made, from the labels themselves.
  const labels = await Promise.all(ids.map((labelId) => station.core.handlers.getLabel({ labelId })));
  const reprints = labels.flatMap((l) => l.printAttempts).filter((a) => a.ok && a.reprint).length;
  expect(reprints).toBe(3);

  await page.goto(station.shell.url);
  await expect(page.getByTestId('scan-input')).toBeFocused();
  await page.keyboard.press('Alt+KeyR');
  await expect(page.getByTestId('reports-screen')).toBeVisible();
  await expect(page.getByTestId('tile-labels')).toContainText(String(labels.length));
  await expect(page.getByTestId('tile-boxes')).toContainText(String(labels.length));
  await expect(page.getByTestId('tile-reprints')).toContainText(String(reprints));
  await expect(page.getByTestId('tile-failures')).toContainText('0');
  const bars = page.getByTestId('hour-bar');
  await expect(bars).toHaveCount(24);
  const perHour = await bars.evaluateAll((els) => els.reduce((n, el) => n + Number(el.getAttribute('data-labels')), 0));
  expect(perHour).toBe(labels.length);
  await expect(page.getByTestId('report-reasons')).toContainText('2 × Wrong printer');
  await expect(page.getByTestId('report-reasons')).toContainText('1 × Label damaged');
  await page.screenshot({ path: `${SHOTS}/reports-today.png`, fullPage: true });

  // F9: the export, read back.
  await page.keyboard.press('F9');
  const saved = page.getByTestId('export-path');
  await expect(saved).toBeVisible();
  const rows = parse(readFileSync((await saved.textContent())!.trim(), 'utf8'), { columns: true, bom: true }) as Array<
    Record<string, string>
  >;
  expect(rows.map((r) => r.order).sort()).toEqual([...ORDERS].sort());
  expect(rows.reduce((n, r) => n + Number(r.reprints), 0)).toBe(reprints);

  // F8: the summary, on the office printer (the only PDF one).
  await page.keyboard.press('F8');
  await expect(page.getByTestId('print-summary-result')).toContainText('Office A4');
  expect(readFileSync(office).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // ← the day before: nothing that day.
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('tile-labels')).toContainText('0');
});

test('F9 exports at once on opening Reports, while the day’s summary is still being read', async ({ page }) => {
  station = await startStation();
  await scanAll();
  // The summary's answer is held until the export is done: F9 pressed before it came was lost.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/rpc/getDaySummary', async (route) => {
    await held;
    await route.continue();
  });

  await page.goto(station.shell.url);
  await expect(page.getByTestId('scan-input')).toBeFocused();
  await page.keyboard.press('Alt+KeyR');
  await expect(page.getByTestId('reports-screen')).toBeVisible();
  await page.keyboard.press('F9');
  const saved = page.getByTestId('export-path');
  await expect(saved).toBeVisible();
  await expect(page.getByTestId('tile-labels')).toHaveCount(0);
  await expect(page.getByTestId('summary-loading')).toContainText('Reading the day’s figures');
  await page.screenshot({ path: `${SHOTS}/reports-export-while-loading.png`, fullPage: true });
  const rows = parse(readFileSync((await saved.textContent())!.trim(), 'utf8'), { columns: true, bom: true }) as Array<
    Record<string, string>
  >;
  expect(rows.map((r) => r.order).sort()).toEqual([...ORDERS].sort());

  release();
  await expect(page.getByTestId('tile-labels')).toContainText(String(ORDERS.length));
  await expect(page.getByTestId('summary-loading')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/reports-export-after-loading.png`, fullPage: true });
});

test('labels ticked in History are reprinted together with one reason, in the order ticked, each keeping it', async ({ page }) => {
  station = await startStation();
  await scanAll();
  const before = station.printer.jobs.length;
  await page.goto(station.shell.url);
  await expect(page.getByTestId('scan-input')).toBeFocused();
  await page.keyboard.press('F2');
  const row = (order: string) => page.getByTestId('history-row').filter({ hasText: order });
  await row(ORDERS[2]!).getByTestId('history-pick').check();
  await row(ORDERS[0]!).getByTestId('history-pick').check();
  const picked = page.getByTestId('history-picked');
  await expect(picked.getByTestId('reprint-selected')).toHaveText('Reprint selected (2)');
  await page.screenshot({ path: `${SHOTS}/history-reprint-selected.png` });
  await picked.getByTestId('reprint-selected').click();
  await expect(page.getByTestId('reprint-reason-dialog')).toContainText('2 selected labels');
  await page.keyboard.press('1');
  await expect(picked.getByTestId('reprint-selected-result')).toHaveText('2 reprinted.');
  await expect.poll(() => station.printer.jobs.length, { timeout: 10_000 }).toBe(before + 2);
  for (const order of [ORDERS[2]!, ORDERS[0]!]) {
    const labels = (await station.core.handlers.searchHistory({ query: order, filter: 'all', limit: 5, offset: 0 })).labels;
    const detail = await station.core.handlers.getLabel({ labelId: labels[0]!.id });
    expect(detail.printAttempts.filter((a) => a.reprint).map((a) => a.reason)).toEqual(['Label damaged']);
  }
  // The one left alone was not reprinted.
  const untouched = (await station.core.handlers.searchHistory({ query: ORDERS[1]!, filter: 'all', limit: 5, offset: 0 })).labels[0]!;
  expect(untouched.printCount).toBe(1);
});
