/** The order sources configured on this station, in the order they are asked. */
import type { Settings } from '../../../shared/domain/settings';
import { fingerprint, type ProviderFactory, type ProviderSecrets } from '../providers';
import type { OrderSource } from './order-source';
import { createOrdersFileSource } from './orders-file-source';
import { createShopifyOrderSource } from './shopify-order-source';
import { createTikTokOrderSource } from './tiktok-order-source';

export class OrderSources {
  private cache = new Map<string, OrderSource>();

  constructor(
    private readonly settings: Pick<ProviderSecrets, 'secret'>,
    private readonly providers: ProviderFactory,
  ) {}

  /** TikTok (when it is the provider: the order's own truth) first, then Shopify, then the WMS file. */
  configured(settings: Settings): OrderSource[] {
    const sources: OrderSource[] = [];
    if (settings.provider === 'tiktok') {
      const options = this.providers.tiktokOptions(settings);
      sources.push(
        this.cached(`tiktok:${options.apiBaseUrl}:${options.appKey}:${options.shopCipher}`, () => createTikTokOrderSource(options)),
      );
    }
    const shopifyToken = this.settings.secret('shopifyAdminToken');
    if (settings.shopify.storeUrl && shopifyToken) {
      sources.push(
        this.cached(`shopify:${settings.shopify.storeUrl}:${fingerprint(shopifyToken)}`, () =>
          createShopifyOrderSource({ storeUrl: settings.shopify.storeUrl, adminToken: shopifyToken }),
        ),
      );
    }
    if (settings.ordersFile) {
      sources.push(this.cached(`file:${settings.ordersFile}`, () => createOrdersFileSource({ path: settings.ordersFile })));
    }
    return sources;
  }

  private cached(key: string, make: () => OrderSource): OrderSource {
    let source = this.cache.get(key);
    if (!source) {
      source = make();
      this.cache.set(key, source);
    }
    return source;
  }
}
