/** Shipium answers and failures, turned into ProviderErrors a packer can act on. */
import { ProviderError } from '../provider';
import type { NetworkFailure } from '../http/network-failure';
import type { UnusableLabel } from './response';

const SUPERVISOR_CHECK =
  'Do not scan this order again yet: a supervisor must look for a label for this order in the Shipium Console (or TikTok Seller Center), then reprint it from there.';

/** What Shipium said in an error body ({ message } / { error } / { errors: [...] }), or ''. */
export function shipiumMessage(text: string, max = 300): string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return '';
  }
  const parts: string[] = [];
  const collect = (v: unknown): void => {
    if (typeof v === 'string' && v.trim()) parts.push(v.trim());
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      for (const key of ['message', 'detail', 'description', 'error']) {
        if (typeof o[key] === 'string' && (o[key] as string).trim()) {
          parts.push((o[key] as string).trim());
          break;
        }
      }
    }
  };
  const body = (json ?? {}) as Record<string, unknown>;
  collect(body);
  if (Array.isArray(body.errors)) body.errors.slice(0, 5).forEach(collect);
  const said = [...new Set(parts)].join('; ');
  return said.length > max ? `${said.slice(0, max - 1)}…` : said;
}

function says(said: string): string {
  return said ? ` Shipium says: ${said.replace(/[.\s]+$/, '')}.` : '';
}

export function unauthorizedError(status: number): ProviderError {
  return new ProviderError(
    'shipium_unauthorized',
    `Shipium refused the API key (HTTP ${status}); nothing was bought.`,
    'A supervisor must check the Shipium API key in Settings (a new key can be made in the Shipium Console).',
    false,
  );
}

export function rateLimitedError(retryAfterMs: number): ProviderError {
  const seconds = Math.ceil(retryAfterMs / 1000);
  return new ProviderError(
    'shipium_rate_limited',
    'Shipium is getting too many requests right now; nothing was bought.',
    `Wait ${seconds} second${seconds === 1 ? '' : 's'} and scan again.`,
    false,
    retryAfterMs,
  );
}

/** A 4xx with Shipium's reason: the request was refused, nothing was bought. */
export function refusedError(status: number, said: string): ProviderError {
  return new ProviderError(
    'shipium_refused',
    `Shipium refused the label request (HTTP ${status}); nothing was bought.${says(said)}`,
    'Check the box size and weight and that the scan is the TikTok order ID; if they are right, tell a supervisor.',
    false,
  );
}

/** 409: a shipment with this station reference exists already, so a label was most likely bought. */
export function duplicateShipmentError(said: string): ProviderError {
  return new ProviderError(
    'shipium_duplicate_shipment',
    `Shipium already has a shipment for this request, so a label was probably bought earlier.${says(said)}`,
    SUPERVISOR_CHECK,
    true,
  );
}

export function wrongAddressError(status: number): ProviderError {
  return new ProviderError(
    'shipium_wrong_address',
    `The Shipium address in Settings did not answer like Shipium (HTTP ${status}); nothing was bought.`,
    'A supervisor must check the Shipium address in Settings (normally https://api.shipium.com).',
    false,
  );
}

export function serverErrorOnCreate(status: number): ProviderError {
  return new ProviderError(
    'shipium_server_error',
    `Shipium had an internal error (HTTP ${status}) while buying the label; it may or may not have been bought.`,
    SUPERVISOR_CHECK,
    true,
  );
}

export function unreadableAnswerOnCreate(): ProviderError {
  return new ProviderError(
    'shipium_bad_response',
    'Shipium answered with something the station cannot read; a label may have been bought.',
    SUPERVISOR_CHECK,
    true,
  );
}

/** The label was bought but cannot be printed from the answer: keep the tracking numbers in the words. */
export function unusableLabelError(unusable: UnusableLabel): ProviderError {
  const tracking = unusable.trackingNumbers.length ? ` (tracking ${unusable.trackingNumbers.join(', ')})` : '';
  const shipment = unusable.shipmentId ? ` Shipium shipment ${unusable.shipmentId}.` : '';
  const why = {
    no_tracking: 'Shipium answered without a tracking number',
    no_file: `Shipium bought the label${tracking} but sent no label file`,
    several_files: `Shipium bought the labels${tracking} but sent them as separate files the station cannot join`,
  }[unusable.problem];
  return new ProviderError('shipium_label_unusable', `${why}; a label was bought.${shipment}`, SUPERVISOR_CHECK, true);
}

export function networkErrorOnCreate(failure: NetworkFailure, timeoutMs: number): ProviderError {
  switch (failure) {
    case 'unreachable':
      return new ProviderError(
        'shipium_unreachable',
        'Cannot reach Shipium; nothing was bought.',
        "Check the station's internet connection, then scan again.",
        false,
      );
    case 'timeout':
      return new ProviderError(
        'shipium_no_answer',
        `Shipium did not answer within ${Math.round(timeoutMs / 1000)} seconds; the label may or may not have been bought.`,
        SUPERVISOR_CHECK,
        true,
      );
    case 'cancelled':
      return new ProviderError(
        'shipium_cancelled_in_flight',
        'The label request was cancelled after it was sent to Shipium; the label may or may not have been bought.',
        SUPERVISOR_CHECK,
        true,
      );
    case 'lost':
      return new ProviderError(
        'shipium_connection_lost',
        'The connection to Shipium broke while buying the label; it may or may not have been bought.',
        SUPERVISOR_CHECK,
        true,
      );
  }
}
