/**
 * A loopback HTTP proxy in front of a sandbox that records what crossed the wire, on the server's
 * side of it, so a spec or a bench does not have to trust the client's own account: every
 * request (method and path, arrival time, `X-Quoine-Auth` token) and every response status (with
 * the bodies of 401s). A hook can run before each request is forwarded, to change the exchange at
 * an exact point of a walk or to answer instead; `Retry-After` can be rescaled for a sandbox whose
 * clock runs faster than real time. Used by specs and by the bench.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An answer the proxy gives itself instead of forwarding. */
export interface ProxyAnswer {
  readonly status: number;
  readonly body: string;
}

/** Runs before request number `n` (1-based) is forwarded; see {@link ProxyOptions.onRequest}. */
export type RequestHook = (n: number, path: string) => ProxyAnswer | undefined | Promise<ProxyAnswer | undefined>;

/** How the proxy behaves beyond forwarding. */
export interface ProxyOptions {
  /**
   * Runs before each request is forwarded: an answer it returns is sent instead; a promise it
   * returns holds the request until it settles (a spec pauses a walk there).
   */
  readonly onRequest?: RequestHook;
  /**
   * How many times faster than real time the target's clock runs: a `Retry-After` in seconds is
   * divided by it, so a client waits the real time the target meant. Default 1.
   */
  readonly timeScale?: number;
}

/** The running proxy. Its lists grow as requests pass. */
export interface CountingProxy {
  readonly url: string;
  /** Every request, in arrival order, as method and path with query (`GET /orders?page=2`). */
  readonly requests: readonly string[];
  /** When each request arrived (`Date.now()`), in arrival order. */
  readonly arrivals: readonly number[];
  /** Every `X-Quoine-Auth` token that passed through, in arrival order. */
  readonly tokens: readonly string[];
  /** Responses forwarded, by status (counted when the response head arrives). */
  readonly statuses: ReadonlyMap<number, number>;
  /** The bodies of the 401 responses, whole. */
  readonly unauthorizedBodies: readonly string[];
  close(): Promise<void>;
}

/** Starts a proxy to `target` (`http://host:port`) on 127.0.0.1, port 0. */
export async function startCountingProxy(target: string, options: ProxyOptions = {}): Promise<CountingProxy> {
  const { hostname, port } = new URL(target);
  const timeScale = options.timeScale ?? 1;
  const agent = new http.Agent({ keepAlive: true });
  const requests: string[] = [];
  const arrivals: number[] = [];
  const tokens: string[] = [];
  const statuses = new Map<number, number>();
  const unauthorizedBodies: string[] = [];

  const forward = (req: IncomingMessage, res: ServerResponse): void => {
    const upstream = http.request(
      { host: hostname, port, method: req.method, path: req.url, headers: req.headers, agent },
      (answer) => {
        const status = answer.statusCode ?? 0;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        res.writeHead(status, rescaled(answer.headers, timeScale));
        // A response the exchange cut off midway (an injected reset) is cut off for the client too.
        answer.on('aborted', () => res.socket?.destroy());
        if (status === 401) {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('end', () => unauthorizedBodies.push(Buffer.concat(chunks).toString('utf8')));
        }
        answer.pipe(res);
      },
    );
    // The exchange dropped the connection: drop the client's too.
    upstream.on('error', () => res.socket?.destroy());
    req.pipe(upstream);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = req.url ?? '/';
    requests.push(`${req.method ?? 'GET'} ${path}`);
    arrivals.push(Date.now());
    const auth = req.headers['x-quoine-auth'];
    if (typeof auth === 'string') tokens.push(auth);
    const answer = await options.onRequest?.(requests.length, path);
    if (answer) {
      req.resume();
      res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' }).end(answer.body);
      return;
    }
    forward(req, res);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => res.socket?.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    arrivals,
    tokens,
    statuses,
    unauthorizedBodies,
    close: async () => {
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** `headers` with a `Retry-After` in seconds divided by `timeScale`. */
function rescaled(headers: http.IncomingHttpHeaders, timeScale: number): http.IncomingHttpHeaders {
  const retryAfter = headers['retry-after'];
  if (timeScale === 1 || typeof retryAfter !== 'string' || !/^\d+(\.\d+)?$/.test(retryAfter)) return headers;
  return { ...headers, 'retry-after': (Number(retryAfter) / timeScale).toFixed(3) };
}
