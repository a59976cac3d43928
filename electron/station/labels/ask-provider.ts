/**
 * Asks the provider once whether the label of a stored purchase exists. A label that exists is
 * adopted into the history at once (and its file secured), so it is never lost; "none" is only
 * the provider's word for now: the caller decides what it allows.
 */
import { StationError } from '../../../shared/errors';
import type { StoredLabel } from '../history';
import type { LabelProvider, LabelRequest, PurchasedLabel } from '../providers';
import { ensureLabelFile, type LabelPrintingDeps } from './label-printing';

export type ProviderAnswer =
  | { state: 'found'; label: StoredLabel }
  | { state: 'none' }
  /**
   * The provider could not say; `unsupported` when it can never be asked (Shipium); `nextStep`
   * when the provider's own advice is what unblocks it (a refused key).
   */
  | { state: 'cannot_tell'; reason: string; unsupported: boolean; nextStep?: string };

export async function askProvider(deps: LabelPrintingDeps, label: StoredLabel): Promise<ProviderAnswer> {
  if (!label.request) return { state: 'cannot_tell', reason: 'the request was not recorded', unsupported: true };
  let request: LabelRequest;
  let provider: LabelProvider;
  try {
    request = JSON.parse(label.request) as LabelRequest;
    provider = deps.providers.get(label.provider, deps.settings());
  } catch (error) {
    return {
      state: 'cannot_tell',
      reason: error instanceof StationError ? error.message : 'the provider is not set up',
      unsupported: false,
    };
  }
  if (!provider.capabilities.lookup) return { state: 'cannot_tell', reason: `${provider.title} cannot be asked`, unsupported: true };
  try {
    const lookup = await provider.findLabel(request);
    if (lookup.state === 'none') return { state: 'none' };
    deps.log(`label ${label.id} for order ${label.orderId}: found at ${provider.title}, adopted`);
    return { state: 'found', label: await adoptLabel(deps, label, lookup.label) };
  } catch (error) {
    if (!(error instanceof StationError)) {
      deps.log(`lookup of label ${label.id} ended unexpectedly: ${(error as Error).name}`);
      return { state: 'cannot_tell', reason: 'the lookup failed', unsupported: false };
    }
    return {
      state: 'cannot_tell',
      reason: error.message.replace(/\.\s*$/, ''),
      unsupported: error.code === 'lookup_unsupported',
      ...(error.code.endsWith('_unauthorized') && { nextStep: error.nextStep }),
    };
  }
}

/** Records a label the provider has for this purchase and downloads its file, so any reprint works offline. */
export async function adoptLabel(deps: LabelPrintingDeps, label: StoredLabel, purchased: PurchasedLabel): Promise<StoredLabel> {
  const release = deps.downloads?.reserve(label.id);
  try {
    const bought = await deps.history.markBought(label.id, purchased);
    try {
      return (await ensureLabelFile(deps, bought)).label;
    } catch (error) {
      deps.log(`label ${label.id}: file not downloaded yet (${error instanceof StationError ? error.code : 'error'}); printing will retry`);
      return bought;
    }
  } finally {
    release?.();
  }
}
