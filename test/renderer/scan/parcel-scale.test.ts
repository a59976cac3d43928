import { describe, expect, it } from 'vitest';
import { NO_CHOICE, nextLabelLine, nextParcel, scanRefusal, type ScaleInput } from '../../../renderer/scan/parcel-choice';
import type { Parcel } from '../../../shared/domain/parcels';
import type { BoxPreset } from '../../../shared/domain/box-presets';
import { DEFAULT_SCALE, SCALE_STATE_WORDS, type ScaleReading, type ScaleSettings, type ScaleState } from '../../../shared/domain/scale';

const DEFAULT: Parcel = { dimension: { width: 8, height: 4, depth: 6, unit: 'in' }, weight: { value: 1, unit: 'lb' } };
const PRESETS: BoxPreset[] = [
  { id: 'medium', name: 'Medium', dimension: { width: 12, height: 10, depth: 6, unit: 'in' }, tareWeight: { value: 0.6, unit: 'lb' } },
];
const SERIAL: ScaleSettings = { ...DEFAULT_SCALE, device: { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 9600, protocol: 'mt-sics' } };

function reading(state: ScaleState, value: number | null, unit: 'lb' | 'kg' = 'lb'): ScaleReading {
  return {
    state,
    stable: state === 'stable' || state === 'zero',
    weight: value === null ? null : { value, unit },
    message: SCALE_STATE_WORDS[state],
    at: '2026-12-05T10:00:00.000Z',
  };
}
const scale = (r: ScaleReading | undefined, rules: Partial<ScaleSettings> = {}): ScaleInput => ({
  reading: r,
  rules: { ...SERIAL, ...rules },
});

describe('the scale in the next parcel', () => {
  it('a stable weight is the parcel weight, with the box chosen', () => {
    const next = nextParcel({ presetId: 'medium', weightText: '' }, DEFAULT, PRESETS, scale(reading('stable', 2.35)));
    expect(next.send).toEqual({ dimension: PRESETS[0]!.dimension, weight: { value: 2.35, unit: 'lb' } });
    expect(next.weightFrom).toBe('scale');
    expect(nextLabelLine(next)).toBe('Next label: Medium 12×10×6 in, 2.35 lb (scale)');
    expect(scanRefusal(next)).toBeNull();
  });

  it('a typed weight wins over the scale', () => {
    const next = nextParcel({ weightText: '3' }, DEFAULT, PRESETS, scale(reading('stable', 2.35)));
    expect(next.send?.weight).toEqual({ value: 3, unit: 'lb' });
    expect(next.weightFrom).toBe('typed');
    expect(next.waitForScale).toBeUndefined();
  });

  it('must be stable: a settling, empty or unplugged scale holds the scan, saying why', () => {
    for (const [r, words] of [
      [reading('in_motion', 2.3), 'the scale is not stable yet'],
      [reading('zero', 0), 'the scale is empty: put the parcel on it'],
      [reading('not_connected', null), 'scale not connected — check its cable and power'],
      [undefined, 'the scale has not said anything yet'],
    ] as const) {
      const next = nextParcel(NO_CHOICE, DEFAULT, PRESETS, scale(r));
      expect(next.waitForScale).toBe(words);
      expect(scanRefusal(next)).toContain(`Not sent — ${words}.`);
      expect(scanRefusal(next)).toContain('the scan is kept');
      expect(nextLabelLine(next)).toBe('Next label: waits for a stable weight');
    }
  });

  it('without the rule, an unsettled scale leaves the station default weight', () => {
    const next = nextParcel(NO_CHOICE, DEFAULT, PRESETS, scale(reading('in_motion', 2.3), { mustBeStable: false }));
    expect(next.send).toBeUndefined();
    expect(next.weightFrom).toBe('default');
    expect(scanRefusal(next)).toBeNull();
  });

  it('no scale set up: the rule does not hold scans (the station default as before)', () => {
    const next = nextParcel(NO_CHOICE, DEFAULT, PRESETS, { reading: reading('off', null), rules: DEFAULT_SCALE });
    expect(next.waitForScale).toBeUndefined();
    expect(nextLabelLine(next)).toBe('Station default: 8×4×6 in, 1 lb');
  });

  it('weight limits refuse a scale or typed weight outside them, in any unit', () => {
    const limits = { minWeight: { value: 0.1, unit: 'lb' as const }, maxWeight: { value: 30, unit: 'lb' as const } };
    const heavy = nextParcel(NO_CHOICE, DEFAULT, PRESETS, scale(reading('stable', 15, 'kg'), limits));
    expect(heavy.outsideLimits).toBe("15 kg is over this station's highest weight (30 lb)");
    expect(scanRefusal(heavy)).toMatch(/^Not sent — 15 kg is over/);
    const light = nextParcel({ weightText: '0.05' }, DEFAULT, PRESETS, { reading: undefined, rules: { ...DEFAULT_SCALE, ...limits } });
    expect(light.outsideLimits).toBe("0.05 lb is under this station's lowest weight (0.1 lb)");
    const fine = nextParcel(NO_CHOICE, DEFAULT, PRESETS, scale(reading('stable', 13, 'kg'), limits));
    expect(fine.outsideLimits).toBeUndefined();
  });
});
