/**
 * A loopback fake of the TikTok Shop Open API (202309) for tests, on two servers like the real
 * thing: the API host (orders, packages, ship, shipping documents, plus the document files) and
 * the auth host (/api/v2/token/get and /refresh).
 *
 * Strict on every API call: app_key, timestamp (±5 min) and sign (its own HMAC, not the client's
 * code) -> 106001; x-tts-access-token unknown -> 105001, expired -> 105002; shop_cipher; JSON
 * content type; bodies checked field by field. Records every package it creates (`created`, also
 * those whose answer was lost) and can misbehave for the next N requests of a kind (`failNext`).
 *
 * Codes 0, 105001, 105002, 106001, 36009002, 36009003 are TikTok's; the business refusals below
 * (FAKE_CODES) are this fake's own picks where the public docs name none.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import bwipjs from 'bwip-js/node';
import { z } from 'zod';
import { renderSandboxLabelPdf } from '../../electron/station/providers/sandbox';
import { parseJsonBody, readRequest, repeatFault, sendJson, startLoopbackServer, type RecordedRequest } from './loopback-http';

export const FAKE_CODES = {
  invalidParam: 36009004,
  shopNotAuthorized: 105005,
  authCodeInvalid: 36004004,
  appCredentialsInvalid: 36004003,
  orderNotFound: 21001001,
  orderNotShippable: 21011046,
  lineItemUnavailable: 21011041,
  packageNotFound: 21011001,
  formatUnsupported: 21011060,
} as const;

export type FakeTikTokFault =
  | 'hang'
  | 'reset'
  | 'reset-after-create'
  | 'server-error'
  | 'internal-error'
  | 'rate-limited'
  | 'token-expired'
  | 'unauthorized'
  | 'bad-signature'
  /** Never answers (until close). */
  | { type: 'hang' }
  /** Destroys the socket without doing anything. */
  | { type: 'reset' }
  /** Creates and records the package, then destroys the socket instead of answering. Waits for a create. */
  | { type: 'reset-after-create' }
  /** HTTP 5xx with a non-JSON body, like a gateway. */
  | { type: 'server-error'; status?: number }
  /** HTTP 200, code 36009003. */
  | { type: 'internal-error' }
  /** HTTP 429, code 36009002. */
  | { type: 'rate-limited' }
  /** Code 105002 once, whatever the token. */
  | { type: 'token-expired' }
  /** Code 105001: the access token is refused. */
  | { type: 'unauthorized' }
  /** Code 106001. */
  | { type: 'bad-signature' }
  /** Any business refusal, HTTP 200. */
  | { type: 'business'; code: number; message?: string };

/** Which requests a fault waits for: 'api' = any API call; 'create' = POST /packages; 'auth' = token host; 'files' = document files. */
export type FakeTikTokTarget = 'api' | 'create' | 'order' | 'package' | 'document' | 'ship' | 'auth' | 'files';

export interface FakeTikTokLineItem {
  id: string;
  skuId: string;
  sellerSku: string;
  productName: string;
  skuName: string;
  cancelled: boolean;
  packageId: string | null;
}

export interface FakeTikTokOrder {
  id: string;
  status: string;
  lineItems: FakeTikTokLineItem[];
  createTime: number;
}

export interface FakeTikTokPackage {
  id: string;
  orderId: string;
  lineItemIds: string[];
  trackingNumber: string;
  status: 'PROCESSING' | 'FULFILLING' | 'COMPLETED' | 'CANCELLED';
  weight: { value: string; unit: string } | null;
  dimension: { length: string; width: string; height: string; unit: string } | null;
  shipped: boolean;
  createdAt: Date;
}

export interface FakeTikTokCreated {
  orderId: string;
  /** The package ID (same as packageId). */
  id: string;
  packageId: string;
  lineItemIds: string[];
  trackingNumber: string;
}

export interface FakeTikTokRequest extends RecordedRequest {
  host: 'api' | 'auth';
}

