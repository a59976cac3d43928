/**
 * Settings' box presets, for scripts/screenshot.ts: the list as shipped, a refused save with each
 * problem on its box (twin name, flat box), a box moved up by keyboard, then saved.
 */
import type { Page } from '@playwright/test';
import type { E2EStation } from '../test/support/e2e-station';
import { openStation } from '../test/support/e2e-station';

export async function boxPresetScreens(page: Page, station: E2EStation, screenShot: (page: Page, name: string) => Promise<unknown>) {
  await openStation(page, station.shell);
  await page.keyboard.press('F3');
  const section = page.getByTestId('box-settings');
  await section.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenShot(page, '70-settings-boxes');

  await page.getByTestId('add-box').click();
  await page.keyboard.type('Medium');
  await page.getByLabel('Medium width').last().fill('9');
  await page.getByLabel('Medium height').last().fill('6');
  await page.getByLabel('Medium depth').last().fill('0');
  await page.getByTestId('save-settings').click();
  await section.locator('.field-problem').first().waitFor();
  await section
    .getByTestId('box-card')
    .last()
    .evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await screenShot(page, '71-settings-boxes-refused');

  const last = section.getByTestId('box-card').last();
  await last.locator('input').first().fill('Mailer');
  await page.getByLabel('Mailer depth').fill('2');
  await page.getByLabel('Mailer depth').press('Alt+ArrowUp');
  await page.getByLabel('Mailer depth').press('Alt+ArrowUp');
  await page.getByTestId('save-settings').click();
  await page.getByTestId('saved-note').waitFor();
  await section
    .getByTestId('box-card')
    .nth(1)
    .evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await screenShot(page, '72-settings-boxes-saved');
}
