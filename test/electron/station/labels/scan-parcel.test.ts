/** A single parcel's box and measured weight, given with the scan, are what the label declares. */
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeAfterShip } from '../../../fakes/aftership-server';
import { startZebraStatusPrinter } from '../../../fakes/zebra-status-printer';
import { startStation, type Harness } from '../../../support/station-harness';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

type CreateBody = { shipment: { parcels: Array<{ weight: { value: number; unit: string }; dimension: Record<string, unknown> }> } };

describe('the parcel of a scan', () => {
  it('declares the weight and box given with the scan, and the station default otherwise', async () => {
    const aftership = await startFakeAfterShip({ apiKey: 'asat_parcel_key_0123456789', labelFormat: 'zpl' });
    const printer = await startZebraStatusPrinter();
    const station: Harness = await startStation({
      LABEL_STATION_PROVIDER: 'aftership',
      AFTERSHIP_API_KEY: 'asat_parcel_key_0123456789',
      AFTERSHIP_BASE_URL: aftership.baseUrl,
      LABEL_STATION_PRINTER: printer.address,
    });
    closers.push(
      () => aftership.close(),
      () => printer.close(),
      () => station.close(),
    );

    const parcel = { dimension: { width: 30, height: 20, depth: 10, unit: 'cm' as const }, weight: { value: 1250, unit: 'g' as const } };
    expect((await station.call('submitScan', { scan: '576000000000000301', parcel })).outcome).toBe('printed');
    expect((await station.call('submitScan', { scan: '576000000000000302' })).outcome).toBe('printed');

    const creates = aftership.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/labels')).map((r) => r.body as CreateBody);
    expect(creates[0]!.shipment.parcels[0]).toMatchObject({
      weight: { value: 1250, unit: 'g' },
      dimension: { width: 30, height: 20, depth: 10, unit: 'cm' },
    });
    expect(creates[1]!.shipment.parcels[0]).toMatchObject({
      weight: { value: 1, unit: 'lb' },
      dimension: { width: 8, height: 4, depth: 6 },
    });
  });

  it('refuses a parcel without a weight before anything is bought', async () => {
    const station = await startStation({});
    closers.push(() => station.close());
    const parcel = { dimension: { width: 30, height: 20, depth: 10, unit: 'cm' as const }, weight: { value: 0, unit: 'g' as const } };
    await expect(station.call('submitScan', { scan: '576000000000000303', parcel })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: { 'parcel.weight.value': ['Weight must be more than 0'] },
    });
  });
});
