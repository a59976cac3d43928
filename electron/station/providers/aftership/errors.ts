/** AfterShip answers and failures, turned into ProviderErrors a packer can act on. */
import type { ProblemCode } from '../../../../shared/errors';
import { ProviderError } from '../provider';
import { describeDetails, type AfterShipMeta } from './envelope';
import type { NetworkFailure } from '../http/network-failure';

const SUPERVISOR_CHECK =
  'Do not scan this order again yet: a supervisor must check AfterShip for a label for this order, then reprint it from there or from History.';

function withDetails(sentence: string, meta: AfterShipMeta): string {
  const details = describeDetails(meta);
  // AfterShip's own sentence may end with a period already: not two.
  const said = (details || (meta.message ?? '')).trim().replace(/[.\s]+$/, '');
  return said ? `${sentence} AfterShip says: ${said}.` : sentence;
}

/** A 4xxx business error (HTTP 200): AfterShip refused, nothing was bought. */
export function businessError(meta: AfterShipMeta): ProviderError {
  const make = (code: ProblemCode, sentence: string, nextStep: string) =>
    new ProviderError(code, withDetails(sentence, meta), nextStep, false);
  switch (meta.code) {
    case 4104:
      return make(
        'aftership_bad_request',
        'AfterShip refused the label request as invalid; nothing was bought.',
        'Check the box size and weight, and that the scan is the 18-digit TikTok order ID. If they are right, tell a supervisor.',
      );
    case 4140:
      return make(
        'aftership_shipper_account_missing',
        'AfterShip has no TikTok Shipping account for this shop; nothing was bought.',
        'A supervisor must connect the TikTok shop to AfterShip (AfterShip Shipping app), then scan again.',
      );
    case 4153:
      return make(
        'aftership_order_not_found',
        'AfterShip could not find this order; nothing was bought.',
        'Check that the scan is the TikTok order ID (not a Shopify number) of a shop connected to AfterShip, then scan again.',
      );
    case 4713:
      return make(
        'aftership_rate_failed',
        'TikTok Shipping could not price this parcel; nothing was bought.',
        'Check the weight and box size. If they are right, wait a minute and scan again.',
      );
    case 4715:
      return make(
        'aftership_courier_error',
        'TikTok Shipping (the carrier) returned an error; nothing was bought.',
        'Wait a minute and scan again. If it keeps failing, tell a supervisor.',
      );
    case 4801:
      return make(
        'aftership_duplicate_order',
        'AfterShip says a label already exists for this order; nothing new was bought.',
        'Do not buy again: reprint the existing label from History, or ask a supervisor to find it in AfterShip.',
      );
    case 4802:
    case 4803:
      return make(
        'aftership_service_unavailable',
        'TikTok Shipping is not available for this order right now; nothing was bought.',
        'Check in TikTok Shop that the order is awaiting shipment, wait a few minutes and scan again.',
      );
    default:
      return make(
        'aftership_refused',
        `AfterShip refused the label (code ${meta.code}); nothing was bought.`,
        'Check the order in TikTok Shop and scan again. If it keeps failing, tell a supervisor.',
      );
  }
}

export function unauthorizedError(): ProviderError {
  return new ProviderError(
    'aftership_unauthorized',
    'AfterShip refused the API key; nothing was bought.',
    'Check the API key in Settings and that the TikTok shop is connected to AfterShip.',
    false,
  );
}

export function rateLimitedError(retryAfterMs: number): ProviderError {
  const seconds = Math.ceil(retryAfterMs / 1000);
  return new ProviderError(
    'aftership_rate_limited',
    'AfterShip is getting too many requests from this account right now; nothing was bought.',
    `Wait ${seconds} second${seconds === 1 ? '' : 's'} and scan again.`,
    false,
    retryAfterMs,
  );
}

export function wrongAddressError(status: number): ProviderError {
  return new ProviderError(
    'aftership_wrong_address',
    `The AfterShip address in Settings did not answer like AfterShip (HTTP ${status}); nothing was bought.`,
    'A supervisor must check the AfterShip address in Settings (normally https://api.aftership.com/postmen/v3).',
    false,
  );
}

/** A 5xx on create: AfterShip may have bought the label before failing. */
export function serverErrorOnCreate(status: number): ProviderError {
  return new ProviderError(
    'aftership_server_error',
    `AfterShip had an internal error (HTTP ${status}) while buying the label; it may or may not have been bought.`,
    SUPERVISOR_CHECK,
    true,
  );
}

/** An answer on create that the station cannot read: the label may exist. */
export function unreadableAnswerOnCreate(labelId?: string): ProviderError {
  const which = labelId ? ` (AfterShip label ${labelId})` : '';
  return new ProviderError(
    'aftership_bad_response',
    `AfterShip answered with something the station cannot read${which}; a label may have been bought.`,
    SUPERVISOR_CHECK,
    true,
  );
}

export function labelFailedError(labelId: string, reason: string | null | undefined): ProviderError {
  const why = reason?.trim() ? ` AfterShip says: ${reason.trim()}.` : '';
  return new ProviderError(
    'aftership_label_failed',
    `AfterShip could not create the label (label ${labelId}); nothing was bought.${why}`,
    'Check the order in TikTok Shop, wait a minute and scan again. If it keeps failing, tell a supervisor.',
    false,
  );
}

export function stillCreatingError(labelId: string): ProviderError {
  return new ProviderError(
    'aftership_still_creating',
    `AfterShip is still creating the label (label ${labelId}) and did not finish in time.`,
    SUPERVISOR_CHECK,
    true,
  );
}

/** A failed create request, by whether it can have reached AfterShip. */
export function networkErrorOnCreate(failure: NetworkFailure): ProviderError {
  switch (failure) {
    case 'unreachable':
      return new ProviderError(
        'aftership_unreachable',
        'Cannot reach AfterShip; nothing was bought.',
        "Check the station's internet connection, then scan again.",
        false,
      );
    case 'timeout':
      return new ProviderError(
        'aftership_no_answer',
        'AfterShip did not answer in time; the label may or may not have been bought.',
        SUPERVISOR_CHECK,
        true,
      );
    case 'cancelled':
      return new ProviderError(
        'aftership_cancelled_in_flight',
        'The label request was cancelled after it was sent; the label may or may not have been bought.',
        SUPERVISOR_CHECK,
        true,
      );
    case 'lost':
      return new ProviderError(
        'aftership_connection_lost',
        'The connection to AfterShip broke while buying the label; it may or may not have been bought.',
        SUPERVISOR_CHECK,
        true,
      );
  }
}

/** Cancelled while waiting out AfterShip's rate limit: every earlier try was refused with 429. */
export function cancelledWhileRateLimited(): ProviderError {
  return new ProviderError(
    'label_cancelled',
    'The label request was cancelled while waiting for AfterShip’s rate limit; nothing was bought.',
    'Scan the order again when ready.',
    false,
  );
}
