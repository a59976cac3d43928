/**
 * Several printers per station, in Settings: add, save, make default, test print, check, find,
 * remove, and a default printer preset by the environment. The real renderer on the real station
 * core, with a loopback Zebra as the label printer and a private CUPS for the office printer.
 */
import { expect, test, type Page } from '@playwright/test';
import type { PrinterProfile } from '../../shared/domain/printers';
import { MAX_PRINTERS } from '../../shared/domain/printers';
import { openStation, startPrivateCups, startStation, ZEBRA, type E2EStation, type PrivateCups } from '../support/e2e-station';

const SHOTS = 'test-results/screens';
let station: E2EStation | undefined;
let cups: PrivateCups | undefined;

/** The station's default printer, at the loopback Zebra's address once started. */
const labelPrinter = (address = station!.printer.address): PrinterProfile => ({
  id: 'label',
  name: 'Label printer',
  address,
  dpi: 203,
  language: 'zpl',
  media: '4x6',
  statusCheck: true,
});
const officePrinter: PrinterProfile = {
  id: 'office-a4',
  name: 'Office A4',
  address: 'cups:Office',
  dpi: 300,
  language: 'pdf',
  media: '4x6',
  statusCheck: true,
};

async function openSettings(page: Page) {
  await openStation(page, station!.shell);
  await page.keyboard.press('F3');
  await expect(page.getByTestId('settings-form')).toBeVisible();
}

async function save(page: Page) {
  await page.getByTestId('save-settings').click();
  await expect(page.getByTestId('saved-note')).toBeVisible();
}

const cards = (page: Page) => page.getByTestId('printer-card');
const savedPrinters = async () => (await station!.core.handlers.getSettings({})).printers;

test.afterEach(async () => {
  await station?.close();
  await cups?.close();
  station = undefined;
  cups = undefined;
});

