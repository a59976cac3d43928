import { describe, expect, it } from 'vitest';
import { Weight } from '../../../shared/domain/parcels';

describe('Weight', () => {
  it('has the same ceiling in every unit: a 2.5 kg box may be typed in grams', () => {
    expect(Weight.safeParse({ value: 2500, unit: 'g' }).success).toBe(true);
    expect(Weight.safeParse({ value: 32000, unit: 'oz' }).success).toBe(true);
    const tooHeavy = Weight.safeParse({ value: 2001, unit: 'lb' });
    expect(tooHeavy.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['value', 'Weight is too large']]);
    expect(Weight.safeParse({ value: 1000, unit: 'kg' }).success).toBe(false);
    expect(Weight.safeParse({ value: 0, unit: 'g' }).success).toBe(false);
  });
});
