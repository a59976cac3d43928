/**
 * The scale service on a real serial line: a fake scale speaking MT-SICS / NCI over a pseudo-terminal
 * pair (socat), read through serialport as a station reads /dev/ttyUSB0.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ScaleService } from '../../../../../electron/station/packing';
import type { ScaleDevice, ScaleReading, ScaleState } from '../../../../../shared/domain/scale';
import { startFakeSerialScale, type FakeSerialScale } from '../../../../fakes/serial-scale';

const FAST = { pollMs: 20, answerTimeoutMs: 300, retryMinMs: 50, retryMaxMs: 200 };

let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

async function serviceOn(fake: FakeSerialScale, protocol: 'mt-sics' | 'nci' = fake.protocol) {
  const readings: ScaleReading[] = [];
  const logs: string[] = [];
  let device: ScaleDevice = { kind: 'serial', path: fake.stationPath, baudRate: 9600, protocol };
  const service = new ScaleService({ device: () => device, emit: (r) => readings.push(r), log: (l) => logs.push(l), timing: FAST });
  cleanup.push(() => service.stop());
  service.follow();
  return {
    service,
    readings,
    logs,
    setDevice: (next: ScaleDevice) => ((device = next), service.follow()),
    /** Waits (bounded) for a published reading in `state`. */
    async until(state: ScaleState, value?: number): Promise<ScaleReading> {
      for (let i = 0; i < 300; i++) {
        const found = readings.find((r) => r.state === state && (value === undefined || r.weight?.value === value));
        if (found) return found;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error(`no ${state} reading; got ${readings.map((r) => r.state).join(', ')}`);
    },
  };
}

describe('scale service over a serial line', () => {
  it('reads a stable weight from an MT-SICS scale, and its motion and overload', async () => {
    const fake = await startFakeSerialScale('mt-sics');
    cleanup.push(() => fake.close());
    fake.set({ value: 1.234, unit: 'kg' }, 'in_motion');
    const scale = await serviceOn(fake);
    expect((await scale.until('in_motion', 1.234)).stable).toBe(false);
    fake.set({ value: 1.25, unit: 'kg' });
    const stable = await scale.until('stable', 1.25);
    expect(stable).toMatchObject({ stable: true, weight: { value: 1.25, unit: 'kg' }, message: 'Stable' });
    expect(scale.service.current().state).toBe('stable');
    fake.set({ value: 99, unit: 'kg' }, 'over_capacity');
    expect((await scale.until('over_capacity')).message).toBe('Scale over capacity — take the parcel off');
  });

  it('reads an NCI scale', async () => {
    const fake = await startFakeSerialScale('nci');
    cleanup.push(() => fake.close());
    fake.set({ value: 2.5, unit: 'lb' });
    const scale = await serviceOn(fake);
    expect((await scale.until('stable', 2.5)).weight).toEqual({ value: 2.5, unit: 'lb' });
  });

  it('unplugged: says not connected, then reads again once the scale is back', async () => {
    const fake = await startFakeSerialScale('mt-sics');
    cleanup.push(() => fake.close());
    fake.set({ value: 0.5, unit: 'kg' });
    const scale = await serviceOn(fake);
    await scale.until('stable', 0.5);
    await fake.unplug();
    expect((await scale.until('not_connected')).message).toMatch(/Scale not connected/);
    fake.set({ value: 0.75, unit: 'kg' });
    await fake.plugIn();
    await scale.until('stable', 0.75);
    // A busy machine may also see a poll go unanswered while the line goes away ("not answering"),
    // or a reopening fail with other words: the states, each once in a row.
    const states = scale.readings.map((r) => r.state).filter((state, i, all) => state !== 'no_answer' && state !== all[i - 1]);
    expect(states).toEqual(['connecting', 'stable', 'not_connected', 'stable']);
  });

  it('a scale that does not answer is "not answering"; a path that does not exist is "not connected", and retried', async () => {
    const fake = await startFakeSerialScale('mt-sics');
    cleanup.push(() => fake.close());
    fake.set({ value: 1, unit: 'kg' }, 'silent');
    const scale = await serviceOn(fake);
    expect((await scale.until('no_answer')).message).toMatch(/not answering/);
    scale.setDevice({ kind: 'serial', path: `${fake.stationPath}-missing`, baudRate: 9600, protocol: 'mt-sics' });
    expect((await scale.until('not_connected')).message).toBe('Scale not connected — check its cable and power');
    for (let i = 0; i < 300 && scale.logs.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    // One log line for the failure, not one per retry.
    expect(scale.logs.filter((l) => l.includes('not opened'))).toHaveLength(1);
    scale.setDevice({ kind: 'none' });
    expect((await scale.until('off')).message).toBe('No scale set up');
  });

  it('tests a device typed in Settings without disturbing the live one', async () => {
    const live = await startFakeSerialScale('mt-sics');
    const other = await startFakeSerialScale('nci');
    cleanup.push(
      () => live.close(),
      () => other.close(),
    );
    live.set({ value: 1, unit: 'kg' });
    other.set({ value: 3, unit: 'lb' });
    const scale = await serviceOn(live);
    await scale.until('stable', 1);
    const tested = await scale.service.testDevice({ kind: 'serial', path: other.stationPath, baudRate: 9600, protocol: 'nci' });
    expect(tested).toMatchObject({ state: 'stable', weight: { value: 3, unit: 'lb' } });
    expect(scale.service.current().weight).toEqual({ value: 1, unit: 'kg' });
  });
});
