/** Splitting an order: reading its line items (lookupOrder) and buying one label per box (buyShipment). */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { MethodInput } from '../../shared/contract';
import { station } from './station';
import { keys } from './queries';

/** An order's line items, asked afresh each time it is opened (a cancellation must be seen). */
export function orderLookupQuery(scan: string) {
  return queryOptions({
    queryKey: ['order', scan] as const,
    queryFn: () => station.lookupOrder({ scan }),
    staleTime: 0,
    retry: false,
  });
}

/** A line item's picture as the station fetched it (a `data:` URL), or null; kept while the app runs. */
export function itemPictureQuery(orderId: string, lineItemId: string) {
  return queryOptions({
    queryKey: ['item-picture', orderId, lineItemId] as const,
    queryFn: async () => (await station.itemPicture({ orderId, lineItemId })).picture,
    staleTime: Infinity,
    retry: false,
  });
}

/** Buys the labels of a plan; History, the unprinted labels and the print queue are refreshed after. */
export function useBuyShipment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'buyShipment'>) => station.buyShipment(input),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: keys.historyAll });
      void queryClient.invalidateQueries({ queryKey: keys.unprinted });
      void queryClient.invalidateQueries({ queryKey: keys.printQueue });
    },
  });
}
