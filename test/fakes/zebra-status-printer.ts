/**
 * A fake Zebra on 127.0.0.1: captures raw-port jobs like capture-printer.ts AND answers ~HS with a
 * configurable state, the way a ZD-series printer does (three <STX>…<ETX><CR><LF> lines).
 *
 * - state: 'ok' | 'paper_out' | 'paused' | 'head_open' | 'ribbon_out' | 'buffer_full'
 * - answers: false -> never answers ~HS (what a real Zebra does with media out or the head open)
 * - mode: 'capture' | 'refuse' (accept then reset) | 'stall' (never read) | 'drop' (reset after N bytes)
 * - goOffline(ms): stops listening (connections are refused) and comes back on the same port.
 * A job is the bytes of one connection with ~HS requests taken out; status-only connections are not jobs.
 */
import net from 'node:net';
import { dropsHere, listenOnLoopback, refuseOrStall, type RawPortMode } from './raw-port';
import { waitForCount } from './wait-for-count';

export type ZebraState = 'ok' | 'paper_out' | 'paused' | 'head_open' | 'ribbon_out' | 'buffer_full';
export type ZebraMode = RawPortMode;

export interface ZebraPrinterOptions {
  state?: ZebraState;
  answers?: boolean;
  mode?: ZebraMode;
  dropAfterBytes?: number;
}

export interface ZebraStatusPrinter {
  port: number;
  address: string;
  jobs: Buffer[];
  faults: { mode: ZebraMode; bytesRead: number }[];
  /** ~HS requests received. */
  readonly statusRequests: number;
  /** Connections accepted (any mode). */
  readonly connections: number;
  setState(state: ZebraState): void;
  setAnswers(answers: boolean): void;
  setMode(mode: ZebraMode, opts?: { dropAfterBytes?: number }): void;
  goOffline(forMs: number): Promise<void>;
  waitForJobs(n: number, timeoutMs?: number): Promise<Buffer[]>;
  close(): Promise<void>;
}

const STX = '\u0002';
const ETX = '\u0003';

/** The three ~HS strings for a state (203 dpi, 4x6 label, direct thermal, tear-off). */
export function hostStatusAnswer(state: ZebraState, pending = { formats: 0, labels: 0 }): Buffer {
  const f = (on: boolean): string => (on ? '1' : '0');
  const one = [
    '030',
    f(state === 'paper_out'),
    f(state === 'paused'),
    '1218',
    String(pending.formats).padStart(3, '0'),
    f(state === 'buffer_full'),
    '0',
    '0',
    '000',
    '0',
    '0',
    '0',
  ];
  const two = [
    '001',
    '0',
    f(state === 'head_open'),
    f(state === 'ribbon_out'),
    '0',
    '2',
    '6',
    '0',
    String(pending.labels).padStart(8, '0'),
    '1',
    '000',
  ];
  const three = ['1234', '0'];
  return Buffer.from([one, two, three].map((l) => `${STX}${l.join(',')}${ETX}\r\n`).join(''), 'latin1');
}

export async function startZebraStatusPrinter(options: ZebraPrinterOptions = {}): Promise<ZebraStatusPrinter> {
  let state: ZebraState = options.state ?? 'ok';
  let answers = options.answers ?? true;
  let mode: ZebraMode = options.mode ?? 'capture';
  let dropAfterBytes = options.dropAfterBytes ?? 1024;
  let connections = 0;
  let statusRequests = 0;
  let port = 0;
  let closed = false;
  let comeBack: NodeJS.Timeout | undefined;
  const jobs: Buffer[] = [];
  const faults: ZebraStatusPrinter['faults'] = [];
  const sockets = new Set<net.Socket>();
  const waiters = new Set<() => void>();
  const notify = (): void => waiters.forEach((w) => w());

  const handle = (socket: net.Socket): void => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const connMode = mode;
    if (refuseOrStall(socket, connMode, faults)) return;
    let text = '';
    let bytesRead = 0;
    socket.on('data', (chunk: Buffer) => {
      if (dropsHere(socket, connMode, bytesRead, chunk, dropAfterBytes, faults)) return;
      bytesRead += chunk.length;
      text += chunk.toString('latin1');
      // ~HS is handled as soon as it arrives, even in the middle of a job (tilde commands jump the queue).
      let at: number;
      while ((at = text.indexOf('~HS')) >= 0) {
        text = text.slice(0, at) + text.slice(at + 3);
        statusRequests++;
        if (answers) socket.write(hostStatusAnswer(state));
      }
    });
    socket.on('end', () => {
      if (socket.destroyed) return;
      if (text.length > 0) {
        jobs.push(Buffer.from(text, 'latin1'));
        notify();
      }
      socket.end();
    });
  };

  let server = net.createServer(handle);
  port = await listenOnLoopback(server);

  const closeServer = (srv: net.Server): Promise<void> => new Promise((resolve) => srv.close(() => resolve()));

  return {
    port,
    address: `tcp://127.0.0.1:${port}`,
    jobs,
    faults,
    get statusRequests() {
      return statusRequests;
    },
    get connections() {
      return connections;
    },
    setState(next) {
      state = next;
    },
    setAnswers(next) {
      answers = next;
    },
    setMode(next, opts) {
      mode = next;
      if (opts?.dropAfterBytes !== undefined) dropAfterBytes = opts.dropAfterBytes;
    },
    async goOffline(forMs) {
      await closeServer(server);
      comeBack = setTimeout(() => {
        if (closed) return;
        server = net.createServer(handle);
        listenOnLoopback(server, port).catch(() => undefined);
      }, forMs);
    },
    waitForJobs(n, timeoutMs = 5_000) {
      return waitForCount(jobs, waiters, n, timeoutMs, () => `zebra printer got ${jobs.length} of ${n} jobs within ${timeoutMs} ms`);
    },
    async close() {
      closed = true;
      clearTimeout(comeBack);
      for (const socket of sockets) socket.destroy();
      if (server.listening) await closeServer(server);
    },
  };
}
