/**
 * A loopback fake of Shipium's single-call label API (POST /api/v1/shipment/carrierselection/label)
 * for the TikTok Shop carrier: strict about Basic auth (API key as user, empty password) and the
 * body, one shipment per partnerShipmentId (409 on a repeat), a real ZPL or PDF label with a
 * Code 128 of the tracking number, inline (default) or by address. Scripted faults for the next
 * requests: 401, 429, 5xx, a 4xx refusal, hang, reset, reset after create; and a slow mode.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { renderSandboxLabelPdf } from '../../electron/station/providers/sandbox';
import { readRequest, repeatFault, sendJson, startLoopbackServer, type RecordedRequest } from './loopback-http';

export type FakeShipiumFault =
  | 'unauthorized'
  | 'rate-limited'
  | 'server-error'
  | 'hang'
  | 'reset'
  | 'reset-after-create'
  | { type: 'unauthorized' }
  | { type: 'rate-limited'; retryAfterSeconds?: number }
  | { type: 'server-error'; status?: number }
  /** A refusal with Shipium's error body (nothing is created). */
  | { type: 'refused'; status?: number; message?: string }
  | { type: 'hang' }
  | { type: 'reset' }
  /** Creates and records the shipment, then destroys the socket instead of answering. */
  | { type: 'reset-after-create' }
  /** Creates the shipment but answers without any label document. */
  | { type: 'no-document' };

export interface FakeShipiumShipment {
  orderId: string;
  partnerShipmentId: string;
  shipiumShipmentId: string;
  trackingNumbers: string[];
  /** orderItemReferenceIdentifier of each item, per package. */
  itemReferences: string[][];
  format: 'zpl' | 'pdf';
}

export type FakeShipiumRequest = RecordedRequest;

export interface FakeShipium {
  /** e.g. http://127.0.0.1:PORT (Shipium's base URL has no path). */
  baseUrl: string;
  /** Every shipment created, in order (including ones whose answer was lost). */
  created: FakeShipiumShipment[];
  /** Every request received. */
  requests: FakeShipiumRequest[];
  failNext(fault: FakeShipiumFault, count?: number): void;
  /** Waits this long before answering a label call (after creating the shipment), like TikTok via Shipium. */
  setDelayMs(ms: number): void;
  /** inline: base64 in labelImage.imageContents (default); url: documentUrl on this server (Basic auth). */
  setLabelDelivery(mode: 'inline' | 'url'): void;
  close(): Promise<void>;
}

export interface FakeShipiumOptions {
  apiKey: string;
  delayMs?: number;
  labelDelivery?: 'inline' | 'url';
}

type NormalFault = Exclude<FakeShipiumFault, string>;

const LABEL_PATH = '/api/v1/shipment/carrierselection/label';

/** The request body as the fake understands Shipium's API (independent of the client's builder). */
const LinearDimensions = z
  .object({ linearUnit: z.enum(['in', 'cm']), length: z.number().positive(), width: z.number().positive(), height: z.number().positive() })
  .strict();
const Weight = z.object({ weightUnit: z.enum(['lb', 'kg', 'oz', 'g']), weight: z.number().positive() }).strict();
const PackagingType = z
  .object({
    packagingMaterial: z.string().min(1),
    packagingSizeName: z.string().nullish(),
    packagingTypeId: z.string().nullish(),
    linearDimensions: LinearDimensions,
    packagingWeight: Weight.nullish(),
  })
  .strict();
const OrderItem = z
  .object({
    productId: z.string().min(1),
    quantity: z.number().int().positive(),
    orderItemReferenceIdentifier: z.string().min(1, 'is required for TikTok Shop shipments'),
  })
  .loose();
const Package = z.object({ packagingType: PackagingType, totalWeight: Weight, orderItemQuantities: z.array(OrderItem) }).strict();
const LabelBody = z
  .object({
    currencyCode: z.string().optional(),
    generateLabel: z.literal(true),
    includeEvaluatedServiceMethodsInResponse: z.boolean().optional(),
    shipmentParameters: Package.extend({
      partnerShipmentId: z.string().min(1).max(255),
      purchaseOrderIdentifier: z.string().regex(/^\d{18}$/, 'must be the 18-digit TikTok Shop order ID'),
      referenceIdentifier: z.string().max(255).nullish(),
      orderedDateTime: z.iso.datetime(),
      shippedDateTime: z.iso.datetime(),
      packages: z.array(Package).min(2).optional(),
      shipFromAddress: z.unknown().optional(),
      destinationAddress: z.unknown().optional(),
      fulfillmentContext: z.string().nullish(),
      shipmentTags: z.array(z.string()).optional(),
    }).strict(),
    labelParameters: z
      .object({
        currencyCode: z.string().optional(),
        labelFormats: z.array(z.enum(['zpl', 'pdf', 'png'])).min(1),
        includeLabelImagesInResponse: z.boolean().optional(),
        manifest: z.boolean(),
        customLabelEntries: z.record(z.string(), z.unknown()).optional(),
        testMode: z.boolean().optional(),
      })
      .strict(),
    carrierServiceMethodAllowList: z.array(z.string()).optional(),
  })
  .strict();
