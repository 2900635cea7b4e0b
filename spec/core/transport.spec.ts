import { inspect } from 'node:util';
import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import { expect } from 'chai';
import jwt from 'jsonwebtoken';
import { Quoine } from '../../lib/client.js';
import {
  AuthenticationError,
  NonceTooSmallError,
  QuoineAbortError,
  QuoineConnectionError,
  QuoineRequestError,
  QuoineResponseError,
  QuoineTimeoutError,
  RateLimitError,
  ServiceUnavailableError,
} from '../../lib/core/errors.js';
import type { RequestSpec } from '../../lib/core/request-spec.js';
import { LocalCoordinator } from '../../lib/core/local-coordinator.js';
import { Transport } from '../../lib/core/transport.js';
import { Signer } from '../../lib/core/auth.js';
import { VERSION } from '../../lib/version.js';
import { rejection } from '../helpers/rejection.js';
import { json, startLoopbackServer, type LoopbackServer, type Reply } from '../helpers/loopback-server.js';

const SECRET = 'super-secret-value-7f3a9c';
const TOKEN = 4242;

interface Claims {
  path: string;
  nonce: number;
  token_id: number;
  iat?: number;
}

function claims(auth: string | string[] | undefined): Claims {
  return jwt.verify(String(auth), SECRET, { algorithms: ['HS256'] }) as Claims;
}

/** A transport with a fast backoff, talking to `url`. */
function transport(url: string, signed = true, maxRetries = 2): Transport {
  return new Transport({
    baseUrl: url,
    signer: signed ? new Signer(TOKEN, SECRET) : undefined,
    headers: { 'X-Quoine-API-Version': '2' },
    timeout: 2000,
    connectTimeout: 1000,
    maxRetries,
    maxRetryAfterMs: 1000,
    maxResponseBytes: 64 * 1024 * 1024,
    coordinator: new LocalCoordinator(),
    rateLimit: undefined,
    backoff: { baseMs: 5, maxMs: 20 },
  });
}

const read: RequestSpec = { method: 'GET', path: '/orders', query: { product_id: 5 }, auth: true, safety: 'read' };
const order: RequestSpec = {
  method: 'POST',
  path: '/orders',
  body: { order: { quantity: '0.01' } },
  auth: true,
  safety: 'non-idempotent',
};

function assertNoSecret(e: unknown, tokens: readonly string[]): void {
  const texts = [
    String(e),
    (e as Error).stack ?? '',
    inspect(e, { depth: 10, showHidden: true }),
    JSON.stringify(e),
    inspect((e as Error).cause, { depth: 10 }),
  ];
  for (const text of texts) {
    expect(text).not.to.include(SECRET);
    for (const t of tokens) expect(text).not.to.include(t);
  }
}

