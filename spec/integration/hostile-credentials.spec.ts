/**
 * Echoed credentials (issue 10): a server or proxy that echoes the request's X-Quoine-Auth (the
 * whole JWT, or only its signature) or knows the secret, and puts them in a body, a header's
 * value or name, the status text, or a field the client fails to read, never gets them into any
 * view of the error: message, String, stack, util.inspect, JSON.stringify, headers, cause, or
 * any other own field. A 5 MB error message is bounded, and the cut never leaves part of a token.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { expect } from 'chai';
import { Quoine } from '../../lib/client.js';
import { QuoineAPIError, QuoineError, QuoineResponseError } from '../../lib/core/errors.js';
import { MAX_ERROR_MESSAGE_CHARS } from '../../lib/core/errors.js';
import { MIN_REDACTED_RUN, REDACTED, redactTokens, redactorFor, scrub, scrubError } from '../../lib/core/scrub.js';
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

/** Every string reachable from `value`: own fields (enumerable or not), nested, keys too. */
function allStrings(value: unknown, seen = new WeakSet<object>()): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null || seen.has(value)) return [];
  seen.add(value);
  const out: string[] = [];
  for (const key of Object.getOwnPropertyNames(value)) {
    out.push(key);
    out.push(...allStrings((value as Record<string, unknown>)[key], seen));
  }
  return out;
}

/** Every view of an error a program or a log could produce. */
function views(error: Error): string[] {
  return [
    error.message,
    String(error),
    error.stack ?? '',
    inspect(error, { depth: 20, showHidden: true }),
    JSON.stringify(error),
    JSON.stringify((error as { headers?: unknown }).headers ?? null),
    inspect(error.cause, { depth: 20, showHidden: true }),
    ...allStrings(error),
  ];
}

/** The runs of `length` characters of `text`. */
const windowsOf = (text: string, length: number): string[] =>
  Array.from({ length: Math.max(0, text.length - length + 1) }, (_, i) => text.slice(i, i + length));

/**
 * What each base64 or base64url run of `text` decodes to, at each of the four character
 * alignments (the run may start mid-group): an echo encoded whole or inside a longer text.
 */
function decodedRuns(text: string): string[] {
  return [...text.matchAll(/[A-Za-z0-9+/_-]{16,}/g)].flatMap(([run]) =>
    [0, 1, 2, 3].map((skip) => Buffer.from(run.slice(skip), 'base64').toString('latin1')),
  );
}

/**
 * Fails if a view holds the secret, a token, a signature, 16 consecutive characters of a
 * signature or of the secret, or any of these base64- or base64url-encoded.
 */
function expectClean(error: Error, tokens: readonly string[]): void {
  const texts = views(error);
  const forbidden = [SECRET, ...tokens, ...tokens.map((t) => t.split('.')[2] as string)];
  const windows = [SECRET, ...tokens.map((t) => t.split('.')[2] as string)].flatMap((s) => windowsOf(s, 16));
  // Case-insensitively: a header name comes back lower-cased, still a credential to a patient reader.
  // Plain loops, one assertion each: chai per (text, window) pair costs seconds.
  const lower = texts.map((t) => t.toLowerCase());
  expect(
    forbidden.find((f) => lower.some((t) => t.includes(f.toLowerCase()))),
    'a credential leaked',
  ).to.equal(undefined);
  expect(
    windows.find((w) => lower.some((t) => t.includes(w.toLowerCase()))),
    'part of a signature or of the secret leaked',
  ).to.equal(undefined);
  const decoded = texts.flatMap(decodedRuns);
  expect(
    windows.find((w) => decoded.some((d) => d.includes(w))),
    'an encoded credential leaked',
  ).to.equal(undefined);
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

  describe('the scrubber (core/scrub.ts, shared with realtime)', () => {
    it('redacts JWT shapes, bounds after redacting, and rewrites every field, key and cause of an error', () => {
      const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJwYXRoIjoiL29yZGVycyJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
      expect(redactTokens(`a ${jwt} b`)).to.equal(`a ${REDACTED} b`);
      const text = `${'z'.repeat(195)} ${jwt}`;
      expect(scrub(text, 200)).to.equal(
        `${'z'.repeat(195)} ${REDACTED.slice(0, 4)}… (truncated, ${text.length} characters)`,
      );
      expect(scrub(`${jwt} ${'q'.repeat(5_000_000)}`, 50)).to.equal(
        `${REDACTED} ${'q'.repeat(39)}… (truncated, ${jwt.length + 5_000_001} characters)`,
      );
      const inner = new Error(`inner ${jwt}`);
      const e = Object.assign(new Error(`outer ${jwt}`, { cause: inner }), {
        headers: { [jwt]: jwt },
        list: [jwt, { deep: jwt }],
      });
      Object.defineProperty(e, 'hidden', { value: jwt, enumerable: false, writable: false, configurable: true });
      scrubError(e);
      for (const text of views(e)) expect(text).not.to.include(jwt);
    });

    it('redacts a known secret encoded (base64, base64url, any byte offset) or as any run of 16+ of its characters', () => {
      const redact = redactorFor([SECRET]);
      const b64 = (text: string, url = false): string => Buffer.from(text).toString(url ? 'base64url' : 'base64');
      for (const echo of [
        b64(SECRET),
        b64(SECRET, true),
        b64(`x${SECRET}`),
        b64(`xy${SECRET}yx`, true),
        `${SECRET.slice(0, 16)} ${SECRET.slice(16)}`,
        SECRET.slice(3, 3 + MIN_REDACTED_RUN),
      ]) {
        const out = redact(`<${echo}>`);
        expect(out, echo).to.include(REDACTED);
        expect(
          windowsOf(SECRET, MIN_REDACTED_RUN).find(
            (w) => out.includes(w) || decodedRuns(out).some((d) => d.includes(w)),
          ),
          echo,
        ).to.equal(undefined);
      }
      // 15 characters of it, and ordinary text, are left alone.
      expect(redact(`<${SECRET.slice(0, MIN_REDACTED_RUN - 1)}>`)).to.equal(
        `<${SECRET.slice(0, MIN_REDACTED_RUN - 1)}>`,
      );
      expect(redact('Order not found (code 404): Echoed request')).to.equal(
        'Order not found (code 404): Echoed request',
      );
      // A secret shorter than a run is redacted where it stands whole.
      expect(redactorFor(['s3cr3t-value'])('is s3cr3t-value! s3cr3t-valu')).to.equal(`is ${REDACTED}! s3cr3t-valu`);
    });
  });
});
