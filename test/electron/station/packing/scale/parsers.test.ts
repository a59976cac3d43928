import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseHidScaleReport, parseMtSicsLine, parseNciFrame } from '../../../../../electron/station/packing';

describe('USB HID point-of-sale scale report (usage page 0x8D)', () => {
  it('reads a stable weight: report 3, status 4, ounces, exponent -1, 0x0005 -> 0.5 oz', () => {
    expect(parseHidScaleReport(Uint8Array.from([3, 4, 11, 0xff, 5, 0]))).toEqual({ state: 'stable', weight: { value: 0.5, unit: 'oz' } });
  });

  it('reads 16-bit little-endian counts: 40 lb 5.2 oz shown as 645.2 oz', () => {
    expect(parseHidScaleReport(Uint8Array.from([3, 4, 11, 0xff, 0x34, 0x19]))).toEqual({
      state: 'stable',
      weight: { value: 645.2, unit: 'oz' },
    });
  });

  it('reads a report handed over without its ID byte (5 bytes)', () => {
    expect(parseHidScaleReport(Uint8Array.from([4, 2, 0, 0x14, 0]))).toEqual({ state: 'stable', weight: { value: 20, unit: 'g' } });
  });

  it('reads grams, kilograms and pounds; milligrams as grams', () => {
    expect(parseHidScaleReport(Uint8Array.from([3, 4, 3, 0xfd, 0xd2, 0x04]))?.weight).toEqual({ value: 1.234, unit: 'kg' });
    expect(parseHidScaleReport(Uint8Array.from([3, 4, 12, 0xfe, 0xfa, 0x00]))?.weight).toEqual({ value: 2.5, unit: 'lb' });
    expect(parseHidScaleReport(Uint8Array.from([3, 4, 1, 0, 0xe8, 0x03]))?.weight).toEqual({ value: 1, unit: 'g' });
  });

  it('says in motion, empty, and each fault the scale reports, without a weight to use', () => {
    expect(parseHidScaleReport(Uint8Array.from([3, 3, 12, 0xfe, 100, 0]))).toEqual({
      state: 'in_motion',
      weight: { value: 1, unit: 'lb' },
    });
    expect(parseHidScaleReport(Uint8Array.from([3, 2, 12, 0xfe, 0, 0]))).toEqual({ state: 'zero', weight: { value: 0, unit: 'lb' } });
    const states = [1, 5, 6, 7, 8].map((status) => parseHidScaleReport(Uint8Array.from([3, status, 12, 0xfe, 100, 0])));
    expect(states).toEqual([
      { state: 'fault', weight: null },
      { state: 'under_zero', weight: null },
      { state: 'over_capacity', weight: null },
      { state: 'needs_calibration', weight: null },
      { state: 'needs_rezero', weight: null },
    ]);
  });

  it('refuses units the station cannot declare (carats) as a fault, and ignores other reports', () => {
    expect(parseHidScaleReport(Uint8Array.from([3, 4, 4, 0, 10, 0]))?.state).toBe('fault');
    expect(parseHidScaleReport(Uint8Array.from([2, 4, 12, 0, 10, 0]))).toBeNull();
    expect(parseHidScaleReport(Uint8Array.from([3, 4]))).toBeNull();
  });

  it('property: any stable report in grams gives back count × 10^exponent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: -4, max: 2 }), (count, exponent) => {
        const report = Uint8Array.from([3, 4, 2, exponent & 0xff, count & 0xff, count >> 8]);
        const sample = parseHidScaleReport(report);
        expect(sample?.state).toBe('stable');
        expect(sample?.weight?.unit).toBe('g');
        expect(sample?.weight?.value).toBeCloseTo(count * 10 ** exponent, 9);
      }),
    );
  });

  it('property: no byte string throws; every answer is a known state', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), (bytes) => {
        const sample = parseHidScaleReport(bytes);
        if (sample?.weight) expect(Number.isFinite(sample.weight.value)).toBe(true);
      }),
    );
  });
});

describe('Mettler Toledo MT-SICS answers to SI', () => {
  it('reads a stable weight and a dynamic (in motion) one', () => {
    expect(parseMtSicsLine('S S      1.234 kg')).toEqual({ state: 'stable', weight: { value: 1.234, unit: 'kg' } });
    expect(parseMtSicsLine('S D      1.230 kg\r')).toEqual({ state: 'in_motion', weight: { value: 1.23, unit: 'kg' } });
    expect(parseMtSicsLine('S S    100.00 g')).toEqual({ state: 'stable', weight: { value: 100, unit: 'g' } });
    expect(parseMtSicsLine('S S       2.50 lb')).toEqual({ state: 'stable', weight: { value: 2.5, unit: 'lb' } });
  });

  it('says empty for a stable zero and under zero for a negative weight', () => {
    expect(parseMtSicsLine('S S      0.000 kg')?.state).toBe('zero');
    expect(parseMtSicsLine('S S     -0.012 kg')?.state).toBe('under_zero');
  });

  it('reads overload, underload, busy and the general errors', () => {
    expect(parseMtSicsLine('S +')).toEqual({ state: 'over_capacity', weight: null });
    expect(parseMtSicsLine('S -')).toEqual({ state: 'under_zero', weight: null });
    expect(parseMtSicsLine('S I')).toEqual({ state: 'busy', weight: null });
    expect(parseMtSicsLine('ES')?.state).toBe('fault');
    expect(parseMtSicsLine('S S      1.000 ct')?.state).toBe('fault');
  });

  it('ignores lines that are not weight answers', () => {
    expect(parseMtSicsLine('')).toBeNull();
    expect(parseMtSicsLine('I4 A "B123456789"')).toBeNull();
  });

  it('property: a stable value formatted as a scale does reads back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999_999 }), fc.constantFrom('g', 'kg', 'lb', 'oz'), (thousandths, unit) => {
        const text = (thousandths / 1000).toFixed(3).padStart(10, ' ');
        expect(parseMtSicsLine(`S S ${text} ${unit}`)).toEqual({ state: 'stable', weight: { value: Number(text), unit } });
      }),
    );
  });
});

describe('NCI "W<CR>" answers (NCI, Weigh-Tronix, Avery, Brecknell)', () => {
  it('reads a stable weight with its unit', () => {
    expect(parseNciFrame('\n  1.25lb\r\n00\r')).toEqual({ state: 'stable', weight: { value: 1.25, unit: 'lb' } });
    expect(parseNciFrame('\n 0567g \r\n00\r')).toEqual({ state: 'stable', weight: { value: 567, unit: 'g' } });
  });

  it('reads motion and zero from status byte 1', () => {
    expect(parseNciFrame('\n  1.25lb\r\n10\r')?.state).toBe('in_motion');
    expect(parseNciFrame('\n  0.00lb\r\n20\r')).toEqual({ state: 'zero', weight: { value: 0, unit: 'lb' } });
  });

  it('reads under and over capacity and a faulty calibration from status byte 2', () => {
    expect(parseNciFrame('\n01\r')).toEqual({ state: 'under_zero', weight: null });
    expect(parseNciFrame('\n02\r')).toEqual({ state: 'over_capacity', weight: null });
    expect(parseNciFrame('\n08\r')).toEqual({ state: 'needs_calibration', weight: null });
    expect(parseNciFrame('\n?\r')?.state).toBe('fault');
  });

  it('property: no text throws', () => {
    fc.assert(fc.property(fc.string({ maxLength: 30 }), (text) => void parseNciFrame(text)));
  });
});
