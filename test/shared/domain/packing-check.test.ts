import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkItemScan, checkProblem, uncheckedUnits } from '../../../shared/domain/packing-check';
import type { LineItem } from '../../../shared/domain/orders';

const items: LineItem[] = [
  { id: 'li-1', sku: 'MUG-RED', name: 'Red mug', quantity: 1, barcode: '0012345678905' },
  { id: 'li-2', sku: 'MUG-RED', name: 'Red mug', quantity: 1 },
  { id: 'li-3', sku: 'TEE-L', name: 'T-shirt', quantity: 2 },
];

/** Scans each code in turn, keeping the units the check accepted. */
function scanAll(codes: string[]): { checked: string[]; refused: string[] } {
  const checked: string[] = [];
  const refused: string[] = [];
  for (const code of codes) {
    const result = checkItemScan(items, checked, code);
    if (result.ok) checked.push(result.lineItemId);
    else refused.push(result.message);
  }
  return { checked, refused };
}

describe('the packing check', () => {
  it('checks one unit per scan by SKU, barcode or line item ID, until every unit is seen', () => {
    const { checked, refused } = scanAll(['mug-red', '0012345678905', 'TEE-L', 'li-3']);
    expect(refused).toEqual([]);
    expect(checked.sort()).toEqual(['li-1', 'li-2', 'li-3', 'li-3']);
    expect(checkProblem(items, checked)).toBeNull();
  });

  it('refuses an item not in the order and one unit too many, saying which', () => {
    const { checked, refused } = scanAll(['CAP-9', 'TEE-L', 'TEE-L', 'TEE-L']);
    expect(refused[0]).toBe('CAP-9 is not an item of this order. Put it back and scan the right one.');
    expect(refused[1]).toContain('T-shirt (TEE-L): this order has only 2, all checked already');
    expect(uncheckedUnits(items, checked).map((u) => [u.item.id, u.left])).toEqual([
      ['li-1', 1],
      ['li-2', 1],
    ]);
    expect(checkProblem(items, checked)).toBe('2 items are not checked yet: Red mug (MUG-RED), Red mug (MUG-RED).');
  });

  it('never lets a check pass that does not hold exactly the order’s units', () => {
    const ids = ['li-1', 'li-2', 'li-3', 'li-9'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ids), { maxLength: 8 }), (checked) => {
        const exact = ['li-1', 'li-2', 'li-3', 'li-3'].join() === [...checked].sort().join();
        return (checkProblem(items, checked) === null) === exact;
      }),
    );
  });

  it('cannot be passed for an order whose items the source does not list', () => {
    expect(checkProblem([], [])).toContain('lists no items');
  });
});
