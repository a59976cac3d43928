/**
 * Sorts a failed fetch by whether the request can have reached the provider. Only failures that
 * happen before a connection exists (refused, DNS, unreachable, TLS) prove nothing was sent.
 */

export type NetworkFailure =
  /** No connection was made: nothing reached the provider. */
  | 'unreachable'
  /** No answer in time: the request may have been processed (a label may have been bought). */
  | 'timeout'
  /** The caller cancelled while the request was in flight. */
  | 'cancelled'
  /** The connection broke after sending, or an unknown failure: treat as possibly processed. */
  | 'lost';

/** Codes that prove no connection existed, so nothing was sent. */
const NOT_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'EAI_FAIL',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

export function classifyFetchFailure(error: unknown, callerSignal: AbortSignal | undefined, timeoutSignal: AbortSignal): NetworkFailure {
  if (callerSignal?.aborted) return 'cancelled';
  if (timeoutSignal.aborted) return 'timeout';
  const codes = errorCodes(error);
  if (codes.length > 0 && codes.every((code) => NOT_CONNECTED.has(code))) return 'unreachable';
  return 'lost';
}

/** Error codes on the error, its causes, and the members of an AggregateError (IPv4 + IPv6 tries). */
function errorCodes(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== 'object' || depth > 4) return [];
  const e = error as { code?: unknown; cause?: unknown; errors?: unknown };
  const own = typeof e.code === 'string' ? [e.code] : [];
  const nested = Array.isArray(e.errors) ? e.errors.flatMap((inner) => errorCodes(inner, depth + 1)) : [];
  const fromCause = errorCodes(e.cause, depth + 1);
  // An AggregateError's own code repeats its members'; keep the members when present.
  return nested.length > 0 ? [...nested, ...fromCause] : [...own, ...fromCause];
}
