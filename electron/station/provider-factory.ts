/** Picks the label provider from the settings, reusing one instance per configuration. */
import type { ProviderName, Settings } from '../../shared/schemas';
import { StationError } from '../../shared/rpc';
import { createAfterShipProvider } from './providers/aftership';
import { createSandboxProvider } from './providers/sandbox';
import type { LabelProvider } from './providers/provider';

export class ProviderFactory {
  private cache = new Map<string, LabelProvider>();

  constructor(private readonly apiKey: () => string | undefined) {}

  forSettings(settings: Settings): LabelProvider {
    return this.get(settings.provider, settings);
  }

  /** The provider that sold a stored label (for re-downloading its file). */
  get(name: ProviderName, settings: Settings): LabelProvider {
    if (name === 'sandbox') {
      return this.cached(`sandbox:${settings.sandbox.latencyMs}`, () => createSandboxProvider({ latencyMs: settings.sandbox.latencyMs }));
    }
    const apiKey = this.apiKey();
    if (!apiKey) {
      throw new StationError(
        'no_api_key',
        'No AfterShip API key is set on this station, so no label can be bought.',
        'A supervisor must enter the AfterShip API key in Settings (or switch the provider to Sandbox for practice).',
      );
    }
    // The key is part of the cache identity only through a one-way fingerprint held in memory.
    return this.cached(`aftership:${settings.aftership.baseUrl}:${fingerprint(apiKey)}`, () =>
      createAfterShipProvider({ baseUrl: settings.aftership.baseUrl, apiKey }),
    );
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

function fingerprint(secret: string): string {
  let hash = 2166136261;
  for (let i = 0; i < secret.length; i++) hash = Math.imul(hash ^ secret.charCodeAt(i), 16777619);
  return (hash >>> 0).toString(36);
}
