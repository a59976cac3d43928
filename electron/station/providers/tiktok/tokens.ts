/**
 * OAuth tokens: the authorization-code exchange and the refresh, both on the auth host
 * (GET /api/v2/token/get and /api/v2/token/refresh), and the keeper that refreshes before expiry.
 */
import { z } from 'zod';
import { httpExchange, bodyText } from '../http/exchange';
import type { ProviderError } from '../provider';
import { CODE_OK, parseEnvelope, tiktokSays } from './envelope';
import { cancelledError, notAuthorizedError, unavailableError, unreachableError, wrongAddressError } from './errors';
import { trimBase, type TikTokClientOptions, type TikTokTokens } from './options';

/** Refresh when less than this is left on the access token. */
export const REFRESH_MARGIN_MS = 5 * 60_000;
const MAX_ANSWER_BYTES = 256 * 1024;

const TokenData = z.object({
  access_token: z.string().min(1),
  access_token_expire_in: z.number(),
  refresh_token: z.string().min(1),
  refresh_token_expire_in: z.number().nullish(),
  seller_name: z.string().nullish(),
});

type AuthOptions = Pick<TikTokClientOptions, 'authBaseUrl' | 'appKey' | 'appSecret' | 'fetch' | 'now' | 'recorder'> & {
  timeoutMs?: number;
  signal?: AbortSignal;
};

/**
 * TikTok sends expiry instants as Unix seconds (e.g. 1660556783). A small number is read as a
 * duration in seconds instead, so a server that answers "seconds left" is not taken for 1970.
 */
function expiryIso(value: number, now: Date): string {
  const ms = value > 1_000_000_000 ? value * 1000 : now.getTime() + value * 1000;
  return new Date(ms).toISOString();
}

function toTokens(data: z.infer<typeof TokenData>, now: Date, previousShopName: string | null): TikTokTokens {
  const refreshExpiry = data.refresh_token_expire_in;
  return {
    accessToken: data.access_token,
    accessTokenExpiresAt: expiryIso(data.access_token_expire_in, now),
    refreshToken: data.refresh_token,
    refreshTokenExpiresAt: refreshExpiry && refreshExpiry > 0 ? expiryIso(refreshExpiry, now) : null,
    shopName: data.seller_name?.trim() || previousShopName,
  };
}

/** One token request; retried only when nothing can have reached TikTok (or, for refresh, always safe). */
async function tokenRequest(
  opts: AuthOptions,
  path: '/api/v2/token/get' | '/api/v2/token/refresh',
  params: Record<string, string>,
  retryLost: boolean,
): Promise<z.infer<typeof TokenData>> {
  const url = new URL(`${trimBase(opts.authBaseUrl)}${path}`);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  const attempts = 3;
  let lastError: ProviderError = unreachableError();
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const result = await httpExchange(
      url.toString(),
      { method: 'GET', headers: { accept: 'application/json' } },
      {
        fetch: opts.fetch ?? globalThis.fetch,
        timeoutMs: opts.timeoutMs ?? 30_000,
        signal: opts.signal,
        maxBytes: MAX_ANSWER_BYTES,
        ...(opts.recorder && { recorder: opts.recorder }),
      },
    );
    if (!result.ok) {
      if (result.failure === 'cancelled') throw cancelledError();
      lastError = result.failure === 'unreachable' ? unreachableError() : unavailableError('renewing the shop authorization');
      if (result.failure !== 'unreachable' && !retryLost) throw lastError;
      continue;
    }
    const envelope = parseEnvelope(bodyText(result.answer));
    if (!envelope) {
      if (result.answer.status >= 500) {
        lastError = unavailableError('renewing the shop authorization');
        if (!retryLost) throw lastError;
        continue;
      }
      throw wrongAddressError(result.answer.status);
    }
    if (envelope.code !== CODE_OK) throw notAuthorizedError(tiktokSays(envelope));
    const data = TokenData.safeParse(envelope.data);
    if (!data.success) throw unavailableError('renewing the shop authorization (the answer had no tokens)');
    return data.data;
  }
  throw lastError;
}

