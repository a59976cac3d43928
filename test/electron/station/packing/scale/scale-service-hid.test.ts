/**
 * The scale service with a USB HID scale's reports (no device here: the link is replaced by one that
 * hands over report bytes as node-hid would, parsed by the real HID report parser).
 */
import { describe, expect, it } from 'vitest';
import { ScaleService, parseHidScaleReport, type LinkHandlers, type OpenLink } from '../../../../../electron/station/packing';
import type { ScaleReading } from '../../../../../shared/domain/scale';

const HID = { kind: 'hid' as const, vendorId: 0x0922, productId: 0x8003, path: '' };

function fakeHid() {
  let handlers: LinkHandlers | undefined;
  let opens = 0;
  let failNext = 0;
  const open: OpenLink = async (_device, on) => {
    opens++;
    if (failNext > 0) {
      failNext--;
      throw new Error('could not open HID device');
    }
    handlers = on;
    return { close: async () => void (handlers = undefined) };
  };
  return {
    open,
    opens: () => opens,
    failNext: (n: number) => void (failNext = n),
    report: (...bytes: number[]) => {
      const sample = parseHidScaleReport(Uint8Array.from(bytes));
      if (sample) handlers?.sample(sample);
    },
    unplug: () => handlers?.closed(new Error('could not read from HID device')),
  };
}

async function until(readings: ScaleReading[], test: (r: ScaleReading) => boolean): Promise<ScaleReading> {
  for (let i = 0; i < 300; i++) {
    const found = readings.find(test);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`not seen; got ${readings.map((r) => r.state).join(', ')}`);
}

describe('scale service with a USB HID scale', () => {
  it('publishes its reports as readings, only when they change', async () => {
    const hid = fakeHid();
    const readings: ScaleReading[] = [];
    const service = new ScaleService({ device: () => HID, emit: (r) => readings.push(r), log: () => {}, open: hid.open });
    service.follow();
    try {
      await until(readings, (r) => r.state === 'connecting');
      hid.report(3, 2, 12, 0xfe, 0, 0);
      hid.report(3, 3, 12, 0xfe, 0x50, 0);
      hid.report(3, 4, 12, 0xfe, 0xeb, 0);
      hid.report(3, 4, 12, 0xfe, 0xeb, 0);
      hid.report(3, 6, 12, 0xfe, 0, 0);
      await until(readings, (r) => r.state === 'over_capacity');
      expect(readings.map((r) => [r.state, r.stable, r.weight?.value ?? null])).toEqual([
        ['connecting', false, null],
        ['zero', true, 0],
        ['in_motion', false, 0.8],
        ['stable', true, 2.35],
        ['over_capacity', false, null],
      ]);
    } finally {
      await service.stop();
    }
  });

  it('unplugged or not found: "not connected", opened again by itself until it is back', async () => {
    const hid = fakeHid();
    const readings: ScaleReading[] = [];
    const logs: string[] = [];
    hid.failNext(2);
    const service = new ScaleService({
      device: () => HID,
      emit: (r) => readings.push(r),
      log: (l) => logs.push(l),
      open: hid.open,
      timing: { retryMinMs: 5, retryMaxMs: 20 },
    });
    service.follow();
    try {
      await until(readings, (r) => r.state === 'not_connected');
      for (let i = 0; i < 300 && hid.opens() < 3; i++) await new Promise((r) => setTimeout(r, 10));
      hid.report(3, 4, 3, 0xfd, 0xd2, 0x04);
      await until(readings, (r) => r.state === 'stable');
      hid.unplug();
      await until(readings, (r) => r.state === 'not_connected' && readings.indexOf(r) > 2);
      for (let i = 0; i < 300 && hid.opens() < 4; i++) await new Promise((r) => setTimeout(r, 10));
      hid.report(3, 4, 3, 0xfd, 0xd3, 0x04);
      const back = await until(readings, (r) => r.weight?.value === 1.235);
      expect(back).toMatchObject({ state: 'stable', weight: { value: 1.235, unit: 'kg' } });
      expect(readings.map((r) => r.state)).toEqual(['connecting', 'not_connected', 'stable', 'not_connected', 'stable']);
      // The first failure is logged once, not every retry.
      expect(logs.filter((l) => l.includes('not opened'))).toHaveLength(1);
    } finally {
      await service.stop();
    }
  });

  it('stopped: no device is opened again', async () => {
    const hid = fakeHid();
    hid.failNext(100);
    const service = new ScaleService({
      device: () => HID,
      emit: () => {},
      log: () => {},
      open: hid.open,
      timing: { retryMinMs: 5, retryMaxMs: 5 },
    });
    service.follow();
    for (let i = 0; i < 300 && hid.opens() < 2; i++) await new Promise((r) => setTimeout(r, 10));
    await service.stop();
    const opens = hid.opens();
    await new Promise((r) => setTimeout(r, 50));
    expect(hid.opens()).toBe(opens);
  });
});
