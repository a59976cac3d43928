/**
 * A fake ESC/POS receipt/label printer on 127.0.0.1 that answers DLE EOT n (0x10 0x04 n) with one
 * status byte per request, from a configurable table. A request whose n has no entry gets no
 * answer (like printers that support only some of them); `silent` answers nothing at all.
 */
import net from 'node:net';
import { listenOnLoopback } from './raw-port';

export type EscPosAnswers = Partial<Record<1 | 2 | 3 | 4, number>>;

export interface EscPosStatusPrinter {
  address: string;
  /** The n of every DLE EOT request received, in order. */
  requests: number[];
  setAnswers(answers: EscPosAnswers): void;
  close(): Promise<void>;
}

/** All four status bytes of a ready printer (bits 1 and 4 are always on). */
export const ESC_POS_READY: EscPosAnswers = { 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12 };

export async function startEscPosStatusPrinter(answers: EscPosAnswers = ESC_POS_READY): Promise<EscPosStatusPrinter> {
  let table = answers;
  const requests: number[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      let at: number;
      while ((at = pending.indexOf(Buffer.from([0x10, 0x04]))) >= 0 && pending.length >= at + 3) {
        const n = pending[at + 2]!;
        pending = pending.subarray(at + 3);
        requests.push(n);
        const byte = table[n as 1 | 2 | 3 | 4];
        if (byte !== undefined) socket.write(Buffer.from([byte]));
      }
    });
  });
  const port = await listenOnLoopback(server);
  return {
    address: `tcp://127.0.0.1:${port}`,
    requests,
    setAnswers(next) {
      table = next;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
