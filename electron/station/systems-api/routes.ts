/**
 * The Station API's operations as one table: path, scope, schemas and handler. The server routes by
 * it and the OpenAPI document is written from it.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { z } from 'zod';
import { askOtherStation } from './other-station';
import type { ApiScope } from '../../../shared/domain/systems-api';
import {
  ApiLabelDetail,
  DayQuery,
  DaySummary,
  decodeCursor,
  encodeCursor,
  HealthReport,
  HistoryQuery,
  HistoryResult,
  IdempotencyKey,
  LabelIdParam,
  LabelRequestBody,
  LabelRequestResult,
  PrintResult,
  PrinterList,
  ReprintBody,
} from './api-schemas';
import { requestHash, type Answer, type Idempotency } from './idempotency';
import { labelAnswer } from './label-answer';
import { problem } from './problem-details';
import type { ApiToken, SystemsApiPorts } from './ports';

export interface RouteContext {
  params: Record<string, string>;
  headers: IncomingHttpHeaders;
  query: URLSearchParams;
  body: unknown;
  token: ApiToken;
  ports: SystemsApiPorts;
  idempotency: Idempotency;
  idempotencyKey: string | undefined;
}

export type RouteAnswer =
  (Answer & { outcome?: string; replayed?: boolean }) | { file: { bytes: Uint8Array; contentType: string; name: string } };

export interface Route {
  method: 'GET' | 'POST';
  /** OpenAPI style: /v1/labels/{labelId}. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  scope: ApiScope;
  body?: z.ZodType;
  query?: z.ZodType;
  idempotencyKey?: boolean;
  /** Success answers: status -> schema ('file' for label bytes). */
  responses: Record<number, z.ZodType | 'file'>;
  /** Problem answers this operation gives beside the common ones (401, 403, 429, 500). */
  problems: number[];
  handle(ctx: RouteContext): Promise<RouteAnswer>;
}

const FILE_TYPES = { pdf: 'application/pdf', zpl: 'application/zpl', png: 'image/png' } as const;

