/**
 * Screenshots of the scale on the real station core (sandbox) with a fake MT-SICS scale on a
 * pseudo-terminal pair (socat): the parcel strip with a stable weight, a settling one, a scan held
 * for it, the scale unplugged, no scale set up; and Settings' scale section.
 * Called by scripts/screenshot.ts; `npx tsx scripts/screenshot.ts OUTDIR scale` runs only these.
 */
import { openStation, scan } from '../test/support/e2e-station';
import { startFakeSerialScale } from '../test/fakes/serial-scale';
import type { ScreenshotKit } from './screenshot-splitter';

export async function scaleScreens(kit: ScreenshotKit, outDir: string): Promise<void> {
  await kit.group(kit.browser, kit.viewport, async (page) => {
    const scale = kit.keep(await startFakeSerialScale('mt-sics'));
    scale.set({ value: 2.35, unit: 'lb' });
    const device = { kind: 'serial' as const, path: scale.stationPath, baudRate: 9600, protocol: 'mt-sics' as const };
    const station = await kit.start({
      settings: {
        sandbox: { latencyMs: 150 },
        scale: { device, mustBeStable: true, stableWaitSeconds: 5, minWeight: null, maxWeight: { value: 70, unit: 'lb' } },
      },
    });
    await openStation(page, station.shell);
    const mark = page.getByTestId('scale-mark');
    await mark.getByText('STABLE').waitFor();
    await kit.shot(page, '70-scan-scale-stable');
    scale.set({ value: 1.87, unit: 'lb' }, 'in_motion');
    await mark.getByText('SETTLING').waitFor();
    await kit.shot(page, '71-scan-scale-settling');
    await scan(page, '576900000000000707');
    await page.getByTestId('scale-waiting').waitFor();
    await kit.shot(page, '72-scan-scale-waiting');
    scale.set({ value: 1.9, unit: 'lb' });
    await page.getByTestId('outcome-good').waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => ![...document.querySelectorAll('.preview-empty')].some((el) => el.textContent?.includes('Loading')));
    await kit.shot(page, '73-scan-scale-printed');
    await scale.unplug();
    await page.getByTestId('scale-display').getByText('Scale not connected').waitFor({ timeout: 10_000 });
    await kit.shot(page, '74-scan-scale-unplugged');
    scale.set({ value: 1.9, unit: 'lb' });
    await scale.plugIn();
    await mark.getByText('STABLE').waitFor({ timeout: 15_000 });
    await page.keyboard.press('F3');
    await page.getByTestId('scale-settings').scrollIntoViewIfNeeded();
    await page.getByTestId('scale-test').click();
    await page.getByTestId('scale-test-result').waitFor({ timeout: 10_000 });
    await page.getByTestId('scale-settings').screenshot({ path: `${outDir}/76-settings-scale.png` });
  });
  await kit.group(kit.browser, kit.viewport, async (page) => {
    const station = await kit.start({ settings: { sandbox: { latencyMs: 150 } } });
    await openStation(page, station.shell);
    await page.getByTestId('parcel-next').waitFor();
    await kit.shot(page, '75-scan-no-scale');
  });
}
