/**
 * The packing check on the Scan screen: the order whose items the packer is scanning, the units
 * checked so far, and what the last item scan did. When every unit is checked the order's label is
 * bought (run-scan sends the check with it).
 */
import { create } from 'zustand';
import type { OrderDetails } from '../../shared/domain/orders';
import { checkItemScan, uncheckedUnits } from '../../shared/domain/packing-check';
import type { ScanParcel } from './scan-parcel';

export type ItemScanResult = { state: 'checked'; complete: boolean } | { state: 'wrong'; message: string };

interface PackingCheckState {
  order: OrderDetails | null;
  /** The order scan as the packer made it, and the parcel it declared. */
  scan: string;
  parcel?: ScanParcel;
  checked: string[];
  /** The last item scan's words (a wrong item says which). */
  last: { tone: 'good' | 'bad'; text: string } | null;
  start(order: OrderDetails, scan: string, parcel?: ScanParcel): void;
  /** An item's code was scanned: one unit checked, or why not. */
  itemScanned(code: string): ItemScanResult;
  /** Every unit is checked (the label is being bought, or its purchase was refused and may be sent again). */
  complete(): boolean;
  stop(): void;
}

const EMPTY = { order: null, scan: '', parcel: undefined, checked: [], last: null };

export const usePackingCheck = create<PackingCheckState>((set, get) => ({
  ...EMPTY,
  start(order, scan, parcel) {
    set({ order, scan, parcel, checked: [], last: null });
  },
  itemScanned(code) {
    const { order, checked } = get();
    if (!order) return { state: 'wrong', message: 'No order is being checked.' };
    const result = checkItemScan(order.lineItems, checked, code);
    if (!result.ok) {
      set({ last: { tone: 'bad', text: result.message } });
      return { state: 'wrong', message: result.message };
    }
    const next = [...checked, result.lineItemId];
    const item = order.lineItems.find((i) => i.id === result.lineItemId)!;
    set({ checked: next, last: { tone: 'good', text: `✓ ${item.name || item.sku} (${item.sku || item.id})` } });
    return { state: 'checked', complete: uncheckedUnits(order.lineItems, next).length === 0 };
  },
  complete() {
    const { order, checked } = get();
    return order !== null && uncheckedUnits(order.lineItems, checked).length === 0;
  },
  stop() {
    set(EMPTY);
  },
}));
