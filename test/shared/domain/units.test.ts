import { describe, expect, it } from 'vitest';
import { convertDimension, convertWeight, formatDimension, formatWeight } from '../../../shared/domain/shipment-rules';

describe('unit conversions use the exact legal factors', () => {
  it('converts weights', () => {
    expect(convertWeight({ value: 1, unit: 'lb' }, 'g')).toEqual({ value: 453.59237, unit: 'g' });
    expect(convertWeight({ value: 16, unit: 'oz' }, 'lb').value).toBeCloseTo(1, 12);
    expect(convertWeight({ value: 1, unit: 'kg' }, 'lb').value).toBeCloseTo(2.2046226218, 9);
    expect(convertWeight({ value: 70, unit: 'lb' }, 'kg').value).toBeCloseTo(31.7514659, 6);
  });

  it('converts dimensions side by side', () => {
    expect(convertDimension({ width: 12, height: 10, depth: 6, unit: 'in' }, 'cm')).toEqual({
      width: 30.48,
      height: 25.4,
      depth: 15.24,
      unit: 'cm',
    });
  });

  it('shows values as a scale or tape measure would', () => {
    expect(formatWeight({ value: 1.005, unit: 'lb' })).toBe('1.01 lb');
    expect(formatWeight(convertWeight({ value: 1.25, unit: 'lb' }, 'oz'))).toBe('20 oz');
    expect(formatWeight(convertWeight({ value: 1.25, unit: 'lb' }, 'g'))).toBe('567 g');
    expect(formatWeight(convertWeight({ value: 1.25, unit: 'lb' }, 'kg'))).toBe('0.567 kg');
    expect(formatDimension(convertDimension({ width: 12, height: 10, depth: 6.5, unit: 'in' }, 'cm'))).toBe('30.5 × 25.4 × 16.5 cm');
  });
});