/** Exchanges the one-time authorization code (valid about 30 minutes) for tokens. */
export async function exchangeAuthCode(
  opts: Pick<TikTokClientOptions, 'authBaseUrl' | 'appKey' | 'appSecret' | 'fetch' | 'now'>,
  code: string,
): Promise<TikTokTokens> {
  const authCode = code.trim();
  if (!/^[\w.\-~]{4,512}$/.test(authCode)) {
    throw notAuthorizedError(' The authorization code is empty or malformed: paste the code (or the whole address TikTok redirected to).');
  }
  const now = (opts.now ?? (() => new Date()))();
  // The code is single-use: a lost answer cannot be retried (the seller authorizes again).
  const data = await tokenRequest(
    opts,
    '/api/v2/token/get',
    { app_key: opts.appKey, app_secret: opts.appSecret, auth_code: authCode, grant_type: 'authorized_code' },
    false,
  );
  return toTokens(data, now, null);
}

export async function refreshTokens(opts: AuthOptions, current: TikTokTokens): Promise<TikTokTokens> {
  const now = (opts.now ?? (() => new Date()))();
  const data = await tokenRequest(
    opts,
    '/api/v2/token/refresh',
    { app_key: opts.appKey, app_secret: opts.appSecret, refresh_token: current.refreshToken, grant_type: 'refresh_token' },
    true,
  );
  return toTokens(data, now, current.shopName);
}

/** Refreshes in flight, shared by every client of one shop (the provider and the order source). */
const inFlight = new Map<string, Promise<TikTokTokens>>();

/** Hands out a usable access token, refreshing it before expiry and on demand (105002). */
export class TokenKeeper {
  private readonly key: string;

  constructor(private readonly opts: TikTokClientOptions) {
    this.key = `${trimBase(opts.authBaseUrl)}|${opts.appKey}|${opts.shopCipher}`;
  }

  async accessToken(signal?: AbortSignal): Promise<string> {
    const tokens = this.load();
    const now = this.now().getTime();
    const expiresAt = Date.parse(tokens.accessTokenExpiresAt);
    if (tokens.accessToken && Number.isFinite(expiresAt) && expiresAt - now > REFRESH_MARGIN_MS) return tokens.accessToken;
    return (await this.refresh(tokens.accessToken, signal)).accessToken;
  }

  /** Refreshes unless someone already replaced `staleAccessToken` meanwhile. */
  async refresh(staleAccessToken: string, signal?: AbortSignal): Promise<TikTokTokens> {
    const running = inFlight.get(this.key);
    if (running) return running;
    const current = this.load();
    if (current.accessToken !== staleAccessToken && current.accessToken) {
      const expiresAt = Date.parse(current.accessTokenExpiresAt);
      if (Number.isFinite(expiresAt) && expiresAt - this.now().getTime() > REFRESH_MARGIN_MS) return current;
    }
    if (current.refreshTokenExpiresAt && Date.parse(current.refreshTokenExpiresAt) <= this.now().getTime()) {
      throw notAuthorizedError(' The shop authorization (refresh token) has expired.');
    }
    const job = refreshTokens({ ...this.opts, signal }, current).then((fresh) => {
      this.opts.tokens.save(fresh);
      return fresh;
    });
    inFlight.set(this.key, job);
    try {
      return await job;
    } finally {
      inFlight.delete(this.key);
    }
  }

  /** Every secret the keeper knows, for scrubbing error text. */
  secrets(): string[] {
    const tokens = this.opts.tokens.load();
    return [this.opts.appSecret, tokens?.accessToken ?? '', tokens?.refreshToken ?? ''];
  }

  private load(): TikTokTokens {
    const tokens = this.opts.tokens.load();
    if (!tokens || !tokens.refreshToken) throw notAuthorizedError();
    return tokens;
  }

  private now(): Date {
    return (this.opts.now ?? (() => new Date()))();
  }
}
