/**
 * Failures of a label lookup (GET /labels?s=<reference>). They all mean "cannot tell": the station
 * must not conclude that no label exists, so every one of them is ambiguous.
 */
import { ProviderError } from '../provider';
import { describeDetails, type AfterShipMeta } from './envelope';

const NEXT_STEP =
  'Do not buy this label again yet: the station will check AfterShip again; if it keeps failing, a supervisor must look the order up in AfterShip.';

export function lookupFailed(reason: string): ProviderError {
  return new ProviderError(
    'aftership_lookup_failed',
    `The station could not check at AfterShip whether this order’s label was already bought: ${reason}.`,
    NEXT_STEP,
    true,
  );
}

export function lookupUnauthorized(): ProviderError {
  return new ProviderError(
    'aftership_lookup_unauthorized',
    'AfterShip refused the API key while the station was checking whether this order’s label was already bought.',
    'A supervisor must check the API key in Settings and that the TikTok shop is connected to AfterShip; nothing is bought until AfterShip accepts the key.',
    true,
  );
}

export function lookupRefused(meta: AfterShipMeta): ProviderError {
  const said = describeDetails(meta) || (meta.message ?? '').trim();
  return lookupFailed(`AfterShip refused the search (code ${meta.code}${said ? `: ${said}` : ''})`);
}

export function lookupCancelled(): ProviderError {
  return new ProviderError(
    'aftership_lookup_cancelled',
    'The check at AfterShip for an existing label was cancelled.',
    'Do not buy this label again yet: let the station check AfterShip again first.',
    true,
  );
}

/** A label for this reference is being cancelled: neither printable nor provably absent. */
export function lookupCancelling(labelId: string): ProviderError {
  return new ProviderError(
    'aftership_label_cancelling',
    `AfterShip is cancelling the label bought for this order (label ${labelId}).`,
    'A supervisor must check the label in AfterShip before anything is bought or printed for this order.',
    true,
  );
}
