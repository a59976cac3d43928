/**
 * Scans that arrive while a label is being bought wait here, in the order they came, and are made
 * one after another (labels print in scan order). A scan already waiting or being worked on is not
 * queued twice (a double read of one barcode); the station would not buy it twice anyway.
 */
import { create } from 'zustand';
import { normalizeScan } from '../../shared/domain/scan';
import type { ScanParcel } from './scan-parcel';
import type { PackingCheck } from '../../shared/contract';

export interface QueuedScan {
  id: number;
  scan: string;
  /** The parcel the packer declared when the scan was made (box preset, typed weight). */
  parcel?: ScanParcel;
  /** The order's items as the packer checked them (the packing check), sent with the scan. */
  check?: PackingCheck;
}

interface ScanQueueState {
  queued: QueuedScan[];
  /** Adds a scan at the end; false when the same scan is already waiting. */
  add(scan: string, parcel?: ScanParcel, check?: PackingCheck): boolean;
  /** Takes the oldest scan off the queue. */
  next(): QueuedScan | undefined;
  remove(id: number): void;
}

let lastId = 0;

export const useScanQueue = create<ScanQueueState>((set, get) => ({
  queued: [],
  add(scan, parcel, check) {
    if (get().queued.some((q) => sameScan(q.scan, scan))) return false;
    set({ queued: [...get().queued, { id: ++lastId, scan, ...(parcel && { parcel }), ...(check && { check }) }] });
    return true;
  },
  next() {
    const [first, ...rest] = get().queued;
    if (first) set({ queued: rest });
    return first;
  },
  remove(id) {
    set({ queued: get().queued.filter((q) => q.id !== id) });
  },
}));

export function sameScan(a: string, b: string): boolean {
  return normalizeScan(a) === normalizeScan(b);
}
