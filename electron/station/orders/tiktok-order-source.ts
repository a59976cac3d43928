/** TikTok Shop (direct) as an order source: Get Order Detail for a scanned TikTok order ID. */
import { PROVIDER_TITLES } from '../../../shared/domain/providers';
import { createTikTokOrderReader, type TikTokClientOptions } from '../providers';
import type { OrderSource } from './order-source';

export function createTikTokOrderSource(opts: TikTokClientOptions): OrderSource {
  const readOrder = createTikTokOrderReader(opts);
  return {
    name: 'tiktok',
    title: PROVIDER_TITLES.tiktok,
    accepts: (query) => query.kind === 'tiktok' && /^\d{18}$/.test(query.orderId),
    lookup: async (query, signal) => (query.kind === 'tiktok' && /^\d{18}$/.test(query.orderId) ? readOrder(query.orderId, signal) : null),
  };
}
