/**
 * After a purchase got no clear answer (timeout, reset, 5xx, crash), ask the provider whether the
 * label exists. Only the provider's confirmed "none" lets the station buy again; a label that
 * turns out to exist is adopted into the history, so it is never lost and never bought twice.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { StationError } from '../../../shared/errors';
import type { StoredLabel } from '../history';
import { ensureLabelFile, type LabelPrintingDeps } from './label-printing';
import type { LabelProvider, LabelRequest } from '../providers';

export type Reconciliation =
  { state: 'found'; label: StoredLabel } | { state: 'none'; label: StoredLabel } | { state: 'unknown'; label: StoredLabel; reason: string };

export interface ReconcileDeps extends LabelPrintingDeps {
  sleep?: (ms: number) => Promise<void>;
  /**
   * A "none" is asked twice, this far apart: a create the provider was still working on when the
   * answer was lost must have time to show up before the station concludes nothing was bought.
   */
  noneConfirmDelayMs?: number;
}

const LOOKUP_ATTEMPTS = 3;
const LOOKUP_BACKOFF_MS = [250, 1000];

export async function reconcileLabel(deps: ReconcileDeps, label: StoredLabel): Promise<Reconciliation> {
  const unknown = (reason: string): Reconciliation => {
    const message = `No clear answer from the provider, and it could not confirm whether the label exists (${reason}).`;
    return { state: 'unknown', label: deps.history.setStatus(label.id, 'unknown', message), reason };
  };
  if (!label.request) return unknown('the request was not recorded');
  let request: LabelRequest;
  let provider: LabelProvider;
  try {
    request = JSON.parse(label.request) as LabelRequest;
    provider = deps.providers.get(label.provider, deps.settings());
  } catch (error) {
    return unknown(error instanceof StationError ? error.message : 'the provider is not set up');
  }

  const sleep = deps.sleep ?? ((ms: number) => delay(ms));
  let lastReason = 'no answer';
  for (let attempt = 0; attempt < LOOKUP_ATTEMPTS; attempt++) {
    try {
      let lookup = await provider.findLabel(request);
      if (lookup.state === 'none') {
        await sleep(deps.noneConfirmDelayMs ?? 3000);
        lookup = await provider.findLabel(request);
      }
      if (lookup.state === 'found') {
        deps.log(`label ${label.id} for order ${label.orderId}: found at ${provider.title} after an unanswered purchase`);
        return { state: 'found', label: await cacheFile(deps, deps.history.markBought(label.id, lookup.label)) };
      }
      deps.log(`label ${label.id} for order ${label.orderId}: ${provider.title} confirms no label exists`);
      const settled = deps.history.setStatus(
        label.id,
        'failed',
        `The purchase got no answer, and ${provider.title} confirmed it made no label: nothing was bought.`,
      );
      return { state: 'none', label: settled };
    } catch (error) {
      lastReason = error instanceof StationError ? error.message : 'the lookup failed';
      if (error instanceof StationError && error.code === 'lookup_unsupported') break;
      if (attempt < LOOKUP_ATTEMPTS - 1) await sleep(LOOKUP_BACKOFF_MS[attempt] ?? 1000);
    }
  }
  deps.log(`label ${label.id} for order ${label.orderId}: still uncertain after lookup`);
  return unknown(lastReason);
}

/** Downloads an adopted label's file at once, so it can be reprinted later without the provider. */
async function cacheFile(deps: ReconcileDeps, label: StoredLabel): Promise<StoredLabel> {
  try {
    return (await ensureLabelFile(deps, label)).label;
  } catch (error) {
    deps.log(`label ${label.id}: file not downloaded yet (${error instanceof StationError ? error.code : 'error'}); a reprint will retry`);
    return label;
  }
}
