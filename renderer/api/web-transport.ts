/**
 * The browser-shell binding of the contract: calls over fetch(`/rpc/<method>`) with the per-launch
 * token, events over a WebSocket that reconnects with backoff. No DOM globals beyond fetch/WebSocket
 * (both injectable), so it also runs under Node in tests.
 */
import { contract, type EventName } from '../../shared/contract';
import type { Problem } from '../../shared/errors';
import type { RpcResult } from '../../shared/rpc';
import type { ClientTransport } from '../../shared/client';

export type ConnectionStatus = 'connecting' | 'open' | 'lost';

/** The subset of the WebSocket API used here (browser WebSocket and the `ws` package both fit). */
interface SocketLike {
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  close(): void;
}

export interface WebTransportOptions {
  /** e.g. http://127.0.0.1:4780 */
  baseUrl: string;
  token: string;
  fetchImpl?: typeof fetch;
  WebSocketImpl?: new (url: string) => SocketLike;
  onConnectionChange?: (status: ConnectionStatus) => void;
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
}

export interface WebTransport extends ClientTransport {
  close(): void;
}

const UNREACHABLE: Problem = {
  code: 'station_unreachable',
  message: 'The station program is not answering.',
  nextStep:
    'Check that Label Station is still running on this computer, then try again. If you scanned an order, check History before scanning it again.',
};

export function createWebTransport(opts: WebTransportOptions): WebTransport {
  const fetchImpl = opts.fetchImpl ?? fetch.bind(globalThis);
  const SocketImpl = opts.WebSocketImpl ?? (globalThis.WebSocket as unknown as new (url: string) => SocketLike);
  const minDelay = opts.reconnectMinMs ?? 500;
  const maxDelay = opts.reconnectMaxMs ?? 5000;
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let socket: SocketLike | undefined;
  let delay = minDelay;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  let status: ConnectionStatus | undefined;

  const setStatus = (next: ConnectionStatus) => {
    if (next === status) return;
    status = next;
    opts.onConnectionChange?.(next);
  };

  function connect(): void {
    if (closed) return;
    if (status !== 'lost') setStatus('connecting');
    const wsUrl = `${opts.baseUrl.replace(/^http/, 'ws')}/events?token=${encodeURIComponent(opts.token)}`;
    const ws = new SocketImpl(wsUrl);
    socket = ws;
    ws.onopen = () => {
      delay = minDelay;
      setStatus('open');
    };
    ws.onmessage = (ev) => deliver(ev.data);
    ws.onerror = () => undefined;
    ws.onclose = () => {
      if (socket !== ws || closed) return;
      setStatus('lost');
      timer = setTimeout(connect, delay);
      delay = Math.min(delay * 2, maxDelay);
    };
  }

  function deliver(data: unknown): void {
    let message: { event?: unknown; payload?: unknown };
    try {
      message = JSON.parse(String(data));
    } catch {
      return;
    }
    const event = message.event as EventName;
    const schema = contract.events[event];
    if (!schema) return;
    const parsed = schema.safeParse(message.payload);
    if (!parsed.success) return;
    for (const listener of listeners.get(event) ?? []) listener(parsed.data);
  }

  connect();

  return {
    async call(method, input): Promise<RpcResult> {
      let response: Response;
      try {
        response = await fetchImpl(`${opts.baseUrl}/rpc/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-station-token': opts.token },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return { ok: false, problem: UNREACHABLE };
      }
      try {
        const body = (await response.json()) as RpcResult;
        if (body && typeof body.ok === 'boolean' && (body.ok || body.problem)) return body;
      } catch {
        // fall through: not an envelope
      }
      return {
        ok: false,
        problem: {
          code: 'bad_response',
          message: `The station gave an answer the screen cannot read (HTTP ${response.status}).`,
          nextStep: 'Reload the page. If it happens again, restart Label Station.',
        },
      };
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => {
        set.delete(listener);
      };
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      socket?.close();
    },
  };
}
