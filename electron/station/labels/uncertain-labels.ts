/**
 * Purchases that got no clear answer: marked at start-up, checked at the provider in the
 * background, and settled by a supervisor who confirmed at the provider that no label exists.
 */
import type { MethodInput } from '../../../shared/contract';
import { isUncertain } from '../../../shared/domain/labels';
import type { LabelRecord } from '../../../shared/domain/labels';
import { StationError } from '../../../shared/errors';
import { toPublic, type HistoryStore } from '../history';
import { ensureLabelFile } from './label-printing';
import { reconcileLabel } from './reconcile';
import type { ScanJobDeps } from './scan-job';
import { requireLabel } from './stored-label';

/**
 * Rows still 'buying' at start-up belong to a purchase the station never heard back from (crash,
 * power cut). Mark them before anything else runs; the background check then asks the provider.
 */
export function settleInterruptedPurchases(history: HistoryStore, log: (line: string) => void): void {
  for (const label of history.listByStatus('buying')) {
    history.setStatus(label.id, 'unknown', 'The station stopped while buying this label; it may exist at the provider.');
    log(`label ${label.id} for order ${label.orderId}: interrupted purchase marked unknown`);
  }
}

/**
 * In the background at start-up: settle purchases left without an answer, and secure the files of
 * labels bought just before the station stopped, so they can be reprinted without the provider.
 */
export async function checkLabelsAtStart(deps: ScanJobDeps, stopped: () => boolean): Promise<void> {
  for (const label of deps.history.listUncertain()) {
    if (stopped()) return;
    await reconcileLabel(deps, label).catch((error: unknown) =>
      deps.log(`start-up check of label ${label.id} failed: ${(error as Error).name}`),
    );
  }
  for (const label of deps.history.listMissingFiles()) {
    if (stopped()) return;
    await ensureLabelFile(deps, label).catch((error: unknown) =>
      deps.log(`label ${label.id}: file still not downloaded (${(error as Error).name})`),
    );
  }
}

/** Ask the provider again, or record that a supervisor confirmed no label exists. */
export async function decideUncertainLabel(
  deps: ScanJobDeps,
  labelId: string,
  decision: MethodInput<'resolveUncertainLabel'>['decision'],
): Promise<LabelRecord> {
  const label = requireLabel(deps.history, labelId);
  if (!isUncertain(label.status)) {
    throw new StationError('not_uncertain', `The label for order ${label.orderId} is not waiting for a check.`, 'Nothing to do.');
  }
  if (deps.inFlight.has(label.orderId)) {
    throw new StationError('order_busy', `Order ${label.orderId} is being labelled right now.`, 'Wait for it to finish.');
  }
  if (decision === 'recheck') return toPublic((await reconcileLabel(deps, label)).label);
  const who = deps.settings().operator || 'a supervisor';
  deps.log(`label ${label.id} for order ${label.orderId}: ${who} confirmed no label exists`);
  return toPublic(
    deps.history.setStatus(label.id, 'failed', `${who} checked the provider and confirmed no label exists: the order may be bought again.`),
  );
}
