/**
 * Binds the station contract to ipcMain: one handler per contract method, each refusing callers
 * that are not the main frame of one of our windows showing our own origin; and every core event
 * forwarded to our windows.
 */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { eventNames, methodNames } from '../../shared/contract';
import { dispatch, type RpcResult } from '../../shared/rpc';
import type { StationCore } from '../station';
import { isAppUrl } from '../common/app-origin';
import { eventChannel, methodChannel } from '../common/ipc-channels';

export interface IpcBindingOptions {
  /** The windows that belong to the station; all BrowserWindows by default. */
  windows?: () => BrowserWindow[];
  /** Where unexpected errors are logged, with the method's name (never its input). */
  log?: (line: string) => void;
}

const FORBIDDEN: RpcResult = {
  ok: false,
  problem: {
    code: 'forbidden',
    message: 'This request did not come from the Label Station window, so it was refused.',
    nextStep: 'Use the Label Station window. If this appears inside it, restart the station.',
  },
};

const UNEXPECTED: RpcResult = {
  ok: false,
  problem: {
    code: 'internal_error',
    message: 'The station hit an unexpected error.',
    nextStep: 'Try again. If it happens again, restart the station and tell a supervisor.',
  },
};

/** Registers every contract method and event forwarder; returns a function that removes them all. */
export function registerIpc(core: Pick<StationCore, 'handlers' | 'events'>, options: IpcBindingOptions = {}): () => void {
  const windows = options.windows ?? (() => BrowserWindow.getAllWindows());

  for (const method of methodNames) {
    ipcMain.handle(methodChannel(method), async (event, input: unknown): Promise<RpcResult> => {
      if (!isTrustedSender(event, windows())) return FORBIDDEN;
      try {
        return await dispatch(core.handlers, method, input, options.log);
      } catch {
        return UNEXPECTED;
      }
    });
  }

  const unsubscribers = eventNames.map((name) =>
    core.events.on(name, (payload) => {
      for (const win of windows()) {
        if (win.isDestroyed() || win.webContents.isDestroyed()) continue;
        win.webContents.send(eventChannel(name), payload);
      }
    }),
  );

  return () => {
    for (const method of methodNames) ipcMain.removeHandler(methodChannel(method));
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}

/**
 * The sender must still exist, be the top frame (not an iframe) of one of our windows, and show
 * a page from our own origin.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, windows: BrowserWindow[]): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  const owner = windows.find((win) => !win.isDestroyed() && win.webContents === event.sender);
  if (!owner) return false;
  const top = owner.webContents.mainFrame;
  const isTopFrame = frame.parent === null && frame.processId === top.processId && frame.routingId === top.routingId;
  return isTopFrame && isAppUrl(frame.url);
}
