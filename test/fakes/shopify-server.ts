/**
 * A loopback fake of a Shopify store's Admin GraphQL endpoint, as far as the station uses it:
 * POST /admin/api/{version}/graphql.json with X-Shopify-Access-Token, `orders(first:, query:)`
 * answered in the real shape ({ data: { orders: { nodes } }, extensions: { cost } }), and faults:
 * 401, 403, THROTTLED (HTTP 200 + errors[].extensions.code), 429, 5xx, hang, reset.
 * Search: `name:` (with or without #), `tag:`, bare words (name, note, tags, attribute values), OR.
 * Write-back: each order has one OPEN fulfillment order; `fulfillmentCreate` is checked strictly
 * (only the fields the Admin API takes), closes the fulfillment orders it names and is recorded in
 * `fulfillmentCreates`; the 'lose-answer' fault performs it and then drops the connection.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { flatHeaders, readBody, repeatFault, sendJson, startLoopbackServer } from './loopback-http';

export interface FakeShopifyOrderInput {
  name: string;
  note?: string | null;
  tags?: string[];
  customAttributes?: Array<{ key: string; value: string | null }>;
  cancelledAt?: string | null;
  displayFulfillmentStatus?: string;
  lineItems?: Array<{ id?: string; sku?: string | null; name: string; quantity: number }>;
}

export interface FakeShopifyOrder {
  id: string;
  name: string;
  note: string | null;
  tags: string[];
  customAttributes: Array<{ key: string; value: string | null }>;
  cancelledAt: string | null;
  displayFulfillmentStatus: string;
  lineItems: { nodes: Array<{ id: string; sku: string | null; name: string; quantity: number }> };
  fulfillments: Array<{ id: string; status: string; trackingInfo: Array<{ number: string; company: string | null }> }>;
  fulfillmentOrders: { nodes: Array<{ id: string; status: 'OPEN' | 'IN_PROGRESS' | 'CLOSED' }> };
}

/** One fulfillmentTrackingInfoUpdate the fake performed: the fulfillment's tracking numbers after it. */
export interface FakeTrackingUpdate {
  orderName: string;
  fulfillmentId: string;
  trackingNumbers: string[];
}

/** fulfillmentTrackingInfoUpdate's variables as Shopify types them (numbers replace the fulfillment's list). */
const TrackingUpdateVariables = z
  .object({
    fulfillmentId: z.string().regex(/^gid:\/\/shopify\/Fulfillment\/\d+$/),
    trackingInfoInput: z
      .object({ numbers: z.array(z.string().min(1)).min(1).optional(), number: z.string().optional(), company: z.string().optional() })
      .strict(),
    notifyCustomer: z.boolean().optional(),
  })
  .strict();

/** One fulfillmentCreate the fake performed. */
export interface FakeFulfillmentCreate {
  orderName: string;
  trackingNumbers: string[];
  company: string | null;
  notifyCustomer: boolean | null;
}

export type FakeShopifyFault =
  | 'unauthorized'
  | 'forbidden'
  | 'throttled'
  | 'rate-limited'
  | 'server-error'
  | 'hang'
  | 'reset'
  | 'lose-answer'
  | { type: 'rate-limited'; retryAfterSeconds?: number }
  | { type: 'server-error'; status?: number };

export interface FakeShopifyRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
  /** The search string of the orders query, when there was one. */
  search: string | null;
}

export interface FakeShopify {
  /** e.g. http://127.0.0.1:PORT (the store's origin). */
  storeUrl: string;
  addOrder(order: FakeShopifyOrderInput): FakeShopifyOrder;
  requests: FakeShopifyRequest[];
  /** Every fulfillmentCreate performed, in order (also those whose answer was lost). */
  fulfillmentCreates: FakeFulfillmentCreate[];
  /** Every fulfillmentTrackingInfoUpdate performed, in order. */
  trackingUpdates: FakeTrackingUpdate[];
  failNext(fault: FakeShopifyFault, count?: number): void;
  close(): Promise<void>;
}

export interface FakeShopifyOptions {
  adminToken: string;
}

type NormalFault =
  | { type: 'unauthorized' | 'forbidden' | 'throttled' | 'hang' | 'reset' }
  | { type: 'rate-limited'; retryAfterSeconds?: number }
  | { type: 'server-error'; status?: number };

const GraphqlBody = z
  .object({ query: z.string().min(1), variables: z.record(z.string(), z.unknown()).nullish(), operationName: z.string().nullish() })
  .strict();
const COST = { requestedQueryCost: 12, actualQueryCost: 12 };

