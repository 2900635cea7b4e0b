/** A loopback proxy in front of the sandbox that counts what the exchange answered, by status. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The running proxy. */
export interface CountingProxy {
  readonly url: string;
  /** Responses seen, by status, with their bodies for 401s. */
  readonly statuses: Map<number, number>;
  readonly unauthorizedBodies: string[];
  /** Every `X-Quoine-Auth` token that passed through, in arrival order. */
  readonly tokens: string[];
  /** When each request arrived (`Date.now()`), in arrival order. */
  readonly arrivals: number[];
  close(): Promise<void>;
}

/** A response the exchange cut off midway is cut off for the client too. */
function answerless(upstream: http.ClientRequest, res: http.ServerResponse): void {
  upstream.on('response', (answer) => answer.on('aborted', () => res.socket?.destroy()));
}

/** Starts a proxy to `target` on 127.0.0.1:0. */
export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const statuses = new Map<number, number>();
  const unauthorizedBodies: string[] = [];
  const tokens: string[] = [];
  const arrivals: number[] = [];
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    arrivals.push(Date.now());
    const auth = req.headers['x-quoine-auth'];
    if (typeof auth === 'string') tokens.push(auth);
    const upstream = http.request(
      new URL(req.url ?? '/', target),
      { method: req.method, headers: req.headers, agent },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          const body = Buffer.concat(chunks);
          const status = answer.statusCode ?? 0;
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status === 401) unauthorizedBodies.push(body.toString('utf8'));
          res.writeHead(status, answer.headers);
          res.end(body);
        });
      },
    );
    // The exchange dropped the connection (an injected reset): drop the client's too.
    upstream.on('error', () => res.socket?.destroy());
    answerless(upstream, res);
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    statuses,
    unauthorizedBodies,
    tokens,
    arrivals,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
