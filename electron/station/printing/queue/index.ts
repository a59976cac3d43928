/** The durable print queue (SQLite): jobs stored before sending, retried, held on printer faults. */
export { PrintQueue, type PrintQueueOptions, type PrintQueueEvents } from './print-queue';
export { PrintQueueError, type PrintQueueErrorCode } from './print-queue-error';
export { PRINT_JOB_STATES, PENDING_STATES, type PrintJob, type PrintJobState } from './print-job';
export { DEFAULT_RETRY_DELAYS_MS, retryDelay } from './retry-schedule';
export type { EnqueueInput, PrinterQueueState, PrinterQueueStatus, PrinterStatusReport, SendFn, StatusFn } from './queue-types';
export type { PrintRecorder } from './print-recorder';