/** FulfillmentInput as the Admin API takes it (the fields the station may send), nothing else. */
const FulfillmentInput = z
  .object({
    lineItemsByFulfillmentOrder: z
      .array(
        z
          .object({
            fulfillmentOrderId: z.string().regex(/^gid:\/\/shopify\/FulfillmentOrder\/\d+$/),
            fulfillmentOrderLineItems: z.array(z.object({ id: z.string(), quantity: z.number().int() }).strict()).optional(),
          })
          .strict(),
      )
      .min(1),
    notifyCustomer: z.boolean().optional(),
    trackingInfo: z
      .object({
        company: z.string().optional(),
        number: z.string().optional(),
        numbers: z.array(z.string().min(1)).optional(),
        url: z.string().optional(),
        urls: z.array(z.string()).optional(),
      })
      .strict()
      .optional(),
    originAddress: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export async function startFakeShopify(options: FakeShopifyOptions): Promise<FakeShopify> {
  const orders: FakeShopifyOrder[] = [];
  const requests: FakeShopifyRequest[] = [];
  const fulfillmentCreates: FakeFulfillmentCreate[] = [];
  const trackingUpdates: FakeTrackingUpdate[] = [];
  const faults: NormalFault[] = [];
  let nextFulfillmentId = 4_100_000_000;
  /** 'lose-answer': the next fulfillmentCreate calls are performed, then their connection dropped (reads go on). */
  let loseCreateAnswers = 0;
  let nextId = 5_400_000_000_000;
  let nextLineId = 13_600_000_000_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req, 256 * 1024);
    let body: unknown = raw;
    try {
      body = JSON.parse(raw);
    } catch {
      /* keep the raw text */
    }
    const parsed = GraphqlBody.safeParse(body);
    const search = parsed.success ? searchOf(parsed.data) : null;
    requests.push({ method: req.method ?? '', path: url.pathname, headers: flatHeaders(req), body, search });

    if (!/^\/admin\/api\/\d{4}-\d{2}\/graphql\.json$/.test(url.pathname) || req.method !== 'POST') {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>Not Found</body></html>');
      return;
    }
    if (req.headers['x-shopify-access-token'] !== options.adminToken) {
      return sendJson(res, 401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
    }
    const fault = faults.shift();
    switch (fault?.type) {
      case 'unauthorized':
        return sendJson(res, 401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
      case 'forbidden':
        return sendJson(res, 403, { errors: '[API] This action requires merchant approval for read_orders scope.' });
      case 'throttled':
        return sendJson(res, 200, {
          errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
          extensions: {
            cost: {
              requestedQueryCost: 12,
              actualQueryCost: null,
              throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 7, restoreRate: 100 },
            },
          },
        });
      case 'rate-limited':
        res.setHeader('Retry-After', String(fault.retryAfterSeconds ?? 0.1));
        return sendJson(res, 429, {
          errors: 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.',
        });
      case 'server-error':
        res.writeHead(fault.status ?? 503, { 'content-type': 'text/html' }).end('<html><body>Service Unavailable</body></html>');
        return;
      case 'hang':
        return;
      case 'reset':
        req.socket.destroy();
        return;
      default:
        break;
    }
    if (!String(req.headers['content-type'] ?? '').includes('application/json')) {
      return sendJson(res, 400, { errors: [{ message: 'Content-Type must be application/json' }] });
    }
    if (!parsed.success) return sendJson(res, 400, { errors: [{ message: 'Bad Request: body must be {"query": "..."}' }] });
    if (/\bfulfillmentCreate\s*\(/.test(parsed.data.query)) {
      const answer = fulfillmentCreate(parsed.data.variables?.fulfillment);
      if (loseCreateAnswers > 0) {
        loseCreateAnswers -= 1;
        req.socket.destroy();
        return;
      }
      return sendJson(res, 200, { data: { fulfillmentCreate: answer }, extensions: { cost: COST } });
    }
    if (/\bfulfillmentTrackingInfoUpdate\s*\(/.test(parsed.data.query)) {
      return sendJson(res, 200, {
        data: { fulfillmentTrackingInfoUpdate: trackingUpdate(parsed.data.variables) },
        extensions: { cost: COST },
      });
    }
    if (!/\borders\s*\(/.test(parsed.data.query)) {
      return sendJson(res, 200, { errors: [{ message: 'The fake only answers orders queries', extensions: { code: 'undefinedField' } }] });
    }
    const first = Math.min(250, Number(/orders\s*\(\s*first:\s*(\d+)/.exec(parsed.data.query)?.[1] ?? '50'));
    const nodes = orders.filter((order) => matches(order, search ?? '')).slice(0, first);
    sendJson(res, 200, {
      data: { orders: { nodes } },
      extensions: { cost: { ...COST, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1988, restoreRate: 100 } } },
    });
  }

  /** The mutation as Shopify performs it: every fulfillment order named must be open, and of one order. */
  function fulfillmentCreate(raw: unknown) {
    const input = FulfillmentInput.safeParse(raw);
    if (!input.success)
      return { fulfillment: null, userErrors: [{ field: ['fulfillment'], message: `Invalid input: ${input.error.issues[0]?.message}` }] };
    const ids = input.data.lineItemsByFulfillmentOrder.map((l) => l.fulfillmentOrderId);
    const order = orders.find((o) => o.fulfillmentOrders.nodes.some((fo) => fo.id === ids[0]));
    const named = order?.fulfillmentOrders.nodes.filter((fo) => ids.includes(fo.id)) ?? [];
    if (!order || named.length !== ids.length)
      return { fulfillment: null, userErrors: [{ field: ['fulfillment'], message: 'Fulfillment order does not exist.' }] };
    if (named.some((fo) => fo.status === 'CLOSED')) {
      return { fulfillment: null, userErrors: [{ field: ['fulfillment'], message: 'Fulfillment order is not in a fulfillable state.' }] };
    }
    const tracking = input.data.trackingInfo;
    const numbers = tracking?.numbers ?? (tracking?.number ? [tracking.number] : []);
    const company = tracking?.company ?? null;
    for (const fo of named) fo.status = 'CLOSED';
    order.displayFulfillmentStatus = 'FULFILLED';
    const fulfillment = {
      id: `gid://shopify/Fulfillment/${nextFulfillmentId++}`,
      status: 'SUCCESS',
      trackingInfo: numbers.map((number) => ({ number, company })),
    };
    order.fulfillments.push(fulfillment);
    fulfillmentCreates.push({
      orderName: order.name,
      trackingNumbers: numbers,
      company,
      notifyCustomer: input.data.notifyCustomer ?? null,
    });
    return { fulfillment: { id: fulfillment.id, status: fulfillment.status }, userErrors: [] };
  }

  /** The mutation as Shopify performs it: the fulfillment's tracking numbers become the ones given. */
  function trackingUpdate(raw: unknown) {
    const input = TrackingUpdateVariables.safeParse(raw);
    if (!input.success)
      return {
        fulfillment: null,
        userErrors: [{ field: ['trackingInfoInput'], message: `Invalid input: ${input.error.issues[0]?.message}` }],
      };
    const order = orders.find((o) => o.fulfillments.some((f) => f.id === input.data.fulfillmentId));
    const fulfillment = order?.fulfillments.find((f) => f.id === input.data.fulfillmentId);
    if (!order || !fulfillment)
      return { fulfillment: null, userErrors: [{ field: ['fulfillmentId'], message: 'Fulfillment does not exist.' }] };
    const { numbers, number, company } = input.data.trackingInfoInput;
    const list = numbers ?? (number ? [number] : []);
    fulfillment.trackingInfo = list.map((n) => ({ number: n, company: company ?? null }));
    trackingUpdates.push({ orderName: order.name, fulfillmentId: fulfillment.id, trackingNumbers: list });
    return { fulfillment: { id: fulfillment.id, trackingInfo: fulfillment.trackingInfo }, userErrors: [] };
  }

  const loopback = await startLoopbackServer(handle, (res) => sendJson(res, 500, { errors: 'Internal error in fake' }));
  const storeUrl = loopback.origin;

  return {
    storeUrl,
    requests,
    fulfillmentCreates,
    trackingUpdates,
    addOrder(input) {
      const order: FakeShopifyOrder = {
        id: `gid://shopify/Order/${nextId++}`,
        name: input.name,
        note: input.note ?? null,
        tags: input.tags ?? [],
        customAttributes: input.customAttributes ?? [],
        cancelledAt: input.cancelledAt ?? null,
        displayFulfillmentStatus: input.displayFulfillmentStatus ?? 'UNFULFILLED',
        lineItems: {
          nodes: (input.lineItems ?? []).map((item) => ({
            id: item.id ?? `gid://shopify/LineItem/${nextLineId++}`,
            sku: item.sku ?? null,
            name: item.name,
            quantity: item.quantity,
          })),
        },
        fulfillments: [],
        fulfillmentOrders: { nodes: [{ id: `gid://shopify/FulfillmentOrder/${nextId + 700_000}`, status: 'OPEN' }] },
      };
      orders.push(order);
      return order;
    },
    failNext(fault, count = 1) {
      if (fault === 'lose-answer') {
        loseCreateAnswers += count;
        return;
      }
      faults.push(...repeatFault<NormalFault>(fault, count));
    },
    close: loopback.close,
  };
}

/** The `query:` argument: from variables ($query) or written inline. */
function searchOf(body: z.infer<typeof GraphqlBody>): string | null {
  const fromVariables = body.variables?.query;
  if (typeof fromVariables === 'string') return fromVariables;
  return /query:\s*"((?:[^"\\]|\\.)*)"/.exec(body.query)?.[1]?.replace(/\\"/g, '"') ?? null;
}

function matches(order: FakeShopifyOrder, search: string): boolean {
  if (search.trim() === '') return true;
  return search.split(/\s+OR\s+/).some((term) => matchesTerm(order, term.trim()));
}

function matchesTerm(order: FakeShopifyOrder, term: string): boolean {
  const field = /^(\w+):(.*)$/.exec(term);
  const unquote = (s: string) =>
    s
      .trim()
      .replace(/^["']|["']$/g, '')
      .toLowerCase();
  if (field) {
    const value = unquote(field[2]!);
    if (field[1] === 'name') return order.name.toLowerCase().replace(/^#/, '') === value.replace(/^#/, '');
    if (field[1] === 'tag') return order.tags.some((t) => t.toLowerCase() === value);
    return false;
  }
  const word = unquote(term);
  const haystack = [order.name, order.note ?? '', ...order.tags, ...order.customAttributes.map((a) => a.value ?? '')]
    .join('\n')
    .toLowerCase();
  return word !== '' && haystack.includes(word);
}
