/** Shopify lookup failures, worded for a packer. The admin token never appears in them. */
import { StationError } from '../../../shared/errors';

const OR_SCAN_TIKTOK = 'Meanwhile, scan the TikTok order ID on the packing slip (18 digits, starts with 576 or 577).';

export function shopifyUnauthorized(store: string): StationError {
  return new StationError(
    'shopify_unauthorized',
    `Shopify refused the admin API token for ${store}.`,
    `A supervisor must check the Shopify admin token in Settings. ${OR_SCAN_TIKTOK}`,
  );
}

export function shopifyForbidden(store: string): StationError {
  return new StationError(
    'shopify_forbidden',
    `The Shopify admin token for ${store} is not allowed to read orders.`,
    `A supervisor must give the Shopify app the read_orders permission (Shopify admin → Apps → Develop apps). ${OR_SCAN_TIKTOK}`,
  );
}

export function shopifyWrongAddress(store: string, status: number): StationError {
  return new StationError(
    'shopify_wrong_address',
    `The Shopify store address ${store} did not answer like a Shopify store (HTTP ${status}).`,
    `A supervisor must check the store address in Settings (like https://your-store.myshopify.com). ${OR_SCAN_TIKTOK}`,
  );
}

export function shopifyThrottled(store: string): StationError {
  return new StationError(
    'shopify_throttled',
    `Shopify (${store}) is limiting how fast the station may ask right now.`,
    `Wait a few seconds and scan again. ${OR_SCAN_TIKTOK}`,
  );
}

export function shopifyUnavailable(store: string, status: number): StationError {
  return new StationError(
    'shopify_unavailable',
    `Shopify (${store}) is having problems (HTTP ${status}).`,
    `Wait a minute and scan again. ${OR_SCAN_TIKTOK}`,
  );
}

export function shopifyUnreachable(store: string): StationError {
  return new StationError(
    'shopify_unreachable',
    `Cannot reach Shopify (${store}).`,
    `Check the station's internet connection, then scan again. ${OR_SCAN_TIKTOK}`,
  );
}

export function shopifyTimeout(store: string): StationError {
  return new StationError('shopify_no_answer', `Shopify (${store}) did not answer in time.`, `Scan again in a moment. ${OR_SCAN_TIKTOK}`);
}

export function shopifyCancelled(): StationError {
  return new StationError('shopify_cancelled', 'The Shopify order lookup was cancelled.', 'Scan the order again when ready.');
}

export function shopifyBadResponse(store: string): StationError {
  return new StationError(
    'shopify_bad_response',
    `Shopify (${store}) answered with something the station cannot read.`,
    `Scan again; if it repeats, tell a supervisor. ${OR_SCAN_TIKTOK}`,
  );
}

export function shopifyQueryFailed(store: string, said: string): StationError {
  return new StationError(
    'shopify_query_failed',
    `Shopify (${store}) could not answer the order lookup: ${said}.`,
    `Tell a supervisor. ${OR_SCAN_TIKTOK}`,
  );
}

export function shopifyNoTikTokId(orderName: string): StationError {
  return new StationError(
    'shopify_no_tiktok_id',
    `Shopify order ${orderName} has no TikTok order ID: it may not be a TikTok Shop order.`,
    'Scan the TikTok order ID on the packing slip (18 digits, starts with 576 or 577), or ship this order another way.',
  );
}
