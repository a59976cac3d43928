/**
 * A loopback TCP relay to a server that can go silent: what a cut cable or a dropped VPN looks like to
 * a station (no reset, no close: bytes sent simply get no answer). While silent it holds what either
 * side sends; speaking again delivers it, as TCP does once the link is back.
 */
import net from 'node:net';

export interface SilentLink {
  port: number;
  /** From now on nothing passes either way, on open connections and new ones. */
  silence(): void;
  /** The link is back: what was held is delivered. */
  speak(): void;
  /** Connections the station closed itself (not the server). */
  closedByStation(): number;
  close(): Promise<void>;
}

export async function silentLink(targetPort: number): Promise<SilentLink> {
  let silent = false;
  let closedByStation = 0;
  const relays = new Set<{ flush(): void; destroy(): void }>();
  const server = net.createServer((station) => {
    const target = net.connect(targetPort, '127.0.0.1');
    const held: Array<[net.Socket, Buffer]> = [];
    const pass = (to: net.Socket) => (chunk: Buffer) => (silent ? held.push([to, chunk]) : to.write(chunk));
    station.on('data', pass(target));
    target.on('data', pass(station));
    const relay = {
      flush: () => held.splice(0).forEach(([to, chunk]) => to.write(chunk)),
      destroy: () => (station.destroy(), target.destroy()),
    };
    relays.add(relay);
    station.on('close', () => {
      if (!target.destroyed) closedByStation++;
      target.destroy();
      relays.delete(relay);
    });
    target.on('close', () => station.destroy());
    station.on('error', () => undefined);
    target.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    silence: () => (silent = true),
    speak: () => {
      silent = false;
      relays.forEach((relay) => relay.flush());
    },
    closedByStation: () => closedByStation,
    close: () => {
      relays.forEach((relay) => relay.destroy());
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