describe('core/transport', () => {
  let server: LoopbackServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('sends the protocol headers and a JWT over the path with its query string', async () => {
    server = await startLoopbackServer(() => json('[]'));
    const client = new Quoine({
      baseUrl: server.url,
      tokenId: TOKEN,
      secret: SECRET,
      vendorId: 'v-1',
      language: 'ja',
      rateLimit: false,
    });
    const t = transport(server.url);
    await t.request(read);
    await client.products.list({ perpetual: true });
    const [signed, pub] = server.requests;
    expect(signed?.url).to.equal('/orders?product_id=5');
    const c = claims(signed?.headers['x-quoine-auth']);
    expect(c).to.include({ path: '/orders?product_id=5', token_id: TOKEN });
    expect(c.nonce)
      .to.be.a('number')
      .within(Date.now() - 60_000, Date.now() + 1);
    expect(c.iat).to.equal(undefined);
    expect(pub?.url).to.equal('/products?perpetual=1');
    expect(pub?.headers).to.include({
      'x-quoine-api-version': '2',
      'content-type': 'application/json',
      accept: 'application/json',
      'x-quoine-vendor-id': 'v-1',
      'accept-language': 'ja',
    });
    expect(pub?.headers['user-agent']).to.equal(`quoine/${VERSION} (node ${process.version})`);
    expect(pub?.headers['x-quoine-auth']).to.equal(undefined);
    await client.close();
    t.close();
  });

  it('refuses a private call without credentials before sending anything', async () => {
    server = await startLoopbackServer(() => json('{}'));
    const e = await rejection(transport(server.url, false).request(read));
    expect(e).to.be.instanceOf(QuoineRequestError).and.have.property('field', 'tokenId');
    expect(server.requests).to.have.length(0);
  });

  it('retries a read on 503 and 502, re-signing every attempt with a fresh nonce', async () => {
    server = await startLoopbackServer((_, i) => (i < 2 ? { status: i === 0 ? 503 : 502, body: '' } : json('[]')));
    const t = transport(server.url);
    const r = await t.request(read);
    expect(r.body).to.deep.equal([]);
    const nonces = server.requests.map((q) => claims(q.headers['x-quoine-auth']).nonce);
    expect(nonces).to.have.length(3);
    expect(nonces[1]).to.be.greaterThan(nonces[0] as number);
    expect(nonces[2]).to.be.greaterThan(nonces[1] as number);
    t.close();
  });

  it('gives up a read after maxRetries with a typed error that counts the attempts', async () => {
    server = await startLoopbackServer(() => ({ status: 503, body: '{"message":"busy"}' }));
    const t = transport(server.url);
    const e = await rejection(t.request(read));
    expect(e).to.be.instanceOf(ServiceUnavailableError).and.include({ status: 503, attempts: 3 });
    expect(server.requests).to.have.length(3);
    t.close();
  });

  it('never retries an order on 503 or a reset after sending', async () => {
    server = await startLoopbackServer(() => ({ status: 503 }));
    const t = transport(server.url);
    expect(await rejection(t.request(order))).to.be.instanceOf(ServiceUnavailableError);
    expect(server.requests).to.have.length(1);
    await server.close();
    server = await startLoopbackServer(() => 'reset');
    const t2 = transport(server.url);
    const e = await rejection(t2.request(order));
    expect(e).to.be.instanceOf(QuoineConnectionError).and.include({ mayHaveBeenProcessed: true, attempts: 1 });
    expect(e.message).to.match(/may have reached the exchange/);
    expect(server.requests).to.have.length(1);
    t.close();
    t2.close();
  });

  it('retries an order whose connection was refused (provably never sent), then says so', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const t = transport(`http://127.0.0.1:${port}`);
    const e = await rejection(t.request(order));
    expect(e)
      .to.be.instanceOf(QuoineConnectionError)
      .and.include({ code: 'ECONNREFUSED', mayHaveBeenProcessed: false, attempts: 3 });
    expect(e.message).to.match(/was not sent/);
    t.close();
  });

  for (const [what, answer] of [
    ['hangs up on the TLS hello', (socket: net.Socket) => socket.destroy()],
    [
      'answers the TLS hello in plain HTTP',
      (socket: net.Socket) => socket.end('HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n'),
    ],
    ['answers the TLS hello with garbage', (socket: net.Socket) => socket.end(Buffer.alloc(64, 0x41))],
  ] as const) {
    it(`says a failed TLS handshake did not send the request, and retries even an order (server ${what})`, async () => {
      const firstBytes: number[] = [];
      const tls = net.createServer((socket) =>
        socket.once('data', (data: Buffer) => {
          firstBytes.push(data[0] as number);
          answer(socket);
        }),
      );
      await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
      const t = transport(`https://127.0.0.1:${(tls.address() as AddressInfo).port}`);
      const e = await rejection(t.request(order));
      t.close();
      tls.close();
      expect(e).to.be.instanceOf(QuoineConnectionError).and.include({ mayHaveBeenProcessed: false, attempts: 3 });
      expect(e.message)
        .to.match(/was not sent/)
        .and.not.match(/may have reached/);
      // Every attempt got as far as a TLS ClientHello (record type 22), never an HTTP request.
      expect(firstBytes).to.deep.equal([22, 22, 22]);
    });
  }

  it('says a certificate the client refuses (self-signed) did not let the order leave, and retries it', async () => {
    // A throwaway self-signed certificate and its key, made for this spec only (valid until 2126).
    const key = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgJ0n4GqkwebBbkuvZ
/L52URmJGZuJKXVDSE7AesnHeYuhRANCAARgyFrjnFTNABuPtr2fj3RXGjNU0eQb
+dZl7K7niZPl7+l+jFvY/c/CNJCnH6n8/BjwAX+/JbICXvMJ4XC4n/wH
-----END PRIVATE KEY-----`;
    const cert = `-----BEGIN CERTIFICATE-----
MIIBnDCCAUGgAwIBAgIUAfBInBggDM9RHlwIJ8QHdV2aSvswCgYIKoZIzj0EAwIw
IjEgMB4GA1UEAwwXcXVvaW5lLXNwZWMtc2VsZi1zaWduZWQwIBcNMjYxMjA3MTUx
MDA1WhgPMjEyNjExMTMxNTEwMDVaMCIxIDAeBgNVBAMMF3F1b2luZS1zcGVjLXNl
bGYtc2lnbmVkMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEYMha45xUzQAbj7a9
n490VxozVNHkG/nWZeyu54mT5e/pfoxb2P3PwjSQpx+p/PwY8AF/vyWyAl7zCeFw
uJ/8B6NTMFEwHQYDVR0OBBYEFMAnZoYUrXoSnBfwtBh8uKxER3d2MB8GA1UdIwQY
MBaAFMAnZoYUrXoSnBfwtBh8uKxER3d2MA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZI
zj0EAwIDSQAwRgIhAMgRifLP37iK0gdQmwMS5FSdmF7XsDHOCjADhzx+XFwtAiEA
3Rg3N3XDLomodvyrDOubbWDkBExNI3/7G9zrA+eC/p0=
-----END CERTIFICATE-----`;
    let served = 0;
    const tls = https.createServer({ key, cert }, (_, res) => {
      served++;
      res.end('{}');
    });
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    const t = transport(`https://127.0.0.1:${(tls.address() as AddressInfo).port}`);
    const e = await rejection(t.request(order));
    t.close();
    tls.close();
    expect(e)
      .to.be.instanceOf(QuoineConnectionError)
      .and.include({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT', mayHaveBeenProcessed: false, attempts: 3 });
    expect(e.message).to.match(/was not sent/);
    expect(served).to.equal(0);
  });

  it('retries a deduplicated order (client_order_id) after a reset', async () => {
    server = await startLoopbackServer((_, i) => (i === 0 ? 'reset' : json('{"id": 1}')));
    const t = transport(server.url);
    const r = await t.request({ ...order, safety: 'deduplicated' });
    expect(r.body).to.deep.equal({ id: '1' });
    expect(server.requests).to.have.length(2);
    t.close();
  });

  it('retries even an order after a 429, waiting the Retry-After it was given', async () => {
    server = await startLoopbackServer((_, i) =>
      i === 0
        ? {
            status: 429,
            body: 'API rate limit exceeded. Please retry after 300s',
            headers: { 'retry-after': '0.05', 'content-type': 'text/plain' },
          }
        : json('{"id": 7}'),
    );
    const t = transport(server.url);
    const started = Date.now();
    const r = await t.request(order);
    expect(r.body).to.deep.equal({ id: '7' });
    expect(Date.now() - started).to.be.at.least(45);
    t.close();
  });

  it('fails fast when the exchange asks for a wait longer than maxRetryAfterMs', async () => {
    server = await startLoopbackServer(() => ({
      status: 429,
      body: 'API rate limit exceeded. Please retry after 300s',
      headers: { 'content-type': 'text/plain' },
    }));
    const t = transport(server.url);
    const e = await rejection(t.request(read));
    expect(e).to.be.instanceOf(RateLimitError).and.include({ retryAfterMs: 300_000, attempts: 1 });
    expect(server.requests).to.have.length(1);
    t.close();
  });

  it('re-signs once after "Nonce is too small", for any call and even with maxRetries 0', async () => {
    server = await startLoopbackServer((_, i) =>
      i === 0
        ? { status: 401, body: 'Nonce is too small', headers: { 'content-type': 'text/plain' } }
        : json('{"id": 3}'),
    );
    const t = transport(server.url, true, 0);
    const r = await t.request(order);
    expect(r.body).to.deep.equal({ id: '3' });
    const [a, b] = server.requests.map((q) => claims(q.headers['x-quoine-auth']).nonce);
    expect(b).to.be.greaterThan(a as number);
    t.close();
  });

  it('surfaces a persisting nonce rejection as NonceTooSmallError after one re-signed retry', async () => {
    server = await startLoopbackServer(() => ({
      status: 401,
      body: 'Nonce is too small',
      headers: { 'content-type': 'text/plain' },
    }));
    const t = transport(server.url);
    const e = await rejection(t.request(order));
    expect(e).to.be.instanceOf(NonceTooSmallError).and.instanceOf(AuthenticationError);
    expect(server.requests).to.have.length(2);
    t.close();
  });

  it('does not follow redirects (the signed token must not travel)', async () => {
    let followed = false;
    const other = await startLoopbackServer(() => {
      followed = true;
      return json('{}');
    });
    server = await startLoopbackServer(() => ({ status: 302, headers: { location: `${other.url}/steal` } }));
    const t = transport(server.url);
    const e = await rejection(t.request(read));
    expect(e).to.be.instanceOf(QuoineResponseError).and.include({ status: 302 });
    expect(followed).to.equal(false);
    await other.close();
    t.close();
  });

  it('retries a read whose 200 body is not JSON, and refuses it in the end', async () => {
    server = await startLoopbackServer(() => ({
      status: 200,
      body: '<html>maintenance</html>',
      headers: { 'content-type': 'text/html' },
    }));
    const t = transport(server.url);
    const e = await rejection(t.request(read));
    expect(e).to.be.instanceOf(QuoineResponseError).and.include({ status: 200 });
    expect(server.requests).to.have.length(3);
    t.close();
  });

  it('does not retry an order whose 200 body is truncated, and says it was processed', async () => {
    server = await startLoopbackServer(() => ({ status: 200, body: '{"id": 2914273073, "pri' }));
    const t = transport(server.url);
    const e = await rejection(t.request(order));
    expect(e).to.be.instanceOf(QuoineResponseError);
    expect(e.message).to.match(/the request was processed/);
    expect(server.requests).to.have.length(1);
    t.close();
  });

  it('times out a stalled response with QuoineTimeoutError, retrying reads', async () => {
    server = await startLoopbackServer(() => 'hang');
    const t = transport(server.url);
    const e = await rejection(t.request({ ...read, options: { timeout: 100 } }));
    expect(e).to.be.instanceOf(QuoineTimeoutError).and.include({ mayHaveBeenProcessed: true, attempts: 3 });
    expect(server.requests).to.have.length(3);
    const e2 = await rejection(t.request({ ...order, options: { timeout: 100 } }));
    expect(e2).to.be.instanceOf(QuoineTimeoutError).and.include({ attempts: 1 });
    t.close();
  });

  it('aborts through the caller signal', async () => {
    server = await startLoopbackServer(() => 'hang');
    const t = transport(server.url);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const e = await rejection(t.request({ ...read, options: { signal: controller.signal } }));
    expect(e).to.be.instanceOf(QuoineAbortError);
    t.close();
  });

  it('keeps 200 concurrent signed calls in strictly increasing nonce order on arrival', async () => {
    server = await startLoopbackServer(() => json('{}'));
    const t = transport(server.url);
    await Promise.all(Array.from({ length: 200 }, (_, i) => t.request({ ...read, query: { page: i } })));
    const nonces = server.requests.map((q) => claims(q.headers['x-quoine-auth']).nonce);
    expect(nonces).to.have.length(200);
    for (let i = 1; i < nonces.length; i++)
      expect(nonces[i], `arrival ${i}`).to.be.greaterThan(nonces[i - 1] as number);
    t.close();
  });

  it("does not count the wait for its turn in a signed call's timeout, and lets an abort leave the queue", async () => {
    server = await startLoopbackServer((_, i) => (i === 0 ? 'hang' : json('{}')));
    const t = transport(server.url, true, 0);
    const stuck = rejection(t.request({ ...order, options: { timeout: 300 } }));
    const controller = new AbortController();
    const leaving = rejection(t.request({ ...read, options: { timeout: 200, signal: controller.signal } }));
    const queued = Array.from({ length: 5 }, () => t.request({ ...read, options: { timeout: 200 } }));
    controller.abort();
    expect(await leaving).to.be.instanceOf(QuoineAbortError);
    expect(await stuck).to.be.instanceOf(QuoineTimeoutError);
    const done = await Promise.all(queued);
    expect(done).to.have.length(5);
    expect(server.requests).to.have.length(6);
    t.close();
  });

  it('never lets the secret or a signed token reach an error, its cause, inspect or JSON', async () => {
    const tokens: string[] = [];
    const replies: Reply[] = [
      { status: 401, body: 'API Authentication failed', headers: { 'content-type': 'text/plain' } },
      'reset',
      { status: 200, body: 'not json' },
      'hang',
      { status: 503, body: '' },
    ];
    let next: Reply = 'reset';
    server = await startLoopbackServer((q) => {
      tokens.push(String(q.headers['x-quoine-auth']));
      return next;
    });
    const client = new Quoine({
      baseUrl: server.url,
      tokenId: TOKEN,
      secret: SECRET,
      rateLimit: false,
      timeout: 200,
      maxRetries: 1,
    });
    for (const reply of replies) {
      next = reply;
      const t = transport(server.url, true, 1);
      const e = await rejection(t.request({ ...read, options: { timeout: 200 } }));
      assertNoSecret(e, tokens);
      t.close();
    }
    expect(tokens.length).to.be.greaterThan(5);
    for (const text of [inspect(client, { depth: 20, showHidden: true }), JSON.stringify(client)]) {
      expect(text).not.to.include(SECRET);
    }
    await client.close();
  });
});
