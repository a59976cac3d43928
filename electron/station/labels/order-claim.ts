/**
 * In this process, one piece of work per order at a time. A second scan of an order being bought
 * is refused (it would buy or print twice); a background check of the order is waited for, since
 * it ends in seconds with an answer the scan needs.
 */
import { type StationError } from '../../../shared/errors';
import type { ScanJobDeps } from './scan-job-deps';

export async function withOrder<T>(
  deps: Pick<ScanJobDeps, 'inFlight' | 'backgroundChecks'>,
  orderId: string,
  busy: StationError,
  work: () => Promise<T>,
): Promise<T> {
  if (deps.inFlight.has(orderId)) throw busy;
  deps.inFlight.add(orderId);
  try {
    await deps.backgroundChecks.get(orderId)?.catch(() => undefined);
    return await work();
  } finally {
    deps.inFlight.delete(orderId);
  }
}
