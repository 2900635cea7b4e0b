/**
 * A TCP proxy on 127.0.0.1:0 that can freeze: while frozen it forwards nothing in either
 * direction but keeps both connections open, the way a dead NAT or a stalled peer looks.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';

/** The running proxy. */
export interface FreezeProxy {
  readonly port: number;
  /** Stops forwarding (connections stay open). */
  freeze(): void;
  /** Forwards again. */
  thaw(): void;
  close(): Promise<void>;
}

/** Starts a proxy to `targetPort` on 127.0.0.1. */
export async function startFreezeProxy(targetPort: number): Promise<FreezeProxy> {
  let frozen = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.on('data', (d: Buffer) => {
      if (!frozen) upstream.write(d);
    });
    upstream.on('data', (d: Buffer) => {
      if (!frozen) client.write(d);
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    freeze: () => void (frozen = true),
    thaw: () => void (frozen = false),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
