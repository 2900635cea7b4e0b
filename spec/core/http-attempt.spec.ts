/**
 * core/http-attempt through the transport: which phase a timeout names and whether it proves the
 * request unsent, the connections each lane uses, keep-alive reuse, close() and aborts while a
 * body is read.
 */
import net, { type AddressInfo, type Socket } from 'node:net';
import http from 'node:http';
import { expect } from 'chai';
import { QuoineAbortError, QuoineConnectionError, QuoineTimeoutError } from '../../lib/core/errors.js';
import type { FailureCause } from '../../lib/core/errors.js';
import { LocalCoordinator } from '../../lib/core/local-coordinator.js';
import type { RequestSpec } from '../../lib/core/request-spec.js';
import { Signer } from '../../lib/core/auth.js';
import { Transport } from '../../lib/core/transport.js';
import { startBlackhole } from '../faults/blackhole.js';
import { rejection } from '../helpers/rejection.js';

const order: RequestSpec = {
  method: 'POST',
  path: '/orders',
  body: { order: { quantity: '0.01' } },
  auth: true,
  safety: 'non-idempotent',
};
const products: RequestSpec = { method: 'GET', path: '/products', auth: false, safety: 'read' };
const signedRead: RequestSpec = { method: 'GET', path: '/orders', auth: true, safety: 'read' };

function transport(url: string, timeout = 2000, connectTimeout = 1000): Transport {
  return new Transport({
    baseUrl: url,
    signer: new Signer(1, 'a-secret-of-some-length'),
    headers: {},
    timeout,
    connectTimeout,
    maxRetries: 2,
    maxRetryAfterMs: 1000,
    maxResponseBytes: 1 << 20,
    coordinator: new LocalCoordinator(),
    rateLimit: undefined,
    backoff: { baseMs: 1, maxMs: 2 },
  });
}

