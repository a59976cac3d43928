/** What the TikTok Shop client is built from; tokens live in the station's encrypted secret store. */

import type { TikTokTokens } from '../../../../shared/domain/providers';
import type { ProviderRecorder } from '../http/recorder';

export type { TikTokTokens };

export interface TikTokTokenStore {
  load(): TikTokTokens | undefined;
  save(tokens: TikTokTokens): void;
}

export interface TikTokClientOptions {
  /** e.g. https://open-api.tiktokglobalshop.com */
  apiBaseUrl: string;
  /** e.g. https://auth.tiktok-shops.com */
  authBaseUrl: string;
  appKey: string;
  appSecret: string;
  shopCipher: string;
  tokens: TikTokTokenStore;
  fetch?: typeof fetch;
  now?: () => Date;
  /** Time limit of one HTTP request (default 30 s). */
  timeoutMs?: number;
  /** Waits between retries (tests pass a fast one). */
  sleep?: (ms: number) => Promise<void>;
  /** Told about every exchange and rate-limit hold (the Health panel's figures). */
  recorder?: ProviderRecorder;
}

export function trimBase(url: string): string {
  return url.trim().replace(/\/+$/, '');
}
