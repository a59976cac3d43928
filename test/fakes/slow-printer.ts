/**
 * A fake raw-port (9100) ZPL printer on 127.0.0.1 that prints at a real printer's speed.
 *
 * Each connection's bytes are cut into labels (^XA … ^XZ). One print engine per printer prints
 * labels one after another, each taking (label length in inches / inchesPerSecond / speedUp)
 * seconds; the length comes from ^LL or the bottom of a ^GF graphic (else 6 in). Besides the label
 * printing it holds `bufferLabels` parsed labels; when that buffer is full it stops reading, so the
 * sender feels TCP backpressure, and it closes a connection only after reading it to the end.
 * Every finished label is recorded with when it started and finished printing.
 */
import net from 'node:net';
import { listenOnLoopback } from './raw-port';
import { waitForCount } from './wait-for-count';

export interface SlowPrinterOptions {
  /** 10 makes a 4x6 in label take 100 ms instead of 1 s. Default 1 (real time). */
  speedUp?: number;
  /** Print speed. Default 6 in/s. */
  inchesPerSecond?: number;
  /** Resolution used to turn ^LL / ^GF dots into inches. Default 203. */
  dpi?: number;
  /** Labels held in the receive buffer besides the one printing. Default 1. */
  bufferLabels?: number;
}

export interface PrintedLabel {
  /** 0-based print order. */
  index: number;
  /** Which connection (0-based, accept order) carried it. */
  connection: number;
  bytes: number;
  lengthInches: number;
  /** performance.now() timestamps. */
  receivedAt: number;
  startedAt: number;
  finishedAt: number;
}

export interface SlowPrinterStats {
  labels: number;
  /** From the first label's start to the last label's end. */
  spanMs: number;
  busyMs: number;
  idleMs: number;
  /** idleMs / spanMs: 0 when the printer never waited for the station. */
  idleRatio: number;
  /** Longest wait between two labels. */
  maxGapMs: number;
}

export interface SlowPrinter {
  port: number;
  address: string;
  /** Finished labels, in print order. */
  labels: PrintedLabel[];
  readonly connections: number;
  /** Bytes of connections that ended in the middle of a label (never printed). */
  readonly partialBytes: number;
  /** Milliseconds a label of this length takes at this printer's speed. */
  printMs(lengthInches: number): number;
  waitForLabels(n: number, timeoutMs?: number): Promise<PrintedLabel[]>;
  stats(from?: number, to?: number): SlowPrinterStats;
  close(): Promise<void>;
}

interface Parsed {
  connection: number;
  bytes: number;
  lengthInches: number;
  receivedAt: number;
}

/** Label length from ^LL or the lowest ^GF graphic; null when the label says neither. */
export function zplLabelLengthInches(zpl: string, dpi: number): number | null {
  let dots = 0;
  const ll = /\^LL(\d+)/.exec(zpl);
  if (ll) dots = Number(ll[1]);
  for (const m of zpl.matchAll(/\^FO\d+,(\d+)\^GF[AB],(\d+),\d+,(\d+)/g)) {
    const rows = Math.ceil(Number(m[2]) / Math.max(1, Number(m[3])));
    dots = Math.max(dots, Number(m[1]) + rows);
  }
  return dots > 0 ? dots / dpi : null;
}

