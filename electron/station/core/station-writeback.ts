/** Write-back and events out, wired: the outbox loop on the history's database and its Settings handlers. */
import { StationError } from '../../../shared/errors';
import { OutboxLoop, OutboxStore, WritebackConfig, type OutboxTiming } from '../outbox';
import type { KeyValueStore, SecretStore, SettingsService } from '../settings';
import type { Log } from '../../../shared/domain/log';
import type { ActingHandlers } from './operator-guard';
import type { StationHistory } from './station-history';
import { STATION_VERSION } from './version';

type WritebackMethods =
  | 'getWriteback'
  | 'setShopifyFulfillment'
  | 'saveWebhook'
  | 'removeWebhook'
  | 'setWebhookSecret'
  | 'setExportFile'
  | 'getDeliveryLog'
  | 'retryDelivery';

export interface StationWriteback {
  config: WritebackConfig;
  loop: OutboxLoop;
  handlers: Pick<ActingHandlers, WritebackMethods>;
}

export function createStationWriteback(options: {
  stored: StationHistory;
  settings: SettingsService;
  settingsStore: KeyValueStore;
  secretStore: SecretStore;
  stationId: string;
  log: Log;
  timing?: Partial<OutboxTiming>;
}): StationWriteback {
  const { settings, log } = options;
  const config = new WritebackConfig(options.settingsStore, options.secretStore);
  const loop = new OutboxLoop({
    store: new OutboxStore(options.stored.outbox.database),
    ...(options.stored.outbox.copy && { copy: new OutboxStore(options.stored.outbox.copy) }),
    config,
    shopify: () => {
      const storeUrl = settings.current().shopify.storeUrl;
      const adminToken = settings.secret('shopifyAdminToken');
      return storeUrl && adminToken ? { storeUrl, adminToken } : undefined;
    },
    stationId: options.stationId,
    userAgent: `LabelStation/${STATION_VERSION}`,
    ...(options.timing && { timing: options.timing }),
    log,
  });
  const changed = (what: string, acting: { name: string }) => log(`write-back: ${what}`, { event: 'settings', operator: acting.name });
  return {
    config,
    loop,
    handlers: {
      getWriteback: async () => config.view(),
      setShopifyFulfillment: async ({ on }, acting) => {
        changed(`Shopify fulfillments ${on ? 'on' : 'off'}`, acting);
        return config.setShopifyFulfillment(on);
      },
      saveWebhook: async ({ webhook }, acting) => {
        const before = config.current().webhooks.find((w) => w.id === webhook.id);
        const view = config.saveWebhook(webhook);
        if (before && before.url !== webhook.url) await loop.webhookGone(before.url);
        changed(`webhook "${webhook.name}" ${webhook.id ? 'changed' : 'added'}`, acting);
        return view;
      },
      removeWebhook: async ({ webhookId }, acting) => {
        const before = config.current().webhooks.find((w) => w.id === webhookId);
        const view = config.removeWebhook(webhookId);
        if (before) await loop.webhookGone(before.url);
        changed(`webhook ${webhookId} removed`, acting);
        return view;
      },
      setWebhookSecret: async ({ webhookId, value }, acting) => {
        const view = config.setSecret(webhookId, value);
        changed(`signing secret of webhook ${webhookId} set`, acting);
        loop.kick();
        return view;
      },
      setExportFile: async ({ path, events }, acting) => {
        const view = config.setExportFile({ path, events });
        changed(path ? `export file set to ${path}` : 'export file off', acting);
        return view;
      },
      getDeliveryLog: async ({ limit }) => loop.log(limit),
      retryDelivery: async ({ deliveryId }) => {
        if (!(await loop.retryNow(deliveryId))) {
          throw new StationError('invalid_input', 'That delivery was already delivered or is no longer kept.', 'Reload the delivery log.');
        }
        return loop.log(50);
      },
    },
  };
}
