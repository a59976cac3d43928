/** What the raw-port (9100) printer fakes share: listening on 127.0.0.1, and a faulty printer's ways. */
import type net from 'node:net';

/**
 * - 'capture': reads the whole job;
 * - 'refuse':  accepts then resets the connection at once (a printer busy with another host);
 * - 'stall':   accepts but never reads and never closes (a jammed or paused stream);
 * - 'drop':    resets the connection after a number of bytes (power cut or crash mid-job).
 */
export type RawPortMode = 'capture' | 'refuse' | 'stall' | 'drop';
export interface RawPortFault {
  mode: RawPortMode;
  bytesRead: number;
}

/** Listens on 127.0.0.1 (a free port when `port` is 0) and resolves with the port. */
export function listenOnLoopback(server: net.Server, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
  });
}

/** 'refuse' and 'stall' act on a new connection at once (and are recorded); true when they did. */
export function refuseOrStall(socket: net.Socket, mode: RawPortMode, faults: RawPortFault[]): boolean {
  if (mode === 'refuse') {
    faults.push({ mode, bytesRead: 0 });
    socket.resetAndDestroy();
    return true;
  }
  if (mode === 'stall') {
    faults.push({ mode, bytesRead: 0 });
    socket.pause();
    return true;
  }
  return false;
}

/** 'drop': resets the connection (recorded) when this chunk would reach `dropAfterBytes`; true when it did. */
export function dropsHere(
  socket: net.Socket,
  mode: RawPortMode,
  bytesRead: number,
  chunk: Buffer,
  dropAfterBytes: number,
  faults: RawPortFault[],
): boolean {
  if (mode !== 'drop' || bytesRead + chunk.length < dropAfterBytes) return false;
  faults.push({ mode, bytesRead: dropAfterBytes });
  socket.resetAndDestroy();
  return true;
}
