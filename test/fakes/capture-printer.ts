/**
 * A fake raw-port (9100) printer on 127.0.0.1 that keeps every connection's bytes as one job.
 * Like a real raw-port printer it reads until the station closes its side, then closes its own.
 *
 * Fault modes:
 * - 'refuse': accepts then resets the connection at once (a printer busy with another host).
 * - 'stall':  accepts but never reads and never closes (paused stream: a jammed / paused printer).
 * - 'drop':   resets the connection after `dropAfterBytes` bytes (power cut or crash mid-job).
 * Connections that fail are recorded in `faults`, never in `jobs`.
 */
import net from 'node:net';
import { dropsHere, listenOnLoopback, refuseOrStall, type RawPortMode } from './raw-port';
import { waitForCount } from './wait-for-count';

export type CapturePrinterMode = RawPortMode;

export interface CapturePrinterOptions {
  mode?: CapturePrinterMode;
  /** For 'drop': bytes read before the connection is reset (default 1024). */
  dropAfterBytes?: number;
}

export interface CapturePrinter {
  port: number;
  /** tcp://127.0.0.1:<port>, ready for Settings. */
  address: string;
  /** One Buffer per completed connection, in completion order. */
  jobs: Buffer[];
  /** Connections that were refused, stalled or dropped, with the bytes read before that. */
  faults: { mode: CapturePrinterMode; bytesRead: number }[];
  /** Number of connections accepted so far (any mode). */
  readonly connections: number;
  setMode(mode: CapturePrinterMode, opts?: { dropAfterBytes?: number }): void;
  waitForJobs(n: number, timeoutMs?: number): Promise<Buffer[]>;
  close(): Promise<void>;
}

export async function startCapturePrinter(options: CapturePrinterOptions = {}): Promise<CapturePrinter> {
  let mode: CapturePrinterMode = options.mode ?? 'capture';
  let dropAfterBytes = options.dropAfterBytes ?? 1024;
  let connections = 0;
  const jobs: Buffer[] = [];
  const faults: CapturePrinter['faults'] = [];
  const sockets = new Set<net.Socket>();
  const waiters = new Set<() => void>();
  const notify = (): void => waiters.forEach((w) => w());

  const server = net.createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const connMode = mode;
    if (refuseOrStall(socket, connMode, faults)) return;

    const chunks: Buffer[] = [];
    let bytesRead = 0;
    socket.on('data', (chunk: Buffer) => {
      if (dropsHere(socket, connMode, bytesRead, chunk, dropAfterBytes, faults)) return;
      chunks.push(chunk);
      bytesRead += chunk.length;
    });
    socket.on('end', () => {
      if (socket.destroyed) return;
      jobs.push(Buffer.concat(chunks));
      notify();
      socket.end();
    });
  });

  const port = await listenOnLoopback(server);

  return {
    port,
    address: `tcp://127.0.0.1:${port}`,
    jobs,
    faults,
    get connections() {
      return connections;
    },
    setMode(next, opts) {
      mode = next;
      if (opts?.dropAfterBytes !== undefined) dropAfterBytes = opts.dropAfterBytes;
    },
    waitForJobs(n, timeoutMs = 5_000) {
      return waitForCount(jobs, waiters, n, timeoutMs, () => `capture printer got ${jobs.length} of ${n} jobs within ${timeoutMs} ms`);
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
