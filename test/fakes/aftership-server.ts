/**
 * A loopback fake of AfterShip Shipping v3 `/labels` for tests: strict about the key and the body,
 * records every label it creates, serves label files, lists labels like GET /labels (s,
 * created_at_min/max, status, limit, next_token), and can be told to misbehave for the next N
 * requests (401, 4xxx, 429 storms, 5xx, pending then created, hang, reset, and the ambiguous
 * "created, then the answer was lost" faults). Optionally enforces AfterShip's 10 requests/s.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import { Parcel } from '../../shared/domain/parcels';
import { renderSandboxLabelPdf } from '../../electron/station/providers/sandbox';
import { readRequest, repeatFault, sendJson, startLoopbackServer, type RecordedRequest } from './loopback-http';

export type FakeFault =
  | 'unauthorized'
  | 'rate-limited'
  | 'server-error'
  | 'pending'
  | 'hang'
  | 'reset'
  | 'reset-after-create'
  | 'hang-after-create'
  | 'server-error-after-create'
  | { type: 'unauthorized' }
  | { type: 'business'; code: number; message?: string; details?: Array<{ path: string; info: string }> }
  /** 429 with a reset header: `epoch` = Unix seconds (default), `delta` = seconds to wait; `resetAt` = this Unix second. */
  | { type: 'rate-limited'; resetSeconds?: number; header?: string; style?: 'epoch' | 'delta'; resetAt?: number; limit?: number }
  | { type: 'server-error'; status?: number }
  /** Answers 3001 (status creating); the label is ready (or failed) after `pollsUntilReady` polls. */
  | { type: 'pending'; pollsUntilReady?: number; outcome?: 'created' | 'failed' }
  /** Never answers (until close). */
  | { type: 'hang' }
  /** Destroys the socket without doing anything. */
  | { type: 'reset' }
  /** Creates and records the label, then destroys the socket instead of answering. */
  | { type: 'reset-after-create' }
  /** Creates and records the label, then never answers (the client times out). */
  | { type: 'hang-after-create' }
  /** Creates and records the label, then answers 5xx. */
  | { type: 'server-error-after-create'; status?: number }
  /**
   * The answer is lost (socket reset, or no answer until the client times out) and the label is
   * created only `delayMs` later (or when the test calls releaseLate()): a provider finishing a
   * slow create after the station gave up on the answer.
   */
  | { type: 'late-create'; delayMs?: number; answer?: 'reset' | 'hang' }
  /** Answers normally (lets one request through ahead of queued faults). */
  | 'pass'
  | { type: 'pass' };

export interface FakeCreatedLabel {
  orderId: string;
  id: string;
  trackingNumbers: string[];
  references: string[];
  status: 'creating' | 'created' | 'failed';
}

export type FakeRequest = RecordedRequest;

export interface FakeAfterShip {
  /** e.g. http://127.0.0.1:PORT/postmen/v3 */
  baseUrl: string;
  /** Every label the fake created, in order (including ones whose answer was lost). */
  created: FakeCreatedLabel[];
  /** Every request received (API and file downloads). */
  requests: FakeRequest[];
  /**
   * Misbehave for the next `count` API requests (default 'api': any route), only creates
   * (POST /labels), only label searches (GET /labels), or file downloads.
   */
  failNext(fault: FakeFault, count?: number, target?: FaultTarget): void;
  /** Creates every label still waiting to be created late, now. */
  releaseLate(): void;
  /** Late labels not created yet. */
  readonly lateCount: number;
  /** Drops every fault still queued. */
  clearFaults(): void;
  /** A 429 storm: the next `count` API requests are refused with 429 and a reset header. */
  rateLimitStorm(count: number, resetSeconds?: number): void;
  /** The labels created for one order (more than one = a duplicate, unless the shipment was split on purpose). */
  createdFor(orderId: string): FakeCreatedLabel[];
  /**
   * Format of label files for labels created from now on: 'pdf' or 'zpl' whatever was asked (a
   * carrier that only has one format answers with it), or 'as-requested' (honours file_type).
   */
  setLabelFormat(format: FakeLabelFormat): void;
  /** Requests refused because they exceeded `rateLimitPerSecond`. */
  readonly rateLimitedCount: number;
  /** When each API request arrived (ms since the epoch), refused ones included: to see how close they came. */
  readonly apiArrivals: readonly number[];
  close(): Promise<void>;
}