test('a second printer is added and saved; made default it shows in the top bar; test print and check go to it; then it is removed', async ({
  page,
}) => {
  cups = await startPrivateCups(['Office_Laser', 'Office']);
  station = await startStation();
  await openSettings(page);
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first().getByTestId('default-marker')).toHaveText('★ Default — scans print here');
  // The only printer cannot be removed.
  await expect(cards(page).first().getByTestId('remove-printer')).toHaveCount(0);

  await page.getByTestId('add-printer').click();
  await expect(cards(page)).toHaveCount(2);
  const office = cards(page).nth(1);
  // The new printer's name is ready to be typed over.
  await expect(page.locator('#printerName-2')).toBeFocused();
  await expect(page.locator('#printerName-2')).toHaveValue('Printer 2');
  await page.locator('#printerName-2').fill('Office A4');
  await expect(office.getByTestId('default-marker')).toHaveCount(0);
  // Not saved yet: it cannot be asked for its status.
  await expect(office.getByTestId('printer-check')).toContainText('Save the settings first');

  // Find printers fills this printer's address only.
  await office.getByTestId('find-printers').click();
  await office.getByTestId('found-printer').filter({ hasText: 'Office_Laser' }).click();
  await expect(page.locator('#printerAddress-2')).toHaveValue('cups:Office_Laser');
  await expect(page.locator('#printerAddress')).toHaveValue(station.printer.address);
  await page.locator('#printerAddress-2').fill('cups:Office');
  await page.locator('#printerLanguage-2').selectOption('pdf');
  await save(page);
  expect(await savedPrinters()).toEqual({
    defaultId: 'label',
    list: [labelPrinter(), { ...officePrinter, dpi: 203 }],
  });

  await page.reload();
  await expect(page.getByTestId('scan-input')).toBeFocused();
  await page.keyboard.press('F3');
  await expect(cards(page)).toHaveCount(2);
  await expect(page.locator('#printerName-2')).toHaveValue('Office A4');
  await expect(page.locator('#printerLanguage-2')).toHaveValue('pdf');
  await expect(cards(page).first().getByTestId('default-marker')).toBeVisible();
  await expect(page.getByTestId('topbar-printer')).toContainText('Label printer');

  // Test print on the second printer goes to it (its CUPS queue), not to the label printer.
  await office.getByTestId('test-print').click();
  await expect(office.getByTestId('test-print-ok')).toHaveText('✓ Test label sent to cups:Office');
  const [officeJob] = await cups.queues.Office!.waitForJobs(1, 15_000);
  expect(officeJob!.subarray(0, 5).toString('latin1')).toBe('%PDF-'); // a PDF printer gets the PDF
  expect(station.printer.jobs).toHaveLength(0);
  expect(cups.queues.Office_Laser!.jobs).toHaveLength(0);
  // Check printer asks that printer: a print queue cannot be asked (the Zebra would say ready).
  await office.getByTestId('check-printer').click();
  await expect(office.getByTestId('printer-check-result')).toContainText('Status can be asked only of network printers');
  await cards(page).first().getByTestId('check-printer').click();
  await expect(cards(page).first().getByTestId('printer-check-result')).toContainText('Printer ready');
  // A value changed but not saved is test-printed as typed.
  await page.locator('#dpi').selectOption('300');
  await expect(cards(page).first()).toContainText('Prints with the values typed here (not saved yet)');
  await cards(page).first().getByTestId('test-print').click();
  await expect(cards(page).first().getByTestId('test-print-ok')).toBeVisible();
  const [zebraJob] = await station.printer.waitForJobs(1);
  expect(zebraJob!.toString('latin1')).toContain('Resolution: 300 dpi');
  expect((await savedPrinters()).list[0]!.dpi).toBe(203);
  await page.locator('#dpi').selectOption('203');
  await shot(page, 'settings-printers-list');

  // Make it the default: scans print there, the top bar says so.
  await office.getByTestId('make-default').click();
  await expect(office.getByTestId('default-marker')).toBeVisible();
  await expect(cards(page).first().getByTestId('default-marker')).toHaveCount(0);
  await save(page);
  expect((await savedPrinters()).defaultId).toBe('office-a4');
  await expect(page.getByTestId('topbar-printer')).toContainText('Office A4');
  await expect(page.getByTestId('topbar-printer')).toHaveAttribute('title', /cups:Office/);

  // Remove the default: the first remaining printer becomes the default, and the screen says so; Undo puts it back.
  await office.getByTestId('remove-printer').click();
  await expect(cards(page)).toHaveCount(1);
  const note = page.getByTestId('printer-removed');
  await expect(note).toContainText('“Office A4” is taken out of the list.');
  await expect(note).toContainText('“Label printer” is now the default printer: scans will print there.');
  await expect(cards(page).first().getByTestId('default-marker')).toBeVisible();
  await shot(page, 'settings-printers-removed');
  await note.getByTestId('undo-remove').click();
  await expect(cards(page)).toHaveCount(2);
  await expect(cards(page).nth(1).getByTestId('default-marker')).toBeVisible();
  await cards(page).nth(1).getByTestId('remove-printer').click();
  await save(page);
  await expect(page.getByTestId('printer-removed')).toHaveCount(0);
  expect(await savedPrinters()).toEqual({ defaultId: 'label', list: [labelPrinter()] });
  await expect(page.getByTestId('topbar-printer')).toContainText('Label printer');
});

