/** The order sources configured on this station, in the order they are asked. */
import type { Settings } from '../../../shared/domain/settings';
import { fingerprint, refuseForeignHost, type ProviderFactory, type ProviderSecrets } from '../providers';
import type { OrderSource } from './order-source';
import { StationError } from '../../../shared/errors';
import { createOrdersFileSource } from './orders-file-source';
import { createShopifyOrderSource } from './shopify-order-source';
import { createTikTokOrderSource } from './tiktok-order-source';

export class OrderSources {
  private cache = new Map<string, OrderSource>();

  constructor(
    private readonly settings: Pick<ProviderSecrets, 'secret' | 'secretBinding'>,
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
      refuseForeignHost(this.settings, 'shopify', settings.shopify.storeUrl);
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

  /**
   * The orders of a batch barcode (BATCH:<id>) from the WMS order file's `batch` column, in file
   * order. Throws when no order file is set or the batch is not in it.
   */
  async batchOrders(settings: Settings, batchId: string): Promise<string[]> {
    const file = this.configured(settings).find((source) => source.batch);
    if (!file?.batch) {
      throw new StationError(
        'batch_unknown',
        `Batch ${batchId} cannot be looked up: this station has no WMS order file.`,
        'A supervisor sets the order file in Settings, or paste the order IDs instead.',
      );
    }
    const orders = await file.batch(batchId);
    if (!orders || orders.length === 0) {
      throw new StationError(
        'batch_unknown',
        `Batch ${batchId} is not in the WMS order file (${file.title}).`,
        'Check the batch barcode, or export the order file again with its batch column; or paste the order IDs instead.',
      );
    }
    return orders;
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
