/**
 * Which destinations hear of an event: the order's Shopify store (a fulfillment when the label was
 * bought for an order that came from Shopify), each enabled webhook that chose the event, and a
 * note for TikTok: every label is bought through an authorized channel that gives TikTok the
 * tracking itself, so the station never pushes it a second time.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { PROVIDER_SHORT_NAMES, ProviderName } from '../../../shared/domain/providers';
import { WebhookEvent, type WritebackSettings } from '../../../shared/domain/writeback';
import type { NewDelivery, OutboxEvent } from './outbox-store';

export const SHOPIFY_DESTINATION = 'shopify';
export const TIKTOK_DESTINATION = 'tiktok';

const RequestOrder = z.object({ order: z.object({ source: z.string(), displayName: z.string().nullish() }).loose().nullish() }).loose();

/** The export file is this station's own (a path on its computer): in a fleet each station writes its own. */
export function exportFileDestination(stationId: string): string {
  return `file:${stationId}`;
}

export function deliveriesFor(
  event: OutboxEvent,
  settings: WritebackSettings,
  shopifyStore: string | undefined,
  stationId: string,
): NewDelivery[] {
  const deliveries: NewDelivery[] = [];
  if (event.type === 'label.bought') {
    deliveries.push({
      destination: TIKTOK_DESTINATION,
      destinationName: 'TikTok Shop',
      state: 'through_provider',
      note: tiktokNote(event.provider),
    });
    if (settings.shopifyFulfillment && shopifyStore && orderSource(event) === 'shopify') {
      deliveries.push({ destination: SHOPIFY_DESTINATION, destinationName: `Shopify (${shopifyStore})`, state: 'pending' });
    }
  }
  const type = WebhookEvent.safeParse(event.type);
  for (const webhook of settings.webhooks) {
    if (webhook.enabled && type.success && webhook.events.includes(type.data)) {
      deliveries.push({ destination: webhookDestination(webhook.url), destinationName: webhook.name, state: 'pending' });
    }
  }
  if (settings.exportFile.path && type.success && settings.exportFile.events.includes(type.data)) {
    deliveries.push({ destination: exportFileDestination(stationId), destinationName: 'Export file', state: 'pending' });
  }
  return deliveries;
}

/**
 * A webhook's destination key in the outbox, named by its address: every station of a fleet that
 * has the same address (and its secret) set up can deliver the rows any station wrote for it.
 */
export function webhookDestination(url: string): string {
  return `webhook:${createHash('sha256').update(url.trim()).digest('hex').slice(0, 16)}`;
}

/** Where the TikTok tracking goes: the provider hands it to TikTok when the label is made. */
export function tiktokNote(provider: string): string {
  const name = ProviderName.safeParse(provider);
  if (name.success && name.data === 'sandbox') return 'Sandbox label: no tracking goes to TikTok.';
  const title = !name.success ? provider : name.data === 'tiktok' ? 'TikTok Shop’s own fulfillment API' : PROVIDER_SHORT_NAMES[name.data];
  return `Tracking reaches TikTok through ${title}; the station does not send it again.`;
}

/** The order's source as the purchase recorded it ('shopify', 'tiktok', 'file'), if known. */
export function orderSource(event: OutboxEvent): string | undefined {
  return requestOrder(event)?.source;
}

/** The Shopify order number the order is known by ("#1001"): the scan, else the purchase's order. */
export function shopifyOrderName(event: OutboxEvent): string | undefined {
  return event.scanned || requestOrder(event)?.displayName || undefined;
}

function requestOrder(event: OutboxEvent) {
  if (!event.request) return undefined;
  try {
    return RequestOrder.safeParse(JSON.parse(event.request)).data?.order ?? undefined;
  } catch {
    return undefined;
  }
}
