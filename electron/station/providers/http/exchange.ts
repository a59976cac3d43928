/** One HTTP exchange with a time limit and a size limit; failures come back classified, not thrown. */
import { classifyFetchFailure, type NetworkFailure } from './network-failure';
import type { ExchangeOutcome, ProviderRecorder } from './recorder';

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
  /** Told how the exchange ended and how long it took (the Health panel's figures). */
  recorder?: ProviderRecorder;
}

export async function httpExchange(url: string, init: RequestInit, opts: HttpOptions): Promise<HttpResult> {
  if (!opts.recorder) return exchangeOnce(url, init, opts);
  const started = performance.now();
  const result = await exchangeOnce(url, init, opts);
  opts.recorder.exchange({ outcome: exchangeOutcome(result), durationMs: performance.now() - started });
  return result;
}

async function exchangeOnce(url: string, init: RequestInit, opts: HttpOptions): Promise<HttpResult> {
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
    return { ok: false, failure: classifyFetchFailure(error, opts.signal, timeout) };
  }
}

export function bodyText(answer: HttpAnswer): string {
  return new TextDecoder().decode(answer.body);
}

/** How an exchange ended, for the health figures. */
export function exchangeOutcome(result: HttpResult): ExchangeOutcome {
  if (!result.ok) return result.failure === 'cancelled' ? 'cancelled' : 'failed';
  const { status } = result.answer;
  if (status === 429) return 'rate_limited';
  if (status >= 500 || status === 401 || status === 403) return 'failed';
  return 'ok';
}