export const routes: Route[] = [
  {
    method: 'POST',
    path: '/v1/labels',
    operationId: 'requestLabel',
    summary: 'Buy and print the label of an order',
    description:
      'Buys the official label of an order once (one parcel, or a shipment in boxes) and prints it at this station, as a scan at the station does. ' +
      'Send an Idempotency-Key: retrying with the same key and body never buys twice and gets the first answer (header Idempotent-Replayed: true); the same key with another body is 422. ' +
      'An answer where something was not bought (a problem, or outcome "incomplete") lets the key go: the same request retried tries again, and the station still never buys an order twice.',
    scope: 'buy',
    body: LabelRequestBody,
    idempotencyKey: true,
    responses: { 200: LabelRequestResult, 201: LabelRequestResult },
    problems: [400, 404, 409, 413, 415, 421, 422, 502, 503],
    async handle(ctx) {
      const body = ctx.body as LabelRequestBody;
      if (body.station && body.station.toLowerCase() !== ctx.ports.stationName.toLowerCase()) {
        const relayed = await askOtherStation(ctx.ports, { ...body, station: body.station }, ctx.headers);
        return relayed;
      }
      const answer = await ctx.idempotency.run(ctx.token.id, ctx.idempotencyKey!, requestHash('POST', '/v1/labels', body), async () =>
        labelAnswer(await ctx.ports.requestLabel(body, callerName(ctx.token))),
      );
      return { ...answer, outcome: outcomeOf(answer.body) };
    },
  },
  {
    method: 'GET',
    path: '/v1/labels',
    operationId: 'searchLabels',
    summary: 'Search the label history, newest first',
    scope: 'read',
    query: HistoryQuery,
    responses: { 200: HistoryResult },
    problems: [400],
    async handle(ctx) {
      const q = ctx.body as HistoryQuery;
      const cursor = q.cursor === undefined ? null : decodeCursor(q.cursor);
      if (cursor === undefined) {
        const details = problem(
          'invalid_input',
          '`cursor` is not a cursor this API gave.',
          'Pass `nextCursor` of the previous page as it came.',
          {
            cursor: ['Not a cursor this API gave.'],
          },
        );
        return { status: 400, body: details };
      }
      const filters = {
        ...(q.status && { status: q.status }),
        ...(q.from && { from: q.from }),
        ...(q.to && { to: q.to }),
        ...(q.station && { station: q.station }),
      };
      const page = await ctx.ports.searchHistory({
        query: q.q,
        limit: q.limit,
        cursor,
        ...(Object.keys(filters).length > 0 && { filters }),
      });
      return {
        status: 200,
        body: HistoryResult.parse({ ...page, nextCursor: encodeCursor(page.nextCursor) }),
      };
    },
  },
  {
    method: 'GET',
    path: '/v1/labels/{labelId}',
    operationId: 'getLabel',
    summary: "A label's state, tracking numbers, boxes and print attempts",
    scope: 'read',
    responses: { 200: ApiLabelDetail },
    problems: [404],
    async handle(ctx) {
      return { status: 200, body: ApiLabelDetail.parse(await ctx.ports.getLabel(ctx.params.labelId!)) };
    },
  },
  {
    method: 'GET',
    path: '/v1/labels/{labelId}/file',
    operationId: 'getLabelFile',
    summary: "The label's file as the provider made it (PDF, ZPL or PNG)",
    scope: 'read',
    responses: { 200: 'file' },
    problems: [404, 409, 503],
    async handle(ctx) {
      const file = await ctx.ports.labelFile(ctx.params.labelId!);
      return { file: { bytes: file.bytes, contentType: FILE_TYPES[file.format], name: `label-${file.orderId}.${file.format}` } };
    },
  },
  {
    method: 'POST',
    path: '/v1/labels/{labelId}/reprints',
    operationId: 'reprintLabel',
    summary: 'Print a label again on a named printer, with a reason',
    scope: 'print',
    body: ReprintBody,
    responses: { 200: PrintResult },
    problems: [400, 404, 409, 413, 415, 422],
    async handle(ctx) {
      const outcome = await ctx.ports.reprint(ctx.params.labelId!, ctx.body as ReprintBody, callerName(ctx.token));
      const body = PrintResult.parse({
        ok: outcome.ok,
        printer: outcome.printer,
        queuedJobId: outcome.queued?.printJobId ?? null,
        ...(outcome.problem && { problem: outcome.problem }),
      });
      return { status: 200, body, outcome: outcome.ok ? 'printed' : outcome.queued ? 'queued' : 'not_printed' };
    },
  },
  {
    method: 'GET',
    path: '/v1/printers',
    operationId: 'listPrinters',
    summary: "This station's printers (a request may name one by its id)",
    scope: 'read',
    responses: { 200: PrinterList },
    problems: [],
    async handle(ctx) {
      return { status: 200, body: ctx.ports.printers() };
    },
  },
  {
    method: 'GET',
    path: '/v1/health',
    operationId: 'getHealth',
    summary: "The station's health figures: providers, printers, TikTok authorization, backups, the light",
    scope: 'read',
    responses: { 200: HealthReport },
    problems: [],
    async handle(ctx) {
      return { status: 200, body: HealthReport.parse(await ctx.ports.health()) };
    },
  },
  {
    method: 'GET',
    path: '/v1/reports/day',
    operationId: 'getDaySummary',
    summary: 'The end-of-day summary: labels, boxes, cost, failures, reprints, per hour, operator and station',
    description:
      "The figures of the Reports screen and the printed summary, for a day of the station's calendar (today when `date` is left out). " +
      'In a fleet they count every station of the shared database, and `stations` splits them per station.',
    scope: 'read',
    query: DayQuery,
    responses: { 200: DaySummary },
    problems: [400],
    async handle(ctx) {
      const q = ctx.body as DayQuery;
      return { status: 200, body: DaySummary.parse(await ctx.ports.daySummary(q.date)) };
    },
  },
];

export { IdempotencyKey, LabelIdParam };

/** How records name a call of the API: "API: WMS production". */
export function callerName(token: ApiToken): string {
  return `API: ${token.name}`;
}

function outcomeOf(body: unknown): string | undefined {
  if (body && typeof body === 'object') {
    const b = body as { outcome?: unknown; code?: unknown };
    if (typeof b.outcome === 'string') return b.outcome;
    if (typeof b.code === 'string') return b.code;
  }
  return undefined;
}

/** Matches a request path against a route path; the path parameters, or undefined. */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (w.startsWith('{') && w.endsWith('}')) {
      let value: string;
      try {
        value = decodeURIComponent(g);
      } catch {
        return undefined;
      }
      if (value === '') return undefined;
      params[w.slice(1, -1)] = value;
    } else if (w !== g) return undefined;
  }
  return params;
}
