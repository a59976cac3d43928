/**
 * Headless Chromium (Debian's, never a downloaded one), opening the station page and scanning, shared
 * by the e2e specs (test/e2e) and scripts/screenshot.ts, both on the real station core
 * (test/support/e2e-station.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LaunchOptions, Page } from '@playwright/test';
import type { WebShell } from '../../electron/web/server';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const chromiumLaunchOptions: LaunchOptions = { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS };

/** A packing-station monitor. */
export const STATION_VIEWPORT = { width: 1366, height: 768 };

export const RENDERER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/renderer');

/** Opens the station page and waits until it shows its provider. */
export async function openStation(page: Page, shell: WebShell): Promise<void> {
  await page.goto(shell.url);
  await page.getByTestId('provider').locator('.provider').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="provider"]')?.textContent?.includes('…'));
}

/** Types like a keyboard-wedge scanner: a fast burst of keys, then Enter. */
export async function scan(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text, { delay: 5 });
  await page.keyboard.press('Enter');
}
