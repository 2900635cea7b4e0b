/**
 * Echoed credentials (issue 10): a server or proxy that echoes the request's X-Quoine-Auth (the
 * whole JWT, or only its signature) or knows the secret, and puts them in a body, a header's
 * value or name, the status text, or a field the client fails to read, never gets them into any
 * view of the error: message, String, stack, util.inspect, JSON.stringify, headers, cause, or
 * any other own field. A 5 MB error message is bounded, and the cut never leaves part of a token.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { Quoine } from '../../lib/client.js';
import { QuoineAPIError, QuoineError, QuoineResponseError } from '../../lib/core/errors.js';
import { MAX_ERROR_MESSAGE_CHARS } from '../../lib/core/errors.js';
import { REDACTED } from '../../lib/core/scrub.js';
import { decodedRuns, leakedRun, views } from '../helpers/leak-views.js';
import { rejection } from '../helpers/rejection.js';

const SECRET = 'Echoed-Secret-0123456789abcdefXYZ';
const TOKEN_ID = '777';

/** What the hostile server answers, given the token it received. */
interface Echo {
  readonly status: number;
  readonly statusText?: string;
  readonly headers?: Record<string, string>;
  readonly body: string;
}

type Echoer = (jwt: string, signature: string) => Echo;

/**
 * Fails if a view holds the secret, a token, a signature, 16 consecutive characters of a
 * signature or of the secret, or any of these base64- or base64url-encoded.
 */
function expectClean(error: Error, tokens: readonly string[]): void {
  const texts = views(error);
  const signatures = tokens.map((t) => t.split('.')[2] as string);
  const lower = texts.map((t) => t.toLowerCase());
  expect(
    [SECRET, ...tokens, ...signatures].find((f) => lower.some((t) => t.includes(f.toLowerCase()))),
    'a credential leaked',
  ).to.equal(undefined);
  expect(leakedRun(texts, [SECRET, ...signatures], 16), 'part of a signature or of the secret leaked').to.equal(
    undefined,
  );
  expect(leakedRun(texts.flatMap(decodedRuns), [SECRET, ...signatures], 16), 'an encoded credential leaked').to.equal(
    undefined,
  );
}

