/**
 * Where a provider's secret may be sent (issue 13). Each provider's official hosts over https are
 * always fine; another host over https is a supervisor's choice and needs the secret entered again
 * (changing the host clears it); plain http only to this computer (loopback: tests and fakes).
 * Pure: the settings service checks it when a supervisor saves, the provider factory and the order
 * sources again before a request carries a secret.
 */
import type { SecretName } from './settings';

export type ProviderEndpoint = 'aftership' | 'tiktokApi' | 'tiktokAuth' | 'shipium' | 'shopify';

/** The official hosts of each endpoint (from the providers' own documentation and SDKs). */
export const OFFICIAL_HOSTS: Record<ProviderEndpoint, readonly string[]> = {
  aftership: ['api.aftership.com', 'sandbox-api.aftership.com'],
  tiktokApi: ['open-api.tiktokglobalshop.com'],
  tiktokAuth: ['auth.tiktok-shops.com'],
  shipium: ['api.shipium.com'],
  shopify: [],
};

/** Shopify's Admin API lives on the store's own `<shop>.myshopify.com` name. */
const SHOPIFY_SHOP = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

export const ENDPOINT_TITLES: Record<ProviderEndpoint, string> = {
  aftership: 'AfterShip address',
  tiktokApi: 'TikTok Shop API address',
  tiktokAuth: 'TikTok Shop authorization address',
  shipium: 'Shipium address',
  shopify: 'Shopify store address',
};

/** The secret that travels to each endpoint: cleared when its host changes to one that is not official. */
export const ENDPOINT_SECRET: Record<ProviderEndpoint, SecretName> = {
  aftership: 'aftershipApiKey',
  tiktokApi: 'tiktokAppSecret',
  tiktokAuth: 'tiktokAppSecret',
  shipium: 'shipiumApiKey',
  shopify: 'shopifyAdminToken',
};

export const OFFICIAL_EXAMPLE: Record<ProviderEndpoint, string> = {
  aftership: 'https://api.aftership.com/postmen/v3',
  tiktokApi: 'https://open-api.tiktokglobalshop.com',
  tiktokAuth: 'https://auth.tiktok-shops.com',
  shipium: 'https://api.shipium.com',
  shopify: 'https://your-shop.myshopify.com',
};

export type HostKind = 'official' | 'loopback' | 'other';

export type HostCheck = { ok: true; kind: HostKind; host: string } | { ok: false; problem: string };

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The host of a web address, lower-case with its port (undefined when it is not one). */
export function urlHost(url: string): string | undefined {
  try {
    return new URL(url.trim()).host.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Whether a secret may be sent to this address at all, and what kind of host it is. */
export function checkProviderUrl(endpoint: ProviderEndpoint, url: string): HostCheck {
  const title = ENDPOINT_TITLES[endpoint];
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return { ok: false, problem: `The ${title} is not a web address (e.g. ${OFFICIAL_EXAMPLE[endpoint]}).` };
  }
  if (parsed.username || parsed.password) {
    return { ok: false, problem: `The ${title} must not contain a user name or password.` };
  }
  const hostname = parsed.hostname.toLowerCase();
  const host = parsed.host.toLowerCase();
  const loopback = isLoopbackHost(hostname);
  if (parsed.protocol === 'http:' && !loopback) {
    return {
      ok: false,
      problem: `The ${title} must start with https:// (plain http:// would send the key unencrypted; it is allowed only for this computer, for tests).`,
    };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return { ok: false, problem: `The ${title} must start with https://.` };
  }
  if (loopback) return { ok: true, kind: 'loopback', host };
  const official =
    endpoint === 'shopify'
      ? SHOPIFY_SHOP.test(hostname) && (parsed.port === '' || parsed.port === '443')
      : OFFICIAL_HOSTS[endpoint].includes(hostname) && (parsed.port === '' || parsed.port === '443');
  return { ok: true, kind: official ? 'official' : 'other', host };
}

/** Where a stored secret was entered: the endpoint's host at that time, or the environment (fleet set-up). */
export interface SecretBinding {
  fromEnv: boolean;
  host: string | undefined;
}

/**
 * Checked where a request carrying a secret is made: undefined when the secret may go to `url`,
 * else the refusal in words. Official and loopback hosts are fine; another https host only when the
 * secret was entered (or preset by the environment) for that very host.
 */
export function secretDestinationProblem(endpoint: ProviderEndpoint, url: string, binding: SecretBinding): string | undefined {
  const check = checkProviderUrl(endpoint, url);
  if (!check.ok) return `${check.problem} The key is not sent.`;
  if (check.kind !== 'other' || binding.fromEnv || binding.host === check.host) return undefined;
  return `The ${ENDPOINT_TITLES[endpoint]} (${check.host}) is not the provider's own, and the key was entered for another address: the key is not sent there.`;
}

/** Every endpoint's address in a settings object ('' when not configured). */
export function endpointUrls(settings: {
  aftership: { baseUrl: string };
  tiktok: { apiBaseUrl: string; authBaseUrl: string };
  shipium: { baseUrl: string };
  shopify: { storeUrl: string };
}): Record<ProviderEndpoint, string> {
  return {
    aftership: settings.aftership.baseUrl,
    tiktokApi: settings.tiktok.apiBaseUrl,
    tiktokAuth: settings.tiktok.authBaseUrl,
    shipium: settings.shipium.baseUrl,
    shopify: settings.shopify.storeUrl,
  };
}

/** The settings field of each endpoint, as problems name fields. */
export const ENDPOINT_FIELDS: Record<ProviderEndpoint, string> = {
  aftership: 'aftership.baseUrl',
  tiktokApi: 'tiktok.apiBaseUrl',
  tiktokAuth: 'tiktok.authBaseUrl',
  shipium: 'shipium.baseUrl',
  shopify: 'shopify.storeUrl',
};
