/**
 * A counting proxy on loopback: forwards every request to a target server and counts requests and
 * response statuses on the server side of the wire, so a suite does not have to trust the client's
 * own account. It can rescale `Retry-After` for a target whose clock runs faster than real time.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running proxy. */
export interface CountingProxy {
  readonly url: string;
  /** Requests forwarded so far. */
  readonly requests: number;
  /** Responses by status code. */
  readonly statuses: ReadonlyMap<number, number>;
  close(): Promise<void>;
}

/**
 * Starts a proxy to `target` (`http://host:port`). With `timeScale` > 1 (the target's clock runs
 * that many times faster than real time), a `Retry-After` in seconds is divided by it, so a client
 * waits the real time the target meant.
 */
export async function startCountingProxy(target: string, timeScale = 1): Promise<CountingProxy> {
  const { hostname, port } = new URL(target);
  const agent = new http.Agent({ keepAlive: true });
  const statuses = new Map<number, number>();
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests++;
    const upstream = http.request(
      { host: hostname, port, method: req.method, path: req.url, headers: req.headers, agent },
      (answer) => {
        const status = answer.statusCode ?? 0;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        const headers = { ...answer.headers };
        const retryAfter = headers['retry-after'];
        if (timeScale !== 1 && typeof retryAfter === 'string' && /^\d+(\.\d+)?$/.test(retryAfter)) {
          headers['retry-after'] = (Number(retryAfter) / timeScale).toFixed(3);
        }
        res.writeHead(status, headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get requests() {
      return requests;
    },
    statuses,
    close: async () => {
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
