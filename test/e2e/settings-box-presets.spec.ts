/**
 * Box presets in Settings, by keyboard: add a box, a refused save placed on the box and the field
 * at fault, move it up with Alt+↑, remove one with Undo, save; the rule for one box. The real
 * renderer on the real station core.
 */
import { expect, test, type Page } from '@playwright/test';
import { openStation, startStation, type E2EStation } from '../support/e2e-station';

let station: E2EStation | undefined;

test.afterEach(async () => {
  await station?.close();
  station = undefined;
});

const cards = (page: Page) => page.getByTestId('box-presets').getByTestId('box-card');
const savedSettings = async () => station!.core.handlers.getSettings({});

async function openSettings(page: Page) {
  await openStation(page, station!.shell);
  await page.keyboard.press('F3');
  await expect(page.getByTestId('settings-form')).toBeVisible();
}

test('a supervisor adds a mailer by keyboard, fixes what the station refuses, moves it up and saves', async ({ page }) => {
  station = await startStation();
  await openSettings(page);
  await expect(cards(page)).toHaveCount(3);

  await page.getByTestId('add-box').focus();
  await page.keyboard.press('Enter');
  // The new box's name is selected, ready to type over.
  await page.keyboard.type('Small');
  // Tab selects each field's text: 9 × 6 × 0.
  await page.keyboard.press('Tab');
  await page.keyboard.type('9');
  await page.keyboard.press('Tab');
  await page.keyboard.type('6');
  await page.keyboard.press('Tab');
  await page.keyboard.type('0');
  await page.getByTestId('save-settings').click();

  const fourth = cards(page).nth(3);
  await expect(fourth.getByRole('alert')).toHaveText(['Depth must be more than 0', 'Two boxes are called "Small": give each its own name']);
  await expect(page.getByLabel('Small depth').last()).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Small width').last()).not.toHaveAttribute('aria-invalid');
  expect((await savedSettings()).boxPresets).toHaveLength(3);

  await page.getByLabel('Box 4 name').fill('Mailer');
  await page.getByLabel('Mailer depth').fill('2');
  await page.getByLabel('Mailer empty weight', { exact: true }).fill('2');
  await page.getByLabel('Mailer empty weight unit').selectOption('oz');
  await page.getByLabel('Mailer depth').press('Alt+ArrowUp');
  await page.getByLabel('Mailer depth').press('Alt+ArrowUp');
  await expect(page.getByLabel('Mailer depth')).toBeFocused();
  await page.getByRole('button', { name: 'Move Mailer up' }).press('Enter');
  await expect(page.getByRole('button', { name: 'Move Mailer up' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Move Mailer down' })).toBeFocused();

  await page.getByRole('button', { name: 'Remove Large' }).click();
  await expect(page.getByTestId('box-removed')).toContainText('“Large” is taken out of the list');
  await page.getByTestId('undo-remove-box').click();
  await page.getByRole('button', { name: 'Remove Small' }).click();

  await page.getByLabel('Units in one box').fill('6');
  await page.getByTestId('save-settings').click();
  await expect(page.getByTestId('saved-note')).toBeVisible();

  const saved = await savedSettings();
  expect(saved.boxPresets.map((b) => b.name)).toEqual(['Mailer', 'Medium', 'Large']);
  expect(saved.boxPresets[0]).toEqual({
    id: 'mailer',
    name: 'Mailer',
    dimension: { width: 9, height: 6, depth: 2, unit: 'in' },
    tareWeight: { value: 2, unit: 'oz' },
  });
  expect(saved.packing).toEqual({ maxUnitsPerBox: 6, checkItems: false });
  await expect(cards(page).first()).toContainText('usual');
});

test('the rule for one box set by the environment is shown read-only', async ({ page }) => {
  station = await startStation({ env: { LABEL_STATION_MAX_UNITS_PER_BOX: '8' } });
  await openSettings(page);
  await expect(page.getByLabel('Units in one box')).toHaveValue('8');
  await expect(page.getByLabel('Units in one box')).toHaveAttribute('readonly', '');
  await expect(page.getByTestId('box-settings').getByTestId('locked-note')).toHaveText('Locked: set by LABEL_STATION_MAX_UNITS_PER_BOX');
});