type LabelBody = z.infer<typeof LabelBody>;

export async function startFakeShipium(options: FakeShipiumOptions): Promise<FakeShipium> {
  const expectedAuth = `Basic ${Buffer.from(`${options.apiKey}:`, 'utf8').toString('base64')}`;
  const created: FakeShipiumShipment[] = [];
  const requests: FakeShipiumRequest[] = [];
  const faults: NormalFault[] = [];
  const files = new Map<string, { bytes: Buffer; type: string }>();
  const timers = new Set<NodeJS.Timeout>();
  let delayMs = options.delayMs ?? 0;
  let delivery = options.labelDelivery ?? 'inline';
  let trackingSeq = 0;
  let origin = '';

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { url, record } = await readRequest(req);
    const body = record.body;
    requests.push(record);

    if (req.headers.authorization !== expectedAuth) return unauthorized(res);
    if (url.pathname.startsWith('/files/')) return serveFile(url.pathname, res);
    if (url.pathname !== LABEL_PATH)
      return sendJson(res, 404, { statusCode: 404, error: 'Not Found', message: `No route for ${req.method} ${url.pathname}` });
    if (req.method !== 'POST') return sendJson(res, 405, { statusCode: 405, error: 'Method Not Allowed', message: 'Use POST' });

    const fault = faults.shift();
    switch (fault?.type) {
      case 'unauthorized':
        return unauthorized(res);
      case 'rate-limited':
        res.setHeader('Retry-After', String(fault.retryAfterSeconds ?? 1));
        return sendJson(res, 429, { statusCode: 429, error: 'Too Many Requests', message: 'Rate limit exceeded' });
      case 'server-error':
        return sendJson(res, fault.status ?? 500, {
          statusCode: fault.status ?? 500,
          error: 'Internal Server Error',
          message: 'An unexpected error occurred',
        });
      case 'refused':
        return sendJson(res, fault.status ?? 400, {
          statusCode: fault.status ?? 400,
          error: 'Bad Request',
          message: fault.message ?? 'TikTok Shop rejected the shipment',
        });
      case 'hang':
        return; // never answer; close() destroys the socket
      case 'reset':
        req.socket.destroy();
        return;
      default:
        break;
    }

    if (!String(req.headers['content-type'] ?? '').includes('application/json')) {
      return sendJson(res, 415, { statusCode: 415, error: 'Unsupported Media Type', message: 'Content-Type must be application/json' });
    }
    const parsed = LabelBody.safeParse(body);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((issue) => `${issue.path.map(String).join('.')} ${issue.message}`);
      return sendJson(res, 400, { statusCode: 400, error: 'Bad Request', message: errors[0] ?? 'Invalid request', errors });
    }
    const request = parsed.data;
    const packages = request.shipmentParameters.packages ?? [request.shipmentParameters];
    if (request.shipmentParameters.packages && packages.some((p) => p.orderItemQuantities.length === 0)) {
      return sendJson(res, 400, {
        statusCode: 400,
        error: 'Bad Request',
        message: 'TikTok Shop multi-parcel shipments need orderItemReferenceIdentifier for every item in every package',
      });
    }
    const partnerShipmentId = request.shipmentParameters.partnerShipmentId;
    if (created.some((s) => s.partnerShipmentId === partnerShipmentId)) {
      return sendJson(res, 409, {
        statusCode: 409,
        error: 'Conflict',
        message: `A shipment with partnerShipmentId ${partnerShipmentId} already exists`,
      });
    }

    const shipment = await createShipment(request, packages);
    if (fault?.type === 'reset-after-create') {
      req.socket.destroy();
      return;
    }
    if (delayMs > 0) await wait(delayMs);
    if (res.destroyed || req.socket.destroyed) return;
    sendJson(res, 200, await answerFor(shipment, request, fault?.type === 'no-document'));
  }

  async function createShipment(request: LabelBody, packages: Array<z.infer<typeof Package>>): Promise<FakeShipiumShipment> {
    const wanted = request.labelParameters.labelFormats;
    const shipment: FakeShipiumShipment = {
      orderId: request.shipmentParameters.purchaseOrderIdentifier,
      partnerShipmentId: request.shipmentParameters.partnerShipmentId,
      shipiumShipmentId: randomUUID(),
      trackingNumbers: packages.map(() => nextTrackingNumber()),
      itemReferences: packages.map((p) => p.orderItemQuantities.map((i) => i.orderItemReferenceIdentifier)),
      // The fake's carrier makes ZPL and PDF; PNG requests get its default, ZPL.
      format: wanted.includes('zpl') ? 'zpl' : wanted.includes('pdf') ? 'pdf' : 'zpl',
    };
    created.push(shipment);
    return shipment;
  }

  async function answerFor(shipment: FakeShipiumShipment, request: LabelBody, noDocument: boolean): Promise<Record<string, unknown>> {
    const inline = request.labelParameters.includeLabelImagesInResponse === true && delivery === 'inline';
    const packageLabels = await Promise.all(
      shipment.trackingNumbers.map(async (tracking, index) => {
        const bytes =
          shipment.format === 'zpl' ? Buffer.from(zplLabel(shipment.orderId, tracking), 'latin1') : await pdfLabel(shipment, tracking);
        const fileName = `${shipment.shipiumShipmentId}-${index + 1}.${shipment.format}`;
        files.set(fileName, { bytes, type: shipment.format === 'zpl' ? 'application/zpl' : 'application/pdf' });
        const document = {
          documentType: 'label',
          documentFormat: shipment.format,
          labelImage: inline ? { imageType: shipment.format, imageContents: bytes.toString('base64') } : null,
          documentUrl: inline ? null : `${origin}/files/${fileName}`,
        };
        return { packageScannableId: tracking, carrierTrackingId: tracking, documents: noDocument ? [] : [document] };
      }),
    );
    const single = packageLabels.length === 1;
    return {
      shipiumShipmentId: shipment.shipiumShipmentId,
      partnerShipmentId: shipment.partnerShipmentId,
      carrierSelection: {
        carrier: 'TikTok Shop',
        serviceMethodId: 'tiktok-shop-standard',
        serviceMethodName: 'TikTok Shop Standard Shipping',
        carrierSelectionId: randomUUID(),
      },
      carrierLabel: single ? packageLabels[0] : { packageScannableId: shipment.trackingNumbers[0], documents: [], packages: packageLabels },
    };
  }

  function serveFile(path: string, res: ServerResponse): void {
    const file = files.get(path.slice('/files/'.length));
    if (!file) return sendJson(res, 404, { statusCode: 404, error: 'Not Found', message: 'No such document' });
    res.writeHead(200, { 'content-type': file.type, 'content-length': file.bytes.length }).end(file.bytes);
  }

  function nextTrackingNumber(): string {
    trackingSeq += 1;
    return `9261290358${String(trackingSeq).padStart(12, '0')}`;
  }

  function wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });
  }

  const loopback = await startLoopbackServer(handle, (res) =>
    sendJson(res, 500, { statusCode: 500, error: 'Internal Server Error', message: 'Internal error in fake' }),
  );
  origin = loopback.origin;

  return {
    baseUrl: origin,
    created,
    requests,
    failNext(fault, count = 1) {
      faults.push(...repeatFault<NormalFault>(fault, count));
    },
    setDelayMs(ms) {
      delayMs = ms;
    },
    setLabelDelivery(mode) {
      delivery = mode;
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return loopback.close();
    },
  };
}

