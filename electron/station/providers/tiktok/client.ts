/**
 * One signed call to the TikTok Shop Open API, with the token kept fresh and the retry rules:
 * - 105002 (token expired): refresh, then try once more (nothing was done the first time);
 * - 106001 (bad signature): a configuration error, never retried;
 * - 36009002 / HTTP 429 (too many requests): bounded backoff, for reads and creates alike (a
 *   rate-limited create was not carried out);
 * - 36009003 / 5xx / network: reads are retried with jitter; a create is reported as ambiguous.
 */
import { bodyText, httpExchange } from '../http/exchange';
import type { ProviderError } from '../provider';
import {
  CODE_BAD_SIGNATURE,
  CODE_INTERNAL_ERROR,
  CODE_OK,
  CODE_RATE_LIMITED,
  CODE_TOKEN_EXPIRED,
  isAuthorizationCode,
  parseEnvelope,
  tiktokSays,
} from './envelope';
import {
  ambiguousCreateError,
  badSignatureError,
  cancelledError,
  notAuthorizedError,
  rateLimitedError,
  refusedError,
  unavailableError,
  unreachableError,
  wrongAddressError,
  type Phase,
} from './errors';
import { trimBase, type TikTokClientOptions } from './options';
import { signRequest } from './sign';
import { TokenKeeper } from './tokens';

export interface CallSpec {
  method: 'GET' | 'POST';
  /** e.g. /order/202309/orders */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  phase: Phase;
  /** For messages: "reading the order". */
  what: string;
  signal?: AbortSignal;
}

const MAX_ANSWER_BYTES = 4 * 1024 * 1024;
const READ_ATTEMPTS = 4;
const RATE_LIMIT_RETRIES = 5;
const MAX_RATE_WAIT_MS = 8_000;

export class TikTokApiClient {
  readonly tokens: TokenKeeper;
  private readonly base: string;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  /**
   * After a rate-limit answer no request of this client leaves before this time (Date.now), also
   * requests already waiting: each looks at it again when it wakes (the AfterShip limiter's rule).
   */
  private heldUntil = 0;

  constructor(private readonly opts: TikTokClientOptions) {
    this.tokens = new TokenKeeper(opts);
    this.base = trimBase(opts.apiBaseUrl);
    this.fetchImpl = opts.fetch ?? globalThis.fetch;
    this.timeoutMs = opts.timeoutMs ?? 30_000;
  }

