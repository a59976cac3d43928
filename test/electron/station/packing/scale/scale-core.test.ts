/**
 * The scale through the real station core and its contract: the reading as a `scaleReading` event
 * and from getScaleReading, the device followed when Settings change, and the weight limits held
 * by the core itself (a parcel over the limit buys nothing, whoever sends it).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScaleReading } from '../../../../../shared/domain/scale';
import { startFakeAfterShip } from '../../../../fakes/aftership-server';
import { startFakeSerialScale, type FakeSerialScale } from '../../../../fakes/serial-scale';
import { startStation, type Harness } from '../../../../support/station-harness';

let station: Harness | undefined;
let scale: FakeSerialScale | undefined;
let closeAfterShip: (() => Promise<void>) | undefined;
afterEach(async () => {
  await station?.close();
  await closeAfterShip?.();
  closeAfterShip = undefined;
  await scale?.close();
  station = undefined;
  scale = undefined;
});

const CHECKED_ORDER = '576477431806280777';
const RULES = { mustBeStable: true, stableWaitSeconds: 3, minWeight: null, maxWeight: null };

describe('the scale in the station core', () => {
  it('publishes readings as events once a scale is saved in Settings, and stops when it is removed', async () => {
    scale = await startFakeSerialScale('mt-sics');
    scale.set({ value: 0.42, unit: 'kg' });
    station = await startStation({});
    expect((await station.call('getScaleReading', {})).state).toBe('off');
    const events: ScaleReading[] = [];
    station.core.events.on('scaleReading', (r) => events.push(r));
    await station.call('updateSettings', {
      scale: { ...RULES, device: { kind: 'serial', path: scale.stationPath, baudRate: 9600, protocol: 'mt-sics' } },
    });
    for (let i = 0; i < 300 && !events.some((e) => e.state === 'stable'); i++) await new Promise((r) => setTimeout(r, 10));
    expect(events.find((e) => e.state === 'stable')).toMatchObject({ stable: true, weight: { value: 0.42, unit: 'kg' } });
    expect(await station.call('getScaleReading', {})).toMatchObject({ state: 'stable', weight: { value: 0.42, unit: 'kg' } });
    await station.call('updateSettings', { scale: { ...RULES, device: { kind: 'none' } } });
    for (let i = 0; i < 300 && events.at(-1)?.state !== 'off'; i++) await new Promise((r) => setTimeout(r, 10));
    expect(events.at(-1)?.message).toBe('No scale set up');
  });

  it('weighs a scan sent without a parcel itself when the scale must be stable, and refuses it while the scale moves', async () => {
    scale = await startFakeSerialScale('mt-sics');
    scale.set({ value: 1.25, unit: 'kg' }, 'in_motion');
    const aftership = await startFakeAfterShip({ apiKey: 'asat_scale_core_key_0123456789', labelFormat: 'zpl' });
    closeAfterShip = () => aftership.close();
    station = await startStation({
      LABEL_STATION_PROVIDER: 'aftership',
      AFTERSHIP_API_KEY: 'asat_scale_core_key_0123456789',
      AFTERSHIP_BASE_URL: aftership.baseUrl,
    });
    const readings: ScaleReading[] = [];
    station.core.events.on('scaleReading', (r) => readings.push(r));
    await station.call('updateSettings', {
      scale: { ...RULES, device: { kind: 'serial', path: scale.stationPath, baudRate: 9600, protocol: 'mt-sics' } },
    });
    for (let i = 0; i < 300 && !readings.some((r) => r.state === 'in_motion'); i++) await new Promise((r) => setTimeout(r, 10));
    const moving = await station.call('submitScan', { scan: '576477431806280002' });
    expect(moving).toMatchObject({ outcome: 'failed', problem: { message: expect.stringMatching(/the scale has no stable weight/) } });
    expect(aftership.createdFor('576477431806280002')).toHaveLength(0);

    scale.set({ value: 1.25, unit: 'kg' });
    for (let i = 0; i < 300 && readings.at(-1)?.state !== 'stable'; i++) await new Promise((r) => setTimeout(r, 10));
    const scanned = await station.call('submitScan', { scan: '576477431806280002' });
    expect(['printed', 'queued']).toContain(scanned.outcome);
    // The scale's stable weight, on the station's default box, is what the label declares.
    const create = aftership.requests.find((r) => r.method === 'POST' && r.path.endsWith('/labels'))!;
    const sent = (create.body as { shipment: { parcels: Array<{ weight: unknown }> } }).shipment.parcels[0]!;
    expect(sent.weight).toEqual({ value: 1.25, unit: 'kg' });
    expect(aftership.createdFor('576477431806280002')).toHaveLength(1);
  });

  it('with the packing check on, weighs the parcel when its last item is checked, not at the order scan', async () => {
    scale = await startFakeSerialScale('mt-sics');
    scale.set({ value: 0.3, unit: 'kg' }, 'in_motion');
    const aftership = await startFakeAfterShip({ apiKey: 'asat_scale_core_key_0123456789', labelFormat: 'zpl' });
    closeAfterShip = () => aftership.close();
    station = await startStation({
      LABEL_STATION_PROVIDER: 'aftership',
      AFTERSHIP_API_KEY: 'asat_scale_core_key_0123456789',
      AFTERSHIP_BASE_URL: aftership.baseUrl,
    });
    const orders = path.join(station.dataDir, 'orders.csv');
    writeFileSync(
      orders,
      [
        'order_number,tiktok_order_id,status,line_item_id,sku,name,quantity',
        `#3001,${CHECKED_ORDER},AWAITING_SHIPMENT,li-1,MUG,Mug,2`,
      ].join('\n') + '\n',
    );
    const readings: ScaleReading[] = [];
    station.core.events.on('scaleReading', (r) => readings.push(r));
    await station.call('updateSettings', {
      ordersFile: orders,
      packing: { checkItems: true },
      scale: { ...RULES, device: { kind: 'serial', path: scale.stationPath, baudRate: 9600, protocol: 'mt-sics' } },
    });
    for (let i = 0; i < 300 && !readings.some((r) => r.state === 'in_motion'); i++) await new Promise((r) => setTimeout(r, 10));
    // The empty box moves on the scale while the packer starts: the order scan asks for its items.
    expect((await station.call('submitScan', { scan: '#3001' })).outcome).toBe('check_needed');

    scale.set({ value: 2.15, unit: 'kg' });
    for (let i = 0; i < 300 && readings.at(-1)?.state !== 'stable'; i++) await new Promise((r) => setTimeout(r, 10));
    const bought = await station.call('submitScan', { scan: '#3001', check: { itemIds: ['li-1', 'li-1'] } });
    expect(['printed', 'queued']).toContain(bought.outcome);
    const create = aftership.requests.find((r) => r.method === 'POST' && r.path.endsWith('/labels'))!;
    const sent = (create.body as { shipment: { parcels: Array<{ weight: unknown }> } }).shipment.parcels[0]!;
    expect(sent.weight).toEqual({ value: 2.15, unit: 'kg' });
    expect(aftership.createdFor(CHECKED_ORDER)).toHaveLength(1);
  });

  it('refuses a parcel outside the weight limits: nothing is bought', async () => {
    station = await startStation({});
    await station.call('updateSettings', { scale: { ...RULES, device: { kind: 'none' }, maxWeight: { value: 2, unit: 'lb' } } });
    const parcel = { dimension: { width: 8, height: 6, depth: 4, unit: 'in' as const }, weight: { value: 1.5, unit: 'kg' as const } };
    await expect(station.call('submitScan', { scan: '576477431806280001', parcel })).rejects.toThrow(
      "Not sent — 1.5 kg is over this station's highest weight (2 lb).",
    );
    expect((await station.call('searchHistory', {})).total).toBe(0);
    const light = { ...parcel, weight: { value: 0.9, unit: 'kg' as const } };
    expect(['printed', 'queued']).toContain((await station.call('submitScan', { scan: '576477431806280001', parcel: light })).outcome);
  });
});
