/** Builds the typed StationApi from the contract table over any transport (IPC or HTTP/WebSocket). */
import { eventNames, methodNames, type EventName, type StationApi } from './contract';
import { unwrap, type RpcResult } from './rpc';

export interface ClientTransport {
  call(method: string, input: unknown): Promise<RpcResult>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

export function buildStationClient(transport: ClientTransport): StationApi {
  const api: Record<string, unknown> = {};
  for (const method of methodNames) {
    api[method] = async (input: unknown) => unwrap(await transport.call(method, input ?? {}));
  }
  api.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!eventNames.includes(event)) throw new Error(`Unknown station event: ${String(event)}`);
    return transport.subscribe(event, listener);
  };
  return api as unknown as StationApi;
}
