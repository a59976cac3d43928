/** react-query hooks over the station: info, settings, history, label detail and preview. */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { station } from './station';
import type { LabelRecord } from '../../shared/domain/labels';

export const HISTORY_PAGE = 25;

export const keys = {
  info: ['info'] as const,
  settings: ['settings'] as const,
  history: (query: string) => ['history', query] as const,
  historyAll: ['history'] as const,
  uncertain: ['history', 'uncertain-labels'] as const,
  label: (labelId: string) => ['label', labelId] as const,
  preview: (labelId: string) => ['preview', labelId] as const,
  printerStatus: ['printer-status'] as const,
  printQueue: ['print-queue'] as const,
  unprinted: ['unprinted-labels'] as const,
  database: ['database-status'] as const,
};

/** How often the Scan screen asks the printer how it is. */
/** A printer switched off while idle shows within about this long (the core asks it once per poll, never while it prints). */
export const PRINTER_STATUS_POLL_MS = 2_000;

export function useStationInfo() {
  return useQuery({ queryKey: keys.info, queryFn: () => station.getStationInfo({}), refetchInterval: 30_000 });
}

export function useSettings() {
  return useQuery({ queryKey: keys.settings, queryFn: () => station.getSettings({}) });
}

export function useHistory(query: string) {
  return useInfiniteQuery({
    queryKey: keys.history(query),
    initialPageParam: 0,
    queryFn: ({ pageParam }) => station.searchHistory({ query, limit: HISTORY_PAGE, offset: pageParam }),
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.labels.length, 0);
      return loaded < last.total && last.labels.length > 0 ? loaded : undefined;
    },
  });
}

export function useLabelDetail(labelId: string) {
  return useQuery({ queryKey: keys.label(labelId), queryFn: () => station.getLabel({ labelId }) });
}

export function useLabelPreview(labelId: string) {
  return useQuery({
    queryKey: keys.preview(labelId),
    queryFn: () => station.getLabelPreview({ labelId }),
    staleTime: Infinity,
    retry: false,
  });
}

/** The saved printer's state; `poll` asks again every 2 s (the Scan screen), otherwise only when asked. */
export function usePrinterStatus({ poll }: { poll: boolean }) {
  return useQuery({
    queryKey: keys.printerStatus,
    queryFn: () => station.getPrinterStatus({}),
    refetchInterval: poll ? PRINTER_STATUS_POLL_MS : false,
    // A printer that just ran out of paper must show at once when the packer comes back to Scan.
    refetchOnMount: 'always',
    enabled: poll,
  });
}

/** Labels whose purchase got no clear answer (the first 200; a station never has that many waiting). */
export function useUncertainLabels() {
  return useQuery({
    queryKey: keys.uncertain,
    refetchInterval: 30_000,
    queryFn: async (): Promise<LabelRecord[]> =>
      (await station.searchHistory({ query: '', filter: 'uncertain', limit: 200, offset: 0 })).labels,
  });
}
