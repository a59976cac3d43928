/**
 * Sends a scan from whichever screen it was made on: an item of the order being checked, or an
 * order scan with the parcel the packer chose (see weighed-send).
 */
import type { QueryClient } from '@tanstack/react-query';
import { runScan } from '../state/run-scan';
import { scanDuringCheck } from './check-scan';
import { itemsCheckedFirst, sendWeighed } from './weighed-send';

export function submitScan(scan: string, queryClient: QueryClient): boolean {
  // Checking an order's items: the scan is an item of it (or ends the check).
  if (scanDuringCheck(scan, queryClient)) return true;
  return sendWeighed(scan, queryClient, (next) => runScan(scan, queryClient, next), !itemsCheckedFirst(queryClient));
}
