/**
 * Raw TCP printing (port 9100, "JetDirect"). A job counts as delivered only when every byte was
 * written, our side was closed, and the printer closed its side in turn: a raw-port printer reads
 * to end of stream before it closes, so its close proves it took the whole label. A printer that
 * accepts but does not read, resets, or closes early is a failure, never a success.
 *
 * Reconnect: a printer busy with another host refuses connections for a moment, so a refused (or
 * reset) connection is tried again after a short pause, but only when not one byte of the label
 * was handed to the network. Once bytes left, the printer may have printed part of the label and
 * sending again could print it twice: that failure goes to the caller as is.
 */
import { setTimeout as delay } from 'node:timers/promises';
import net from 'node:net';
import { PrintError } from '../print-error';
import { formatWait } from '../timeout-wording';

export interface TcpTarget {
  host: string;
  port: number;
}

export function tcpWhere(target: TcpTarget): string {
  return target.host.includes(':') ? `[${target.host}]:${target.port}` : `${target.host}:${target.port}`;
}

const CHECK_PRINTER = 'Check the printer is on and its address in Settings, then reprint from History.';

export function errorFromSocket(error: NodeJS.ErrnoException, target: TcpTarget, connected: boolean): PrintError {
  const at = tcpWhere(target);
  switch (error.code) {
    case 'ECONNREFUSED':
      return new PrintError('printer_refused', `The printer at ${at} refused the connection.`, CHECK_PRINTER);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new PrintError(
        'printer_unreachable',
        `The printer name "${target.host}" could not be found on the network.`,
        'Check the printer address in Settings (an IP address such as 192.168.1.50 is safest).',
      );
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
      return new PrintError(
        'printer_unreachable',
        `The printer at ${at} cannot be reached from this station.`,
        'Check the network cable or Wi-Fi of the station and the printer, and the address in Settings.',
      );
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ECONNABORTED':
      return connected
        ? new PrintError(
            'printer_disconnected',
            `The printer at ${at} dropped the connection before it took the whole label.`,
            'The label may be cut short or missing: check the printer for an error light, then reprint from History.',
          )
        : new PrintError('printer_refused', `The printer at ${at} refused the connection.`, CHECK_PRINTER);
    default:
      return new PrintError(
        'printer_unreachable',
        `Could not send the label to the printer at ${at} (${error.code ?? 'network error'}).`,
        CHECK_PRINTER,
      );
  }
}

export interface TcpReconnect {
  /** Extra attempts after a refusal before any byte left (default 1). */
  reconnects?: number;
  /** Pause before each extra attempt (default 500 ms). */
  reconnectDelayMs?: number;
}

export const DEFAULT_TCP_RECONNECTS = 1;
export const DEFAULT_TCP_RECONNECT_DELAY_MS = 500;

/** A failed attempt, and whether it failed before any byte of the label was handed to the socket. */
class AttemptFailure {
  constructor(
    readonly error: PrintError,
    readonly retryable: boolean,
  ) {}
}

const RETRYABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE']);

export async function sendOverTcp(
  target: TcpTarget,
  payload: Uint8Array,
  timeoutMs: number,
  reconnect: TcpReconnect = {},
): Promise<{ bytes: number }> {
  const reconnects = Math.max(0, Math.min(5, Math.floor(reconnect.reconnects ?? DEFAULT_TCP_RECONNECTS)));
  const delayMs = Math.max(0, reconnect.reconnectDelayMs ?? DEFAULT_TCP_RECONNECT_DELAY_MS);
  for (let attempt = 0; ; attempt++) {
    try {
      return await attemptOverTcp(target, payload, timeoutMs);
    } catch (failure) {
      if (!(failure instanceof AttemptFailure)) throw failure;
      if (!failure.retryable || attempt >= reconnects) throw failure.error;
      await delay(delayMs);
    }
  }
}

function attemptOverTcp(target: TcpTarget, payload: Uint8Array, timeoutMs: number): Promise<{ bytes: number }> {
  return new Promise((resolve, reject) => {
    const at = tcpWhere(target);
    let connected = false;
    let flushed = false;
    let settled = false;
    const socket = net.connect({ host: target.host, port: target.port });
    socket.setNoDelay(true);

    const finish = (error: PrintError | null, retryable = false): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        socket.destroy();
        reject(new AttemptFailure(error, retryable));
      } else {
        resolve({ bytes: payload.byteLength });
      }
    };

    // One timer per phase: connecting, then delivering (write, flush, printer's close).
    let timer = setTimeout(() => {
      finish(new PrintError('printer_timeout', `The printer at ${at} did not answer within ${formatWait(timeoutMs)}.`, CHECK_PRINTER));
    }, timeoutMs);

    socket.once('connect', () => {
      connected = true;
      clearTimeout(timer);
      timer = setTimeout(() => {
        finish(
          new PrintError(
            'printer_timeout',
            `The printer at ${at} did not take the label within ${formatWait(timeoutMs)}.`,
            'Check the printer for paper, ribbon, an open head or an error light, then reprint from History.',
          ),
        );
      }, timeoutMs);
      socket.end(payload, () => {
        flushed = true;
      });
    });

    // The printer closed its side. Before our last byte left, that is an early hang-up.
    socket.once('end', () => {
      if (!flushed) {
        finish(
          new PrintError(
            'printer_disconnected',
            `The printer at ${at} closed the connection before it took the whole label.`,
            'The label may be cut short or missing: check the printer, then reprint from History.',
          ),
        );
      }
    });
    socket.once('close', (hadError) => {
      if (hadError) return; // 'error' already reported it.
      if (flushed && socket.bytesWritten >= payload.byteLength) finish(null);
      else
        finish(
          new PrintError(
            'printer_disconnected',
            `The printer at ${at} closed the connection before it took the whole label.`,
            'The label may be cut short or missing: check the printer, then reprint from History.',
          ),
        );
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // bytesWritten counts bytes queued on the socket too: 0 means not one byte of the label left.
      const nothingSent = socket.bytesWritten === 0;
      finish(errorFromSocket(error, target, connected), nothingSent && RETRYABLE.has(error.code ?? ''));
    });
  });
}
