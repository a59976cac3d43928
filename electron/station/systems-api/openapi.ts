/**
 * The OpenAPI 3.1 document of the Station API, written from the route table and its zod schemas with
 * zod 4's own z.toJSONSchema (JSON Schema draft 2020-12, the dialect OpenAPI 3.1 uses): no second
 * description of the API to keep in step. Served at GET /openapi.json and committed as
 * docs/station-api.openapi.json (`npm run openapi` writes it; a test fails when it is stale).
 */
import { z } from 'zod';
import { ProblemDetails } from './api-schemas';
import { routes, type Route } from './routes';

type Json = Record<string, unknown>;

export const API_VERSION = '1.0.0';

const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };

const COMMON_PROBLEMS: Record<number, string> = {
  401: 'No API token, an unknown one, or a revoked one (api_token_missing, api_token_invalid).',
  403: 'The token lacks the scope this operation needs (api_scope_missing).',
  429: 'Too many calls with this token: wait the seconds in Retry-After (rate_limited).',
  500: 'The station hit an unexpected error (internal_error).',
};

const PROBLEM_WORDS: Record<number, string> = {
  400: 'The request is not valid: `fields` names each invalid field (invalid_input, bad_request, idempotency_key_missing).',
  404: 'No such label, order or path (label_not_found, order_not_found, not_found).',
  409: 'The order or label is in a state that stops this now (order_busy, label_checking, label_may_exist, split_needed, check_needed, idempotency_in_progress, …): `detail` and `nextStep` say what to do.',
  413: 'The body is too large (too_large).',
  415: 'The body must be application/json (unsupported_media_type).',
  421: 'The request names another station whose Station API is off or unknown (other_station): call that station’s own API.',
  422: 'The station or the provider refused the request (idempotency_key_reused, provider refusals, printer_not_found, …).',
  502: 'The request names another station, which did not answer (station_unreachable): retry with the same Idempotency-Key.',
  503: 'A provider, the printer path or the warehouse database does not answer now: retry after Retry-After seconds.',
};

export function openApiDocument(): Json {
  const paths: Record<string, Record<string, Json>> = {
    '/openapi.json': {
      get: {
        operationId: 'getOpenApi',
        summary: 'This document',
        security: [],
        responses: { 200: { description: 'The OpenAPI 3.1 document', content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    },
  };
  for (const route of routes) (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Label Station — Station API for systems',
      version: API_VERSION,
      description:
        'A WMS or ERP asks a packing station for TikTok Shop labels: buy and print once, read a label and its file, reprint, search history, read health. ' +
        'Turn it on in Settings → Systems API (address and port); a supervisor creates tokens there with the scopes read, print and buy. ' +
        'Every error is RFC 9457 problem details (application/problem+json) with the station’s `code` and `nextStep`.',
    },
    servers: [
      {
        url: 'http://{host}:{port}',
        variables: { host: { default: '127.0.0.1' }, port: { default: '7420' } },
        description: 'The address set in Settings → Systems API',
      },
    ],
    security: [{ bearerToken: [] }],
    paths,
    components: {
      securitySchemes: {
        bearerToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'A token from Settings → Systems API (lsk_…), shown once when created.',
        },
      },
      schemas: { Problem: schemaOf(ProblemDetails, 'output') },
    },
  };
}

function operation(route: Route): Json {
  const parameters: Json[] = [];
  for (const name of route.path.match(/\{(\w+)\}/g) ?? []) {
    parameters.push({
      name: name.slice(1, -1),
      in: 'path',
      required: true,
      schema: { type: 'string', pattern: '^[A-Za-z0-9_-]+$', maxLength: 64 },
    });
  }
  if (route.query) {
    const schema = schemaOf(route.query, 'input') as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      const { description, ...rest } = property as Json & { description?: string };
      parameters.push({
        name,
        in: 'query',
        required: (schema.required ?? []).includes(name),
        schema: rest,
        ...(description !== undefined && { description }),
      });
    }
  }
  if (route.idempotencyKey) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: true,
      description: 'The caller’s key for this request (a UUID): a retry with the same key and body never buys twice.',
      schema: { type: 'string', minLength: 8, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' },
    });
  }
  const responses: Record<string, Json> = {};
  for (const [status, schema] of Object.entries(route.responses)) {
    responses[status] =
      schema === 'file'
        ? {
            description: 'The label file',
            content: Object.fromEntries(
              ['application/pdf', 'application/zpl', 'image/png'].map((type) => [
                type,
                { schema: { type: 'string', contentMediaType: type } },
              ]),
            ),
          }
        : { description: status === '201' ? 'Bought now' : 'OK', content: { 'application/json': { schema: schemaOf(schema, 'output') } } };
  }
  for (const status of [...route.problems, ...Object.keys(COMMON_PROBLEMS).map(Number)].sort()) {
    if (route.scope && status === 403) responses[status] = problemResponse(COMMON_PROBLEMS[403]!);
    else responses[status] = problemResponse(PROBLEM_WORDS[status] ?? COMMON_PROBLEMS[status] ?? 'A problem');
  }
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description && { description: route.description }),
    'x-scope': route.scope,
    ...(parameters.length > 0 && { parameters }),
    ...(route.body && { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } } }),
    responses,
  };
}

function problemResponse(description: string): Json {
  return { description, content: { 'application/problem+json': { schema: PROBLEM_REF } } };
}

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  return json;
}
