/**
 * Shopify write-back: the order a label was bought for gets a fulfillment carrying its tracking
 * (Admin GraphQL `fulfillmentCreate` over the order's open fulfillment orders). fulfillmentCreate
 * takes no idempotency key in the API version the station uses (Shopify's @idempotent directive
 * covers inventory and refund mutations), so each try first reads the order's fulfillments: a
 * fulfillment that already carries the label's tracking (a try whose answer was lost) means done.
 * The mutation itself is never retried blind: the outbox's next try reads again first.
 */
import { z } from 'zod';
import { normalizeStoreUrl, SHOPIFY_API_VERSION, shopifyGraphql, storeLabel, type ShopifyGraphqlOptions } from '../orders';
import { shopifyOrderName } from './destinations';
import type { OutboxEvent } from './outbox-store';
import { carrierOf } from './tracking-carrier';

export interface ShopifyAccess {
  storeUrl: string;
  adminToken: string;
}

export const FULFILLMENT_LOOKUP_QUERY = `query StationFulfillmentLookup($query: String!) {
  orders(first: 5, query: $query) {
    nodes {
      id
      name
      cancelledAt
      fulfillments(first: 50) { id trackingInfo(first: 10) { number company } }
      fulfillmentOrders(first: 20) { nodes { id status } }
    }
  }
}`;

export const FULFILLMENT_CREATE_MUTATION = `mutation StationFulfillmentCreate($fulfillment: FulfillmentInput!) {
  fulfillmentCreate(fulfillment: $fulfillment) {
    fulfillment { id status }
    userErrors { field message }
  }
}`;

/** A later box's label, when the order's one fulfillment was made by an earlier box: its tracking is added to it. */
export const TRACKING_UPDATE_MUTATION = `mutation StationTrackingAdd($fulfillmentId: ID!, $trackingInfoInput: FulfillmentTrackingInput!, $notifyCustomer: Boolean) {
  fulfillmentTrackingInfoUpdate(fulfillmentId: $fulfillmentId, trackingInfoInput: $trackingInfoInput, notifyCustomer: $notifyCustomer) {
    fulfillment { id }
    userErrors { field message }
  }
}`;

const OrderNode = z.object({
  id: z.string(),
  name: z.string(),
  cancelledAt: z.string().nullish(),
  fulfillments: z.array(z.object({ id: z.string(), trackingInfo: z.array(z.object({ number: z.string().nullish() }).loose()) }).loose()),
  fulfillmentOrders: z.object({ nodes: z.array(z.object({ id: z.string(), status: z.string() }).loose()) }),
});
const Lookup = z.object({ orders: z.object({ nodes: z.array(OrderNode.loose()) }) });
const Updated = z.object({
  fulfillmentTrackingInfoUpdate: z.object({
    fulfillment: z.object({ id: z.string() }).loose().nullish(),
    userErrors: z.array(z.object({ message: z.string() }).loose()),
  }),
});
const Created = z.object({
  fulfillmentCreate: z.object({
    fulfillment: z.object({ id: z.string() }).loose().nullish(),
    userErrors: z.array(z.object({ message: z.string() }).loose()),
  }),
});

/** Fulfillment orders Shopify lets a merchant fulfil now. */
const FULFILLABLE = new Set(['OPEN', 'IN_PROGRESS']);

export interface WriteBackResult {
  /** What the delivery log says about it. */
  note: string;
}

