/**
 * Reads one order from TikTok Shop (Get Order Detail) for the order sources: line items one per
 * unit, as TikTok lists them. Failures come back as ProviderErrors without the app's secrets.
 */
import type { OrderDetails } from '../../../../shared/domain/orders';
import { ProviderError } from '../provider';
import { TikTokApiClient } from './client';
import { redact } from './errors';
import type { TikTokClientOptions } from './options';
import { fetchOrder, toOrderDetails } from './order-data';

export type TikTokOrderReader = (orderId: string, signal?: AbortSignal) => Promise<OrderDetails | null>;

export function createTikTokOrderReader(opts: TikTokClientOptions): TikTokOrderReader {
  const client = new TikTokApiClient(opts);
  return async (orderId, signal) => {
    try {
      const order = await fetchOrder(client, orderId, signal);
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
  };
}
