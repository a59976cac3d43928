import { describe, expect, it } from 'vitest';
import { scaleDraftFrom, scaleSettingsFrom } from '../../../renderer/settings/scale-draft';
import { DEFAULT_SCALE } from '../../../shared/domain/scale';

describe('Settings scale section draft', () => {
  it('round-trips a serial scale with its rules', () => {
    const settings = {
      device: { kind: 'serial' as const, path: '/dev/ttyUSB0', baudRate: 9600, protocol: 'nci' as const },
      mustBeStable: true,
      stableWaitSeconds: 4,
      minWeight: { value: 0.1, unit: 'lb' as const },
      maxWeight: { value: 70, unit: 'lb' as const },
    };
    expect(scaleSettingsFrom(scaleDraftFrom(settings))).toEqual({ ok: true, settings });
  });

  it('reads USB ids in hexadecimal, as they are written (Dymo 0922:8003)', () => {
    const draft = { ...scaleDraftFrom(DEFAULT_SCALE), kind: 'hid' as const, vendorId: '0922', productId: '0x8003' };
    const result = scaleSettingsFrom(draft);
    expect(result.ok && result.settings.device).toEqual({ kind: 'hid', vendorId: 0x922, productId: 0x8003, path: '' });
    expect(scaleSettingsFrom({ ...draft, vendorId: 'dymo' })).toEqual({ ok: false, message: expect.stringContaining('hexadecimal') });
  });

  it('says what is wrong: no port, a highest weight under the lowest, a wait too long', () => {
    const base = scaleDraftFrom(DEFAULT_SCALE);
    expect(scaleSettingsFrom({ ...base, kind: 'serial', serialPath: '' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('serial port'),
    });
    expect(scaleSettingsFrom({ ...base, minWeight: '5', maxWeight: '2' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('lowest weight must be less than the highest'),
    });
    expect(scaleSettingsFrom({ ...base, stableWaitSeconds: '60' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('10 seconds'),
    });
  });
});
