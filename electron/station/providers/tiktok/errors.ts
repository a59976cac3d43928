/** TikTok Shop failures, worded for a packer, with whether a label may have been bought anyway. */
import { redactSecrets } from '../http/redact';
import { ProviderError } from '../provider';

export const SUPERVISOR_CHECK =
  'Do not scan this order again yet: a supervisor must check the order’s packages in TikTok Shop Seller Center, then reprint from there or from History.';

export type Phase = 'read' | 'create';

export function badSignatureError(): ProviderError {
  return new ProviderError(
    'tiktok_bad_signature',
    'TikTok Shop refused the request signature: the app key/secret do not match (or this computer’s clock is wrong); nothing was bought.',
    'A supervisor must check Settings: the TikTok app key and app secret must be the pair shown in TikTok Shop Partner Center, and the station’s clock must be right.',
    false,
  );
}

export function notAuthorizedError(detail = ''): ProviderError {
  return new ProviderError(
    'tiktok_not_authorized',
    `TikTok Shop has not authorized this station, or the authorization was revoked or has expired; nothing was bought.${detail}`,
    'A supervisor must authorize the shop again in Settings (TikTok Shop → Authorize), then scan again.',
    false,
  );
}

export function rateLimitedError(retryAfterMs: number): ProviderError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new ProviderError(
    'tiktok_rate_limited',
    'TikTok Shop is getting too many requests from this shop right now; nothing was bought.',
    `Wait ${seconds} second${seconds === 1 ? '' : 's'} and scan again.`,
    false,
    retryAfterMs,
  );
}

export function unreachableError(): ProviderError {
  return new ProviderError(
    'tiktok_unreachable',
    'Cannot reach TikTok Shop; nothing was bought.',
    "Check the station's internet connection, then scan again.",
    false,
  );
}

/** A read kept failing (network, 5xx, 36009003): nothing was bought by it. */
export function unavailableError(what: string): ProviderError {
  return new ProviderError(
    'tiktok_unavailable',
    `TikTok Shop did not answer properly while ${what}; nothing was bought.`,
    'Wait a minute and scan again. If it keeps failing, tell a supervisor.',
    false,
  );
}

export function wrongAddressError(status: number): ProviderError {
  return new ProviderError(
    'tiktok_wrong_address',
    `The TikTok Shop address in Settings did not answer like TikTok Shop (HTTP ${status}); nothing was bought.`,
    'A supervisor must check the TikTok API and authorization addresses in Settings (normally https://open-api.tiktokglobalshop.com and https://auth.tiktok-shops.com).',
    false,
  );
}

/** TikTok refused with a business code: nothing was done. */
export function refusedError(code: number, says: string, phase: Phase): ProviderError {
  return new ProviderError(
    'tiktok_refused',
    `TikTok Shop refused the ${phase === 'create' ? 'label request' : 'request'} (code ${code}); nothing was bought.${says}`,
    'Check the order in TikTok Shop Seller Center (status, items, box size and weight), then scan again. If it keeps failing, tell a supervisor.',
    false,
  );
}

/** The create may have reached TikTok and been carried out: the station must look before buying again. */
export function ambiguousCreateError(why: 'timeout' | 'lost' | 'cancelled' | 'server' | 'unreadable', detail = ''): ProviderError {
  const sentence = {
    timeout: 'TikTok Shop did not answer in time while buying the label',
    lost: 'The connection to TikTok Shop broke while buying the label',
    cancelled: 'The label request was cancelled after it was sent',
    server: 'TikTok Shop had an internal error while buying the label',
    unreadable: 'TikTok Shop answered the label request with something the station cannot read',
  }[why];
  return new ProviderError(`tiktok_create_${why}`, `${sentence}${detail}; it may or may not have been bought.`, SUPERVISOR_CHECK, true);
}

export function cancelledError(): ProviderError {
  return new ProviderError(
    'label_cancelled',
    'The request to TikTok Shop was cancelled; nothing was bought.',
    'Scan the order again when ready.',
    false,
  );
}

/** Replaces every secret (app secret, tokens) in a ProviderError's words. */
export function redact(error: ProviderError, secrets: Array<string | null | undefined>): ProviderError {
  return redactSecrets(
    error,
    secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4),
  );
}
