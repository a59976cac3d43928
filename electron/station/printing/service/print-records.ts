/**
 * What the print service keeps up to date about a label while it prints: its status and every
 * print attempt. The station core wires the history store in; printing never imports it.
 */
import type { LabelStatus, PrintAttempt } from '../../../../shared/domain/labels';

export interface PrintableLabel {
  id: string;
  orderId: string;
  status: LabelStatus;
  trackingNumbers: string[];
}

export interface PrintRecords<L extends PrintableLabel = PrintableLabel> {
  get(labelId: string): Promise<L | undefined>;
  /** The labels of these ids that exist, in any order (one query for a whole queue view). */
  getMany(labelIds: readonly string[]): Promise<L[]>;
  setStatus(labelId: string, status: LabelStatus, error?: string | null): Promise<L>;
  /**
   * `operator`: who printed or queued it ('' when nobody is named); `reason`: why a reprint was
   * made; `station`: the station that printed.
   */
  recordPrintAttempt(
    attempt: Omit<PrintAttempt, 'id' | 'at' | 'operator' | 'reason' | 'station'> & {
      operator?: string;
      reason?: string | null;
      station?: string;
    },
  ): Promise<unknown>;
}
