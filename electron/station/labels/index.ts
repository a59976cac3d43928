/** The labels room: buy once (scan job, purchase, background checks), label files, reprints and uncertain labels. */
export { LabelFiles } from './label-files';
export { choosePrinter, labelFileType, type LabelPrintingDeps } from './label-printing';
export { LabelChecker } from './label-checker';
export type { LabelCheckTiming } from './checking-window';
export { labelPreview } from './label-preview';
export { reprintLabel } from './reprint';
export { labelDetail } from './stored-label';
export { runScanJob, type ScanJobDeps, type ScanJobOptions } from './scan-job';
export { decideUncertainLabel, settleInterruptedPurchases } from './uncertain-labels';
export { printUnprintedLabel, unprintedLabels } from './unprinted-labels';
export { buyLabel, labelChecking, packedDifferently } from './purchase';
export { printFirstTime } from './first-print';
export { askProvider } from './ask-provider';
export { checkingWindowOpen } from './checking-window';
export { withOrder } from './order-claim';
export { SINGLE_PARCEL } from './scan-job';
export { BatchRunner, batchConcurrency, type BatchRunnerDeps } from './batch';
export { LabelDownloads } from './label-downloads';