export type FakeLabelFormat = 'pdf' | 'zpl' | 'as-requested';

export type FaultTarget = 'api' | 'create' | 'lookup' | 'files';

export interface FakeAfterShipOptions {
  apiKey: string;
  labelFormat?: FakeLabelFormat;
  /** The TikTok shipper account this organization has; a create naming another gets 4140. */
  shipperAccountId?: string;
  /**
   * When set, the organization's API requests are counted over a sliding second as they arrive: one
   * above this count gets a real 429 (AfterShip's X-RateLimit-Limit / -Remaining / -Reset headers,
   * reset = Unix seconds when the oldest request leaves the window), like AfterShip's 10/s. Every
   * API answer then carries the three headers.
   */
  rateLimitPerSecond?: number;
  /**
   * Shortens the counting window by this much (default 0: strict). For a suite on a loaded machine,
   * where the fake itself may read a request late and so see well-spaced requests bunched up.
   */
  rateLimitGraceMs?: number;
  /** Time the fake takes to answer each API request (after counting it), e.g. 300 ms like a real provider. */
  latencyMs?: number;
  /** The fake's clock for created_at and the GET /labels window (default: real time). */
  now?: () => Date;
}

export const FAKE_SHIPPER_ACCOUNT_ID = '054194464b8d47c6a935f1a16d5844de';

type NormalFault = Exclude<FakeFault, string>;

interface StoredLabel {
  record: FakeCreatedLabel;
  parcels: unknown[];
  format: 'pdf' | 'zpl';
  createdAt: Date;
  pollsLeft: number;
  outcome: 'created' | 'failed';
  shipperAccountId: string;
}

/** The request body as AfterShip v3 defines it (independent of the client's own builder). */
const Dimension = z
  .object({
    width: z.number().positive(),
    height: z.number().positive(),
    depth: z.number().positive(),
    unit: z.enum(['cm', 'in', 'mm', 'm', 'ft', 'yd']),
  })
  .strict();
const Weight = z.object({ value: z.number().positive(), unit: z.enum(['lb', 'kg', 'oz', 'g']) }).strict();
const ParcelBody = z
  .object({
    box_type: z.string().optional(),
    dimension: Dimension,
    weight: Weight,
    // TikTok checks item_id; Item.v3 also describes each item (description, quantity, sku, ...).
    items: z
      .array(
        z
          .object({
            item_id: z.string().min(1),
            description: z.string().optional(),
            quantity: z.number().int().min(1).optional(),
            sku: z.string().optional(),
          })
          .loose(),
      )
      .optional(),
    description: z.string().optional(),
  })
  .strict();
const CreateBody = z
  .object({
    service_type: z.literal('tiktok-shipping_standard_shipping'),
    order_id: z.string().regex(/^\d{18}$/, 'must be an 18-digit TikTok Shop order ID'),
    paper_size: z.enum(['4x6', '4x8', 'A4', 'A5', '8.5x11', 'A6', '6x4']).optional(),
    references: z.array(z.string().max(255)).max(10).optional(),
    shipment: z
      .object({
        parcels: z.array(ParcelBody).min(1),
        ship_from: z.unknown().optional(),
        ship_to: z.unknown().optional(),
      })
      .strict(),
    file_type: z.enum(['pdf', 'zpl']).optional(),
    ship_date: z.string().optional(),
    order_number: z.string().optional(),
    custom_fields: z.record(z.string(), z.string()).optional(),
    shipper_account: z
      .object({ id: z.string().min(1) })
      .strict()
      .optional(),
    service_options: z.array(z.unknown()).optional(),
    return_shipment: z.boolean().optional(),
    is_document: z.boolean().optional(),
    print_options: z.unknown().optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    const parcels = body.shipment.parcels;
    const seen = new Set<string>();
    parcels.forEach((parcel, index) => {
      if (parcels.length > 1 && !parcel.items?.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['shipment', 'parcels', index, 'items'],
          message: 'is required when a TikTok order is split into several parcels',
        });
      }
      for (const item of parcel.items ?? []) {
        if (seen.has(item.item_id))
          ctx.addIssue({
            code: 'custom',
            path: ['shipment', 'parcels', index, 'items'],
            message: `order line item ${item.item_id} is in two parcels`,
          });
        seen.add(item.item_id);
      }
    });
  });

