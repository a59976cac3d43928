/**
 * The browser shell: serves the built renderer and the station contract (HTTP + WebSocket) on
 * 127.0.0.1 only, guarded by a per-launch token, a loopback Host/Origin check and the app's CSP.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { StationCore } from '../station';
import { createEventSocket } from './event-socket';
import { handleRpc, problemEnvelope, sendEnvelope } from './rpc-route';
import { sendText, serveStatic } from './static-files';
import { headerCount, webContentSecurityPolicy, isAllowedHost, isAllowedOrigin, newToken, tokensEqual } from './security';

export interface WebShellOptions {
  core: StationCore;
  staticDir: string;
  host?: '127.0.0.1';
  /** 0 (the default) picks a free port. */
  port?: number;
  token?: string;
  /** Where unexpected errors are logged, with the method's name (never its input). */
  log?: (line: string) => void;
}

export interface WebShell {
  /** http://127.0.0.1:PORT/#token=... — the address to open. */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const TOKEN_HEADER = 'x-station-token';

export async function startWebShell(opts: WebShellOptions): Promise<WebShell> {
  const token = opts.token ?? newToken();
  const host = '127.0.0.1';
  const events = createEventSocket(opts.core.events);
  let port = 0;

  const server = createServer((req, res) => {
    setCommonHeaders(res, port);
    route(req, res).catch(() => {
      if (!res.headersSent) sendText(res, 500, 'The station hit an unexpected error.');
      else res.destroy();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const isRpc = url.pathname.startsWith('/rpc/');
    if (headerCount(req.rawHeaders, 'host') !== 1) {
      return isRpc
        ? sendEnvelope(res, 400, problemEnvelope('bad_request', 'The request must carry exactly one Host header.', 'Reload the page.'))
        : sendText(res, 400, 'Bad request: exactly one Host header');
    }
    if (!isAllowedHost(req.headers.host, port)) {
      return isRpc ? sendEnvelope(res, 403, forbidden()) : sendText(res, 403, 'Forbidden host');
    }
    if (isRpc) {
      if (req.method !== 'POST') {
        res.setHeader('allow', 'POST');
        return sendEnvelope(res, 405, problemEnvelope('bad_request', 'Use POST for station requests.', 'Reload the page.'));
      }
      if (!isAllowedOrigin(req.headers.origin, port)) return sendEnvelope(res, 403, forbidden());
      if (!tokensEqual(req.headers[TOKEN_HEADER], token)) {
        return sendEnvelope(
          res,
          401,
          problemEnvelope(
            'unauthorized',
            'This page is not allowed to talk to the station (its access token is missing or out of date).',
            'Open the address the station printed when it started; it includes the access token.',
          ),
        );
      }
      return handleRpc(opts.core.handlers, url.pathname.slice('/rpc/'.length), req, res, opts.log);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return sendText(res, 405, 'Method not allowed');
    }
    return serveStatic(opts.staticDir, url.pathname, req.method, res);
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/events') return refuseUpgrade(socket, 404, 'Not Found');
    if (headerCount(req.rawHeaders, 'host') !== 1) return refuseUpgrade(socket, 400, 'Bad Request');
    if (!isAllowedHost(req.headers.host, port) || !isAllowedOrigin(req.headers.origin, port)) {
      return refuseUpgrade(socket, 403, 'Forbidden');
    }
    if (!tokensEqual(url.searchParams.get('token') ?? '', token)) return refuseUpgrade(socket, 401, 'Unauthorized');
    events.accept(req, socket, head);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port: opts.port ?? 0 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${host}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    close() {
      closing ??= (async () => {
        await events.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      })();
      return closing;
    },
  };
}

function setCommonHeaders(res: ServerResponse, port: number): void {
  res.setHeader('content-security-policy', webContentSecurityPolicy(port));
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('cross-origin-resource-policy', 'same-origin');
}

function forbidden() {
  return problemEnvelope(
    'forbidden',
    'Only the Label Station page on this computer may talk to the station.',
    'Open the address the station printed when it started (http://127.0.0.1:...).',
  );
}

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
