/**
 * Labels bought (or adopted after a lost answer) that never reached a printer: loaded at start, then
 * replaced by every `unprintedLabels` event; printed (a first print, not a reprint) with printLabel.
 */
import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LabelRecord } from '../../shared/domain/labels';
import { station, useConnection } from './station';
import { keys } from './queries';
import { sounds } from '../ui/sounds';
import { focusScanField } from '../state/scan-focus';

/** A safety net for a missed event; events are the normal path. */
const UNPRINTED_POLL_MS = 60_000;

export function useUnprintedLabels() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const offEvent = station.on('unprintedLabels', (labels) => {
      // A listUnprintedLabels answer still on its way may be older than this event.
      void queryClient.cancelQueries({ queryKey: keys.unprinted, exact: true });
      queryClient.setQueryData(keys.unprinted, labels);
    });
    // Events sent while the connection was down are lost: ask for the whole list again.
    const offConnection = useConnection.subscribe((now, before) => {
      if (now.status === 'open' && before.status !== 'open') void queryClient.invalidateQueries({ queryKey: keys.unprinted });
    });
    return () => {
      offEvent();
      offConnection();
    };
  }, [queryClient]);
  return useQuery({
    queryKey: keys.unprinted,
    queryFn: (): Promise<LabelRecord[]> => station.listUnprintedLabels({}),
    refetchInterval: UNPRINTED_POLL_MS,
  });
}

/**
 * Prints one such label on the default printer, with the sound of its outcome; History and the lists
 * are refreshed, and the scan field gets the focus back.
 */
export function usePrintUnprinted() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (label: LabelRecord) => station.printLabel({ labelId: label.id }),
    onSuccess: (outcome) => (outcome.ok ? sounds.success() : outcome.queued ? sounds.waiting() : sounds.error()),
    onError: () => sounds.error(),
    onSettled: (_outcome, _error, label) => {
      void queryClient.invalidateQueries({ queryKey: keys.unprinted });
      void queryClient.invalidateQueries({ queryKey: keys.historyAll });
      void queryClient.invalidateQueries({ queryKey: keys.label(label.id) });
      void queryClient.invalidateQueries({ queryKey: keys.printQueue });
      focusScanField();
    },
  });
}
