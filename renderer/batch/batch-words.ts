/** What the Batch screen says about a batch and its entries (pure: unit-tested without a browser). */
import type { BatchCounts, BatchEntry, BatchState } from '../../shared/domain/batches';

export const BATCH_KEY = 'F7';
export const PAUSE_KEY = 'p';

export const ENTRY_WORDS: Record<BatchEntry['state'], string> = {
  pending: 'Waiting',
  running: 'Buying…',
  bought: 'Printed',
  already_labelled: 'Already labelled',
  duplicate: 'Listed twice',
  failed: 'Failed',
};

export function entryWords(entry: BatchEntry): string {
  if (entry.state === 'bought' && entry.queued) return 'Bought, waiting for the printer';
  return ENTRY_WORDS[entry.state];
}

export const STATE_WORDS: Record<BatchState, string> = {
  running: 'Running',
  pausing: 'Pausing: finishing the orders in flight…',
  paused: 'Paused',
  done: 'Finished',
};

/** Orders with an outcome (everything but waiting and in flight). */
export function doneCount(counts: BatchCounts): number {
  return counts.total - counts.pending - counts.running;
}

export function progressPercent(counts: BatchCounts): number {
  return counts.total === 0 ? 0 : Math.round((doneCount(counts) / counts.total) * 100);
}

export function summaryLine(counts: BatchCounts): string {
  const parts = [`${counts.bought} bought and printed`];
  if (counts.alreadyLabelled) parts.push(`${counts.alreadyLabelled} already labelled`);
  if (counts.duplicate) parts.push(`${counts.duplicate} listed twice`);
  parts.push(`${counts.failed} failed`);
  if (counts.pending + counts.running) parts.push(`${counts.pending + counts.running} to go`);
  return parts.join(' · ');
}

/** Lines pasted, as the station will count them (empty lines dropped). */
export function pastedCount(text: string): number {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '').length;
}

/** A single BATCH:<id> line is a batch barcode; anything else is a list. */
export function isBatchBarcode(text: string): boolean {
  return /^\s*BATCH:[A-Za-z0-9._-]{1,64}\s*$/i.test(text);
}
