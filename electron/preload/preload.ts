/**
 * Sandboxed preload: exposes the station contract as window.station and nothing else. The page
 * never sees ipcRenderer; every call goes to one named channel per contract method.
 * Bundled to a single CJS file (sandboxed preloads cannot require npm packages).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildStationClient } from '../../shared/client';
import { methodNames, type MethodName, type StationApi } from '../../shared/contract';
import { type RpcResult } from '../../shared/rpc';
import { StationError } from '../../shared/errors';
import type { Problem } from '../../shared/errors';
import { eventChannel, methodChannel } from '../common/ipc-channels';

const client = buildStationClient({
  call: (method, input) => ipcRenderer.invoke(methodChannel(method as MethodName), input) as Promise<RpcResult>,
  subscribe: (event, listener) => {
    const channel = eventChannel(event);
    // Pass only the payload: the IPC event object carries ipcRenderer-related handles.
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
});

/**
 * contextBridge copies a thrown Error with its message only, so the problem's code and next step
 * would be lost on the way to the page. Failures cross as a plain { name, code, message, nextStep }.
 */
function bridgeableProblem(error: unknown): Problem & { name: string } {
  if (error instanceof StationError) return { name: 'StationError', ...error.toProblem() };
  return {
    name: 'StationError',
    code: 'ipc_failed',
    message: 'The station did not answer.',
    nextStep: 'Restart Label Station. If you scanned an order, check History before scanning it again.',
  };
}

const station: Record<string, unknown> = {
  on: client.on,
};
for (const method of methodNames) {
  const call = client[method] as (input: unknown) => Promise<unknown>;
  station[method] = async (input: unknown) => {
    try {
      return await call(input);
    } catch (error) {
      throw bridgeableProblem(error);
    }
  };
}

contextBridge.exposeInMainWorld('station', station as StationApi);
