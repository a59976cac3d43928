/** Labels bought but never printed, in a packer's words, and the one key that prints the oldest. Pure. */
import type { PrintOutcome } from '../../shared/contract';
import type { LabelRecord } from '../../shared/domain/labels';
import type { Problem } from '../../shared/errors';

/**
 * The key that prints the oldest unprinted label. A function key: a keyboard-wedge scanner types
 * letters, digits and Enter into the scan field, never F8.
 */
export const PRINT_OLDEST_KEY = 'F8';

/** Whether a keydown is the print key: F8 alone, not repeated by a key held down. */
export function isPrintOldestKey(e: Pick<KeyboardEvent, 'key' | 'repeat' | 'ctrlKey' | 'altKey' | 'metaKey' | 'shiftKey'>): boolean {
  return e.key === PRINT_OLDEST_KEY && !e.repeat && !e.ctrlKey && !e.altKey && !e.metaKey && !e.shiftKey;
}

/** Oldest first (as the station lists them): the print key prints the first, the parcel that has waited longest. */
export function oldestFirst(labels: readonly LabelRecord[]): LabelRecord[] {
  return [...labels].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** "Bought 14:02 at Packing 1": when and where (in a fleet, the station that scanned the order). */
export function boughtWhereWhen(label: Pick<LabelRecord, 'station'>, time: string): string {
  return label.station ? `Bought ${time} at ${label.station}` : `Bought ${time}`;
}

export function unprintedHeadline(count: number): string {
  return count === 1 ? '1 label bought, not printed' : `${count} labels bought, not printed`;
}

/** What to do with them, in one line. */
export const UNPRINTED_NEXT = 'Find each parcel, print its label and put it on. Nothing is bought again.';

export interface PrintedLine {
  tone: 'good' | 'warn' | 'bad';
  headline: string;
  /** The order printed (its row is gone from the list once printed). */
  orderId: string;
  /** Why it did not print, and what to do (waiting for the printer, or a problem). */
  problem?: Problem;
}

/** What became of a Print, for the panel. */
export function printedLine(orderId: string, outcome: PrintOutcome): PrintedLine {
  if (outcome.ok) return { tone: 'good', headline: '✓ Sent to the printer: put it on the parcel', orderId };
  if (outcome.queued) {
    return {
      tone: 'warn',
      headline: 'Waiting for the printer: it prints by itself once the printer is ready',
      orderId,
      ...(outcome.problem && { problem: outcome.problem }),
    };
  }
  return {
    tone: 'bad',
    headline: 'NOT printed',
    orderId,
    problem: outcome.problem ?? {
      code: 'print_failed',
      message: `The printer ${outcome.printer} did not print.`,
      nextStep: 'Check the printer, then press Print again.',
    },
  };
}

/** A Print the station refused (already printed, order busy) or could not take. */
export function refusedLine(orderId: string, problem: Problem): PrintedLine {
  return { tone: problem.code === 'already_printed' ? 'warn' : 'bad', headline: 'Not printed now', orderId, problem };
}
