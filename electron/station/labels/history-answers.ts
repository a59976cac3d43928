/**
 * Whether the history alone can say that an order was never bought, so the purchase may skip asking
 * the provider first (the provider's `historyAnswersAfterDays`, set by the AfterShip setting "ask
 * only while this history may be missing a label"). At AfterShip's 10 requests a second that halves
 * a batch: 200 orders in 20 s instead of 40.
 *
 * All must hold: the provider's lookup reaches a known number of days back; this history has held
 * every purchase of its stations for longer than that (it was not started, lost and started again,
 * or put back from a backup within those days: a backup copy starts again when opened); and the
 * history has no row for this order besides the claim just made (never tried, bought or settled).
 * A label bought before the history began is then older than anything the lookup could find. What
 * is given up: a station outside the fleet (its own history, the same account) buying the same order.
 */
import type { StoredLabel } from '../history';
import type { LabelProvider } from '../providers';
import type { ScanJobDeps } from './scan-job-deps';

const DAY_MS = 86_400_000;

export async function historyAnswersAlone(
  deps: Pick<ScanJobDeps, 'history' | 'now'>,
  provider: LabelProvider,
  claim: StoredLabel,
): Promise<boolean> {
  const days = provider.capabilities.historyAnswersAfterDays;
  if (days === undefined) return false;
  const since = Date.parse((await deps.history.completeSince()) ?? '');
  if (!Number.isFinite(since) || deps.now().getTime() - since <= days * DAY_MS) return false;
  return !(await deps.history.orderSeenBefore(claim.orderId, claim.id));
}
