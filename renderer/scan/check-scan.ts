/**
 * A scan made while the packer checks an order's items: an item's code checks one unit (a wrong
 * item beeps and says which); the last unit buys the label, with the parcel weighed now that every
 * item is in it. If that was refused (the scale did not settle), scanning the order again sends it
 * again. Another order scanned instead ends the check (nothing was bought for the unchecked order)
 * and is made as a scan of its own.
 */
import type { QueryClient } from '@tanstack/react-query';
import { looksLikeOrder } from '../operators/pending-scan';
import { usePackingCheck } from '../state/packing-check-store';
import { runScan } from '../state/run-scan';
import { sameScan } from '../state/scan-queue';
import { sendWeighed } from './weighed-send';
import { useScanNotice } from '../state/scan-notice';
import { sounds } from '../ui/sounds';

/** True when the scan was taken by the check; false when it is to be made as an order scan. */
export function scanDuringCheck(code: string, queryClient: QueryClient): boolean {
  const check = usePackingCheck.getState();
  if (!check.order) return false;
  if (check.complete() && sameScan(code, check.scan)) {
    buyChecked(queryClient);
    return true;
  }
  const result = check.itemScanned(code);
  if (result.state === 'checked') {
    sounds.queued();
    if (result.complete) buyChecked(queryClient);
    return true;
  }
  if (looksLikeOrder(code)) {
    const name = check.order.displayName ?? check.order.orderId;
    useScanNotice
      .getState()
      .say(`Order ${name} was not checked, so nothing was bought for it. ${code.trim()} was scanned instead.`, 'scan');
    check.stop();
    return false;
  }
  sounds.error();
  return true;
}

function buyChecked(queryClient: QueryClient): void {
  const done = usePackingCheck.getState();
  sendWeighed(done.scan, queryClient, (next) => runScan(done.scan, queryClient, next, { check: { itemIds: done.checked } }));
}
