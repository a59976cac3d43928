/**
 * The station's health: one query (getHealth) for the top bar's light and the Health panel, kept
 * fresh by `healthChanged` events (the light and its reasons at once, the figures re-read) and a
 * poll as a safety net.
 */
import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HealthReport } from '../../shared/domain/health';
import { station, useConnection } from './station';

export const healthKey = ['health'] as const;

/** The top bar polls slowly (events are the normal path); the open panel every 10 s. */
const HEALTH_POLL_MS = 60_000;
export const HEALTH_PANEL_POLL_MS = 10_000;

export function useHealth(pollMs = HEALTH_POLL_MS) {
  return useQuery({ queryKey: healthKey, queryFn: () => station.getHealth({}), refetchInterval: pollMs });
}

/** Subscribed once (by the top bar's light). */
export function useHealthEvents(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const off = station.on('healthChanged', (status) => {
      queryClient.setQueryData<HealthReport>(healthKey, (before) => before && { ...before, ...status });
      void queryClient.invalidateQueries({ queryKey: healthKey });
    });
    const offConnection = useConnection.subscribe((now, before) => {
      if (now.status === 'open' && before.status !== 'open') void queryClient.invalidateQueries({ queryKey: healthKey });
    });
    return () => {
      off();
      offConnection();
    };
  }, [queryClient]);
}

export function useBackUpNow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => station.backUpNow({}),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: healthKey }),
  });
}