/** A plain HTTP server that records the client port of every request and lets the spec answer. */
async function server(
  answer: (req: http.IncomingMessage, res: http.ServerResponse) => void = (_, res) => res.end('{}'),
): Promise<{ url: string; ports: number[]; sockets: Set<Socket>; close(): Promise<void> }> {
  const ports: number[] = [];
  const sockets = new Set<Socket>();
  const s = http.createServer((req, res) => {
    ports.push(req.socket.remotePort ?? 0);
    req.resume();
    req.on('end', () => answer(req, res));
  });
  s.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(s.address() as AddressInfo).port}`,
    ports,
    sockets,
    close: () =>
      new Promise<void>((resolve) => {
        s.closeAllConnections();
        s.close(() => resolve());
      }),
  };
}

function causeOf(e: Error): FailureCause {
  return e.cause as FailureCause;
}

describe('core/http-attempt', () => {
  it('names a TLS handshake that never ends a secureConnect timeout, which proves the order unsent (retried)', async () => {
    let connections = 0;
    const silent = net.createServer((socket) => {
      connections++;
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const t = transport(`https://127.0.0.1:${(silent.address() as AddressInfo).port}`, 2000, 100);
    const e = await rejection(t.request(order));
    t.close();
    silent.close();
    expect(e).to.be.instanceOf(QuoineTimeoutError).and.include({ mayHaveBeenProcessed: false, attempts: 3 });
    expect(causeOf(e)).to.include({ event: 'secureConnect', code: 'ETIMEDOUT' });
    expect(e.message).to.include("Timeout awaiting 'secureConnect' for 100ms");
    expect(connections).to.equal(3);
  });

  it('names a TCP handshake that never ends a connect timeout, which proves the order unsent', async () => {
    const blackhole = await startBlackhole();
    try {
      const t = transport(blackhole.url, 2000, 100);
      const e = await rejection(t.request(order));
      t.close();
      expect(e).to.be.instanceOf(QuoineTimeoutError).and.include({ mayHaveBeenProcessed: false, attempts: 3 });
      expect(causeOf(e)).to.include({ event: 'connect', code: 'ETIMEDOUT' });
    } finally {
      blackhole.close();
    }
  });

  it('counts the whole attempt against timeout (a response that stalls): request timeout, may have been processed', async () => {
    const s = await server(() => undefined);
    const t = transport(s.url, 150, 100);
    const e = await rejection(t.request(order));
    t.close();
    await s.close();
    expect(e).to.be.instanceOf(QuoineTimeoutError).and.include({ mayHaveBeenProcessed: true, attempts: 1 });
    expect(causeOf(e)).to.include({ event: 'request', code: 'ETIMEDOUT' });
  });

  it('times out a body that stops half way, and reads the timeout from the body', async () => {
    const s = await server((_, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"id":');
    });
    const t = transport(s.url, 150, 100);
    const e = await rejection(t.request(order));
    t.close();
    await s.close();
    expect(e).to.be.instanceOf(QuoineTimeoutError).and.include({ mayHaveBeenProcessed: true });
    expect(causeOf(e).event).to.equal('request');
  });

  it('says a connection reset on a kept-alive connection may have carried the request', async () => {
    let calls = 0;
    const s = await server((req, res) => {
      calls++;
      if (calls === 2) req.socket.destroy();
      else res.end('{}');
    });
    const t = transport(s.url);
    await t.request(order);
    const e = await rejection(t.request(order));
    t.close();
    await s.close();
    expect(e).to.be.instanceOf(QuoineConnectionError).and.include({ mayHaveBeenProcessed: true, attempts: 1 });
    expect(new Set(s.ports.slice(0, 2)).size).to.equal(1); // the second went over the first's connection
  });

  it('closes an idle kept-alive connection before the server says it will (its Keep-Alive timeout hint)', async () => {
    // A server closing an idle connection at the moment a request goes out over it resets that
    // request, which then "may have been processed": the client must give the socket up first.
    const srv = await new Promise<http.Server>((resolve) => {
      const h = http.createServer((req, res) => {
        req.resume();
        res.end('{}');
      });
      h.keepAliveTimeout = 2000; // announced as Keep-Alive: timeout=2, so the client keeps it ≤ 1 s
      h.listen(0, '127.0.0.1', () => resolve(h));
    });
    const closedBy: string[] = [];
    srv.on('connection', (socket: Socket) => {
      socket.on('end', () => closedBy.push('client')); // the client's FIN arrived first
      socket.on('close', () => closedBy.push('closed'));
    });
    const t = transport(`http://127.0.0.1:${(srv.address() as AddressInfo).port}`);
    await t.request(products);
    while (!closedBy.includes('closed')) await new Promise((resolve) => setTimeout(resolve, 50));
    t.close();
    await new Promise<void>((resolve) => srv.close(() => resolve()));
    expect(closedBy[0]).to.equal('client');
  });

  it('reaches a host by name (the lookup phase) as well as by address', async () => {
    const s = await server();
    const t = transport(s.url.replace('127.0.0.1', 'localhost'), 2000, 1000);
    expect((await t.request(products)).body).to.deep.equal({});
    t.close();
    await s.close();
  });

  it('sends signed calls over one connection and public calls over a pool of eight', async () => {
    const s = await server((_, res) => setTimeout(() => res.end('{}'), 20));
    const t = transport(s.url);
    await Promise.all(Array.from({ length: 12 }, () => t.request(signedRead)));
    const signedPorts = new Set(s.ports);
    s.ports.length = 0;
    await Promise.all(Array.from({ length: 12 }, () => t.request(products)));
    const publicPorts = new Set(s.ports);
    t.close();
    await s.close();
    expect(signedPorts.size).to.equal(1);
    expect(publicPorts.size).to.equal(8);
    for (const port of publicPorts) expect(signedPorts.has(port)).to.equal(false);
  });

  it('close() destroys the idle kept-alive connections, and the transport stays usable', async () => {
    const s = await server();
    const t = transport(s.url);
    await t.request(products);
    await t.request(signedRead);
    expect(s.sockets.size).to.equal(2);
    t.close();
    for (let i = 0; i < 100 && s.sockets.size > 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(s.sockets.size).to.equal(0);
    expect((await t.request(products)).body).to.deep.equal({});
    t.close();
    await s.close();
  });

  it('aborts while the body is being read, and drops that connection', async () => {
    const s = await server((_, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"id":');
    });
    const t = transport(s.url);
    const controller = new AbortController();
    const call = rejection(t.request({ ...products, options: { signal: controller.signal } }));
    for (let i = 0; i < 200 && s.ports.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    expect(await call).to.be.instanceOf(QuoineAbortError);
    for (let i = 0; i < 100 && s.sockets.size > 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(s.sockets.size).to.equal(0);
    t.close();
    await s.close();
  });

  it('refuses an already aborted signal without sending', async () => {
    const s = await server();
    const t = transport(s.url);
    const e = await rejection(t.request({ ...products, options: { signal: AbortSignal.abort() } }));
    expect(e).to.be.instanceOf(QuoineAbortError);
    expect(s.ports).to.have.length(0);
    t.close();
    await s.close();
  });

  it('sends a bodiless PUT with an empty body and a GET with none', async () => {
    const seen: Array<[string | undefined, string | undefined]> = [];
    const s = await server((req, res) => {
      seen.push([req.headers['content-length'], req.headers['transfer-encoding']]);
      res.end('{}');
    });
    const t = transport(s.url);
    await t.request({ method: 'PUT', path: '/orders/1/cancel', auth: true, safety: 'idempotent' });
    await t.request(products);
    await t.request(order);
    t.close();
    await s.close();
    const body = JSON.stringify(order.body);
    expect(seen).to.deep.equal([
      ['0', undefined],
      [undefined, undefined],
      [String(Buffer.byteLength(body)), undefined],
    ]);
  });
});
