/**
 * A WMS's side of the Station API in tests: turns the API on in a harness station, creates tokens
 * as its supervisor, and calls it over real HTTP on loopback, checking every request and answer
 * against the committed OpenAPI document.
 */
import type { ApiScope } from '../../shared/domain/systems-api';
import { checkRequest, checkResponse } from './openapi-contract';
import { freePort } from './free-port';
import type { Harness } from './station-harness';

export interface ApiAnswer {
  status: number;
  headers: Headers;
  body: any;
  bytes: Buffer;
}

export interface ApiCall {
  token?: string;
  body?: unknown;
  /** Sent as is (for bad JSON); `body` is checked against the document, `raw` is not. */
  raw?: string;
  headers?: Record<string, string>;
  idempotencyKey?: string;
  /** A path the document does not have (404/405 tests): not checked against it. */
  unchecked?: boolean;
}

export async function enableApi(station: Harness): Promise<string> {
  const port = await freePort();
  await station.call('updateSettings', { systemsApi: { enabled: true, host: '127.0.0.1', port } });
  const view = await station.call('getSystemsApi', {});
  if (view.status.state !== 'listening' || !view.status.url) throw new Error(`the API is not listening: ${view.status.message}`);
  return view.status.url;
}

export async function createToken(station: Harness, name: string, scopes: ApiScope[]): Promise<{ id: string; secret: string }> {
  const { token, secret } = await station.call('createApiToken', { name, scopes });
  return { id: token.id, secret };
}

export async function callApi(baseUrl: string, method: string, pathAndQuery: string, call: ApiCall = {}): Promise<ApiAnswer> {
  const path = pathAndQuery.split('?')[0]!;
  if (call.body !== undefined && !call.unchecked) checkRequest(method, path, call.body);
  const headers: Record<string, string> = { ...call.headers };
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  if (call.idempotencyKey) headers['idempotency-key'] = call.idempotencyKey;
  const payload = call.raw ?? (call.body === undefined ? undefined : JSON.stringify(call.body));
  if (payload !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(`${baseUrl}${pathAndQuery}`, { method, headers, ...(payload !== undefined && { body: payload }) });
  const bytes = Buffer.from(await response.arrayBuffer());
  const type = response.headers.get('content-type') ?? '';
  const body = /json/.test(type) ? JSON.parse(bytes.toString('utf8')) : undefined;
  if (path !== '/openapi.json' && !call.unchecked) checkResponse(method, path, response.status, type, body);
  return { status: response.status, headers: response.headers, body, bytes };
}
