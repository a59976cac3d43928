/**
 * What every loopback fake server shares: listening on 127.0.0.1 (a free port), closing with the
 * open connections destroyed (hung requests would keep close() waiting), reading and answering
 * JSON, and queueing the faults a test asks for.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type FakeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface LoopbackServer {
  server: Server;
  /** e.g. http://127.0.0.1:PORT */
  origin: string;
  /** Destroys open connections (hung requests included), then stops listening. */
  close(): Promise<void>;
}

/**
 * Serves `handle` on 127.0.0.1. A handler that throws gets `internalError` as its answer, or a
 * destroyed connection when it had already started answering.
 */
export async function startLoopbackServer(handle: FakeHandler, internalError: (res: ServerResponse) => void): Promise<LoopbackServer> {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) internalError(res);
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** `count` copies of a fault, a bare name turned into `{ type: name }`. */
export function repeatFault<F extends { type: string }>(fault: string | F, count: number): F[] {
  const normal = (typeof fault === 'string' ? { type: fault } : fault) as F;
  return Array.from({ length: count }, () => normal);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) }).end(text);
}

/** Request headers as one lower-case name → value map (repeated headers joined with ", "). */
export function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** The request body as text; a body over `maxBytes` destroys the request. */
export function readBody(req: IncomingMessage, maxBytes = 1024 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) req.destroy(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A JSON body as parsed; undefined when empty, the raw text when it is not JSON. */
/** A request as the fakes record it for tests: method, path with query, headers, JSON body. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

/** Reads a request: its URL, raw body (signatures are checked over it) and the record tests look at. */
export async function readRequest(req: IncomingMessage): Promise<{ url: URL; raw: string; record: RecordedRequest }> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const raw = await readBody(req);
  return {
    url,
    raw,
    record: { method: req.method ?? '', path: url.pathname + url.search, headers: flatHeaders(req), body: parseJsonBody(raw) },
  };
}

export function parseJsonBody(raw: string): unknown {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