  /** The answer's `data`; throws ProviderError. */
  async call(spec: CallSpec): Promise<unknown> {
    let refreshed = false;
    let rateRetries = 0;
    let readAttempts = 0;
    let lastReadFailure: ProviderError = unavailableError(spec.what);
    for (;;) {
      if (spec.signal?.aborted) throw cancelledError();
      await this.waitOutHold(spec.signal);
      const token = await this.tokens.accessToken(spec.signal);
      const body = spec.method === 'GET' ? '' : JSON.stringify(spec.body ?? {});
      const query: Record<string, string> = {
        ...spec.query,
        app_key: this.opts.appKey,
        shop_cipher: this.opts.shopCipher,
        timestamp: String(Math.floor(this.now().getTime() / 1000)),
      };
      const url = new URL(`${this.base}${spec.path}`);
      for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
      url.searchParams.set('sign', signRequest(this.opts.appSecret, spec.path, query, body));

      readAttempts += 1;
      const result = await httpExchange(
        url.toString(),
        {
          method: spec.method,
          headers: { 'x-tts-access-token': token, 'content-type': 'application/json', accept: 'application/json' },
          ...(spec.method === 'GET' ? {} : { body }),
        },
        {
          fetch: this.fetchImpl,
          timeoutMs: this.timeoutMs,
          signal: spec.signal,
          maxBytes: MAX_ANSWER_BYTES,
          ...(this.opts.recorder && { recorder: this.opts.recorder }),
        },
      );

      if (!result.ok) {
        if (result.failure === 'cancelled') throw spec.phase === 'create' ? ambiguousCreateError('cancelled') : cancelledError();
        if (spec.phase === 'create') {
          if (result.failure === 'unreachable') throw unreachableError();
          throw ambiguousCreateError(result.failure === 'timeout' ? 'timeout' : 'lost');
        }
        lastReadFailure = result.failure === 'unreachable' ? unreachableError() : unavailableError(spec.what);
        // A read that timed out is tried once more only: each try can cost the whole time limit.
        if (result.failure === 'timeout') readAttempts = Math.max(readAttempts, READ_ATTEMPTS - 1);
        if (readAttempts >= READ_ATTEMPTS) throw lastReadFailure;
        await this.pause(jittered(300 * 2 ** (readAttempts - 1)), spec.signal);
        continue;
      }

      const { status } = result.answer;
      const envelope = parseEnvelope(bodyText(result.answer));
      const code = envelope?.code ?? null;

      if (code === CODE_RATE_LIMITED || (code === null && status === 429)) {
        const wait = Math.min(1_000 * 2 ** rateRetries, MAX_RATE_WAIT_MS);
        if (rateRetries >= RATE_LIMIT_RETRIES) throw rateLimitedError(wait);
        rateRetries += 1;
        readAttempts -= 1; // a rate-limited try is not a failed one
        // Every request of this client waits, not only this one (waitOutHold at the top of the loop).
        const now = Date.now();
        const until = now + jittered(wait);
        this.opts.recorder?.rateLimitHold({ heldMs: Math.max(0, until - Math.max(this.heldUntil, now)) });
        this.heldUntil = Math.max(this.heldUntil, until);
        continue;
      }
      if (code === CODE_INTERNAL_ERROR || (code === null && status >= 500)) {
        if (spec.phase === 'create') throw ambiguousCreateError('server', code === null ? ` (HTTP ${status})` : ' (code 36009003)');
        lastReadFailure = unavailableError(spec.what);
        if (readAttempts >= READ_ATTEMPTS) throw lastReadFailure;
        await this.pause(jittered(300 * 2 ** (readAttempts - 1)), spec.signal);
        continue;
      }
      if (!envelope) {
        if (status >= 200 && status < 300 && spec.phase === 'create') throw ambiguousCreateError('unreadable');
        if (status >= 200 && status < 300) throw unavailableError(`${spec.what} (the answer could not be read)`);
        throw wrongAddressError(status);
      }
      if (envelope.code === CODE_OK) return envelope.data;
      if (envelope.code === CODE_TOKEN_EXPIRED) {
        if (refreshed) throw notAuthorizedError(tiktokSays(envelope));
        refreshed = true;
        readAttempts -= 1;
        await this.tokens.refresh(token, spec.signal);
        continue;
      }
      if (envelope.code === CODE_BAD_SIGNATURE) throw badSignatureError();
      if (isAuthorizationCode(envelope.code)) throw notAuthorizedError(tiktokSays(envelope));
      throw refusedError(envelope.code, tiktokSays(envelope), spec.phase);
    }
  }

  secrets(): string[] {
    return this.tokens.secrets();
  }

  private now(): Date {
    return (this.opts.now ?? (() => new Date()))();
  }

  /** Waits between tries; nothing is in flight, so a cancel here has bought nothing. */
  /** Waits out the hold; again if a longer one came in meanwhile. */
  private async waitOutHold(signal?: AbortSignal): Promise<void> {
    for (let seen = Number.NaN, guard = 0; this.heldUntil !== seen && guard < 20; guard++) {
      seen = this.heldUntil;
      const wait = seen - Date.now();
      if (wait <= 0) continue;
      await this.pause(wait, signal);
      // Waited out (a test's sleep does not move the clock: its wait counts as served too).
      if (this.heldUntil === seen) this.heldUntil = Math.min(seen, Date.now());
    }
  }

  private async pause(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw cancelledError();
    if (this.opts.sleep) await this.opts.sleep(ms);
    else await defaultSleep(ms, signal);
    if (signal?.aborted) throw cancelledError();
  }
}

/** Full jitter on the upper half: between ms/2 and ms. */
function jittered(ms: number): number {
  return Math.round(ms / 2 + Math.random() * (ms / 2));
}

export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
