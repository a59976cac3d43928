/**
 * Serves the built renderer on app://station/ from one directory and nothing outside it, with a
 * Content-Security-Policy header on every response (file:// cannot carry headers).
 */
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { findRendererFile } from '../common/renderer-files';
import { APP_HOST, APP_SCHEME } from '../common/app-origin';
import { contentSecurityPolicy } from '../common/content-security-policy';

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** Must run before app 'ready': a standard, secure scheme gets an origin, fetch and CSP like https. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Installs the handler on the default session (call after 'ready'). */
export function serveRendererOnAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
}

export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const root = path.resolve(rendererDir);
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'Bad request');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST) return plain(404, 'Not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const found = await findRendererFile(root, url.pathname);
    if (!found.ok) return found.status === 404 ? plain(404, 'Not found') : plain(403, 'Forbidden');
    try {
      const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(found.file));
      return new Response(body, { status: 200, headers: headers(found.type) });
    } catch {
      return plain(404, 'Not found');
    }
  };
}

function headers(contentType: string): Headers {
  return new Headers({
    'content-type': contentType,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: headers('text/plain; charset=utf-8') });
}
