/**
 * Screenshots of Settings → Exports (the field as set, a relative path refused, a folder that cannot
 * be written to) and of an export's result in the chosen folder, on the real station core: in the
 * browser shell (the path alone) and as the Electron shell shows it ("Show in folder"). The Electron
 * state is the only one not produced by the real shell: getStationInfo's answer is rewritten to say
 * 'electron' and "Show in folder" answered as main.ts would, in the page's requests only.
 * Called by scripts/screenshot.ts; `npx tsx scripts/screenshot.ts OUTDIR exportdir` runs only these.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { openStation } from '../test/support/e2e-station';
import { makeTempDir } from '../test/support/temp-dir';
import type { ScreenshotKit } from './screenshot-splitter';

const ORDERS = ['576933500000000101', '576933500000000102', '576933500000000103'];

async function inView(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).scrollIntoViewIfNeeded();
  await page.evaluate((id) => document.querySelector(`[data-testid="${id}"]`)?.scrollIntoView({ block: 'center' }), testId);
}

async function section(page: Page) {
  await inView(page, 'export-folder-settings');
  return page.getByTestId('export-folder-settings');
}

/** A folder for this group's "drives", removed with the group's stations. */
function drives(kit: ScreenshotKit): { dir: string; drive: string } {
  const temp = makeTempDir('station-shots-exports-');
  kit.keep({ close: async () => temp.remove() });
  return { dir: temp.dir, drive: path.join(temp.dir, 'mnt', 'shared-drive', 'packing-exports') };
}

export async function exportFolderScreens(kit: ScreenshotKit): Promise<void> {
  await kit.group(kit.browser, kit.viewport, async (page) => {
    const temp = drives(kit);
    const { drive } = temp;
    writeFileSync(path.join(temp.dir, 'stick'), 'a file, not a folder');
    const station = await kit.start();
    for (const order of ORDERS) await station.core.handlers.submitScan({ scan: order });
    await openStation(page, station.shell);
    await page.keyboard.press('F3');
    let s = await section(page);
    await kit.shot(page, 'x0-settings-export-folder-default');
    const field = s.getByTestId('export-folder');
    await field.fill('exports/today');
    await field.press('Enter');
    await s.getByRole('alert').first().waitFor();
    await kit.shot(page, 'x1-settings-export-folder-relative');
    await field.fill(path.join(temp.dir, 'stick', 'exports'));
    await s.getByTestId('save-export-folder').click();
    await s.getByTestId('problem').waitFor();
    await kit.shot(page, 'x2-settings-export-folder-unwritable');
    await field.fill(drive);
    await s.getByTestId('save-export-folder').click();
    await s.getByRole('status').waitFor();
    s = await section(page);
    await kit.shot(page, 'x3-settings-export-folder-saved');

    await page.keyboard.press('Alt+KeyR');
    await page.getByTestId('reports-screen').waitFor();
    await page.keyboard.press('F9');
    await page.getByTestId('export-path').waitFor();
    await inView(page, 'export-result');
    await kit.shot(page, 'x4-reports-export-result-browser');
  });

  await kit.group(kit.browser, kit.viewport, async (page) => {
    const { drive } = drives(kit);
    const station = await kit.start({ env: { LABEL_STATION_EXPORT_DIR: drive } });
    for (const order of ORDERS) await station.core.handlers.submitScan({ scan: order });
    let revealed = '';
    await page.route('**/rpc/getStationInfo', async (route) => {
      const answer = (await (await route.fetch()).json()) as { ok: boolean; value?: Record<string, unknown> };
      await route.fulfill({ json: answer.ok ? { ...answer, value: { ...answer.value, shell: 'electron' } } : answer });
    });
    await page.route('**/rpc/showExportedFile', async (route) => {
      revealed = (route.request().postDataJSON() as { fileName: string }).fileName;
      await route.fulfill({ json: { ok: true, value: { shown: true } } });
    });
    await openStation(page, station.shell);
    await page.keyboard.press('F3');
    await section(page);
    await kit.shot(page, 'x5-settings-export-folder-env-wins');
    await page.keyboard.press('Alt+KeyR');
    await page.getByTestId('reports-screen').waitFor();
    await page.keyboard.press('F9');
    await page.getByTestId('show-in-folder').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="show-in-folder"]:disabled'));
    if (!revealed.startsWith('label-history-')) throw new Error(`Show in folder sent ${JSON.stringify(revealed)}`);
    await inView(page, 'export-result');
    await kit.shot(page, 'x6-reports-export-result-electron');
  });
}
