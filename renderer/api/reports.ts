/** Reports on screen: the day's summary (one queryOptions), the CSV export and the printed summary. */
import { queryOptions, useMutation } from '@tanstack/react-query';
import type { MethodInput } from '../../shared/contract';
import { station } from './station';

export const reportKeys = {
  all: ['reports'] as const,
  day: (date: string) => ['reports', 'day', date] as const,
  exportFolder: ['reports', 'export-folder'] as const,
};

export function daySummaryQuery(date: string) {
  // Today's figures move while the station works: read again every minute.
  return queryOptions({ queryKey: reportKeys.day(date), queryFn: () => station.getDaySummary({ date }), refetchInterval: 60_000 });
}

export function useExportHistory() {
  return useMutation({ mutationFn: (filter: MethodInput<'exportHistory'>) => station.exportHistory(filter) });
}

export function usePrintDaySummary() {
  return useMutation({ mutationFn: (input: MethodInput<'printDaySummary'>) => station.printDaySummary(input) });
}

export function useReprintLabels() {
  return useMutation({ mutationFn: (input: MethodInput<'reprintLabels'>) => station.reprintLabels(input) });
}

/** Where exports go now and what decided it (Settings → Exports, or LABEL_STATION_EXPORT_DIR). */
export function exportFolderQuery() {
  return queryOptions({ queryKey: reportKeys.exportFolder, queryFn: () => station.getExportFolder({}) });
}

/** "Show in folder" (Electron shell): the file manager opens on an export the station wrote, named by its file name. */
export function useShowExportedFile() {
  return useMutation({ mutationFn: (fileName: string) => station.showExportedFile({ fileName }) });
}
