/**
 * The Station API's HTTP server (plain node:http, like the browser shell: four paths and JSON need no
 * framework), started and stopped by the core as Settings → Systems API changes. It listens only on
 * a loopback or LAN address (the setting's schema refuses any other).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SystemsApiSettings, SystemsApiStatus } from '../../../shared/domain/systems-api';
import { Idempotency } from './idempotency';
import { openApiDocument } from './openapi';
import type { SystemsApiPorts } from './ports';
import { DEFAULT_RATE_LIMIT, TokenBuckets, type RateLimit } from './rate-limit';
import { handleApiRequest } from './request-handler';

export interface SystemsApiOptions {
  rateLimit?: RateLimit;
}

/** How long stopping waits for calls still being answered (a label purchase). */
const DRAIN_MS = 10_000;

const OFF: SystemsApiStatus = { state: 'off', url: null, message: 'The Station API is off.' };

export class SystemsApiServer {
  private server: Server | undefined;
  private at: string | null = null;
  private state: SystemsApiStatus = OFF;
  private turn: Promise<void> = Promise.resolve();
  /** Calls being answered: stopping waits for them (a label being bought is answered, not cut off). */
  private readonly pending = new Set<Promise<void>>();
  private readonly deps;

  constructor(
    private readonly ports: SystemsApiPorts,
    options: SystemsApiOptions = {},
  ) {
    let document: unknown;
    this.deps = {
      ports,
      buckets: new TokenBuckets(options.rateLimit ?? DEFAULT_RATE_LIMIT),
      idempotency: new Idempotency(ports.idempotency, ports.stationId, ports.now),
      openApi: () => (document ??= openApiDocument()),
    };
  }

  status(): SystemsApiStatus {
    return this.state;
  }

  /** Listens where the settings say (or stops); calls are taken one after another. */
  follow(settings: SystemsApiSettings): Promise<void> {
    this.turn = this.turn.then(() => this.apply(settings));
    return this.turn;
  }

  close(): Promise<void> {
    return this.follow({ enabled: false, host: '127.0.0.1', port: 7420 });
  }

  private async apply(settings: SystemsApiSettings): Promise<void> {
    const want = settings.enabled ? `${settings.host}|${settings.port}` : null;
    if (want === this.at && (want === null || this.state.state === 'listening')) return;
    await this.stop();
    if (!settings.enabled) return;
    const server = createServer((req, res) => {
      const call = handleApiRequest(this.deps, req, res).finally(() => this.pending.delete(call));
      this.pending.add(call);
    });
    server.requestTimeout = 120_000;
    server.headersTimeout = 20_000;
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen({ host: settings.host, port: settings.port }, () => {
          server.off('error', reject);
          resolve();
        });
      });
    } catch (error) {
      this.at = want;
      this.state = { state: 'failed', url: null, message: listenFailure(error, settings) };
      this.ports.log(`systems API: not listening: ${this.state.message}`, { event: 'systems-api', state: 'failed' });
      return;
    }
    this.server = server;
    this.at = want;
    const { port } = server.address() as AddressInfo;
    const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
    const url = `http://${host}:${port}`;
    this.state = { state: 'listening', url, message: `Listening at ${url}.` };
    this.ports.log(`systems API: listening at ${url}`, { event: 'systems-api', state: 'listening', url });
  }

  private async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.at = null;
    this.state = OFF;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await Promise.race([Promise.allSettled([...this.pending]), new Promise((resolve) => setTimeout(resolve, DRAIN_MS).unref())]);
    server.closeAllConnections();
    await closed;
    this.ports.log('systems API: stopped', { event: 'systems-api', state: 'off' });
  }
}

function listenFailure(error: unknown, settings: SystemsApiSettings): string {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') return `Port ${settings.port} is used by another program: choose another port.`;
  if (code === 'EADDRNOTAVAIL')
    return `${settings.host} is not an address of this computer: choose 127.0.0.1 or one of its network addresses.`;
  if (code === 'EACCES') return `This computer does not let the station listen on port ${settings.port}: choose a port above 1024.`;
  return `The API could not listen on ${settings.host}:${settings.port} (${(error as Error).message}).`;
}