export interface FakeTikTokShop {
  cipher: string;
  name: string;
}

export interface FakeTikTokOptions {
  appKey: string;
  appSecret: string;
  /** Default: one shop, cipher "ROW_fakeShopCipher000". */
  shops?: FakeTikTokShop[];
  /** The fake's clock (timestamps and token expiry). */
  now?: () => Date;
  /** Access token lifetime (default 7 days). */
  accessTokenTtlSeconds?: number;
}

export interface AddOrderInput {
  orderId: string;
  status?: string;
  /** Line items (one per unit, as TikTok lists them), or a count of generated ones. */
  lineItems?: number | Array<{ id: string; sku?: string; name?: string; skuName?: string; cancelled?: boolean; quantity?: number }>;
}

export interface IssuedTokens {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  shopName: string;
}

export interface FakeTikTok {
  apiBaseUrl: string;
  authBaseUrl: string;
  /** The first shop's cipher. */
  shopCipher: string;
  orders: Map<string, FakeTikTokOrder>;
  addOrder(input: AddOrderInput): FakeTikTokOrder;
  setOrderStatus(orderId: string, status: string): void;
  packages: Map<string, FakeTikTokPackage>;
  /** Every package (= label bought) in creation order, including those whose answer was lost. */
  created: FakeTikTokCreated[];
  createdFor(orderId: string): FakeTikTokCreated[];
  /** Create requests refused because a line item was already in a live package (a would-be duplicate). */
  refusedDuplicates: Array<{ orderId: string; lineItemIds: string[] }>;
  requests: FakeTikTokRequest[];
  /** Token refreshes served. */
  readonly refreshes: number;
  failNext(fault: FakeTikTokFault, count?: number, target?: FakeTikTokTarget): void;
  /** A fresh one-time authorization code, as the redirect after the seller approves would carry. */
  issueAuthCode(): string;
  /** Tokens as if an authorization had just happened (for tests that start authorized). */
  issueTokens(): IssuedTokens;
  /** Just a valid refresh token (TIKTOK_REFRESH_TOKEN fleet set-up). */
  issueRefreshToken(): string;
  /** The environment of a station set up for this fake shop, already authorized (a fresh refresh token). */
  stationEnv(): Record<string, string>;
  /** Every access token issued so far now answers 105002. */
  expireAccessToken(): void;
  close(): Promise<void>;
}

type NormalFault = Exclude<FakeTikTokFault, string>;
type Route = Exclude<FakeTikTokTarget, 'api'>;

interface AccessToken {
  expiresAt: number;
}

const DecimalString = z
  .string()
  .regex(/^\d+(\.\d+)?$/, 'must be a decimal number as a string')
  .refine((s) => Number(s) > 0, 'must be more than 0');
const CreatePackagesBody = z
  .object({
    order_id: z.string().regex(/^\d{18}$/, 'must be an 18-digit TikTok Shop order ID'),
    order_line_item_ids: z.array(z.string().min(1)).min(1).optional(),
    shipping_service_id: z.string().min(1).optional(),
    weight: z
      .object({ value: DecimalString, unit: z.enum(['GRAM', 'POUND']) })
      .strict()
      .optional(),
    dimension: z
      .object({ length: DecimalString, width: DecimalString, height: DecimalString, unit: z.enum(['CM', 'INCH']) })
      .strict()
      .optional(),
  })
  .strict();
const ShipPackageBody = z
  .object({
    handover_method: z.enum(['PICKUP', 'DROP_OFF']).optional(),
    pickup_slot: z.object({ start_time: z.number().int(), end_time: z.number().int() }).strict().optional(),
    self_shipment: z.object({ tracking_number: z.string(), shipping_provider_id: z.string() }).strict().optional(),
  })
  .strict();
const DOCUMENT_TYPES = new Set(['SHIPPING_LABEL', 'PACKING_SLIP', 'SHIPPING_LABEL_AND_PACKING_SLIP', 'SHIPPING_LABEL_PICTURE']);

