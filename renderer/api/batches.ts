/**
 * Batches on screen: one queryOptions per read (a batch, the station's batches), kept fresh by the
 * `batchProgress` events (each carries the batch's counts and the entry that changed).
 */
import { useEffect } from 'react';
import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { EventPayload, MethodInput } from '../../shared/contract';
import type { BatchView } from '../../shared/domain/batches';
import { station, useConnection } from './station';

export const batchKeys = {
  all: ['batches'] as const,
  list: ['batches', 'list'] as const,
  one: (batchId: string) => ['batches', 'one', batchId] as const,
};

export function batchQuery(batchId: string) {
  return queryOptions({ queryKey: batchKeys.one(batchId), queryFn: () => station.getBatch({ batchId }) });
}

export function batchesQuery() {
  return queryOptions({ queryKey: batchKeys.list, queryFn: () => station.listBatches({ limit: 10 }) });
}

export function applyBatchEvent(queryClient: QueryClient, event: EventPayload<'batchProgress'>): void {
  queryClient.setQueryData<BatchView>(batchKeys.one(event.batchId), (view) => {
    if (!view) return view;
    const entries = event.entry ? view.entries.map((e) => (e.position === event.entry!.position ? event.entry! : e)) : view.entries;
    return { ...view, state: event.state, counts: event.counts, entries };
  });
  if (event.state === 'done' || event.state === 'paused') void queryClient.invalidateQueries({ queryKey: batchKeys.list });
}

/** Follows every batch's progress while the Batch screen is open; a reconnect reloads. */
export function useBatchEvents(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const off = station.on('batchProgress', (event) => applyBatchEvent(queryClient, event));
    const offConnection = useConnection.subscribe((now, before) => {
      if (now.status === 'open' && before.status !== 'open') void queryClient.invalidateQueries({ queryKey: batchKeys.all });
    });
    return () => {
      off();
      offConnection();
    };
  }, [queryClient]);
}

export function useStartBatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'startBatch'>) => station.startBatch(input),
    onSuccess: (view) => {
      queryClient.setQueryData(batchKeys.one(view.id), view);
      void queryClient.invalidateQueries({ queryKey: batchKeys.list });
    },
  });
}

export function usePauseResumeBatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ batchId, pause }: { batchId: string; pause: boolean }) =>
      pause ? station.pauseBatch({ batchId }) : station.resumeBatch({ batchId }),
    onSuccess: (summary) => {
      queryClient.setQueryData<BatchView>(
        batchKeys.one(summary.id),
        (view) => view && { ...view, state: summary.state, counts: summary.counts },
      );
      void queryClient.invalidateQueries({ queryKey: batchKeys.one(summary.id) });
    },
  });
}
