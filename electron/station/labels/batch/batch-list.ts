/** A batch's list as given: one scan per line, the same order twice reported, not bought twice. */
import { batchLines, MAX_BATCH_ORDERS } from '../../../../shared/domain/batches';
import { StationError } from '../../../../shared/errors';

export interface ListedEntry {
  scan: string;
  state: 'pending' | 'duplicate';
  message: string;
}

/** The same order written two ways (#1001 and 1001, upper and lower case) counts as one. */
function sameOrderKey(scan: string): string {
  return scan.replace(/^#/, '').replace(/\s+/g, '').toLowerCase();
}

export function listEntries(scans: readonly string[]): ListedEntry[] {
  if (scans.length === 0) {
    throw new StationError('batch_empty', 'The list has no order in it.', 'Paste order IDs or Shopify order numbers, one per line.');
  }
  if (scans.length > MAX_BATCH_ORDERS) {
    throw new StationError(
      'batch_too_long',
      `The list has ${scans.length} orders; a batch takes at most ${MAX_BATCH_ORDERS}.`,
      `Split it into batches of at most ${MAX_BATCH_ORDERS} orders.`,
    );
  }
  const tooLong = scans.findIndex((scan) => scan.length > 200);
  if (tooLong !== -1) {
    throw new StationError(
      'batch_line_unreadable',
      `Line ${tooLong + 1} of the list is too long to be an order ID.`,
      'Paste one order ID or Shopify order number per line.',
    );
  }
  const first = new Map<string, number>();
  return scans.map((scan, index) => {
    const key = sameOrderKey(scan);
    const earlier = first.get(key);
    if (earlier !== undefined) {
      return { scan, state: 'duplicate', message: `Same order as line ${earlier}: listed twice, bought once.` };
    }
    first.set(key, index + 1);
    return { scan, state: 'pending', message: '' };
  });
}

export { batchLines };
