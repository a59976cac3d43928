/**
 * Write-back settings: Shopify fulfillments on or off, and the WMS webhooks (name, address, events).
 * Kept beside the station's settings under their own key; each webhook's signing secret is a
 * station secret (`webhookSecret.<id>`), set write-only and never sent to the renderer, logs or exports.
 */
import { randomBytes } from 'node:crypto';
import { type z } from 'zod';
import {
  WritebackSettings,
  type ExportFileSettings,
  type WebhookDestination,
  type WebhookInput,
  type WritebackView,
} from '../../../shared/domain/writeback';
import { StationError } from '../../../shared/errors';
import type { KeyValueStore, SecretStore } from '../settings';

const KEY = 'writeback';
const DEFAULTS: WritebackSettings = { shopifyFulfillment: true, webhooks: [], exportFile: { path: '', events: ['label.bought'] } };

export class WritebackConfig {
  constructor(
    private readonly store: KeyValueStore,
    private readonly secrets: SecretStore,
  ) {}

  current(): WritebackSettings {
    const saved = WritebackSettings.safeParse(this.store.get(KEY));
    return saved.success ? saved.data : DEFAULTS;
  }

  view(): WritebackView {
    const { shopifyFulfillment, webhooks, exportFile } = this.current();
    return { shopifyFulfillment, exportFile, webhooks: webhooks.map((w) => ({ ...w, secretSet: this.secret(w.id) !== undefined })) };
  }

  setShopifyFulfillment(on: boolean): WritebackView {
    this.save({ ...this.current(), shopifyFulfillment: on });
    return this.view();
  }

  setExportFile(exportFile: ExportFileSettings): WritebackView {
    this.save({ ...this.current(), exportFile: { path: exportFile.path, events: [...new Set(exportFile.events)] } });
    return this.view();
  }

  /** Adds a webhook (no id) or changes one; its secret is set apart (setSecret). */
  saveWebhook(input: z.output<typeof WebhookInput>): WritebackView {
    const settings = this.current();
    const id = input.id ?? `wh_${randomBytes(6).toString('hex')}`;
    if (input.id && !settings.webhooks.some((w) => w.id === input.id)) throw unknownWebhook();
    const webhook: WebhookDestination = {
      id,
      name: input.name,
      url: input.url,
      events: [...new Set(input.events)],
      enabled: input.enabled,
    };
    const webhooks = input.id ? settings.webhooks.map((w) => (w.id === id ? webhook : w)) : [...settings.webhooks, webhook];
    this.save({ ...settings, webhooks });
    return this.view();
  }

  removeWebhook(id: string): WritebackView {
    const settings = this.current();
    if (!settings.webhooks.some((w) => w.id === id)) throw unknownWebhook();
    this.save({ ...settings, webhooks: settings.webhooks.filter((w) => w.id !== id) });
    this.secrets.delete(secretKey(id));
    return this.view();
  }

  setSecret(id: string, value: string): WritebackView {
    if (!this.current().webhooks.some((w) => w.id === id)) throw unknownWebhook();
    this.secrets.set(secretKey(id), value);
    return this.view();
  }

  secret(id: string): string | undefined {
    return this.secrets.get(secretKey(id));
  }

  /** Every webhook secret: what the log hides. */
  secretValues(): string[] {
    return this.current()
      .webhooks.map((w) => this.secret(w.id))
      .filter((v): v is string => typeof v === 'string' && v !== '');
  }

  private save(settings: WritebackSettings): void {
    const checked = WritebackSettings.safeParse(settings);
    if (!checked.success) {
      throw new StationError(
        'invalid_input',
        `Not saved. ${checked.error.issues[0]?.message ?? 'The webhooks are not valid.'}`,
        'Correct it and save again.',
      );
    }
    this.store.set(KEY, checked.data);
  }
}

function secretKey(id: string): string {
  return `webhookSecret.${id}`;
}

function unknownWebhook(): StationError {
  return new StationError('invalid_input', 'That webhook is no longer in Settings.', 'Reload Settings and try again.');
}
