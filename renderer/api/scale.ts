/**
 * The scale's reading: loaded once, then replaced by every `scaleReading` event (subscribed once, in
 * App, so a scan made from any screen sees the scale as it is now).
 */
import { useEffect } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ScaleReading } from '../../shared/domain/scale';
import { station, useConnection } from './station';

export const SCALE_READING_KEY = ['scale-reading'] as const;

/** A safety net for a missed event; events are the normal path. */
const SCALE_POLL_MS = 30_000;

export function useScaleReading() {
  return useQuery({ queryKey: SCALE_READING_KEY, queryFn: () => station.getScaleReading({}), refetchInterval: SCALE_POLL_MS });
}

/** Keeps the reading up to date from the station's events; App calls it once for the whole page. */
export function useScaleReadingEvents(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const offEvent = station.on('scaleReading', (reading) => {
      // A getScaleReading answer still on its way may be older than this event: it must not overwrite it.
      void queryClient.cancelQueries({ queryKey: SCALE_READING_KEY, exact: true });
      queryClient.setQueryData(SCALE_READING_KEY, reading);
    });
    // Events sent while the connection was down are lost: ask again.
    const offConnection = useConnection.subscribe((now, before) => {
      if (now.status === 'open' && before.status !== 'open') void queryClient.invalidateQueries({ queryKey: SCALE_READING_KEY });
    });
    return () => {
      offEvent();
      offConnection();
    };
  }, [queryClient]);
}

/** The reading as it is now (outside React: a scan deciding whether to wait). */
export function latestScaleReading(queryClient: QueryClient): ScaleReading | undefined {
  return queryClient.getQueryData<ScaleReading>(SCALE_READING_KEY);
}