describe('hostile servers echoing credentials', () => {
  let server: http.Server;
  let url: string;
  let echo: Echoer = () => ({ status: 200, body: '[]' });
  const tokens: string[] = [];
  before(async () => {
    server = http.createServer((req, res) => {
      req.resume();
      const jwt = String(req.headers['x-quoine-auth'] ?? '');
      tokens.push(jwt);
      const e = echo(jwt, jwt.split('.')[2] ?? '');
      res.writeHead(e.status, e.statusText ?? 'OK', { 'content-type': 'application/json', ...e.headers });
      res.end(e.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  beforeEach(() => {
    tokens.length = 0;
  });

  const client = (): Quoine =>
    new Quoine({ baseUrl: url, tokenId: TOKEN_ID, secret: SECRET, rateLimit: false, maxRetries: 1 });

  const cases: ReadonlyArray<[string, Echoer]> = [
    [
      'the JWT in a 401 JSON message',
      (jwt) => ({ status: 401, body: JSON.stringify({ message: `bad token ${jwt}` }) }),
    ],
    [
      'the JWT in a plain-text 401',
      (jwt) => ({
        status: 401,
        body: `API Authentication failed for ${jwt}`,
        headers: { 'content-type': 'text/plain' },
      }),
    ],
    [
      'the JWT in 422 error codes and field names',
      (jwt) => ({ status: 422, body: JSON.stringify({ errors: { [jwt]: [jwt, `x${jwt}x`] } }) }),
    ],
    ['the JWT in an errors array', (jwt) => ({ status: 400, body: JSON.stringify({ errors: [jwt] }) })],
    [
      'the JWT in a response header value and the status text',
      (jwt) => ({
        status: 503,
        statusText: `Unavailable ${jwt}`,
        body: '',
        headers: { 'x-echo-auth': jwt, 'x-quoine-auth': jwt },
      }),
    ],
    [
      'the JWT as a response header name',
      (jwt) => ({ status: 404, body: '{"message":"Order not found"}', headers: { [jwt]: '1' } }),
    ],
    [
      'the JWT in a Retry-After and a 429 body',
      (jwt) => ({ status: 429, body: `retry ${jwt}`, headers: { 'retry-after': jwt, 'content-type': 'text/plain' } }),
    ],
    [
      'the JWT in the content type of a 200 that is not JSON',
      (jwt) => ({ status: 200, body: '<html>', headers: { 'content-type': `text/html; ${jwt}` } }),
    ],
    [
      'the signature alone in an error message',
      (_, sig) => ({ status: 401, body: JSON.stringify({ message: `signature ${sig} refused` }) }),
    ],
    ['the signature alone in a header', (_, sig) => ({ status: 503, body: '', headers: { 'x-sig': sig } })],
    [
      'the signature alone as a field the client cannot read',
      (_, sig) => ({ status: 200, body: JSON.stringify({ id: sig }) }),
    ],
    [
      'the secret in a message and a header',
      () => ({ status: 401, body: JSON.stringify({ message: `secret ${SECRET}` }), headers: { 'x-secret': SECRET } }),
    ],
    ['the secret as a field the client cannot read', () => ({ status: 200, body: JSON.stringify({ id: SECRET }) })],
    [
      'the JWT straddling the 500-character cut of a message',
      (jwt) => ({ status: 422, body: JSON.stringify({ message: `${'m'.repeat(480)}${jwt}${'m'.repeat(100)}` }) }),
    ],
    [
      'the signature straddling the 500-character cut of a message',
      (_, sig) => ({ status: 422, body: JSON.stringify({ message: `${'m'.repeat(480)}${sig}${'m'.repeat(100)}` }) }),
    ],
    [
      'the JWT base64-encoded in a 401 message',
      (jwt) => ({
        status: 401,
        body: JSON.stringify({ message: `invalid token (base64) ${Buffer.from(jwt).toString('base64')}` }),
      }),
    ],
    [
      'the JWT base64url-encoded in a 401 message',
      (jwt) => ({
        status: 401,
        body: JSON.stringify({ message: `invalid token ${Buffer.from(jwt).toString('base64url')}` }),
      }),
    ],
    ...[1, 2, 3].map((offset): [string, Echoer] => [
      `the JWT base64-encoded inside a longer text (byte offset ${offset})`,
      (jwt) => ({
        status: 401,
        body: JSON.stringify({
          message: `dump ${Buffer.from(`${'{"a":"'.slice(0, offset + 3)}${jwt}"}`).toString('base64')}`,
        }),
      }),
    ]),
    [
      'the signature split by a space',
      (_, sig) => ({ status: 401, body: JSON.stringify({ message: `bad sig ${sig.slice(0, 20)} ${sig.slice(20)}` }) }),
    ],
    [
      'the signature split by a newline, in a header too',
      (_, sig) => ({
        status: 401,
        body: JSON.stringify({ message: `bad sig ${sig.slice(0, 20)}\n${sig.slice(20)}` }),
        headers: { 'x-sig': `${sig.slice(0, 16)} ${sig.slice(16)}` },
      }),
    ],
    [
      'the signature cut into three runs of 16 or more',
      (_, sig) => ({
        status: 401,
        body: `${sig.slice(0, 16)}|${sig.slice(16, 32)}.${sig.slice(27)}`,
        headers: { 'content-type': 'text/plain' },
      }),
    ],
    [
      'the secret base64- and base64url-encoded, and split',
      () => ({
        status: 401,
        body: JSON.stringify({
          message: `${Buffer.from(SECRET).toString('base64')} ${Buffer.from(SECRET).toString('base64url')} ${SECRET.slice(0, 16)} ${SECRET.slice(16)}`,
        }),
        headers: { 'x-secret': Buffer.from(SECRET).toString('base64') },
      }),
    ],
    [
      'the JWT in a 5 MB message',
      (jwt) => ({ status: 400, body: JSON.stringify({ message: `${jwt} ${'x'.repeat(5_000_000)} ${jwt}` }) }),
    ],
  ];

  for (const [what, echoer] of cases) {
    it(`keeps out ${what}`, async () => {
      echo = echoer;
      const c = client();
      const e = await rejection(c.orders.get(42));
      await c.close();
      expect(e).to.be.instanceOf(QuoineError);
      expect(tokens.length).to.be.greaterThan(0);
      expectClean(e, tokens);
    });
  }

  it("keeps the secret out of a public call's error too (the client has credentials)", async () => {
    echo = () => ({ status: 200, body: JSON.stringify([{ id: SECRET }]) });
    const c = client();
    const e = await rejection(c.products.list());
    await c.close();
    expect(e).to.be.instanceOf(QuoineResponseError);
    expectClean(e, []);
    expect(e.message).to.include(REDACTED);
  });

  it('does not shred an error when the secret is short (a test secret such as "s")', async () => {
    echo = () => ({ status: 503, body: '{"message":"busy"}' });
    const c = new Quoine({ baseUrl: url, tokenId: TOKEN_ID, secret: 's', rateLimit: false, maxRetries: 0 });
    const e = await rejection(c.orders.get(42));
    await c.close();
    expect(e)
      .to.be.instanceOf(QuoineAPIError)
      .and.include({ status: 503, attempts: 1, method: 'GET', path: '/orders/42' });
    expect((e as QuoineAPIError).messages).to.deep.equal(['busy']);
    expect(e.message).to.equal('GET /orders/42 → 503 Service Unavailable: busy');
    expect(Object.keys(e)).to.include.members([
      'status',
      'method',
      'path',
      'messages',
      'errors',
      'headers',
      'retryAfterMs',
      'attempts',
    ]);
  });

  it('bounds a 5 MB error message, saying it was cut, with every message of the body bounded too', async () => {
    echo = () => ({
      status: 422,
      body: JSON.stringify({
        message: 'x'.repeat(5_000_000),
        errors: Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`f${i}`, ['y'.repeat(10_000)]])),
      }),
    });
    const c = client();
    // A 25 MB body: above the default maxResponseBytes, so the call raises it to reach the error body.
    const e = await rejection(c.orders.get(42, { maxResponseBytes: 64 * 1024 * 1024 }));
    await c.close();
    expect(e).to.be.instanceOf(QuoineAPIError);
    expect(e.message.length).to.be.below(MAX_ERROR_MESSAGE_CHARS + 200);
    expect(e.message).to.match(/truncated, \d+ characters/);
    const api = e as QuoineAPIError;
    expect(api.messages.length).to.be.at.most(51);
    for (const m of api.messages) expect(m.length).to.be.below(700);
    expect(Object.keys(api.errors).length).to.be.at.most(50);
    expect(JSON.stringify(e).length).to.be.below(100_000);
  });
});
