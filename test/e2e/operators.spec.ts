/**
 * Operators and roles in Chromium on the real station core: signing in by badge scan and by name +
 * PIN, an order scanned while nobody is signed in kept for the next operator, Settings refused to an
 * operator until a supervisor approves the one action (the operator stays signed in), and a PIN
 * locked after 5 wrong ones.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { openStation, scan, startStation, type E2EStation } from '../support/e2e-station';
import { TEST_SUPERVISOR } from '../support/signed-in-core';

const SHOTS = 'test-results/screens';
mkdirSync(SHOTS, { recursive: true });

const ANA = { name: 'Ana Packer', pin: '1357', badge: 'EMP-ANA-0042' };
const ORDER = '576477431806268999';

async function stationWithAna(): Promise<E2EStation> {
  return startStation({
    seed: async (core) => {
      await core.handlers.addOperator({ operator: { name: ANA.name, role: 'operator', pin: ANA.pin, badge: ANA.badge } });
    },
  });
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('sign-in')).toBeVisible();
  await expect(page.getByTestId('badge-input')).toBeFocused();
}

async function signInWithPin(page: Page, name: string, pin: string): Promise<void> {
  await page.getByTestId('sign-in-name').filter({ hasText: name }).click();
  await expect(page.getByTestId('pin-input')).toBeFocused();
  await page.keyboard.type(pin);
  await page.keyboard.press('Enter');
}

test('sign in by badge scan and by name + PIN; a scan made while signed out is kept and made after sign-in', async ({ page }) => {
  const station = await stationWithAna();
  try {
    await openStation(page, station.shell);
    await expect(page.getByTestId('signed-in-operator')).toContainText(TEST_SUPERVISOR.name);
    await signOut(page);
    await expect(page.getByTestId('scan-input')).toHaveCount(0);

    await scan(page, ANA.badge);
    await expect(page.getByTestId('signed-in-operator')).toContainText(ANA.name);
    await expect(page.getByTestId('signed-in-operator')).not.toContainText('supervisor');
    await expect(page.getByTestId('scan-input')).toBeFocused();

    await signOut(page);
    await signInWithPin(page, TEST_SUPERVISOR.name, TEST_SUPERVISOR.pin);
    await expect(page.getByTestId('signed-in-operator')).toContainText(TEST_SUPERVISOR.name);
    await expect(page.getByTestId('signed-in-operator')).toContainText('supervisor');

    // An order scanned at the sign-in screen is not lost: it waits, and is scanned for whoever signs in.
    await signOut(page);
    await scan(page, ORDER);
    await expect(page.getByTestId('pending-scan')).toContainText(ORDER);
    await page.screenshot({ path: `${SHOTS}/operators-pending-scan.png` });
    await scan(page, ANA.badge);
    await expect(page.getByTestId('outcome-good')).toBeVisible({ timeout: 15_000 });
    const labels = await station.core.handlers.searchHistory({ query: ORDER, filter: 'all', limit: 5, offset: 0 });
    expect(labels.labels.map((l) => l.operator)).toEqual([ANA.name]);
    expect(await station.printer.waitForJobs(1, 10_000)).toHaveLength(1);
  } finally {
    await station.close();
  }
});

test('an operator cannot change Settings: a supervisor’s PIN approves the one save, and the operator stays signed in', async ({ page }) => {
  const station = await stationWithAna();
  try {
    await openStation(page, station.shell);
    await signOut(page);
    await scan(page, ANA.badge);
    await expect(page.getByTestId('signed-in-operator')).toContainText(ANA.name);

    await page.keyboard.press('F3');
    await expect(page.getByTestId('operators-section')).toContainText('Only a supervisor manages operators');
    await page.locator('#idleSignOutMinutes').fill('20');
    await page.getByTestId('save-settings').click();
    const dialog = page.getByTestId('approval-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('approval-action')).toHaveText('Change Settings');
    await expect(dialog.getByTestId('approval-badge')).toBeFocused();

    // Escape: nothing is saved.
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    expect((await station.core.handlers.getSettings({})).operators.idleSignOutMinutes).toBe(0);

    // A wrong PIN is refused in the dialog, which asks again.
    await page.getByTestId('save-settings').click();
    await expect(dialog.getByTestId('approval-badge')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(dialog.getByTestId('approval-supervisor')).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.type('0000');
    await page.keyboard.press('Enter');
    await expect(dialog.getByTestId('problem')).toContainText(`Wrong PIN for ${TEST_SUPERVISOR.name}`);
    await page.screenshot({ path: `${SHOTS}/operators-approval-wrong-pin.png` });
    await dialog.getByTestId('approval-pin').fill(TEST_SUPERVISOR.pin);
    await page.keyboard.press('Enter');

    await expect(page.getByTestId('saved-note')).toContainText('Saved');
    await expect(dialog).toHaveCount(0);
    expect((await station.core.handlers.getSettings({})).operators.idleSignOutMinutes).toBe(20);
    await expect(page.getByTestId('signed-in-operator')).toContainText(ANA.name);
    expect((await station.core.handlers.getOperatorSession({})).operator?.name).toBe(ANA.name);
  } finally {
    await station.close();
  }
});

test('5 wrong PINs lock the PIN and say until when; the right PIN is refused until a supervisor unlocks it', async ({ page }) => {
  const station = await stationWithAna();
  try {
    await openStation(page, station.shell);
    await signOut(page);
    for (let i = 1; i <= 4; i++) {
      await signInWithPin(page, ANA.name, '9999');
      await expect(page.getByTestId('problem')).toContainText(`${5 - i} ${i === 4 ? 'try' : 'tries'} left`);
    }
    await signInWithPin(page, ANA.name, '9999');
    await expect(page.getByTestId('problem')).toContainText(`${ANA.name}'s PIN is locked after too many wrong PINs, until`);
    await page.screenshot({ path: `${SHOTS}/operators-locked.png` });
    await signInWithPin(page, ANA.name, ANA.pin);
    await expect(page.getByTestId('problem')).toContainText('is locked');
    await expect(page.getByTestId('signed-in-operator')).toHaveCount(0);

    // The supervisor unlocks it in Settings.
    await scan(page, TEST_SUPERVISOR.badge);
    await expect(page.getByTestId('signed-in-operator')).toContainText(TEST_SUPERVISOR.name);
    await page.keyboard.press('F3');
    const row = page.getByTestId('operator-row').filter({ hasText: ANA.name });
    await expect(row).toContainText('PIN locked until');
    await row.getByTestId('unlock-operator').click();
    await expect(row).toContainText('active');
    await signOut(page);
    await signInWithPin(page, ANA.name, ANA.pin);
    await expect(page.getByTestId('signed-in-operator')).toContainText(ANA.name);
  } finally {
    await station.close();
  }
});