test("the station's problems show on the printer they are about; nothing is saved", async ({ page }) => {
  station = await startStation();
  await openSettings(page);
  await page.getByTestId('add-printer').click();
  await page.locator('#printerName-2').fill('label PRINTER');
  await page.getByTestId('save-settings').click();
  const second = cards(page).nth(1);
  await expect(second.locator('.field-problem')).toHaveText([
    'Printer name: Two printers are called "label PRINTER": give each its own name',
    'Enter the printer address, e.g. tcp://192.168.1.50:9100, /dev/usb/lp0 or cups:Zebra',
  ]);
  await expect(page.locator('#printerName-2')).toHaveAttribute('aria-invalid', 'true');
  await expect(cards(page).first().locator('.field-problem')).toHaveCount(0);
  await expect(page.getByTestId('problem')).toContainText(
    'Not saved. Printer 2 “label PRINTER”: Enter the printer address, e.g. tcp://192.168.1.50:9100, /dev/usb/lp0 or cups:Zebra; Printer name: Two printers are called "label PRINTER": give each its own name',
  );
  expect((await savedPrinters()).list).toHaveLength(1);
  await shot(page, 'settings-printers-invalid');

  await page.locator('#printerName-2').fill('Spare');
  await page.locator('#printerAddress-2').fill('tcp://192.168.1.51');
  await save(page);
  expect((await savedPrinters()).list.map((p) => [p.id, p.name, p.address])).toEqual([
    ['label', 'Label printer', station.printer.address],
    ['spare', 'Spare', 'tcp://192.168.1.51'],
  ]);
});

test(`a station has up to ${MAX_PRINTERS} printers`, async ({ page }) => {
  station = await startStation();
  await openSettings(page);
  for (let i = 1; i < MAX_PRINTERS; i++) await page.getByTestId('add-printer').click();
  await expect(cards(page)).toHaveCount(MAX_PRINTERS);
  await expect(page.getByTestId('add-printer')).toBeDisabled();
  await expect(page.getByText(`A station can have up to ${MAX_PRINTERS} printers: remove one to add another.`)).toBeVisible();
  await cards(page).nth(3).getByTestId('remove-printer').click();
  await expect(page.getByTestId('add-printer')).toBeEnabled();
});

test('a default printer set by the environment is read-only and stays the default; the others can be edited', async ({ page }) => {
  station = await startStation({
    lockPrinter: true,
    env: { LABEL_STATION_PRINTER_DPI: '203' },
    settings: { printers: { defaultId: 'label', list: [labelPrinter(ZEBRA), officePrinter] } },
  });
  await openSettings(page);
  const preset = cards(page).first();
  const office = cards(page).nth(1);
  await expect(page.locator('#printerAddress')).toHaveAttribute('readonly', '');
  await expect(page.locator('#dpi')).toBeDisabled();
  await expect(preset.getByTestId('locked-note')).toHaveText([
    'Locked: set by LABEL_STATION_PRINTER',
    'Locked: set by LABEL_STATION_PRINTER_DPI',
  ]);
  await expect(preset.getByTestId('default-locked-note')).toHaveText(
    'Default printer set by LABEL_STATION_PRINTER: it cannot be changed or removed here.',
  );
  await expect(preset.getByTestId('find-printers')).toHaveCount(0);
  await expect(preset.getByTestId('remove-printer')).toHaveCount(0);
  await expect(office.getByTestId('make-default')).toHaveCount(0);
  // The other printer is the user's to change.
  await expect(page.locator('#printerAddress-2')).not.toHaveAttribute('readonly', '');
  await expect(office.getByTestId('locked-note')).toHaveCount(0);
  await page.locator('#printerName-2').fill('Office laser');
  await page.locator('#dpi-2').selectOption('600');
  await page.locator('#printerName').fill('Packing 1');
  await save(page);
  expect((await savedPrinters()).list).toEqual([
    { ...labelPrinter(), name: 'Packing 1' },
    { ...officePrinter, name: 'Office laser', dpi: 600 },
  ]);
  await expect(page.getByTestId('topbar-printer')).toContainText('Packing 1');
  await shot(page, 'settings-printers-locked');
});

/** The whole printer list as on the station's screen (1366 wide), the window made tall enough to hold it. */
async function shot(page: Page, name: string) {
  const size = page.viewportSize()!;
  const list = page.getByTestId('printer-settings');
  const height = (await list.boundingBox())!.height;
  await page.setViewportSize({ width: size.width, height: Math.ceil(height) + 140 });
  await list.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
  await page.setViewportSize(size);
}
