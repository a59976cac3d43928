/** The labels room: buy once (scan job, purchase, reconcile), label files, reprints and uncertain labels. */
export { LabelFiles } from './label-files';
export { choosePrinter, type LabelPrintingDeps } from './label-printing';
export { labelPreview } from './label-preview';
export { reprintLabel } from './reprint';
export { labelDetail } from './stored-label';
export { runScanJob, type ScanJobDeps } from './scan-job';
export { checkLabelsAtStart, decideUncertainLabel, settleInterruptedPurchases } from './uncertain-labels';