/** Throws (with a message a supervisor can act on) when the fulfillment could not be written: the outbox tries again later. */
export async function writeBackToShopify(
  access: ShopifyAccess,
  event: OutboxEvent,
  options: { fetch?: typeof fetch; timeoutMs: number },
): Promise<WriteBackResult> {
  const base: ShopifyGraphqlOptions = {
    storeUrl: normalizeStoreUrl(access.storeUrl),
    adminToken: access.adminToken,
    apiVersion: SHOPIFY_API_VERSION,
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: options.timeoutMs,
    retries: 1,
    maxWaitMs: 2_000,
  };
  const store = storeLabel(base.storeUrl);
  const tracking = event.trackingNumbers;
  if (tracking.length === 0) throw new Error(`label ${event.labelId} has no tracking number yet`);

  const order = await findOrder(base, event);
  if (!order) throw new Error(`order ${shopifyOrderName(event) ?? event.orderId} was not found in Shopify (${store})`);
  const known = new Set(order.fulfillments.flatMap((f) => f.trackingInfo.map((t) => (t.number ?? '').toUpperCase())));
  if (tracking.every((n) => known.has(n.toUpperCase()))) {
    return { note: `Shopify order ${order.name} already has a fulfillment with tracking ${tracking.join(', ')}.` };
  }
  if (order.cancelledAt) throw new Error(`Shopify order ${order.name} was cancelled; no fulfillment was created`);
  const open = order.fulfillmentOrders.nodes.filter((fo) => FULFILLABLE.has(fo.status));
  if (open.length === 0) {
    // Every item already shipped under an earlier label of this order (a shipment split into boxes,
    // each box its own label): this label's tracking joins that fulfillment.
    const last = order.fulfillments.at(-1);
    if (!last)
      throw new Error(`Shopify order ${order.name} has nothing left to fulfil; add tracking ${tracking.join(', ')} in Shopify by hand`);
    return addTracking(base, order.name, last, tracking);
  }
  const company = carrierOf(tracking[0]!);
  const fulfillment = {
    lineItemsByFulfillmentOrder: open.map((fo) => ({ fulfillmentOrderId: fo.id })),
    notifyCustomer: false,
    trackingInfo: { numbers: tracking, ...(company && { company }) },
  };
  // Never retried inside: a 5xx after Shopify acted would create a second fulfillment. The outbox's
  // next try reads the order first.
  const data = await shopifyGraphql({ ...base, retries: 0 }, FULFILLMENT_CREATE_MUTATION, { fulfillment });
  const created = Created.safeParse(data);
  if (!created.success) throw new Error(`Shopify (${store}) answered fulfillmentCreate in an unexpected shape`);
  const { userErrors, fulfillment: made } = created.data.fulfillmentCreate;
  if (userErrors.length > 0 || !made) {
    throw new Error(
      `Shopify refused the fulfillment of ${order.name}: ${userErrors.map((e) => e.message).join('; ') || 'no fulfillment returned'}`,
    );
  }
  return {
    note: `Fulfillment created in Shopify order ${order.name} with tracking ${tracking.join(', ')}${company ? ` (${company})` : ''}.`,
  };
}

async function addTracking(
  options: ShopifyGraphqlOptions,
  orderName: string,
  fulfillment: z.infer<typeof OrderNode>['fulfillments'][number],
  tracking: string[],
): Promise<WriteBackResult> {
  const had = fulfillment.trackingInfo.map((t) => t.number ?? '').filter(Boolean);
  const numbers = [...had, ...tracking.filter((n) => !had.some((h) => h.toUpperCase() === n.toUpperCase()))];
  const company = carrierOf(tracking[0]!);
  // Setting the same list twice changes nothing: a retry after a lost answer is harmless.
  const data = await shopifyGraphql(options, TRACKING_UPDATE_MUTATION, {
    fulfillmentId: fulfillment.id,
    trackingInfoInput: { numbers, ...(company && { company }) },
    notifyCustomer: false,
  });
  const updated = Updated.safeParse(data);
  if (!updated.success) throw new Error(`Shopify answered fulfillmentTrackingInfoUpdate in an unexpected shape`);
  const { userErrors, fulfillment: done } = updated.data.fulfillmentTrackingInfoUpdate;
  if (userErrors.length > 0 || !done) {
    throw new Error(
      `Shopify refused the tracking of ${orderName}: ${userErrors.map((e) => e.message).join('; ') || 'no fulfillment returned'}`,
    );
  }
  return { note: `Tracking ${tracking.join(', ')} added to the fulfillment of Shopify order ${orderName} (an earlier box's).` };
}

async function findOrder(options: ShopifyGraphqlOptions, event: OutboxEvent): Promise<z.infer<typeof OrderNode> | undefined> {
  const name = shopifyOrderName(event)?.replace(/^#/, '');
  const query = name ? `name:#${name}` : `name:#${event.orderId} OR name:${event.orderId} OR ${event.orderId}`;
  const data = await shopifyGraphql(options, FULFILLMENT_LOOKUP_QUERY, { query });
  const parsed = Lookup.safeParse(data);
  if (!parsed.success) throw new Error(`Shopify (${storeLabel(options.storeUrl)}) answered the order lookup in an unexpected shape`);
  const nodes = parsed.data.orders.nodes.filter((n) => !name || n.name.replace(/^#/, '').toLowerCase() === name.toLowerCase());
  return nodes.find((n) => !n.cancelledAt) ?? nodes[0];
}
