/**
 * Purchases that got no clear answer: marked at start-up (the background checker then asks the
 * provider), asked about again on a supervisor's request, and settled by a supervisor who
 * confirmed at the provider that no label exists.
 */
import type { MethodInput } from '../../../shared/contract';
import { isUncertain } from '../../../shared/domain/labels';
import type { LabelRecord } from '../../../shared/domain/labels';
import { PROVIDER_TITLES } from '../../../shared/domain/providers';
import { StationError } from '../../../shared/errors';
import { toPublic, type LabelHistory } from '../history';
import { askProvider } from './ask-provider';
import type { ScanJobDeps } from './scan-job-deps';
import { withOrder } from './order-claim';
import { requireLabel } from './stored-label';

/** If a station stopped mid-purchase, a label it asked for may still be created: at least this long is waited. */
const INTERRUPTED_WINDOW_MS = 120_000;

/**
 * Rows still 'buying' at start-up belong to a purchase this station never heard back from (crash,
 * power cut). They become 'checking' until their window has passed: the background checker asks the
 * provider, adopts a label that turns up, and only then lets the order be bought again.
 */
export async function settleInterruptedPurchases(
  history: LabelHistory,
  stationId: string,
  now: Date,
  log: (line: string) => void,
): Promise<void> {
  for (const label of await history.listByStatus('buying', stationId)) {
    const until = label.checkUntil ?? new Date(Date.parse(label.createdAt) + INTERRUPTED_WINDOW_MS).toISOString();
    await history.markChecking(
      label.id,
      until > now.toISOString() ? until : now.toISOString(),
      'The station stopped while buying this label; it may exist at the provider.',
    );
    log(`label ${label.id} for order ${label.orderId}: interrupted purchase, checking until ${until}`);
  }
}

/** Ask the provider again now, or record that a supervisor confirmed no label exists. */
export async function decideUncertainLabel(
  deps: ScanJobDeps,
  labelId: string,
  decision: MethodInput<'resolveUncertainLabel'>['decision'],
): Promise<LabelRecord> {
  const label = await requireLabel(deps.history, labelId);
  if (!isUncertain(label.status)) {
    throw new StationError('not_uncertain', `The label for order ${label.orderId} is not waiting for a check.`, 'Nothing to do.');
  }
  const status = label.status;
  const busy = new StationError('order_busy', `Order ${label.orderId} is being labelled right now.`, 'Wait for it to finish.');
  return withOrder(deps, label.orderId, busy, async () => {
    if (decision === 'recheck') {
      const answer = await askProvider(deps, label);
      if (answer.state === 'found') return toPublic(answer.label);
      const said =
        answer.state === 'none'
          ? 'has no label for it yet'
          : answer.unsupported
            ? 'cannot be asked whether the label exists'
            : `could not tell (${answer.reason})`;
      return toPublic(await deps.history.settlePurchase(label.id, status, `Asked again: ${PROVIDER_TITLES[label.provider]} ${said}.`));
    }
    const who = deps.operator || 'a supervisor';
    deps.log(`label ${label.id} for order ${label.orderId}: ${who} confirmed no label exists`);
    deps.printWhenFound.delete(label.id);
    return toPublic(
      await deps.history.clearNoLabel(
        label.id,
        who,
        `${who} checked the provider and confirmed no label exists: the order may be bought again.`,
      ),
    );
  });
}
