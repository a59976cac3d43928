/**
 * How many orders of a batch are in flight at once. Enough to keep the provider's rate limit busy
 * (AfterShip: a lookup and a create per order, ~0.3 s each, 10 requests/s: about 4 orders keep it
 * full; 12 leave room for slow answers and label downloads), never so many that one slow order
 * holds many bought labels back from the printer (they print in list order).
 */
import type { ProviderName } from '../../../../shared/domain/providers';

const IN_FLIGHT: Record<ProviderName, number> = {
  aftership: 12,
  tiktok: 8,
  // Shipium answers slowly (seconds) and has no lookup: more in flight, each waiting.
  shipium: 8,
  sandbox: 8,
};

export function batchConcurrency(provider: ProviderName): number {
  return IN_FLIGHT[provider] ?? 4;
}
