/** The reports room: History's CSV export and the end-of-day summary (figures, A4 PDF, printing it). */
export { exportHistoryFile } from './export-file';
export { exportRows, writeHistoryCsv, EXPORT_PAGE_ROWS } from './history-csv';
export { daySummary, localDate, localDayBounds, summarize } from './day-summary';
export { renderSummaryPdf } from './summary-pdf';
export { printSummaryPdf } from './print-summary';
export { checkExportFolder, exportFolderView, ExportedFiles, showInFolderUnavailable } from './export-folder';
