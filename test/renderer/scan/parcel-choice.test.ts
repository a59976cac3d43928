import { describe, expect, it } from 'vitest';
import {
  NO_CHOICE,
  choiceAfterScan,
  nextLabelLine,
  nextParcel,
  readTypedWeight,
  scanInWeightField,
  type ParcelChoice,
} from '../../../renderer/scan/parcel-choice';
import { parcelKey } from '../../../renderer/scan/parcel-keys';
import type { Parcel } from '../../../shared/domain/parcels';
import type { BoxPreset } from '../../../shared/domain/box-presets';
import type { LabelRecord } from '../../../shared/domain/labels';

const DEFAULT: Parcel = { dimension: { width: 8, height: 4, depth: 6, unit: 'in' }, weight: { value: 1, unit: 'lb' } };
const PRESETS: BoxPreset[] = [
  { id: 'medium', name: 'Medium', dimension: { width: 12, height: 10, depth: 6, unit: 'in' }, tareWeight: { value: 0.6, unit: 'lb' } },
  { id: 'small', name: 'Small', dimension: { width: 8, height: 6, depth: 4, unit: 'in' }, tareWeight: { value: 0.3, unit: 'lb' } },
];

describe('what parcel a scan sends', () => {
  it('nothing chosen: nothing sent (the station default), and it says so', () => {
    const next = nextParcel(NO_CHOICE, DEFAULT, PRESETS);
    expect(next.send).toBeUndefined();
    expect(next.declared).toEqual(DEFAULT);
    expect(nextLabelLine(next)).toBe('Station default: 8×4×6 in, 1 lb');
  });

  it('a preset without a typed weight: its size and the default weight', () => {
    const next = nextParcel({ presetId: 'medium', weightText: '' }, DEFAULT, PRESETS);
    expect(next.send).toEqual({ dimension: PRESETS[0]!.dimension, weight: DEFAULT.weight });
    expect(nextLabelLine(next)).toBe('Next label: Medium 12×10×6 in, 1 lb');
  });

  it('a preset and a typed weight (in the default unit, a comma taken as a point)', () => {
    const next = nextParcel({ presetId: 'medium', weightText: '2,4' }, DEFAULT, PRESETS);
    expect(next.send).toEqual({ dimension: PRESETS[0]!.dimension, weight: { value: 2.4, unit: 'lb' } });
    expect(nextLabelLine(next)).toBe('Next label: Medium 12×10×6 in, 2.4 lb');
  });

  it('a typed weight alone keeps the default box', () => {
    const next = nextParcel({ weightText: ' 3.25 ' }, DEFAULT, PRESETS);
    expect(next.send).toEqual({ dimension: DEFAULT.dimension, weight: { value: 3.25, unit: 'lb' } });
    expect(nextLabelLine(next)).toBe('Next label: 8×4×6 in, 3.25 lb');
  });

  it('a preset removed from Settings meanwhile: the default box', () => {
    expect(nextParcel({ presetId: 'gone', weightText: '' }, DEFAULT, PRESETS).send).toBeUndefined();
  });

  it.each([
    ['0', 'more than 0'],
    ['-2', 'more than 0'],
    ['abc', 'not a weight'],
    ['1.2.3', 'not a weight'],
    ['71', 'At most 70 lb'],
  ])('an invalid typed weight (%s) is a problem, never sent', (text, message) => {
    const next = nextParcel({ presetId: 'small', weightText: text }, DEFAULT, PRESETS);
    expect(next.problem).toContain(message);
    expect(nextLabelLine(next)).toContain('none until the weight is fixed');
  });

  it('the limit is checked across units', () => {
    expect(readTypedWeight('31', 'kg').kind).toBe('ok');
    expect(readTypedWeight('32', 'kg').kind).toBe('invalid');
    expect(readTypedWeight('70', 'lb')).toEqual({ kind: 'ok', weight: { value: 70, unit: 'lb' } });
  });
});

describe('when the choice goes back to the default', () => {
  const chosen: ParcelChoice = { presetId: 'medium', weightText: '2.4' };
  const label = { id: 'l1', orderId: '576477431806268482' } as LabelRecord;
  const problem = { code: 'provider_refused', message: 'no' } as never;

  it.each([
    ['printed', { outcome: 'printed', jobId: 'j', label }],
    ['queued', { outcome: 'queued', jobId: 'j', label, printJobId: 1, message: '' }],
    ['print_failed', { outcome: 'print_failed', jobId: 'j', label, problem }],
    ['a purchase being checked', { outcome: 'failed', jobId: 'j', label, problem }],
  ] as const)('after a label was bought (%s): reset', (_name, result) => {
    expect(choiceAfterScan(chosen, result)).toEqual(NO_CHOICE);
  });

  it.each([
    ['refused', { outcome: 'failed', jobId: 'j', problem }],
    ['already labelled (nothing bought)', { outcome: 'already_labelled', jobId: 'j', label, message: '' }],
    ['the call failed', { outcome: 'call_failed' }],
  ] as const)('after a scan that bought nothing (%s): kept', (_name, result) => {
    expect(choiceAfterScan(chosen, result)).toEqual(chosen);
  });
});

describe('the strip keys', () => {
  const key = (k: string, code: string, altKey = true) => parcelKey({ key: k, code, altKey, ctrlKey: false, metaKey: false });
  it('Alt+digits, Alt+0, Alt+W; nothing without Alt', () => {
    expect(key('1', 'Digit1')).toEqual({ kind: 'preset', index: 0 });
    expect(key('¡', 'Digit1')).toEqual({ kind: 'preset', index: 0 });
    expect(key('0', 'Digit0')).toEqual({ kind: 'station-box' });
    expect(key('w', 'KeyW')).toEqual({ kind: 'weight' });
    expect(key('1', 'Digit1', false)).toBeNull();
  });
});

describe('a scan typed into the weight field', () => {
  it('is a scan, not a weight: the burst replacing the selected weight, or added after it', () => {
    expect(scanInWeightField('2.4', '576477431806260001')).toBe('576477431806260001');
    expect(scanInWeightField('2.4', '2.4576477431806260001')).toBe('576477431806260001');
    expect(scanInWeightField('', '#1001')).toBe('#1001');
  });
  it('a weight stays a weight', () => {
    expect(scanInWeightField('', '2.4')).toBeNull();
    expect(scanInWeightField('2', '2.25')).toBeNull();
    expect(scanInWeightField('', '1234.567')).toBe('1234.567');
  });
});