function unauthorized(res: ServerResponse): void {
  res.setHeader('WWW-Authenticate', 'Basic realm="shipium"');
  sendJson(res, 401, { statusCode: 401, error: 'Unauthorized', message: 'Full authentication is required to access this resource' });
}

/** A 4x6 ZPL label at 203 dpi with a Code 128 of the tracking number. */
function zplLabel(orderId: string, tracking: string): string {
  return [
    '^XA',
    '^PW812',
    '^LL1218',
    '^CI28',
    '^FO30,30^A0N,48,48^FDFAKE SHIPIUM LABEL^FS',
    '^FO30,100^A0N,30,30^FDTikTok Shop Standard Shipping^FS',
    `^FO30,150^A0N,28,28^FDOrder ${orderId}^FS`,
    '^FO30,220^GB752,3,3^FS',
    `^FO80,300^BY3^BCN,220,N,N,N,A^FD${tracking}^FS`,
    `^FO30,560^A0N,40,40^FD${tracking}^FS`,
    '^XZ',
  ].join('\n');
}

function pdfLabel(shipment: FakeShipiumShipment, tracking: string): Promise<Buffer> {
  return renderSandboxLabelPdf({
    orderId: shipment.orderId,
    trackingNumbers: [tracking],
    parcels: null,
    labelId: shipment.shipiumShipmentId,
    date: new Date(),
    service: 'TikTok Shop via Shipium (fake)',
  });
}
