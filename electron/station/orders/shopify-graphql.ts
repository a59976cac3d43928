/**
 * One Admin GraphQL call to a Shopify store: POST {store}/admin/api/{version}/graphql.json with
 * X-Shopify-Access-Token. Reads are safe to repeat, so throttling (HTTP 429, or errors[] with
 * extensions.code THROTTLED on HTTP 200) and 5xx are retried a bounded number of times.
 */
import { z } from 'zod';
import type { StationError } from '../../../shared/errors';
import {
  shopifyBadResponse,
  shopifyCancelled,
  shopifyForbidden,
  shopifyQueryFailed,
  shopifyThrottled,
  shopifyTimeout,
  shopifyUnauthorized,
  shopifyUnavailable,
  shopifyUnreachable,
  shopifyWrongAddress,
} from './shopify-errors';

export interface ShopifyGraphqlOptions {
  storeUrl: string;
  adminToken: string;
  apiVersion: string;
  fetch: typeof fetch;
  timeoutMs: number;
  /** Retries after throttling or a 5xx (default 3), and the longest single wait (default 10 s). */
  retries: number;
  maxWaitMs: number;
}

const GraphqlError = z
  .object({ message: z.string().nullish(), extensions: z.object({ code: z.string().nullish() }).loose().nullish() })
  .loose();
const ThrottleStatus = z.object({ currentlyAvailable: z.number(), restoreRate: z.number() }).loose();
const GraphqlAnswer = z
  .object({
    data: z.unknown().optional(),
    errors: z.union([z.array(GraphqlError), z.string(), z.record(z.string(), z.unknown())]).nullish(),
    extensions: z
      .object({ cost: z.object({ requestedQueryCost: z.number().nullish(), throttleStatus: ThrottleStatus.nullish() }).loose().nullish() })
      .loose()
      .nullish(),
  })
  .loose();

type Attempt = { data: unknown } | { retryAfterMs: number; error: StationError } | { fail: StationError };

export async function shopifyGraphql(
  opts: ShopifyGraphqlOptions,
  query: string,
  variables: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<unknown> {
  const store = storeLabel(opts.storeUrl);
  const url = `${opts.storeUrl}/admin/api/${encodeURIComponent(opts.apiVersion)}/graphql.json`;
  let last: StationError = shopifyBadResponse(store);
  for (let attempt = 0; attempt <= opts.retries; attempt++) {
    const result = await once(url, store, opts, JSON.stringify({ query, variables }), signal);
    if ('data' in result) return result.data;
    if ('fail' in result) throw result.fail;
    last = result.error;
    if (attempt < opts.retries) await pause(Math.min(result.retryAfterMs, opts.maxWaitMs), signal);
  }
  throw last;
}

async function once(url: string, store: string, opts: ShopifyGraphqlOptions, body: string, signal?: AbortSignal): Promise<Attempt> {
  const timeout = AbortSignal.timeout(opts.timeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await opts.fetch(url, {
      method: 'POST',
      headers: { 'x-shopify-access-token': opts.adminToken, 'content-type': 'application/json', accept: 'application/json' },
      body,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    text = await response.text();
  } catch {
    if (signal?.aborted) return { fail: shopifyCancelled() };
    if (timeout.aborted) return { fail: shopifyTimeout(store) };
    return { fail: shopifyUnreachable(store) };
  }
  const { status } = response;
  if (status === 401) return { fail: shopifyUnauthorized(store) };
  if (status === 403) return { fail: shopifyForbidden(store) };
  if (status === 429) return { retryAfterMs: retryAfterHeaderMs(response.headers), error: shopifyThrottled(store) };
  if (status >= 500) return { retryAfterMs: 1_000, error: shopifyUnavailable(store, status) };
  if (status !== 200) return { fail: shopifyWrongAddress(store, status) };

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { fail: shopifyBadResponse(store) };
  }
  const answer = GraphqlAnswer.safeParse(json);
  if (!answer.success) return { fail: shopifyBadResponse(store) };
  const errors = Array.isArray(answer.data.errors) ? answer.data.errors : [];
  const codes = errors.map((e) => e.extensions?.code ?? '');
  if (codes.includes('THROTTLED')) return { retryAfterMs: throttleWaitMs(answer.data.extensions?.cost), error: shopifyThrottled(store) };
  if (codes.includes('ACCESS_DENIED')) return { fail: shopifyForbidden(store) };
  if (errors.length > 0 && answer.data.data == null) {
    const said =
      errors
        .map((e) => e.message ?? '')
        .filter(Boolean)
        .join('; ')
        .slice(0, 200) || 'unknown error';
    return { fail: shopifyQueryFailed(store, scrub(said, opts.adminToken)) };
  }
  if (answer.data.data == null) return { fail: shopifyBadResponse(store) };
  return { data: answer.data.data };
}

/** How long until the bucket holds what the query costs: (cost - available) / restore rate. */
function throttleWaitMs(
  cost: { requestedQueryCost?: number | null; throttleStatus?: z.infer<typeof ThrottleStatus> | null } | null | undefined,
): number {
  const status = cost?.throttleStatus;
  if (!status || status.restoreRate <= 0) return 1_000;
  const missing = (cost?.requestedQueryCost ?? 50) - status.currentlyAvailable;
  return Math.max(100, Math.ceil((missing / status.restoreRate) * 1000));
}

function retryAfterHeaderMs(headers: Headers): number {
  const raw = Number(headers.get('retry-after') ?? '');
  return Number.isFinite(raw) && raw >= 0 ? Math.max(100, raw * 1000) : 2_000;
}

export function storeLabel(storeUrl: string): string {
  try {
    return new URL(storeUrl).host;
  } catch {
    return storeUrl;
  }
}

function scrub(text: string, secret: string): string {
  return secret ? text.split(secret).join('[hidden]') : text;
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(shopifyCancelled());
    const onAbort = () => {
      clearTimeout(timer);
      reject(shopifyCancelled());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
