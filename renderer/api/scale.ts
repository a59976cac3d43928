/**
 * The scale's reading: loaded once, then replaced by every `scaleReading` event (the Scan screen
 * subscribes while it is shown). Settings lists devices and tests one through the core.
 */
import { useEffect } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ScaleReading } from '../../shared/domain/scale';
import { station, useConnection } from './station';

export const SCALE_READING_KEY = ['scale-reading'] as const;

/** A safety net for a missed event; events are the normal path. */
const SCALE_POLL_MS = 30_000;

export function useScaleReading() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const offEvent = station.on('scaleReading', (reading) => {
      void queryClient.cancelQueries({ queryKey: SCALE_READING_KEY, exact: true });
      queryClient.setQueryData(SCALE_READING_KEY, reading);
    });
    const offConnection = useConnection.subscribe((now, before) => {
      if (now.status === 'open' && before.status !== 'open') void queryClient.invalidateQueries({ queryKey: SCALE_READING_KEY });
    });
    return () => {
      offEvent();
      offConnection();
    };
  }, [queryClient]);
  return useQuery({ queryKey: SCALE_READING_KEY, queryFn: () => station.getScaleReading({}), refetchInterval: SCALE_POLL_MS });
}

/** The reading as it is now (outside React: a scan deciding whether to wait). */
export function latestScaleReading(queryClient: QueryClient): ScaleReading | undefined {
  return queryClient.getQueryData<ScaleReading>(SCALE_READING_KEY);
}

/**
 * Waits (at most `seconds`) until `ready` holds for the latest reading; true when it did. Checked
 * every 100 ms: readings come as events, a few a second at most.
 */
export async function waitForScale(seconds: number, ready: () => boolean): Promise<boolean> {
  const rounds = Math.ceil((seconds * 1000) / 100);
  for (let i = 0; i < rounds; i++) {
    if (ready()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return ready();
}
