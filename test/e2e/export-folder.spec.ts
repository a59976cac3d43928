/**
 * Settings → Exports on the real station core through the browser shell: a relative path is
 * refused under the field, a folder that cannot be written to is refused with the reason and is not
 * kept, a folder on "another drive" is saved; History's export (Reports, F9) then lands there and
 * reads back. The browser shell offers no "Show in folder" (it cannot open the computer's folders).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { openStation, startStation, type E2EStation } from '../support/e2e-station';
import { expectOutcome } from '../support/expect-outcome';
import { makeTempDir } from '../support/temp-dir';

const SHOTS = 'test-results/screens';
mkdirSync(SHOTS, { recursive: true });
const ORDERS = ['576933300000001011', '576933300000001022'];

let station: E2EStation | undefined;
let temp: ReturnType<typeof makeTempDir> | undefined;
test.afterEach(async () => {
  await station?.close();
  temp?.remove();
  station = undefined;
  temp = undefined;
});

test('a supervisor sets the export folder in Settings; History’s export lands there and reads back', async ({ page }) => {
  station = await startStation();
  for (const order of ORDERS) expectOutcome(await station.core.handlers.submitScan({ scan: order }), 'printed');
  temp = makeTempDir('station-e2e-exports-');
  const drive = path.join(temp.dir, 'shared-drive', 'packing exports');
  writeFileSync(path.join(temp.dir, 'a-file'), 'x');

  await openStation(page, station.shell);
  await page.keyboard.press('F3');
  const section = page.getByTestId('export-folder-settings');
  await section.scrollIntoViewIfNeeded();
  await expect(section.getByTestId('export-folder-now')).toContainText(path.join(station.dataDir, 'exports'));
  const field = section.getByTestId('export-folder');

  // A relative path: refused under the field, before the station is asked.
  await field.fill('exports/today');
  await field.press('Enter');
  await expect(section.getByRole('alert')).toContainText('Must be a full folder path such as /mnt/share/exports');

  // A folder below a file: the station says which folder and why, and keeps the default.
  const bad = path.join(temp.dir, 'a-file', 'exports');
  await field.fill(bad);
  await section.getByTestId('save-export-folder').click();
  await expect(section.getByTestId('problem')).toContainText(
    `The folder ${bad} cannot be written to: part of the path is a file, not a folder`,
  );
  await section.screenshot({ path: `${SHOTS}/settings-export-folder-error.png` });
  expect((await station.core.handlers.getSettings({})).exports.folder).toBe('');

  await field.fill(drive);
  await section.getByTestId('save-export-folder').click();
  await expect(section.getByRole('status')).toContainText('Saved');
  await expect(section.getByTestId('export-folder-now')).toContainText(drive);
  await section.screenshot({ path: `${SHOTS}/settings-export-folder.png` });

  await page.keyboard.press('Alt+KeyR');
  await expect(page.getByTestId('reports-screen')).toBeVisible();
  await page.keyboard.press('F9');
  const saved = page.getByTestId('export-path');
  await expect(saved).toContainText(drive);
  await expect(page.getByTestId('show-in-folder')).toHaveCount(0);
  await page.getByTestId('export-result').screenshot({ path: `${SHOTS}/export-result-chosen-folder.png` });

  const files = readdirSync(drive);
  expect(files).toHaveLength(1);
  expect(path.join(drive, files[0]!)).toBe((await saved.textContent())!.trim());
  const rows = parse(readFileSync(path.join(drive, files[0]!), 'utf8'), { columns: true, bom: true }) as Array<Record<string, string>>;
  expect(rows.map((r) => r.order).sort()).toEqual([...ORDERS].sort());
});
