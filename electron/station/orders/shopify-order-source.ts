/**
 * Shopify as an order source: looks an order up by name with the Admin GraphQL API and finds the
 * TikTok order ID a sync tool stored in it. Answers Shopify-number scans ("#1001") and TikTok-ID
 * scans too (AfterShip Feed can name the Shopify order after the TikTok order ID), so the station
 * learns line items and cancellation either way.
 */
import { z } from 'zod';
import { OrderDetails, type LineItem } from '../../../shared/domain/orders';
import type { OrderQuery, OrderSource } from './order-source';
import { shopifyBadResponse, shopifyNoTikTokId } from './shopify-errors';
import { shopifyGraphql, storeLabel, type ShopifyGraphqlOptions } from './shopify-graphql';
import { extractTikTokOrderId } from './shopify-tiktok-id';

export const SHOPIFY_API_VERSION = '2025-10';

export interface ShopifyOrderSourceOptions {
  /** e.g. https://acme.myshopify.com */
  storeUrl: string;
  adminToken: string;
  fetch?: typeof fetch;
  apiVersion?: string;
  /** Time limit of one request (default 15 s). */
  timeoutMs?: number;
  /** Retries after throttling or a Shopify 5xx (default 3) and the longest wait between them (default 10 s). */
  retries?: number;
  maxRetryWaitMs?: number;
}

export const ORDER_LOOKUP_QUERY = `query StationOrderLookup($query: String!) {
  orders(first: 5, query: $query) {
    nodes {
      id
      name
      note
      tags
      customAttributes { key value }
      cancelledAt
      displayFulfillmentStatus
      lineItems(first: 100) { nodes { id sku name quantity } }
    }
  }
}`;

const ShopifyOrderNode = z.object({
  id: z.string(),
  name: z.string(),
  note: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
  customAttributes: z.array(z.object({ key: z.string(), value: z.string().nullish() })).nullish(),
  cancelledAt: z.string().nullish(),
  displayFulfillmentStatus: z.string().nullish(),
  lineItems: z
    .object({
      nodes: z.array(z.object({ id: z.string(), sku: z.string().nullish(), name: z.string().nullish(), quantity: z.number().int() })),
    })
    .nullish(),
});
type ShopifyOrderNode = z.infer<typeof ShopifyOrderNode>;

const OrdersData = z.object({ orders: z.object({ nodes: z.array(ShopifyOrderNode) }) });

export function createShopifyOrderSource(opts: ShopifyOrderSourceOptions): OrderSource {
  const storeUrl = normalizeStoreUrl(opts.storeUrl);
  const store = storeLabel(storeUrl);
  const graphql: ShopifyGraphqlOptions = {
    storeUrl,
    adminToken: opts.adminToken,
    apiVersion: opts.apiVersion?.trim() || SHOPIFY_API_VERSION,
    fetch: opts.fetch ?? globalThis.fetch,
    timeoutMs: opts.timeoutMs ?? 15_000,
    retries: opts.retries ?? 3,
    maxWaitMs: opts.maxRetryWaitMs ?? 10_000,
  };

  async function search(query: string, signal?: AbortSignal): Promise<ShopifyOrderNode[]> {
    const data = await shopifyGraphql(graphql, ORDER_LOOKUP_QUERY, { query }, signal);
    const parsed = OrdersData.safeParse(data);
    if (!parsed.success) throw shopifyBadResponse(store);
    return parsed.data.orders.nodes;
  }

  return {
    name: 'shopify',
    title: `Shopify (${store})`,
    accepts: (query) => query.kind === 'shopify' || query.kind === 'tiktok',

    async lookup(query: OrderQuery, signal?: AbortSignal): Promise<OrderDetails | null> {
      if (query.kind === 'shopify') {
        const wanted = bareName(query.orderName);
        if (!/^\d{1,10}$/.test(wanted)) return null;
        const nodes = (await search(`name:#${wanted}`, signal)).filter((n) => bareName(n.name) === wanted);
        const node = preferOpen(nodes);
        if (!node) return null;
        const found = extractTikTokOrderId(fields(node));
        if (!found) throw shopifyNoTikTokId(node.name);
        return toDetails(node, found.orderId, store);
      }
      const id = query.orderId;
      if (!/^\d{18}$/.test(id)) return null;
      // The bare ID also finds names with a prefix or suffix around it; every hit is checked below.
      const nodes = (await search(`name:#${id} OR name:${id} OR ${id}`, signal)).filter(
        (n) => extractTikTokOrderId(fields(n))?.orderId === id,
      );
      const node = preferOpen(nodes);
      return node ? toDetails(node, id, store) : null;
    },
  };
}

function fields(node: ShopifyOrderNode) {
  return {
    name: node.name,
    note: node.note ?? null,
    tags: node.tags ?? [],
    customAttributes: (node.customAttributes ?? []).map((a) => ({ key: a.key, value: a.value ?? null })),
  };
}

/** Two Shopify orders for one scan (a re-synced order): the one not cancelled is the live one. */
function preferOpen(nodes: ShopifyOrderNode[]): ShopifyOrderNode | undefined {
  return nodes.find((n) => !n.cancelledAt) ?? nodes[0];
}

function toDetails(node: ShopifyOrderNode, orderId: string, store: string): OrderDetails {
  const lineItems: LineItem[] = (node.lineItems?.nodes ?? [])
    .filter((item) => item.quantity >= 1)
    .map((item) => ({ id: item.id, sku: (item.sku ?? '').slice(0, 100), name: (item.name ?? '').slice(0, 300), quantity: item.quantity }));
  const details = OrderDetails.safeParse({
    orderId,
    displayName: node.name.slice(0, 100),
    source: 'shopify',
    cancelled: Boolean(node.cancelledAt),
    status: node.cancelledAt ? 'CANCELLED' : (node.displayFulfillmentStatus?.slice(0, 60) ?? null),
    lineItems,
  });
  if (!details.success) throw shopifyBadResponse(store);
  return details.data;
}

function bareName(name: string): string {
  return name.trim().replace(/^#/, '').toLowerCase();
}

export function normalizeStoreUrl(url: string): string {
  const trimmed = url.trim().replace(/\/+$/, '');
  const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    return new URL(withScheme).origin;
  } catch {
    return withScheme;
  }
}
