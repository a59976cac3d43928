/**
 * One call of the Station API, start to finish: route, token, rate limit, scope, validation,
 * the operation, one problem shape for every failure, and one log line (method, path, token name,
 * outcome; never the token, never the body).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { fieldIssues, describeFieldIssues, StationError } from '../../../shared/errors';
import type { ProblemDetails } from './api-schemas';
import { IdempotencyKey, LabelIdParam } from './api-schemas';
import { readJsonBody, sendBytes, sendJson, sendProblem } from './http-io';
import type { Idempotency } from './idempotency';
import type { SystemsApiPorts } from './ports';
import { problem, problemDetails } from './problem-details';
import type { TokenBuckets } from './rate-limit';
import { matchPath, routes, type Route, type RouteAnswer } from './routes';
import { authenticate, scopeProblem } from './token-auth';

export interface HandlerDeps {
  ports: SystemsApiPorts;
  buckets: TokenBuckets;
  idempotency: Idempotency;
  openApi: () => unknown;
}

interface CallRecord {
  token: string;
  status: number;
  outcome: string;
}

export async function handleApiRequest(deps: HandlerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://station.invalid');
  const method = req.method ?? 'GET';
  const record: CallRecord = { token: '', status: 0, outcome: '' };
  try {
    await answer(deps, req, res, url, method, record);
  } catch (error) {
    const details =
      error instanceof StationError
        ? problemDetails(error.toProblem())
        : problem(
            'internal_error',
            'The station hit an unexpected error.',
            'Retry the same request; if it happens again, tell the warehouse’s IT.',
          );
    if (!(error instanceof StationError))
      deps.ports.log(`systems API ${method} ${url.pathname} failed unexpectedly: ${(error as Error)?.message ?? String(error)}`);
    record.status = details.status;
    record.outcome = details.code;
    if (!res.headersSent) sendProblem(res, details, retryHeaders(details));
    else res.destroy();
  } finally {
    deps.ports.log(
      `systems API ${method} ${url.pathname} by ${record.token ? `"${record.token}"` : 'no valid token'}: ${record.status} ${record.outcome}`.trim(),
      {
        event: 'systems-api',
        method,
        path: url.pathname,
        token: record.token || null,
        status: record.status,
        outcome: record.outcome || null,
      },
    );
  }
}

async function answer(
  deps: HandlerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  method: string,
  record: CallRecord,
): Promise<void> {
  const fail = (details: ProblemDetails, headers: Record<string, string> = {}) => {
    record.status = details.status;
    record.outcome = details.code;
    req.resume();
    sendProblem(res, details, { ...retryHeaders(details), ...headers });
  };
  if (url.pathname === '/openapi.json' && (method === 'GET' || method === 'HEAD')) {
    record.status = 200;
    record.outcome = 'openapi';
    return sendJson(res, 200, deps.openApi(), { 'cache-control': 'no-cache' });
  }
  const matching = routes.map((route) => ({ route, params: matchPath(route.path, url.pathname) })).filter((m) => m.params);
  if (matching.length === 0) {
    return fail(
      problem('not_found', `There is no ${url.pathname} in the Station API.`, 'See GET /openapi.json for the operations and their paths.'),
    );
  }
  const found = matching.find((m) => m.route.method === method);
  if (!found) {
    const allow = matching.map((m) => m.route.method).join(', ');
    return fail(problem('method_not_allowed', `${url.pathname} answers ${allow}, not ${method}.`, `Use ${allow}.`), { allow });
  }
  const { route } = found;
  const params = found.params!;

  const auth = await authenticate(req, deps.ports.tokens, deps.ports.now());
  if (!auth.ok) {
    // Guessing tokens is slowed too: refused calls share a bucket per caller address.
    const guessWait = auth.problem.status === 401 ? deps.buckets.take(`address:${req.socket.remoteAddress ?? ''}`) : 0;
    if (guessWait > 0) {
      return fail(
        problem(
          'rate_limited',
          'Too many calls without a valid token from this address.',
          `Wait ${guessWait} s (Retry-After), then call with a valid token.`,
        ),
        { 'retry-after': String(guessWait) },
      );
    }
    return fail(auth.problem, auth.problem.status === 401 ? { 'www-authenticate': 'Bearer realm="label-station"' } : {});
  }
  const { token } = auth;
  record.token = token.name;
  const wait = deps.buckets.take(token.id);
  if (wait > 0) {
    return fail(
      problem(
        'rate_limited',
        `Too many calls with the token "${token.name}".`,
        `Wait ${wait} second${wait === 1 ? '' : 's'} (Retry-After), then call again.`,
      ),
      { 'retry-after': String(wait) },
    );
  }
  const refused = scopeProblem(token, route.scope);
  if (refused) return fail(refused);

  for (const [name, value] of Object.entries(params)) {
    const parsed = LabelIdParam.safeParse(value);
    if (!parsed.success) return fail(invalid({ [name]: parsed.error.issues.map((i) => i.message) }));
  }
  let idempotencyKey: string | undefined;
  if (route.idempotencyKey) {
    const header = req.headers['idempotency-key'];
    if (typeof header !== 'string' || header === '') {
      return fail(
        problem(
          'idempotency_key_missing',
          'A label request needs an Idempotency-Key header, so a retried request never buys twice.',
          'Send a new unique key (e.g. a UUID) with each new request, and the same key when you retry it.',
        ),
      );
    }
    const parsed = IdempotencyKey.safeParse(header);
    if (!parsed.success) return fail(invalid({ 'Idempotency-Key': parsed.error.issues.map((i) => i.message) }));
    idempotencyKey = parsed.data;
  }
  const input = await readInput(route, req, url);
  if (!input.ok) return fail(input.problem);

  const result: RouteAnswer = await route.handle({
    params,
    headers: req.headers,
    query: url.searchParams,
    body: input.value,
    token,
    ports: deps.ports,
    idempotency: deps.idempotency,
    idempotencyKey,
  });
  if ('file' in result) {
    record.status = 200;
    record.outcome = 'file';
    return sendBytes(res, result.file.bytes, result.file.contentType, result.file.name);
  }
  record.status = result.status;
  record.outcome = `${result.outcome ?? ''}${result.replayed ? ' (replayed)' : ''}`;
  const headers = { ...result.headers, ...(result.replayed && { 'idempotent-replayed': 'true' }) };
  if (result.status >= 400)
    return sendProblem(res, result.body as ProblemDetails, { ...retryHeaders(result.body as ProblemDetails), ...headers });
  sendJson(res, result.status, result.body, headers);
}

async function readInput(
  route: Route,
  req: IncomingMessage,
  url: URL,
): Promise<{ ok: true; value: unknown } | { ok: false; problem: ProblemDetails }> {
  if (route.body) {
    const body = await readJsonBody(req);
    if (!body.ok) return body;
    return validate(route.body, body.value);
  }
  req.resume();
  if (!route.query) return { ok: true, value: undefined };
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) {
    if (name in query) return { ok: false, problem: invalid({ [name]: [`Give \`${name}\` once.`] }) };
    query[name] = value;
  }
  return validate(route.query, query);
}

function validate(schema: z.ZodType, value: unknown): { ok: true; value: unknown } | { ok: false; problem: ProblemDetails } {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, problem: invalid(fieldIssues(parsed.error)) };
}

function invalid(fields: Record<string, string[]>): ProblemDetails {
  return problem('invalid_input', describeFieldIssues(fields), 'Correct the fields named in `fields` and send the request again.', fields);
}

function retryHeaders(details: ProblemDetails): Record<string, string> {
  return details.status === 503 ? { 'retry-after': '30' } : {};
}
