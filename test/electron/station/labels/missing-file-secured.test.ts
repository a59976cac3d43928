/**
 * A label whose file could not be downloaded right after the purchase is fetched by the station's
 * background pass while the provider still answers, so it prints later without the provider.
 */
import { afterEach, expect, it } from 'vitest';
import { startFakeAfterShip } from '../../../fakes/aftership-server';
import { startZebraStatusPrinter } from '../../../fakes/zebra-status-printer';
import { startStation } from '../../../support/station-harness';

const KEY = 'asat_missing_file_key_0123456789';
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

it('fetches a bought label’s missing file in the background, not only at the next start', async () => {
  const aftership = await startFakeAfterShip({ apiKey: KEY, labelFormat: 'zpl' });
  const printer = await startZebraStatusPrinter();
  const station = await startStation({
    LABEL_STATION_PROVIDER: 'aftership',
    AFTERSHIP_API_KEY: KEY,
    AFTERSHIP_BASE_URL: aftership.baseUrl,
    LABEL_STATION_PRINTER: printer.address,
  });
  closers.push(
    () => aftership.close(),
    () => printer.close(),
    () => station.close(),
  );
  aftership.failNext({ type: 'server-error', status: 503 }, 10, 'files');
  const scanned = await station.call('submitScan', { scan: '576000000000000881' });
  expect(scanned.outcome).not.toBe('printed');
  const labelId = 'label' in scanned ? scanned.label!.id : '';
  aftership.clearFaults();
  const downloads = () => aftership.requests.filter((r) => r.path.includes('/files/') || r.path.includes('/download')).length;
  const before = downloads();
  for (let i = 0; i < 100 && downloads() === before; i++) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 200));
  await aftership.close();
  const printed = await station.call('reprintLabel', { reason: 'Label damaged', labelId });
  expect(printed.ok).toBe(true);
});
