/**
 * A throwaway HTTP server on 127.0.0.1:0 for specs: records every request and answers with
 * whatever the spec's handler says. Close it in `after`/`afterEach`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the server saw it. */
export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** What the handler answers: a status and a body, or `'reset'` to destroy the socket. */
export type Reply =
  { readonly status: number; readonly body?: string; readonly headers?: Record<string, string> } | 'reset' | 'hang';

/** The running server. */
export interface LoopbackServer {
  readonly url: string;
  readonly requests: SeenRequest[];
  close(): Promise<void>;
}

/** Starts a server whose replies come from `handler` (sync or async). */
export async function startLoopbackServer(
  handler: (req: SeenRequest, index: number) => Reply | Promise<Reply>,
): Promise<LoopbackServer> {
  const requests: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const seen: SeenRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      const index = requests.push(seen) - 1;
      void Promise.resolve(handler(seen, index)).then((reply) => {
        if (reply === 'reset') {
          req.socket.destroy();
          return;
        }
        if (reply === 'hang') return;
        res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
        res.end(reply.body ?? '');
      });
    });
  });
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

/** A JSON reply. */
export function json(body: string, status = 200, headers: Record<string, string> = {}): Reply {
  return { status, body, headers };
}
