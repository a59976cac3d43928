/** The label providers in the station's words: titles, and what the TikTok provider keeps between runs. */
import { z } from 'zod';

export const ProviderName = z.enum(['sandbox', 'aftership', 'tiktok', 'shipium']);
export type ProviderName = z.infer<typeof ProviderName>;

export const PROVIDER_TITLES: Record<ProviderName, string> = {
  sandbox: 'Sandbox (no real labels)',
  aftership: 'AfterShip Shipping API',
  tiktok: 'TikTok Shop (direct)',
  shipium: 'Shipium (TikTok Shop carrier)',
};

/** The provider's own name, as on its dashboard: "look for the order in the AfterShip dashboard". */
export const PROVIDER_SHORT_NAMES: Record<ProviderName, string> = {
  sandbox: 'Sandbox',
  aftership: 'AfterShip',
  tiktok: 'TikTok Shop',
  shipium: 'Shipium',
};

/** TikTok Shop's OAuth tokens; kept in the station's encrypted secret store, never sent to the renderer. */
export interface TikTokTokens {
  accessToken: string;
  /** ISO date-time. */
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string | null;
  shopName: string | null;
}
