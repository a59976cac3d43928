/**
 * The Scan screen previews the label the station has just printed: the preview shows the dots the
 * printer got, and the label is drawn once for both.
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import * as raster from '../../../../electron/station/printing/render/raster';
import { startZebraStatusPrinter } from '../../../fakes/zebra-status-printer';
import { expectOutcome } from '../../../support/expect-outcome';
import { startStation, type Harness } from '../../../support/station-harness';

vi.mock('../../../../electron/station/printing/render/raster', async (importOriginal) => {
  const real = await importOriginal<typeof raster>();
  return { ...real, rasterizeLabel: vi.fn(real.rasterizeLabel) };
});
const drawn = vi.mocked(raster.rasterizeLabel);

let printer: Awaited<ReturnType<typeof startZebraStatusPrinter>>;
let station: Harness;

beforeEach(async () => {
  printer = await startZebraStatusPrinter();
  station = await startStation({});
  await station.call('updateSettings', { printer: { address: printer.address } });
  drawn.mockClear();
});
afterEach(async () => {
  await station.close();
  await printer.close();
});

it('draws a scanned label once for the printer and for the Scan screen’s preview', async () => {
  const result = await station.call('submitScan', { scan: '576477431806268482' });
  expectOutcome(result, 'printed');
  await printer.waitForJobs(1, 5000);
  expect(drawn).toHaveBeenCalledTimes(1);
  const preview = await station.call('getLabelPreview', { labelId: result.label.id });
  expect(preview).toMatchObject({ widthDots: 812, heightDots: 1218 });
  expect(drawn).toHaveBeenCalledTimes(1);
});
