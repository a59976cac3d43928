/**
 * TikTok Shop (direct) as an order source: Get Order Detail for a scanned TikTok order ID.
 * Line items are one per unit, as TikTok lists them (see providers/tiktok/order-data.ts).
 */
import { ProviderError } from '../providers/provider';
import { TikTokApiClient } from '../providers/tiktok/client';
import { redact } from '../providers/tiktok/errors';
import type { TikTokClientOptions } from '../providers/tiktok/options';
import { fetchOrder, toOrderDetails } from '../providers/tiktok/order-data';
import type { OrderSource } from './order-source';

export function createTikTokOrderSource(opts: TikTokClientOptions): OrderSource {
  const client = new TikTokApiClient(opts);
  return {
    name: 'tiktok',
    title: 'TikTok Shop (direct)',
    accepts: (query) => query.kind === 'tiktok' && /^\d{18}$/.test(query.orderId),
    async lookup(query, signal) {
      if (query.kind !== 'tiktok' || !/^\d{18}$/.test(query.orderId)) return null;
      try {
        const order = await fetchOrder(client, query.orderId, signal);
        return order ? toOrderDetails(order) : null;
      } catch (error) {
        if (error instanceof ProviderError) throw redact(error, client.secrets());
        throw new ProviderError(
          'tiktok_unexpected',
          'The station hit an unexpected error while reading the order from TikTok Shop.',
          'Scan again; if it keeps failing, tell a supervisor.',
          false,
        );
      }
    },
  };
}
