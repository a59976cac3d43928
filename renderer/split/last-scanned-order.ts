/** Which order F6 opens the splitter on: the one last scanned. */
import type { OrderDetails } from '../../shared/domain/orders';
import type { ScanResult } from '../state/scan-store';

/** The order of the last scan: the whole order when the scan said it needs splitting, else its ID. */
export function lastScannedOrder(scan: { result?: ScanResult; orderId?: string }): { order: OrderDetails } | { orderId: string } | null {
  if (scan.result?.outcome === 'split_needed') return { order: scan.result.order };
  return scan.orderId ? { orderId: scan.orderId } : null;
}
