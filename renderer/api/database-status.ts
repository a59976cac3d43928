/**
 * Where the station keeps its history and whether the fleet's shared database answers: loaded from
 * getStationInfo at start, then replaced by every `databaseStatus` event (subscribed once, in App).
 */
import { useEffect } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { DatabaseStatus } from '../../shared/domain/fleet';
import { station, useConnection } from './station';
import { keys } from './queries';

/** A safety net for a missed event; events are the normal path. */
const DATABASE_STATUS_POLL_MS = 30_000;

export function useDatabaseStatus() {
  return useQuery({
    queryKey: keys.database,
    queryFn: async (): Promise<DatabaseStatus> => (await station.getStationInfo({})).database,
    refetchInterval: DATABASE_STATUS_POLL_MS,
  });
}

/** Keeps the status up to date from the station's events; App calls it once for the whole page. */
export function useDatabaseStatusEvents(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const offEvent = station.on('databaseStatus', (status) => applyStatus(queryClient, status));
    // Events sent while the connection was down are lost: ask again.
    const offConnection = useConnection.subscribe((now, before) => {
      if (now.status === 'open' && before.status !== 'open') void queryClient.invalidateQueries({ queryKey: keys.database });
    });
    return () => {
      offEvent();
      offConnection();
    };
  }, [queryClient]);
}

function applyStatus(queryClient: QueryClient, status: DatabaseStatus): void {
  const before = queryClient.getQueryData<DatabaseStatus>(keys.database);
  // A getStationInfo answer still on its way may be older than this event: it must not overwrite it.
  void queryClient.cancelQueries({ queryKey: keys.database, exact: true });
  queryClient.setQueryData(keys.database, status);
  // Back (or away): History reads the shared database again (or the station's own copy).
  if (before && before.reachable !== status.reachable) {
    void queryClient.invalidateQueries({ queryKey: keys.historyAll });
    void queryClient.invalidateQueries({ queryKey: ['label'] });
  }
}