const LIST_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|\+00:00)$/;

const BUSINESS_MESSAGES: Record<number, string> = {
  4104: 'The request was invalid or cannot be otherwise served.',
  4140: 'Shipper account not found.',
  4153: 'The requested resource could not be found.',
  4713: 'Failed to get rates.',
  4715: 'Courier error.',
  4801: 'Duplicate order number.',
  4802: 'Service type is not available.',
  4803: 'Service is temporarily unavailable.',
};

export async function startFakeAfterShip(options: FakeAfterShipOptions): Promise<FakeAfterShip> {
  let labelFormat: FakeLabelFormat = options.labelFormat ?? 'pdf';
  const now = options.now ?? (() => new Date());
  const knownShipperAccount = options.shipperAccountId ?? FAKE_SHIPPER_ACCOUNT_ID;
  const recentRequests: number[] = [];
  let rateLimitedCount = 0;
  const apiArrivals: number[] = [];
  const created: FakeCreatedLabel[] = [];
  const requests: FakeRequest[] = [];
  const labels = new Map<string, StoredLabel>();
  const faults: Record<FaultTarget, NormalFault[]> = { api: [], create: [], lookup: [], files: [] };
  const late = new Map<NodeJS.Timeout | symbol, () => void>();
  let trackingSeq = 0;
  let origin = '';

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const arrivedAt = Date.now();
    const { url, raw, record } = await readRequest(req);
    const body = record.body;
    requests.push(record);

    if (url.pathname.startsWith('/files/')) return serveFile(url.pathname, res);
    if (!url.pathname.startsWith('/postmen/v3/')) return sendEnvelope(res, 404, { code: 4040, message: 'Not found' }, {});

    if (req.headers['as-api-key'] !== options.apiKey) {
      return sendEnvelope(res, 401, { code: 401, message: 'Invalid API key.', details: [] }, {});
    }
    apiArrivals.push(arrivedAt);
    const window = countInWindow(arrivedAt);
    if (window?.refused) return sendRateLimited(res, { type: 'rate-limited', resetAt: window.resetAt, limit: options.rateLimitPerSecond! });
    if (options.latencyMs) await delay(options.latencyMs);
    setRateHeaders(res, Date.now());
    const route = url.pathname.slice('/postmen/v3'.length);
    const routeFaults =
      req.method === 'POST' && route === '/labels' ? faults.create : req.method === 'GET' && route === '/labels' ? faults.lookup : [];
    const next = routeFaults.shift() ?? faults.api.shift();
    const fault = next?.type === 'pass' ? undefined : next;
    if (fault && applyTransportFault(fault, req, res)) return;

    if (req.method === 'POST' && route === '/labels') return createLabel(req, body, raw, res, fault);
    if (fault?.type === 'business') return sendBusiness(res, fault);
    const one = /^\/labels\/([^/]+)$/.exec(route);
    if (req.method === 'GET' && one) return getLabel(decodeURIComponent(one[1]!), res);
    if (req.method === 'GET' && route === '/labels') return listLabels(url, res);
    return sendEnvelope(res, 404, { code: 4153, message: 'The requested resource could not be found.' }, {});
  }

  /**
   * AfterShip's per-organization limit over a sliding second, when the test asks for it: counts the
   * request, sets the rate headers on the answer, and says whether it is refused.
   */
  function countInWindow(t: number): { refused: boolean; resetAt: number } | null {
    const limit = options.rateLimitPerSecond;
    if (!limit) return null;
    const windowMs = 1000 - (options.rateLimitGraceMs ?? 0);
    while (recentRequests.length > 0 && recentRequests[0]! <= t - windowMs) recentRequests.shift();
    const refused = recentRequests.length >= limit;
    if (refused) rateLimitedCount += 1;
    else recentRequests.push(t);
    const resetAt = Math.ceil((recentRequests[0]! + 1000) / 1000);
    return { refused, resetAt };
  }

  function setRateHeaders(res: ServerResponse, t: number): void {
    const limit = options.rateLimitPerSecond;
    if (!limit) return;
    const inWindow = recentRequests.filter((r) => r > t - 1000);
    res.setHeader('X-RateLimit-Limit', String(limit));
    res.setHeader('X-RateLimit-Remaining', String(Math.max(0, limit - inWindow.length)));
    res.setHeader('X-RateLimit-Reset', String(Math.ceil(((inWindow[0] ?? t) + 1000) / 1000)));
  }

  /** Faults that do not depend on the route. True when the request is fully handled. */
  function applyTransportFault(fault: NormalFault, req: IncomingMessage, res: ServerResponse): boolean {
    switch (fault.type) {
      case 'unauthorized':
        sendEnvelope(res, 401, { code: 401, message: 'Invalid API key.', details: [] }, {});
        return true;
      case 'rate-limited':
        sendRateLimited(res, fault);
        return true;
      case 'server-error':
        sendEnvelope(
          res,
          fault.status ?? 500,
          { code: fault.status ?? 500, message: 'Internal server error.', details: [], retryable: true },
          {},
        );
        return true;
      case 'hang':
        return true; // never answer; close() destroys the socket
      case 'reset':
        req.socket.destroy();
        return true;
      default:
        return false;
    }
  }

  function createLabel(req: IncomingMessage, body: unknown, raw: string, res: ServerResponse, fault: NormalFault | undefined): void {
    if (!String(req.headers['content-type'] ?? '').includes('application/json')) {
      return sendEnvelope(
        res,
        200,
        {
          code: 4104,
          message: BUSINESS_MESSAGES[4104]!,
          details: [{ path: 'headers.content-type', info: 'Content-Type must be application/json' }],
        },
        {},
      );
    }
    const parsed = CreateBody.safeParse(raw === '' ? undefined : body);
    if (!parsed.success) {
      const details = parsed.error.issues.map((issue) => {
        const path = ['data', ...issue.path.map(String)].join('.');
        return { path, info: `${path} ${issue.message}` };
      });
      return sendEnvelope(res, 200, { code: 4104, message: BUSINESS_MESSAGES[4104]!, details }, {});
    }
    if (fault?.type === 'business') return sendBusiness(res, fault);

    const request = parsed.data;
    if (request.shipper_account && request.shipper_account.id !== knownShipperAccount) {
      return sendEnvelope(
        res,
        200,
        {
          code: 4140,
          message: BUSINESS_MESSAGES[4140]!,
          details: [{ path: 'data.shipper_account.id', info: `shipper account ${request.shipper_account.id} not found` }],
        },
        {},
      );
    }
    const pending = fault?.type === 'pending' ? fault : null;
    const id = randomUUID();
    const record: FakeCreatedLabel = {
      orderId: request.order_id,
      id,
      trackingNumbers: pending ? [] : request.shipment.parcels.map(() => nextTrackingNumber()),
      references: request.references ?? [],
      status: pending ? 'creating' : 'created',
    };
    const stored: StoredLabel = {
      record,
      parcels: request.shipment.parcels,
      format: labelFormat === 'as-requested' ? (request.file_type ?? 'pdf') : labelFormat,
      createdAt: now(),
      pollsLeft: pending?.pollsUntilReady ?? 1,
      outcome: pending?.outcome ?? 'created',
      shipperAccountId: knownShipperAccount,
    };
    if (fault?.type === 'late-create') {
      const make = () => {
        stored.createdAt = now();
        labels.set(id, stored);
        created.push(record);
      };
      if (fault.delayMs === undefined) {
        const key = Symbol(id);
        late.set(key, () => (late.delete(key), make()));
      } else {
        const timer = setTimeout(() => (late.delete(timer), make()), fault.delayMs);
        late.set(timer, () => (clearTimeout(timer), late.delete(timer), make()));
      }
      if (fault.answer === 'hang') return; // never answer; close() destroys the socket
      req.socket.destroy();
      return;
    }
    labels.set(id, stored);
    created.push(record);

    if (fault?.type === 'reset-after-create') {
      req.socket.destroy();
      return;
    }
    if (fault?.type === 'hang-after-create') return; // never answer; close() destroys the socket
    if (fault?.type === 'server-error-after-create') {
      const status = fault.status ?? 500;
      return sendEnvelope(res, status, { code: status, message: 'Internal server error.', details: [], retryable: true }, {});
    }
    if (pending) return sendEnvelope(res, 200, { code: 3001, message: 'The request is being processed.', details: [] }, labelJson(stored));
    sendEnvelope(res, 200, { code: 200, message: 'OK', details: [] }, labelJson(stored));
  }

  function getLabel(id: string, res: ServerResponse): void {
    const stored = labels.get(id);
    if (!stored)
      return sendEnvelope(
        res,
        200,
        { code: 4153, message: BUSINESS_MESSAGES[4153]!, details: [{ path: 'id', info: `label ${id} not found` }] },
        {},
      );
    if (stored.record.status === 'creating') {
      stored.pollsLeft -= 1;
      if (stored.pollsLeft <= 0) {
        stored.record.status = stored.outcome;
        if (stored.outcome === 'created') stored.record.trackingNumbers = stored.parcels.map(() => nextTrackingNumber());
      }
    }
    sendEnvelope(res, 200, { code: 200, message: 'OK', details: [] }, labelJson(stored));
  }

  /**
   * GET /labels: `s` (partial match on tracking number or reference), `status`, `created_at_min`
   * (default 24 h ago) and `created_at_max` (default now), `limit` (default 20, at most 100),
   * `next_token` (opaque, from the previous page). Newest first.
   */
  function listLabels(url: URL, res: ServerResponse): void {
    const q = url.searchParams;
    const invalid = (path: string, info: string) =>
      sendEnvelope(res, 200, { code: 4104, message: BUSINESS_MESSAGES[4104]!, details: [{ path, info }] }, {});
    const t = now().getTime();
    const min = q.get('created_at_min') ?? isoSeconds(new Date(t - 86_400_000));
    const max = q.get('created_at_max') ?? isoSeconds(new Date(t));
    if (!LIST_DATE.test(min)) return invalid('created_at_min', 'created_at_min must be YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DDTHH:MM:SS+00:00');
    if (!LIST_DATE.test(max)) return invalid('created_at_max', 'created_at_max must be YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DDTHH:MM:SS+00:00');
    const limitText = q.get('limit') ?? '20';
    const limit = Number(limitText);
    if (!/^\d+$/.test(limitText) || limit < 1 || limit > 100) return invalid('limit', 'limit must be a whole number from 1 to 100');
    const status = q.get('status');
    if (status && !LABEL_STATUSES.includes(status)) return invalid('status', `status ${status} is not a label status`);
    let offset = 0;
    const token = q.get('next_token');
    if (token !== null) {
      const decoded = /^\d+$/.test(Buffer.from(token, 'base64').toString('utf8'))
        ? Number(Buffer.from(token, 'base64').toString('utf8'))
        : NaN;
      if (!Number.isSafeInteger(decoded)) return invalid('next_token', 'next_token is invalid');
      offset = decoded;
    }
    const s = q.get('s');
    const from = Date.parse(min.replace('+00:00', 'Z'));
    const to = Date.parse(max.replace('+00:00', 'Z'));
    // Newest first; labels made in the same millisecond, the one made last first (the sort keeps this order among equals).
    const matching = [...labels.values()]
      .reverse()
      .filter((l) => l.createdAt.getTime() >= from && l.createdAt.getTime() <= to + 999)
      .filter((l) => !status || l.record.status === status)
      .filter((l) => !s || l.record.references.some((r) => r.includes(s)) || l.record.trackingNumbers.some((n) => n.includes(s)))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    const page = matching.slice(offset, offset + limit).map(labelJson);
    const more = offset + limit < matching.length;
    sendEnvelope(
      res,
      200,
      { code: 200, message: 'OK', details: [] },
      {
        ...(more ? { next_token: Buffer.from(String(offset + limit)).toString('base64') } : {}),
        limit,
        created_at_min: min,
        created_at_max: max,
        labels: page,
      },
    );
  }

  async function serveFile(path: string, res: ServerResponse): Promise<void> {
    const fault = faults.files.shift();
    if (fault && (fault.type === 'hang' || fault.type === 'reset' || fault.type === 'server-error')) {
      if (fault.type === 'hang') return;
      if (fault.type === 'reset') return void res.socket?.destroy();
      res.writeHead(fault.status ?? 500, { 'content-type': 'text/plain' }).end('Internal error');
      return;
    }
    const match = /^\/files\/label\/\d{4}-\d{2}-\d{2}\/([0-9a-f-]+)\.(pdf|zpl)$/.exec(path);
    const stored = match ? labels.get(match[1]!) : undefined;
    if (!stored || stored.record.status !== 'created') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    if (stored.format === 'zpl') {
      res.writeHead(200, { 'content-type': 'application/zpl' }).end(zplLabel(stored));
      return;
    }
    const parcels = stored.parcels.map((p) => Parcel.safeParse(p));
    const pdf = await renderSandboxLabelPdf({
      orderId: stored.record.orderId,
      trackingNumbers: stored.record.trackingNumbers,
      parcels: parcels.every((p) => p.success) ? parcels.map((p, i) => ({ ...p.data!, itemIds: itemIdsOf(stored.parcels[i]) })) : null,
      labelId: stored.record.id,
      date: stored.createdAt,
      service: 'TikTok Shipping Standard Shipping (fake)',
    });
    res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': pdf.length }).end(pdf);
  }

  function labelJson(stored: StoredLabel): Record<string, unknown> {
    const r = stored.record;
    const date = stored.createdAt.toISOString().slice(0, 10);
    const ready = r.status === 'created';
    return {
      id: r.id,
      status: r.status,
      ship_date: date,
      created_at: stored.createdAt.toISOString(),
      updated_at: new Date().toISOString(),
      tracking_numbers: r.trackingNumbers,
      carrier_references: [],
      files: {
        label: ready
          ? { paper_size: '4x6', url: `${origin}/files/label/${date}/${r.id}.${stored.format}`, file_type: stored.format }
          : null,
        qr_code: null,
        invoice: null,
        customs_declaration: null,
        manifest: null,
        packing_slip: null,
      },
      rate: {
        shipper_account: { id: stored.shipperAccountId, slug: 'tiktok-shipping', description: 'TTS' },
        service_type: 'tiktok-shipping_standard_shipping',
        service_name: 'TikTok Shipping Standard Shipping',
        pickup_deadline: null,
        booking_cut_off: null,
        delivery_date: null,
        transit_time: null,
        // Money is not nullable in the OpenAPI: no charge yet = no total_charge.
        ...(ready ? { total_charge: { amount: 6.66, currency: 'USD' } } : {}),
        detailed_charges: ready ? [{ type: 'base', charge: { amount: 6.66, currency: 'USD' } }] : [],
        error_message: r.status === 'failed' ? 'TikTok Shop refused the shipment: the order is not awaiting shipment.' : null,
        info_message: null,
      },
      references: r.references,
      order_id: r.orderId,
      // As in AfterShip's guide response (the OpenAPI says string; real answers carry null).
      order_number: null,
      service_type: 'tiktok-shipping_standard_shipping',
      shipper_account: { id: stored.shipperAccountId, slug: 'tiktok-shipping' },
      service_options: [],
      custom_fields: null,
      carrier_redirect_link: null,
    };
  }

  function nextTrackingNumber(): string {
    trackingSeq += 1;
    return `92346903942272${String(trackingSeq).padStart(8, '0')}`;
  }

  const loopback = await startLoopbackServer(handle, (res) => sendEnvelope(res, 500, { code: 500, message: 'Internal error in fake' }, {}));
  origin = loopback.origin;

  return {
    baseUrl: `${origin}/postmen/v3`,
    created,
    requests,
    failNext(fault, count = 1, target = 'api') {
      faults[target].push(...repeatFault<NormalFault>(fault, count));
    },
    clearFaults() {
      for (const list of Object.values(faults)) list.length = 0;
    },
    releaseLate() {
      for (const create of [...late.values()]) create();
    },
    get lateCount() {
      return late.size;
    },
    rateLimitStorm(count, resetSeconds = 1) {
      for (let i = 0; i < count; i++) faults.api.push({ type: 'rate-limited', resetSeconds });
    },
    createdFor(orderId) {
      return created.filter((label) => label.orderId === orderId);
    },
    setLabelFormat(format) {
      labelFormat = format;
    },
    get rateLimitedCount() {
      return rateLimitedCount;
    },
    get apiArrivals() {
      return apiArrivals;
    },
    close: () => {
      for (const key of late.keys()) if (typeof key !== 'symbol') clearTimeout(key);
      late.clear();
      return loopback.close();
    },
  };
}

