/**
 * One call to the AfterShip API under the retry rules of the station:
 * - every request first takes a token from the account's rate limiter;
 * - a 429 is waited out (reset header) and sent again, even a create, because AfterShip did
 *   nothing with a rate-limited request; bounded in tries and in total wait;
 * - GET calls (poll, lookup) are retried with jitter after 5xx and network failures;
 * - a POST is never sent again after anything but a 429: the caller decides what it means.
 */
import { httpExchange, type HttpAnswer } from '../http/exchange';
import type { NetworkFailure } from '../http/network-failure';
import type { RateLimiter } from './rate-limiter';
import { retryAfterMsFromHeaders } from './rate-limit';
import { jitteredBackoff, type Sleep } from '../http/sleep';
import type { ProviderRecorder } from '../http/recorder';

export interface ApiClientOptions {
  baseUrl: string;
  apiKey: string;
  fetch: typeof fetch;
  timeoutMs: number;
  limiter: RateLimiter;
  sleep: Sleep;
  random: () => number;
  /** Sends after a 429 before giving up (default 3). */
  rateLimitRetries?: number;
  /** Total time spent waiting out 429s in one call (default 2 minutes). */
  rateLimitBudgetMs?: number;
  /** Tries of a GET through 5xx and network failures (default 3). */
  getAttempts?: number;
  retryBaseMs?: number;
  /** Told about every exchange (the Health panel's figures). */
  recorder?: ProviderRecorder;
}

export interface ApiRequest {
  method: 'GET' | 'POST';
  /** Below the base URL, e.g. /labels */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
}

export type ApiOutcome =
  /** An HTTP answer other than a final 429 (including 5xx after the GET retries). */
  | { kind: 'answer'; answer: HttpAnswer }
  /** Still 429 after the bounded retries: AfterShip did nothing. */
  | { kind: 'rate-limited'; retryAfterMs: number }
  /** The request failed on the network (after the GET retries). */
  | { kind: 'failed'; failure: NetworkFailure }
  /** Cancelled while waiting (rate limit, backoff): no request was in flight. */
  | { kind: 'cancelled-while-waiting' };

const MAX_ANSWER_BYTES = 2 * 1024 * 1024;

export interface ApiClient {
  call(request: ApiRequest, signal?: AbortSignal): Promise<ApiOutcome>;
}

export function createApiClient(opts: ApiClientOptions): ApiClient {
  const rateLimitRetries = opts.rateLimitRetries ?? 3;
  const rateLimitBudgetMs = opts.rateLimitBudgetMs ?? 120_000;
  const getAttempts = opts.getAttempts ?? 3;
  const retryBaseMs = opts.retryBaseMs ?? 250;

  async function wait(ms: number, signal?: AbortSignal): Promise<boolean> {
    try {
      await opts.sleep(ms, signal);
      return true;
    } catch {
      return false;
    }
  }

  return {
    async call(request, signal) {
      const idempotent = request.method === 'GET';
      const url = buildUrl(opts.baseUrl, request);
      const init: RequestInit = {
        method: request.method,
        headers: {
          'as-api-key': opts.apiKey,
          accept: 'application/json',
          // AfterShip documents Content-Type as a required header on every /labels call.
          'content-type': 'application/json',
        },
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      };
      let rateLimited = 0;
      let rateWaitedMs = 0;
      let failures = 0;
      for (;;) {
        try {
          await opts.limiter.take(signal);
        } catch {
          return { kind: 'cancelled-while-waiting' };
        }
        if (signal?.aborted) return { kind: 'cancelled-while-waiting' };
        const result = await httpExchange(url, init, {
          fetch: opts.fetch,
          timeoutMs: opts.timeoutMs,
          signal,
          maxBytes: MAX_ANSWER_BYTES,
          ...(opts.recorder && { recorder: opts.recorder }),
        });

        if (!result.ok) {
          failures += 1;
          if (!idempotent || result.failure === 'cancelled' || failures >= getAttempts) return { kind: 'failed', failure: result.failure };
          if (!(await wait(jitteredBackoff(failures, retryBaseMs, opts.random), signal))) return { kind: 'cancelled-while-waiting' };
          continue;
        }

        const { answer } = result;
        if (answer.status === 429) {
          const retryAfterMs = retryAfterMsFromHeaders(answer.headers);
          opts.limiter.holdFor(retryAfterMs);
          rateLimited += 1;
          if (rateLimited > rateLimitRetries || rateWaitedMs + retryAfterMs > rateLimitBudgetMs)
            return { kind: 'rate-limited', retryAfterMs };
          rateWaitedMs += retryAfterMs;
          if (!(await wait(retryAfterMs, signal))) return { kind: 'cancelled-while-waiting' };
          continue;
        }
        if (answer.status >= 500 && idempotent) {
          failures += 1;
          if (failures < getAttempts) {
            if (!(await wait(jitteredBackoff(failures, retryBaseMs, opts.random), signal))) return { kind: 'cancelled-while-waiting' };
            continue;
          }
        }
        return { kind: 'answer', answer };
      }
    },
  };
}

function buildUrl(baseUrl: string, request: ApiRequest): string {
  const query = request.query ? `?${new URLSearchParams(request.query).toString()}` : '';
  return `${baseUrl}${request.path}${query}`;
}
