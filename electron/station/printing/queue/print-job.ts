/** A print job as the UI and callers see it (the payload bytes stay in the database). */

import { PrintJobState } from '../../../../shared/domain/print-queue';

export type { PrintJobState };
export const PRINT_JOB_STATES: readonly PrintJobState[] = PrintJobState.options;

/** States a worker still has to act on; 'done' and 'cancelled' are final. */
export const PENDING_STATES: readonly PrintJobState[] = ['queued', 'sending', 'retrying', 'held'];

export interface PrintJob {
  /** Increasing: also the print order on a printer. */
  id: number;
  labelId: string | null;
  printer: string;
  reprint: boolean;
  state: PrintJobState;
  /** Send attempts so far (a retry after a transport failure counts as one more). */
  attempts: number;
  /** Payload size in bytes. */
  size: number;
  /** Bytes the printer took on the last successful send (0 until then). */
  bytesSent: number;
  /** Why the job is retrying or held, in words for a packer; null when nothing went wrong. */
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  doneAt: string | null;
  /** Who printed it ('' when nobody is named). */
  operator: string;
  /** Who cancelled it, when cancelled by someone. */
  cancelledBy: string | null;
  /** Why a reprint was made; null for a first print (and jobs from before reasons were asked). */
  reason: string | null;
}

export interface PrintJobRow {
  id: number;
  label_id: string | null;
  printer: string;
  size: number;
  reprint: number;
  state: PrintJobState;
  attempts: number;
  bytes_sent: number;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  done_at: string | null;
  operator: string;
  cancelled_by: string | null;
  reason: string | null;
}

export function jobFromRow(row: PrintJobRow): PrintJob {
  return {
    id: row.id,
    labelId: row.label_id,
    printer: row.printer,
    reprint: row.reprint === 1,
    state: row.state,
    attempts: row.attempts,
    size: row.size,
    bytesSent: row.bytes_sent,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    doneAt: row.done_at,
    operator: row.operator,
    cancelledBy: row.cancelled_by,
    reason: row.reason ?? null,
  };
}
