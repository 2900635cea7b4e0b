/**
 * A loopback HTTP proxy in front of a sandbox that counts requests and calls a hook before
 * forwarding each one: a spec changes the exchange at an exact point of a CLI's walk (e.g. new
 * orders between page 1 and page 2) without timing anything.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running proxy. */
export interface CountingProxy {
  readonly url: string;
  /** Requests seen so far, in order (method and path with query). */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

/** An answer the proxy gives itself instead of forwarding. */
export interface ProxyAnswer {
  readonly status: number;
  readonly body: string;
}

/**
 * Starts a proxy on 127.0.0.1 (port 0) forwarding to `target`.
 * @param onRequest runs before request number `n` (1-based) is forwarded; an answer it returns is sent
 *   instead; a promise it returns holds the request until it settles (a spec pauses a walk there)
 */
export async function startCountingProxy(
  target: string,
  onRequest: (n: number, path: string) => ProxyAnswer | undefined | Promise<ProxyAnswer | undefined>,
): Promise<CountingProxy> {
  const upstream = new URL(target);
  const requests: string[] = [];
  const handle = async (incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> => {
    const path = incoming.url ?? '/';
    requests.push(`${incoming.method ?? 'GET'} ${path}`);
    const answer = await onRequest(requests.length, path);
    if (answer) {
      outgoing.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' }).end(answer.body);
      return;
    }
    const forwarded = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path,
        headers: { ...incoming.headers, host: upstream.host },
      },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    forwarded.on('error', (error) => outgoing.destroy(error));
    incoming.pipe(forwarded);
  };
  const server = createServer((incoming, outgoing) => void handle(incoming, outgoing));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
