/** WebSocket /events: forwards every contract event to connected pages as { event, payload }. */
import { WebSocketServer, WebSocket } from 'ws';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { eventNames } from '../../shared/contract';
import type { StationEvents } from '../station';

export interface EventSocket {
  accept(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
}

export function createEventSocket(events: StationEvents): EventSocket {
  // Pages never send anything; a tiny maxPayload stops anyone from using the socket as a memory sink.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  const unsubscribers = eventNames.map((event) =>
    events.on(event, (payload) => {
      const message = JSON.stringify({ event, payload });
      for (const client of wss.clients) {
        if (client.readyState === WebSocket.OPEN) client.send(message);
      }
    }),
  );
  wss.on('connection', (ws) => {
    ws.on('error', () => ws.terminate());
    ws.on('message', () => undefined);
  });
  return {
    accept(req, socket, head) {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    close() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      for (const client of wss.clients) client.terminate();
      return new Promise((resolve) => wss.close(() => resolve()));
    },
  };
}
