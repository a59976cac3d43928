/** Write-back on screen: the webhooks (never their secrets) and the delivery log, one queryOptions each. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { station } from './station';

export const writebackKeys = {
  settings: ['writeback', 'settings'] as const,
  log: ['writeback', 'log'] as const,
};

export const writebackQuery = queryOptions({ queryKey: writebackKeys.settings, queryFn: () => station.getWriteback({}) });

/** Deliveries move in the background (retries, a WMS coming back): read again every few seconds. */
export const deliveryLogQuery = queryOptions({
  queryKey: writebackKeys.log,
  queryFn: () => station.getDeliveryLog({ limit: 50 }),
  refetchInterval: 5_000,
});

export function useWriteback() {
  return useQuery(writebackQuery);
}

export function useDeliveryLog() {
  return useQuery(deliveryLogQuery);
}
