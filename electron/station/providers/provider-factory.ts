/** Picks the label provider from the settings, reusing one instance per configuration. */
import type { ProviderName } from '../../../shared/domain/providers';
import type { SecretName, Settings } from '../../../shared/domain/settings';
import { StationError } from '../../../shared/errors';
import { createAfterShipProvider } from './aftership';
import type { LabelProvider } from './provider';
import { createSandboxProvider } from './sandbox';
import { createShipiumProvider } from './shipium';
import { createTikTokProvider, type TikTokClientOptions } from './tiktok';
import { fingerprint } from './secret-fingerprint';
import { PROVIDER_TITLES, type TikTokTokens } from '../../../shared/domain/providers';
import type { ProviderRecorder } from './http/recorder';
import { secretDestinationProblem, type ProviderEndpoint, type SecretBinding } from '../../../shared/domain/provider-hosts';

/** Where the factory reads the providers' secrets and keeps TikTok's tokens (the station's settings). */
export interface ProviderSecrets {
  secret(name: SecretName): string | undefined;
  tiktokTokens(): TikTokTokens | undefined;
  saveTikTokTokens(tokens: TikTokTokens): void;
  /** Where each endpoint's secret was entered; absent: nowhere (only official and loopback hosts get it). */
  secretBinding?(endpoint: ProviderEndpoint): SecretBinding;
}

/**
 * The last check before a secret leaves the station (the settings service checks on save too):
 * http only to loopback, another host than the provider's own only if the key was entered for it.
 */
export function refuseForeignHost(secrets: Pick<ProviderSecrets, 'secretBinding'>, endpoint: ProviderEndpoint, url: string): void {
  const binding = secrets.secretBinding?.(endpoint) ?? { fromEnv: false, host: undefined };
  const problem = secretDestinationProblem(endpoint, url, binding);
  if (problem) {
    throw new StationError(
      'provider_host_refused',
      problem,
      'A supervisor must check the address in Settings (the provider’s own address, or https:// to a host they approve) and enter the key again.',
    );
  }
}

export class ProviderFactory {
  private cache = new Map<string, LabelProvider>();

  constructor(
    private readonly settings: ProviderSecrets,
    private readonly dataDir: string,
    private readonly timeoutMs?: number,
    /** Each provider's recorder (the Health panel's figures); none by default. */
    private readonly recorders?: (provider: ProviderName) => ProviderRecorder,
  ) {}

  forSettings(settings: Settings): LabelProvider {
    return this.get(settings.provider, settings);
  }

  /** The provider that sold a stored label (for re-downloading its file or looking it up). */
  get(name: ProviderName, settings: Settings): LabelProvider {
    switch (name) {
      case 'sandbox':
        return this.cached(`sandbox:${settings.sandbox.latencyMs}`, () =>
          createSandboxProvider({ latencyMs: settings.sandbox.latencyMs, ledgerDir: this.dataDir }),
        );
      case 'aftership': {
        const apiKey = this.require('aftershipApiKey', name, 'the AfterShip API key');
        const { baseUrl, shipperAccountId, serviceType, askBeforeBuying } = settings.aftership;
        refuseForeignHost(this.settings, 'aftership', baseUrl);
        return this.cached(`aftership:${baseUrl}:${shipperAccountId}:${serviceType}:${askBeforeBuying}:${fingerprint(apiKey)}`, () =>
          createAfterShipProvider({
            baseUrl,
            apiKey,
            shipperAccountId,
            serviceType,
            askBeforeBuying,
            ...this.timeout(),
            ...this.recorder(name),
          }),
        );
      }
      case 'tiktok': {
        const options = this.tiktokOptions(settings);
        return this.cached(`tiktok:${options.apiBaseUrl}:${options.appKey}:${options.shopCipher}:${fingerprint(options.appSecret)}`, () =>
          createTikTokProvider(options),
        );
      }
      case 'shipium': {
        const apiKey = this.require('shipiumApiKey', name, 'the Shipium API key');
        refuseForeignHost(this.settings, 'shipium', settings.shipium.baseUrl);
        return this.cached(`shipium:${settings.shipium.baseUrl}:${fingerprint(apiKey)}`, () =>
          createShipiumProvider({ baseUrl: settings.shipium.baseUrl, apiKey, ...this.timeout(), ...this.recorder(name) }),
        );
      }
    }
  }

  /** The station's TikTok app: enough to exchange an authorization code. */
  tiktokApp(settings: Settings): Pick<TikTokClientOptions, 'authBaseUrl' | 'appKey' | 'appSecret'> {
    const { authBaseUrl, appKey } = settings.tiktok;
    if (!appKey) throw notConfigured('TikTok Shop', 'the TikTok app key');
    refuseForeignHost(this.settings, 'tiktokAuth', authBaseUrl);
    return { authBaseUrl, appKey, appSecret: this.require('tiktokAppSecret', 'tiktok', 'the TikTok app secret') };
  }

  /** Everything the TikTok client needs; tokens live in the encrypted secret store. */
  tiktokOptions(settings: Settings): TikTokClientOptions {
    const app = this.tiktokApp(settings);
    const { apiBaseUrl, shopCipher } = settings.tiktok;
    if (!shopCipher) throw notConfigured('TikTok Shop', 'the shop cipher');
    refuseForeignHost(this.settings, 'tiktokApi', apiBaseUrl);
    return {
      ...app,
      apiBaseUrl,
      shopCipher,
      ...this.timeout(),
      ...this.recorder('tiktok'),
      tokens: { load: () => this.settings.tiktokTokens(), save: (tokens) => this.settings.saveTikTokTokens(tokens) },
    };
  }

  private timeout(): { timeoutMs?: number } {
    return this.timeoutMs === undefined ? {} : { timeoutMs: this.timeoutMs };
  }

  private recorder(provider: ProviderName): { recorder?: ProviderRecorder } {
    return this.recorders ? { recorder: this.recorders(provider) } : {};
  }

  private require(secret: SecretName, provider: ProviderName, what: string): string {
    const value = this.settings.secret(secret);
    if (!value) throw notConfigured(PROVIDER_TITLES[provider], what);
    return value;
  }

  private cached(key: string, make: () => LabelProvider): LabelProvider {
    let provider = this.cache.get(key);
    if (!provider) {
      provider = make();
      this.cache.set(key, provider);
    }
    return provider;
  }
}

function notConfigured(provider: string, what: string): StationError {
  return new StationError(
    'provider_not_configured',
    `${provider} is selected but ${what} is not set on this station, so no label can be bought.`,
    'A supervisor must complete the provider’s section in Settings (or switch the provider to Sandbox for practice).',
  );
}
