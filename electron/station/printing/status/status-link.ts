/**
 * A short TCP conversation with a printer for status questions (Zebra ~HS, ESC/POS DLE EOT): send
 * a request, collect the answer until it is complete or the wait is over. Silence is an answer too
 * (a Zebra says nothing while its head is open), so a missing answer is returned, not thrown.
 */
import net from 'node:net';
import { describePrinter } from '../transports/address';
import { PrintError } from '../print-error';
import { unreachableStatus, type PrinterStatus } from './status-types';
import { errorFromSocket, tcpWhere, type TcpTarget } from '../transports/tcp-transport';
import { formatWait } from '../timeout-wording';

export interface StatusLink {
  /** Sends `request` and resolves with the bytes received once `complete` says so, or null after `timeoutMs`. */
  ask(request: Uint8Array, complete: (answer: Buffer) => boolean, timeoutMs: number): Promise<Buffer | null>;
  close(): void;
}

/** Connects within `timeoutMs`; a printer that cannot be reached is a PrintError. */
export function openStatusLink(target: TcpTarget, timeoutMs: number): Promise<StatusLink> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: target.host, port: target.port });
    socket.setNoDelay(true);
    let received = Buffer.alloc(0);
    let onData: (() => void) | null = null;
    let closed = false;

    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        new PrintError(
          'printer_timeout',
          `The printer at ${tcpWhere(target)} did not answer within ${formatWait(timeoutMs)}.`,
          'Check the printer is on and its address in Settings.',
        ),
      );
    }, timeoutMs);

    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      onData?.();
    });
    socket.on('close', () => {
      closed = true;
      onData?.();
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(errorFromSocket(error, target, false));
    });
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve({
        ask(request, complete, waitMs) {
          received = Buffer.alloc(0);
          return new Promise((done) => {
            const stop = setTimeout(() => finish(null), waitMs);
            const finish = (answer: Buffer | null): void => {
              clearTimeout(stop);
              onData = null;
              done(answer);
            };
            onData = () => {
              if (complete(received)) finish(received);
              else if (closed) finish(null);
            };
            if (closed) finish(null);
            else socket.write(request);
          });
        },
        close() {
          socket.destroy();
        },
      });
    });
  });
}

/**
 * Opens a status conversation, hands it to `talk`, and always closes it. A printer that cannot be
 * reached is a status (unreachable), not an error: the caller always gets a PrinterStatus.
 */
export async function withStatusLink(
  target: TcpTarget,
  timeoutMs: number,
  talk: (link: StatusLink, where: string) => Promise<PrinterStatus>,
): Promise<PrinterStatus> {
  let link: StatusLink;
  try {
    link = await openStatusLink(target, timeoutMs);
  } catch (error) {
    if (error instanceof PrintError) return unreachableStatus(error.message, error.nextStep);
    throw error;
  }
  try {
    return await talk(link, describePrinter({ kind: 'tcp', ...target }));
  } finally {
    link.close();
  }
}
