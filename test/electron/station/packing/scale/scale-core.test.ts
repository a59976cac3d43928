/**
 * The scale through the real station core and its contract: the reading as a `scaleReading` event
 * and from getScaleReading, the device followed when Settings change, and the weight limits held
 * by the core itself (a parcel over the limit buys nothing, whoever sends it).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ScaleReading } from '../../../../../shared/domain/scale';
import { startFakeSerialScale, type FakeSerialScale } from '../../../../fakes/serial-scale';
import { startStation, type Harness } from '../../../../support/station-harness';

let station: Harness | undefined;
let scale: FakeSerialScale | undefined;
afterEach(async () => {
  await station?.close();
  await scale?.close();
  station = undefined;
  scale = undefined;
});

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
