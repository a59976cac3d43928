/**
 * One HTTP exchange with Shipium: a time limit, a size limit, and failures sorted by whether the
 * request can have reached Shipium (returned, never thrown).
 */

export type NetworkFailure =
  /** No connection was made: nothing reached Shipium. */
  | 'unreachable'
  /** No answer in time: Shipium may have bought the label. */
  | 'timeout'
  /** The caller cancelled while the request was in flight. */
  | 'cancelled'
  /** The connection broke after sending, or an unknown failure: treat as possibly processed. */
  | 'lost';

export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: Uint8Array;
}

export type HttpResult = { ok: true; answer: HttpAnswer } | { ok: false; failure: NetworkFailure; tooLarge?: boolean };

export interface HttpOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  signal?: AbortSignal;
  maxBytes: number;
}

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

export async function httpExchange(url: string, init: RequestInit, opts: HttpOptions): Promise<HttpResult> {
  const timeout = AbortSignal.timeout(opts.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  try {
    const response = await opts.fetch(url, { ...init, signal, redirect: 'follow' });
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > opts.maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, failure: 'lost', tooLarge: true };
    }
    const body = new Uint8Array(await response.arrayBuffer());
    if (body.byteLength > opts.maxBytes) return { ok: false, failure: 'lost', tooLarge: true };
    return { ok: true, answer: { status: response.status, headers: response.headers, body } };
  } catch (error) {
    return { ok: false, failure: classifyFailure(error, opts.signal, timeout) };
  }
}

export function bodyText(answer: HttpAnswer): string {
  return new TextDecoder().decode(answer.body);
}

function classifyFailure(error: unknown, callerSignal: AbortSignal | undefined, timeoutSignal: AbortSignal): NetworkFailure {
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
  return nested.length > 0 ? [...nested, ...fromCause] : [...own, ...nested, ...fromCause];
}

/** Seconds or an HTTP date in Retry-After, as milliseconds (1 s to 2 min; 5 s when absent). */
export function retryAfterMs(headers: Headers, nowMs: number = Date.now()): number {
  const raw = headers.get('retry-after')?.trim();
  let ms = 5_000;
  if (raw && /^\d+(\.\d+)?$/.test(raw)) ms = Number(raw) * 1000;
  else if (raw && !Number.isNaN(Date.parse(raw))) ms = Date.parse(raw) - nowMs;
  return Math.min(120_000, Math.max(1_000, Math.ceil(ms)));
}
