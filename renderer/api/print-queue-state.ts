/**
 * The print queue on screen: the station's view, loaded at start and then replaced by every
 * `printQueue` event; labels it finished refreshed in History; recent scans that waited settled.
 */
import { useEffect } from 'react';
import { useQueries, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { PrintQueueView } from '../../shared/domain/print-queue';
import type { LabelDetail } from '../../shared/domain/labels';
import { station, useConnection } from './station';
import { keys } from './queries';
import { printerStatesKey, viewListsEveryJob } from '../scan/print-queue-words';
import { useScanStore, waitingScans } from '../state/scan-store';
import { sounds } from '../ui/sounds';

/** A safety net for a missed event (e.g. while the connection was down); events are the normal path. */
const PRINT_QUEUE_POLL_MS = 60_000;

let subscribers = 0;
let unsubscribe: (() => void) | undefined;

/** One subscription for the whole page, however many components show the queue. */
function subscribe(queryClient: QueryClient): () => void {
  subscribers += 1;
  if (subscribers === 1) {
    const offEvent = station.on('printQueue', (view) => applyView(queryClient, view));
    // Events sent while the connection was down (or not up yet) are lost: ask for the whole view again.
    const offConnection = useConnection.subscribe((now, before) => {
      if (now.status === 'open' && before.status !== 'open') void queryClient.invalidateQueries({ queryKey: keys.printQueue });
    });
    unsubscribe = () => {
      offEvent();
      offConnection();
    };
  }
  return () => {
    subscribers -= 1;
    if (subscribers === 0) {
      unsubscribe?.();
      unsubscribe = undefined;
    }
  };
}

function applyView(queryClient: QueryClient, view: PrintQueueView): void {
  const before = queryClient.getQueryData<PrintQueueView>(keys.printQueue);
  // A getPrintQueue answer still on its way may be older than this event: it must not overwrite it.
  void queryClient.cancelQueries({ queryKey: keys.printQueue, exact: true });
  queryClient.setQueryData(keys.printQueue, view);
  // A job that printed or was cancelled changed its label: History and open details show it now.
  void queryClient.invalidateQueries({ queryKey: keys.historyAll });
  void queryClient.invalidateQueries({ queryKey: ['label'] });
  // A printer that just became held or ready again: its status line must not contradict the queue.
  if (printerStatesKey(before) !== printerStatesKey(view)) void queryClient.invalidateQueries({ queryKey: keys.printerStatus });
}

export function usePrintQueue() {
  const queryClient = useQueryClient();
  useEffect(() => subscribe(queryClient), [queryClient]);
  return useQuery({ queryKey: keys.printQueue, queryFn: () => station.getPrintQueue({}), refetchInterval: PRINT_QUEUE_POLL_MS });
}

/**
 * Recent scans whose label waited: once its job is no longer in the queue, asks History what became
 * of the label (printed, or cancelled and so print_failed) and updates the Scan screen.
 */
export function useSettleWaitingScans(view: PrintQueueView | undefined): void {
  const recent = useScanStore((s) => s.recent);
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!view || !viewListsEveryJob(view)) return;
    const inQueue = new Set(view.jobs.map((j) => j.id));
    const gone = waitingScans(recent).filter((w) => !inQueue.has(w.printJobId));
    let live = true;
    for (const { printJobId, labelId } of gone) {
      void queryClient
        .fetchQuery({ queryKey: keys.label(labelId), queryFn: () => station.getLabel({ labelId }), staleTime: 0 })
        .then((label) => {
          // Still 'queued': the view was older than the job (the event is on its way).
          if (!live || (label.status !== 'printed' && label.status !== 'print_failed')) return;
          const store = useScanStore.getState();
          const onScreen =
            store.result?.outcome === 'queued' && store.result.printJobId === printJobId && store.result.label.status === 'queued';
          store.printSettled(printJobId, label.status);
          if (onScreen && label.status === 'printed') sounds.success();
        })
        .catch(() => undefined);
    }
    return () => {
      live = false;
    };
  }, [view, recent, queryClient]);
}

/** Labels with a print job waiting, for History's "Waiting for printer" filter (the queue lists them, History has their details). */
export function useWaitingLabels(): { labels: LabelDetail[]; count: number; isSuccess: boolean; error: Error | null } {
  const queue = usePrintQueue();
  const labelIds = [...new Set((queue.data?.jobs ?? []).flatMap((j) => (j.labelId ? [j.labelId] : [])))];
  const details = useQueries({
    queries: labelIds.map((labelId) => ({ queryKey: keys.label(labelId), queryFn: () => station.getLabel({ labelId }) })),
  });
  return {
    labels: details.flatMap((d) => (d.data ? [d.data] : [])),
    count: labelIds.length,
    isSuccess: queue.isSuccess && details.every((d) => !d.isPending),
    error: queue.error ?? details.find((d) => d.error)?.error ?? null,
  };
}