export async function startFakeTikTok(options: FakeTikTokOptions): Promise<FakeTikTok> {
  const now = options.now ?? (() => new Date());
  const shops = options.shops?.length ? options.shops : [{ cipher: 'ROW_fakeShopCipher000', name: 'Fake TikTok Shop' }];
  const ttl = options.accessTokenTtlSeconds ?? 7 * 24 * 3600;
  const orders = new Map<string, FakeTikTokOrder>();
  const packages = new Map<string, FakeTikTokPackage>();
  const created: FakeTikTokCreated[] = [];
  const refusedDuplicates: FakeTikTok['refusedDuplicates'] = [];
  const requests: FakeTikTokRequest[] = [];
  const faults: Array<{ fault: NormalFault; target: FakeTikTokTarget }> = [];
  const authCodes = new Map<string, { expiresAt: number; used: boolean }>();
  const accessTokens = new Map<string, AccessToken>();
  const refreshTokens = new Map<string, { expiresAt: number }>();
  const files = new Map<string, { packageId: string; kind: 'pdf' | 'png' }>();
  let refreshes = 0;
  let seq = 0;
  let apiOrigin = '';

  const nowSeconds = () => Math.floor(now().getTime() / 1000);

  function takeFault(route: Route): NormalFault | undefined {
    const index = faults.findIndex(({ fault, target }) => {
      if (fault.type === 'reset-after-create') return route === 'create';
      if (target === 'api') return route !== 'auth' && route !== 'files';
      return target === route;
    });
    if (index < 0) return undefined;
    return faults.splice(index, 1)[0]!.fault;
  }

  // ---------- API host ----------

  async function handleApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { url, raw, record } = await readRequest(req);
    requests.push({ host: 'api', ...record });

    if (url.pathname.startsWith('/files/')) return serveFile(url.pathname, res);
    const route = routeOf(req.method ?? '', url.pathname);
    if (!route) return send(res, 404, 40400, 'API not found.');

    const check = verifyCall(req, url, raw);
    if (check) return send(res, 200, check.code, check.message);

    const fault = takeFault(route.kind);
    if (fault && applyFault(fault, req, res)) return;

    switch (route.kind) {
      case 'order':
        return orderDetail(url, res);
      case 'create':
        return createPackage(raw, req, res, fault);
      case 'package':
        return packageDetail(route.packageId!, res);
      case 'ship':
        return shipPackage(route.packageId!, raw, res);
      case 'document':
        return shippingDocument(route.packageId!, url, res);
    }
  }

  function routeOf(method: string, path: string): { kind: Exclude<Route, 'auth' | 'files'>; packageId?: string } | null {
    if (method === 'GET' && path === '/order/202309/orders') return { kind: 'order' };
    if (method === 'POST' && path === '/fulfillment/202309/packages') return { kind: 'create' };
    let m = /^\/fulfillment\/202309\/packages\/([^/]+)$/.exec(path);
    if (m && method === 'GET') return { kind: 'package', packageId: decodeURIComponent(m[1]!) };
    m = /^\/fulfillment\/202309\/packages\/([^/]+)\/ship$/.exec(path);
    if (m && method === 'POST') return { kind: 'ship', packageId: decodeURIComponent(m[1]!) };
    m = /^\/fulfillment\/202309\/packages\/([^/]+)\/shipping_documents$/.exec(path);
    if (m && method === 'GET') return { kind: 'document', packageId: decodeURIComponent(m[1]!) };
    return null;
  }

  /** The common parameters, signature and token of every API call; null when all is well. */
  function verifyCall(req: IncomingMessage, url: URL, raw: string): { code: number; message: string } | null {
    const q = url.searchParams;
    if (q.get('app_key') !== options.appKey) return { code: 106001, message: 'Invalid credentials: app_key is unknown.' };
    const timestamp = Number(q.get('timestamp'));
    if (!/^\d{9,11}$/.test(q.get('timestamp') ?? '') || Math.abs(timestamp - nowSeconds()) > 300) {
      return { code: 106001, message: 'Invalid timestamp: it must be the current Unix time in seconds.' };
    }
    const params: Record<string, string> = {};
    for (const [key, value] of q) params[key] = value;
    const body = req.method === 'GET' ? '' : raw;
    if (q.get('sign') !== fakeSign(options.appSecret, url.pathname, params, body)) {
      return { code: 106001, message: 'Invalid signature.' };
    }
    if (
      !String(req.headers['content-type'] ?? '')
        .toLowerCase()
        .startsWith('application/json')
    ) {
      return { code: FAKE_CODES.invalidParam, message: 'Content-Type must be application/json.' };
    }
    const token = req.headers['x-tts-access-token'];
    const known = typeof token === 'string' ? accessTokens.get(token) : undefined;
    if (!known) return { code: 105001, message: 'Invalid access token.' };
    if (known.expiresAt <= nowSeconds()) return { code: 105002, message: 'Expired access token.' };
    if (!shops.some((s) => s.cipher === q.get('shop_cipher'))) {
      return { code: FAKE_CODES.shopNotAuthorized, message: 'The shop_cipher does not belong to a shop that authorized this app.' };
    }
    return null;
  }

  /** Faults that do not depend on the route. True when the request is fully handled. */
  function applyFault(fault: NormalFault, req: IncomingMessage, res: ServerResponse): boolean {
    switch (fault.type) {
      case 'hang':
        return true;
      case 'reset':
        req.socket.destroy();
        return true;
      case 'server-error':
        res.writeHead(fault.status ?? 500, { 'content-type': 'text/html' }).end('<html><body>Internal Server Error</body></html>');
        return true;
      case 'internal-error':
        send(res, 200, 36009003, 'Internal error, please try again later.');
        return true;
      case 'rate-limited':
        send(res, 429, 36009002, 'Too many requests, please try again later.');
        return true;
      case 'token-expired':
        send(res, 200, 105002, 'Expired access token.');
        return true;
      case 'unauthorized':
        send(res, 200, 105001, 'Invalid access token.');
        return true;
      case 'bad-signature':
        send(res, 200, 106001, 'Invalid signature.');
        return true;
      case 'business':
        send(res, 200, fault.code, fault.message ?? 'Request refused.');
        return true;
      case 'reset-after-create':
        return false;
    }
  }

  function orderDetail(url: URL, res: ServerResponse): void {
    const ids = (url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
    if (ids.length === 0 || ids.length > 50) return send(res, 200, FAKE_CODES.invalidParam, 'ids is required (at most 50).');
    const found = ids.map((id) => orders.get(id)).filter((o): o is FakeTikTokOrder => !!o);
    send(res, 200, 0, 'Success', { orders: found.map(orderJson) });
  }

  function createPackage(raw: string, req: IncomingMessage, res: ServerResponse, fault: NormalFault | undefined): void {
    const parsed = CreatePackagesBody.safeParse(parseJsonBody(raw));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return send(res, 200, FAKE_CODES.invalidParam, `Invalid parameter ${issue.path.join('.')}: ${issue.message}`);
    }
    const body = parsed.data;
    const order = orders.get(body.order_id);
    if (!order) return send(res, 200, FAKE_CODES.orderNotFound, 'Order does not exist.');
    if (!['AWAITING_SHIPMENT', 'PARTIALLY_SHIPPING', 'AWAITING_COLLECTION'].includes(order.status)) {
      return send(res, 200, FAKE_CODES.orderNotShippable, `Order status ${order.status} does not allow shipping.`);
    }
    const open = order.lineItems.filter((item) => !item.cancelled && !livePackage(item.packageId));
    const ids = body.order_line_item_ids ?? open.map((item) => item.id);
    for (const id of ids) {
      const item = order.lineItems.find((i) => i.id === id);
      if (!item) return send(res, 200, FAKE_CODES.invalidParam, `Line item ${id} is not in order ${order.id}.`);
      if (item.cancelled) return send(res, 200, FAKE_CODES.lineItemUnavailable, `Line item ${id} is cancelled.`);
      if (livePackage(item.packageId)) {
        refusedDuplicates.push({ orderId: order.id, lineItemIds: ids });
        return send(res, 200, FAKE_CODES.lineItemUnavailable, `Line item ${id} is already in package ${item.packageId}.`);
      }
    }
    if (ids.length === 0) {
      if (order.lineItems.some((item) => livePackage(item.packageId))) refusedDuplicates.push({ orderId: order.id, lineItemIds: [] });
      return send(res, 200, FAKE_CODES.lineItemUnavailable, 'No line items left to ship.');
    }

    seq += 1;
    const pkg: FakeTikTokPackage = {
      id: `11530${String(Date.now() % 1e9).padStart(9, '0')}${String(seq).padStart(5, '0')}`,
      orderId: order.id,
      lineItemIds: [...ids],
      trackingNumber: `9400111206213${String(seq).padStart(9, '0')}`,
      status: 'PROCESSING',
      weight: body.weight ?? null,
      dimension: body.dimension ?? null,
      shipped: false,
      createdAt: now(),
    };
    packages.set(pkg.id, pkg);
    for (const item of order.lineItems) if (ids.includes(item.id)) item.packageId = pkg.id;
    const remaining = order.lineItems.some((item) => !item.cancelled && !livePackage(item.packageId));
    order.status = remaining ? 'PARTIALLY_SHIPPING' : 'AWAITING_COLLECTION';
    created.push({ orderId: order.id, id: pkg.id, packageId: pkg.id, lineItemIds: [...ids], trackingNumber: pkg.trackingNumber });

    if (fault?.type === 'reset-after-create') {
      req.socket.destroy();
      return;
    }
    send(res, 200, 0, 'Success', {
      package_id: pkg.id,
      order_id: order.id,
      order_line_item_ids: pkg.lineItemIds,
      create_time: Math.floor(pkg.createdAt.getTime() / 1000),
      weight: pkg.weight,
      dimension: pkg.dimension,
      shipping_service_info: {
        id: '7208502187360519982',
        name: 'USPS Ground Advantage',
        price: '5.48',
        currency: 'USD',
        shipping_provider_id: '7117858858072016686',
        shipping_provider_name: 'USPS',
        earliest_delivery_days: 2,
        latest_delivery_days: 5,
      },
    });
  }

  function packageDetail(packageId: string, res: ServerResponse): void {
    const pkg = packages.get(packageId);
    if (!pkg) return send(res, 200, FAKE_CODES.packageNotFound, 'Package does not exist.');
    send(res, 200, 0, 'Success', packageJson(pkg));
  }

  function shipPackage(packageId: string, raw: string, res: ServerResponse): void {
    const pkg = packages.get(packageId);
    if (!pkg) return send(res, 200, FAKE_CODES.packageNotFound, 'Package does not exist.');
    const parsed = ShipPackageBody.safeParse(raw === '' ? {} : parseJsonBody(raw));
    if (!parsed.success) return send(res, 200, FAKE_CODES.invalidParam, `Invalid parameter: ${parsed.error.issues[0]!.message}`);
    if (pkg.status === 'CANCELLED') return send(res, 200, FAKE_CODES.orderNotShippable, 'Package is cancelled.');
    pkg.shipped = true;
    send(res, 200, 0, 'Success', {});
  }

  function shippingDocument(packageId: string, url: URL, res: ServerResponse): void {
    const pkg = packages.get(packageId);
    if (!pkg) return send(res, 200, FAKE_CODES.packageNotFound, 'Package does not exist.');
    const type = url.searchParams.get('document_type') ?? '';
    if (!DOCUMENT_TYPES.has(type)) return send(res, 200, FAKE_CODES.invalidParam, 'document_type is invalid.');
    const size = url.searchParams.get('document_size');
    if (size !== null && size !== 'A6' && size !== 'A5') return send(res, 200, FAKE_CODES.invalidParam, 'document_size must be A6 or A5.');
    const format = url.searchParams.get('document_format');
    if (format !== null && format !== 'PDF')
      return send(res, 200, FAKE_CODES.formatUnsupported, 'ZPL documents are only available in BR and MX.');
    if (pkg.status === 'CANCELLED') return send(res, 200, FAKE_CODES.orderNotShippable, 'Package is cancelled.');
    const kind = type === 'SHIPPING_LABEL_PICTURE' ? 'png' : 'pdf';
    const token = randomBytes(12).toString('hex');
    files.set(token, { packageId, kind });
    send(res, 200, 0, 'Success', { doc_url: `${apiOrigin}/files/doc/${token}.${kind}`, tracking_number: pkg.trackingNumber });
  }

  async function serveFile(path: string, res: ServerResponse): Promise<void> {
    const fault = takeFault('files');
    if (fault?.type === 'hang') return;
    if (fault?.type === 'reset') return void res.socket?.destroy();
    if (fault?.type === 'server-error')
      return void res.writeHead(fault.status ?? 500, { 'content-type': 'text/plain' }).end('Internal error');
    const m = /^\/files\/doc\/([0-9a-f]+)\.(pdf|png)$/.exec(path);
    const file = m ? files.get(m[1]!) : undefined;
    const pkg = file ? packages.get(file.packageId) : undefined;
    if (!file || !pkg) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    if (file.kind === 'png') {
      const png = await bwipjs.toBuffer({ bcid: 'code128', text: pkg.trackingNumber, scale: 2, height: 20, includetext: true });
      return void res.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length }).end(png);
    }
    const pdf = await renderSandboxLabelPdf({
      orderId: pkg.orderId,
      trackingNumbers: [pkg.trackingNumber],
      parcels: null,
      labelId: pkg.id,
      date: pkg.createdAt,
      service: 'USPS Ground Advantage via TikTok Shipping (fake)',
    });
    res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': pdf.length }).end(pdf);
  }

  function livePackage(packageId: string | null): boolean {
    if (!packageId) return false;
    return packages.get(packageId)?.status !== 'CANCELLED';
  }

  function orderJson(order: FakeTikTokOrder): Record<string, unknown> {
    const packageIds = [...new Set(order.lineItems.map((i) => i.packageId).filter((id): id is string => !!id))];
    return {
      id: order.id,
      status: order.status,
      shipping_type: 'TIKTOK',
      fulfillment_type: 'FULFILLMENT_BY_SELLER',
      create_time: order.createTime,
      update_time: nowSeconds(),
      packages: packageIds.map((id) => ({ id })),
      recipient_address: {
        name: 'J*** D***',
        postal_code: '90210',
        region_code: 'US',
        full_address: 'US, California, Beverly Hills, 90210',
      },
      line_items: order.lineItems.map((item) => {
        const pkg = item.packageId ? packages.get(item.packageId) : undefined;
        return {
          id: item.id,
          sku_id: item.skuId,
          seller_sku: item.sellerSku,
          product_name: item.productName,
          sku_name: item.skuName,
          display_status: item.cancelled ? 'CANCELLED' : order.status,
          currency: 'USD',
          sale_price: '19.99',
          ...(pkg ? { package_id: pkg.id, package_status: pkg.status, tracking_number: pkg.trackingNumber } : {}),
        };
      }),
    };
  }

  function packageJson(pkg: FakeTikTokPackage): Record<string, unknown> {
    return {
      package_id: pkg.id,
      package_status: pkg.status,
      order_line_item_ids: pkg.lineItemIds,
      orders: [{ id: pkg.orderId, skus: [] }],
      tracking_number: pkg.trackingNumber,
      shipping_provider_id: '7117858858072016686',
      shipping_provider_name: 'USPS',
      shipping_type: 'TIKTOK',
      split_and_combine_tag: 'DEFAULT',
      create_time: Math.floor(pkg.createdAt.getTime() / 1000),
      update_time: nowSeconds(),
      ...(pkg.weight ? { weight: pkg.weight } : {}),
      ...(pkg.dimension ? { dimension: pkg.dimension } : {}),
    };
  }

  // ---------- auth host ----------

  async function handleAuth(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { url, record } = await readRequest(req);
    requests.push({ host: 'auth', ...record });
    const fault = takeFault('auth');
    if (fault && applyFault(fault, req, res)) return;
    const q = url.searchParams;
    const isGet = url.pathname === '/api/v2/token/get';
    const isRefresh = url.pathname === '/api/v2/token/refresh';
    if (req.method !== 'GET' || (!isGet && !isRefresh)) return send(res, 404, 40400, 'API not found.');
    if (q.get('app_key') !== options.appKey || q.get('app_secret') !== options.appSecret) {
      return send(res, 200, FAKE_CODES.appCredentialsInvalid, 'Invalid app_key or app_secret.');
    }
    if (isGet) {
      if (q.get('grant_type') !== 'authorized_code') return send(res, 200, FAKE_CODES.invalidParam, 'grant_type must be authorized_code.');
      const code = authCodes.get(q.get('auth_code') ?? '');
      if (!code || code.used || code.expiresAt <= nowSeconds())
        return send(res, 200, FAKE_CODES.authCodeInvalid, 'The auth_code is invalid or expired.');
      code.used = true;
      return send(res, 200, 0, 'success', tokenJson(mintTokens()));
    }
    if (q.get('grant_type') !== 'refresh_token') return send(res, 200, FAKE_CODES.invalidParam, 'grant_type must be refresh_token.');
    const refreshToken = q.get('refresh_token') ?? '';
    const known = refreshTokens.get(refreshToken);
    if (!known || known.expiresAt <= nowSeconds())
      return send(res, 200, FAKE_CODES.authCodeInvalid, 'The refresh_token is invalid or expired.');
    refreshes += 1;
    send(res, 200, 0, 'success', tokenJson(mintTokens(refreshToken)));
  }

  function mintTokens(existingRefresh?: string): IssuedTokens {
    const accessToken = `TTP_${randomBytes(24).toString('base64url')}`;
    const accessExpires = nowSeconds() + ttl;
    accessTokens.set(accessToken, { expiresAt: accessExpires });
    const refreshToken = existingRefresh ?? `TTP_${randomBytes(24).toString('base64url')}`;
    if (!existingRefresh) refreshTokens.set(refreshToken, { expiresAt: nowSeconds() + 365 * 24 * 3600 });
    return {
      accessToken,
      accessTokenExpiresAt: new Date(accessExpires * 1000).toISOString(),
      refreshToken,
      refreshTokenExpiresAt: new Date(refreshTokens.get(refreshToken)!.expiresAt * 1000).toISOString(),
      shopName: shops[0]!.name,
    };
  }

  function tokenJson(tokens: IssuedTokens): Record<string, unknown> {
    return {
      access_token: tokens.accessToken,
      access_token_expire_in: Math.floor(Date.parse(tokens.accessTokenExpiresAt) / 1000),
      refresh_token: tokens.refreshToken,
      refresh_token_expire_in: Math.floor(Date.parse(tokens.refreshTokenExpiresAt) / 1000),
      open_id: 'fake-open-id-0001',
      seller_name: tokens.shopName,
      seller_base_region: 'US',
      user_type: 0,
      granted_scopes: ['seller.order.info', 'seller.fulfillment.basic'],
    };
  }

  // ---------- servers ----------

  const internalError = (res: ServerResponse) => send(res, 500, 36009003, 'Internal error in fake.');
  const [apiServer, authServer] = await Promise.all([
    startLoopbackServer(handleApi, internalError),
    startLoopbackServer(handleAuth, internalError),
  ]);
  apiOrigin = apiServer.origin;
  const authOrigin = authServer.origin;

  return {
    apiBaseUrl: apiOrigin,
    authBaseUrl: authOrigin,
    shopCipher: shops[0]!.cipher,
    orders,
    addOrder(input) {
      type Given = { id: string; sku?: string; name?: string; skuName?: string; cancelled?: boolean };
      // TikTok lists one line item per unit: a quantity of n becomes n line items (id, id-2, …).
      const given: Given[] = Array.isArray(input.lineItems)
        ? input.lineItems.flatMap((item) =>
            Array.from({ length: Math.max(1, item.quantity ?? 1) }, (_, k) => ({ ...item, id: k === 0 ? item.id : `${item.id}-${k + 1}` })),
          )
        : Array.from({ length: input.lineItems ?? 1 }, (_, i) => ({
            id: `${input.orderId.slice(0, 14)}${String(i + 1).padStart(4, '0')}`,
          }));
      const order: FakeTikTokOrder = {
        id: input.orderId,
        status: input.status ?? 'AWAITING_SHIPMENT',
        createTime: nowSeconds(),
        lineItems: given.map((item, i) => ({
          id: item.id,
          skuId: `17300000000000${String(i + 1).padStart(4, '0')}`,
          sellerSku: item.sku ?? `SKU-${i + 1}`,
          productName: item.name ?? `Product ${i + 1}`,
          skuName: item.skuName ?? 'Default',
          cancelled: item.cancelled === true,
          packageId: null,
        })),
      };
      orders.set(order.id, order);
      return order;
    },
    setOrderStatus(orderId, status) {
      const order = orders.get(orderId);
      if (!order) throw new Error(`fake TikTok: no order ${orderId}`);
      order.status = status;
    },
    packages,
    created,
    createdFor: (orderId) => created.filter((c) => c.orderId === orderId),
    refusedDuplicates,
    requests,
    get refreshes() {
      return refreshes;
    },
    failNext(fault, count = 1, target = 'api') {
      faults.push(...repeatFault<NormalFault>(fault, count).map((normal) => ({ fault: normal, target })));
    },
    issueAuthCode() {
      const code = `ROW_${randomBytes(18).toString('base64url')}`;
      authCodes.set(code, { expiresAt: nowSeconds() + 30 * 60, used: false });
      return code;
    },
    issueTokens: () => mintTokens(),
    issueRefreshToken: () => mintTokens().refreshToken,
    stationEnv: () => ({
      LABEL_STATION_PROVIDER: 'tiktok',
      TIKTOK_APP_KEY: options.appKey,
      TIKTOK_APP_SECRET: options.appSecret,
      TIKTOK_SHOP_CIPHER: shops[0]!.cipher,
      TIKTOK_API_BASE_URL: apiOrigin,
      TIKTOK_AUTH_BASE_URL: authOrigin,
      TIKTOK_REFRESH_TOKEN: mintTokens().refreshToken,
    }),
    expireAccessToken() {
      for (const token of accessTokens.values()) token.expiresAt = 0;
    },
    close() {
      return Promise.all([apiServer.close(), authServer.close()]).then(() => undefined);
    },
  };
}

/** The fake's own signer (deliberately not the client's code). */
function fakeSign(secret: string, path: string, params: Record<string, string>, body: string): string {
  const keys = Object.keys(params)
    .filter((k) => k !== 'sign' && k !== 'access_token')
    .sort();
  let text = secret + path;
  for (const key of keys) text += key + params[key];
  text += body + secret;
  return createHmac('sha256', secret).update(text).digest('hex');
}

function send(res: ServerResponse, status: number, code: number, message: string, data?: unknown): void {
  sendJson(res, status, {
    code,
    message,
    request_id: randomBytes(10).toString('hex').toUpperCase(),
    ...(data === undefined ? {} : { data }),
  });
}
