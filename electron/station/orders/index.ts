/** The order sources room: TikTok Shop, Shopify and a WMS order file, and resolving a scan to a TikTok order. */
export { OrderSources } from './order-sources';
export { resolveOrder, type ResolvedOrder } from './resolve-order';
export type { OrderQuery, OrderSource } from './order-source';
export { ItemPictures, type ItemPictureOptions } from './item-pictures';
export { shopifyGraphql, storeLabel, type ShopifyGraphqlOptions } from './shopify-graphql';
export { normalizeStoreUrl, SHOPIFY_API_VERSION } from './shopify-order-source';