export async function startSlowPrinter(options: SlowPrinterOptions = {}): Promise<SlowPrinter> {
  const speedUp = options.speedUp ?? 1;
  const ips = options.inchesPerSecond ?? 6;
  const dpi = options.dpi ?? 203;
  const capacity = options.bufferLabels ?? 1;
  const printMs = (inches: number): number => (inches / ips / speedUp) * 1000;

  const labels: PrintedLabel[] = [];
  const buffer: Parsed[] = [];
  /** Connections holding parsed labels that do not fit in the buffer yet (reading paused). */
  const blocked = new Set<Connection>();
  const sockets = new Set<net.Socket>();
  const waiters = new Set<() => void>();
  let printing: NodeJS.Timeout | null = null;
  let connections = 0;
  let partialBytes = 0;
  let closed = false;

  interface Connection {
    socket: net.Socket;
    waiting: Parsed[];
    ended: boolean;
  }

  /** Moves a connection's labels into the buffer while there is room; reads on only when all fit. */
  const feed = (conn: Connection): void => {
    while (conn.waiting.length && buffer.length < capacity) buffer.push(conn.waiting.shift()!);
    if (conn.waiting.length) {
      if (!blocked.has(conn)) {
        blocked.add(conn);
        conn.socket.pause();
      }
      return;
    }
    if (blocked.delete(conn)) conn.socket.resume();
    // A raw-port printer closes its side once it has taken everything the station sent.
    if (conn.ended && !conn.socket.destroyed) conn.socket.end();
  };

  const pump = (): void => {
    if (printing || closed) return;
    const next = buffer.shift();
    if (!next) return;
    const startedAt = performance.now();
    printing = setTimeout(() => {
      printing = null;
      labels.push({ index: labels.length, ...next, startedAt, finishedAt: performance.now() });
      pump(); // the next buffered label starts in the same tick: no idle time of our own making
      for (const w of [...waiters]) w();
    }, printMs(next.lengthInches));
    for (const conn of [...blocked]) feed(conn);
  };

  // allowHalfOpen: the station's end of stream must not close our side before we took every label.
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    const conn: Connection = { socket, waiting: [], ended: false };
    const connection = connections++;
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      blocked.delete(conn);
    });
    socket.on('error', () => undefined);
    let pending = '';
    socket.on('data', (chunk: Buffer) => {
      pending += chunk.toString('latin1');
      for (;;) {
        const start = pending.indexOf('^XA');
        if (start < 0) {
          pending = pending.slice(-2); // keep a '^X' split across chunks
          break;
        }
        const end = pending.indexOf('^XZ', start + 3);
        if (end < 0) {
          pending = pending.slice(start);
          break;
        }
        const zpl = pending.slice(start, end + 3);
        pending = pending.slice(end + 3);
        conn.waiting.push({
          connection,
          bytes: zpl.length,
          lengthInches: zplLabelLengthInches(zpl, dpi) ?? 6,
          receivedAt: performance.now(),
        });
      }
      feed(conn);
      pump();
    });
    socket.on('end', () => {
      if (pending.includes('^XA')) partialBytes += pending.length - pending.indexOf('^XA');
      conn.ended = true;
      feed(conn);
    });
  });

  const port = await listenOnLoopback(server);

  return {
    port,
    address: `tcp://127.0.0.1:${port}`,
    labels,
    get connections() {
      return connections;
    },
    get partialBytes() {
      return partialBytes;
    },
    printMs,
    waitForLabels(n, timeoutMs = 10_000) {
      return waitForCount(
        labels,
        waiters,
        n,
        timeoutMs,
        () => `slow printer finished ${labels.length} of ${n} labels within ${timeoutMs} ms`,
      );
    },
    stats(from = 0, to = labels.length) {
      const run = labels.slice(from, to);
      if (run.length === 0) return { labels: 0, spanMs: 0, busyMs: 0, idleMs: 0, idleRatio: 0, maxGapMs: 0 };
      const spanMs = run[run.length - 1]!.finishedAt - run[0]!.startedAt;
      const busyMs = run.reduce((sum, l) => sum + (l.finishedAt - l.startedAt), 0);
      let maxGapMs = 0;
      for (let i = 1; i < run.length; i++) maxGapMs = Math.max(maxGapMs, run[i]!.startedAt - run[i - 1]!.finishedAt);
      const idleMs = Math.max(0, spanMs - busyMs);
      return { labels: run.length, spanMs, busyMs, idleMs, idleRatio: spanMs > 0 ? idleMs / spanMs : 0, maxGapMs };
    },
    close() {
      closed = true;
      if (printing) clearTimeout(printing);
      for (const w of [...waiters]) w();
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
