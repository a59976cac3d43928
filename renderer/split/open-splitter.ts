/** Opening the splitter: on the order last scanned (F6), or by itself when a scan needs splitting. */
import { useCallback } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { OrderDetails } from '../../shared/domain/orders';
import type { PublicSettings } from '../../shared/domain/settings';
import { keys } from '../api/queries';
import { useNav } from '../state/nav';
import { useScanStore } from '../state/scan-store';
import { lastScannedOrder } from './last-scanned-order';
import { useSplitStore } from '../state/split-store';
import { draftUnits } from './split-draft';
import { openOrder } from './split-actions';

function unitsOf(queryClient: QueryClient) {
  return draftUnits(queryClient.getQueryData<PublicSettings>(keys.settings));
}

/** A scan answered split_needed: nothing was bought, the splitter opens with the order. */
export function openSplitNeeded(order: OrderDetails, queryClient: QueryClient): void {
  if (useSplitStore.getState().purchase.phase === 'buying') return;
  useSplitStore.getState().open(order, unitsOf(queryClient));
  useNav.getState().go('split');
}

export function useOpenSplitter(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    const split = useSplitStore.getState();
    const fromScan = useNav.getState().screen === 'scan';
    useNav.getState().go('split');
    const last = fromScan ? lastScannedOrder(useScanStore.getState()) : null;
    if (!last || split.purchase.phase === 'buying') return;
    const orderId = 'order' in last ? last.order.orderId : last.orderId;
    if (split.order?.orderId === orderId) return;
    if ('order' in last) split.open(last.order, unitsOf(queryClient));
    else void openOrder(orderId, queryClient, unitsOf(queryClient));
  }, [queryClient]);
}
