/** react-query hooks over the station: info, settings, history, label detail and preview. */
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { station } from './station';
import type { LabelRecord, LabelStatus } from '../../shared/domain/labels';
import type { HistoryCursor, HistoryFilters } from '../../shared/domain/history-search';

export const HISTORY_PAGE = 50;

export const keys = {
  info: ['info'] as const,
  settings: ['settings'] as const,
  history: (query: string, filters?: HistoryFilters) => ['history', query, filters ?? {}] as const,
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

/** History's pages, newest first: each next page starts after the last label of the one before (keyset). */
export function useHistory(query: string, filters?: HistoryFilters) {
  return useInfiniteQuery({
    queryKey: keys.history(query, filters),
    initialPageParam: null as HistoryCursor | null,
    queryFn: ({ pageParam }) =>
      station.searchHistory({
        query,
        limit: HISTORY_PAGE,
        cursor: pageParam,
        // Only the first page's total is shown: the others are not counted again every time they are asked.
        ...(pageParam !== null && { countTotal: false }),
        ...(filters && Object.keys(filters).length > 0 && { filters }),
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // While the next search loads, the rows on screen stay (no flash of an empty list, and a row's
    // open reprint dialog is not unmounted under the person using it).
    placeholderData: keepPreviousData,
    // Rows still on their way (waiting for a printer, being bought or checked) change by themselves:
    // asked again every few seconds while one is on screen, so a missed event never leaves one stale.
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.labels.some((label) => SETTLING.has(label.status))) ? SETTLING_POLL_MS : false,
  });
}

/** Statuses a label leaves by itself (the print queue, the purchase, the background check). */
const SETTLING = new Set<LabelStatus>(['queued', 'buying', 'checking']);
const SETTLING_POLL_MS = 3000;

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
    queryFn: async (): Promise<LabelRecord[]> => (await station.searchHistory({ query: '', filter: 'uncertain', limit: 200 })).labels,
  });
}