const LABEL_STATUSES = ['creating', 'created', 'cancelling', 'cancelled', 'manifesting', 'manifested', 'failed'];

function itemIdsOf(parcel: unknown): string[] {
  const items = (parcel as { items?: Array<{ item_id?: unknown }> }).items ?? [];
  return items.map((item) => item.item_id).filter((id): id is string => typeof id === 'string');
}

function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function sendRateLimited(res: ServerResponse, fault: Extract<NormalFault, { type: 'rate-limited' }>): void {
  const seconds = fault.resetSeconds ?? 1;
  const value = fault.resetAt ?? (fault.style === 'delta' ? seconds : Math.ceil(Date.now() / 1000) + seconds);
  res.setHeader(fault.header ?? 'X-RateLimit-Reset', String(value));
  res.setHeader('X-RateLimit-Limit', String(fault.limit ?? 10));
  res.setHeader('X-RateLimit-Remaining', '0');
  sendEnvelope(res, 429, { code: 429, message: 'Too many requests.', details: [], retryable: true }, {});
}

function sendBusiness(res: ServerResponse, fault: Extract<NormalFault, { type: 'business' }>): void {
  sendEnvelope(
    res,
    200,
    { code: fault.code, message: fault.message ?? BUSINESS_MESSAGES[fault.code] ?? 'Error.', details: fault.details ?? [] },
    {},
  );
}

function sendEnvelope(res: ServerResponse, status: number, meta: Record<string, unknown>, data: unknown): void {
  sendJson(res, status, { meta: { details: [], ...meta }, data });
}

/** A 4x6 ZPL label at 203 dpi, one per tracking number, with a Code 128 of the tracking number. */
function zplLabel(stored: StoredLabel): string {
  return stored.record.trackingNumbers
    .map((tracking) =>
      [
        '^XA',
        '^PW812',
        '^LL1218',
        '^CI28',
        '^FO30,30^A0N,48,48^FDFAKE AFTERSHIP LABEL^FS',
        '^FO30,100^A0N,30,30^FDTikTok Shipping Standard Shipping^FS',
        `^FO30,150^A0N,28,28^FDOrder ${stored.record.orderId}^FS`,
        '^FO30,220^GB752,3,3^FS',
        `^FO80,300^BY3^BCN,220,N,N,N,A^FD${tracking}^FS`,
        `^FO30,560^A0N,40,40^FD${tracking}^FS`,
        '^XZ',
      ].join('\n'),
    )
    .join('\n');
}
