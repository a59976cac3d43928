/**
 * The Scan screen previews the label the station has just printed: the preview shows the dots the
 * printer got, and the label is drawn once for both.
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import * as raster from '../../../../electron/station/printing/render/raster';
import { expectOutcome } from '../../../support/expect-outcome';
import { startZebraStation, type ZebraStation } from '../../../support/zebra-station';

vi.mock('../../../../electron/station/printing/render/raster', async (importOriginal) => {
  const real = await importOriginal<typeof raster>();
  return { ...real, rasterizeLabel: vi.fn(real.rasterizeLabel) };
});
const drawn = vi.mocked(raster.rasterizeLabel);

let zebraStation: ZebraStation;

beforeEach(async () => {
  zebraStation = await startZebraStation();
  drawn.mockClear();
});
afterEach(() => zebraStation.close());

it('draws a scanned label once for the printer and for the Scan screen’s preview', async () => {
  const { station, printer } = zebraStation;
  const result = await station.call('submitScan', { scan: '576477431806268482' });
  expectOutcome(result, 'printed');
  await printer.waitForJobs(1, 5000);
  expect(drawn).toHaveBeenCalledTimes(1);
  const preview = await station.call('getLabelPreview', { labelId: result.label.id });
  expect(preview).toMatchObject({ widthDots: 812, heightDots: 1218 });
  expect(drawn).toHaveBeenCalledTimes(1);
});
