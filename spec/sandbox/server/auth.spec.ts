import { expect } from 'chai';
import { createHmac } from 'node:crypto';
import type { Got } from 'got';
import jwt from 'jsonwebtoken';
import type { Sandbox, SandboxToken } from '../../../lib/sandbox/index.js';
import { call, httpClient, json, nextNonce, sign, startTestSandbox } from './helpers.js';

describe('sandbox authentication (quoine-api.md §2)', () => {
  let sandbox: Sandbox & { warnings: string[] };
  let client: Got;
  let token: SandboxToken;

  before(async () => {
    sandbox = await startTestSandbox({ rateLimit: false });
    client = httpClient(sandbox);
    token = sandbox.createToken({ USD: '100000', JPY: '100000000', BTC: '10' });
  });

  after(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined when before() failed
    await sandbox?.close();
  });

  const withToken = (authToken: string, path = '/accounts/balance') => call(client, 'GET', path, { token: authToken });
  const claims = (extra: Record<string, unknown> = {}) => ({
    path: '/accounts/balance',
    nonce: Number(nextNonce()),
    token_id: token.tokenId,
    ...extra,
  });

  it('accepts an HS256 token signed with the secret, token_id as a string or a number', async () => {
    expect((await withToken(jwt.sign(claims(), token.secret))).statusCode).to.equal(200);
    expect((await withToken(jwt.sign(claims({ token_id: Number(token.tokenId) }), token.secret))).statusCode).to.equal(
      200,
    );
  });

  it('answers 401 plain text "API Authentication failed" without auth, with a bad signature or an unknown token', async () => {
    for (const response of [
      await call(client, 'GET', '/accounts/balance'),
      await withToken(jwt.sign(claims(), 'not the secret')),
      await withToken(jwt.sign(claims({ token_id: '1' }), token.secret)),
      await withToken('not.a.jwt'),
    ]) {
      expect(response.statusCode).to.equal(401);
      expect(response.body).to.equal('API Authentication failed');
      expect(response.headers['content-type']).to.equal('application/json; charset=utf-8');
    }
  });

  it('refuses alg none and HS512 even with the right secret', async () => {
    const header = (alg: string) => Buffer.from(JSON.stringify({ alg, typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify(claims())).toString('base64url');
    expect((await withToken(`${header('none')}.${payload}.`)).statusCode).to.equal(401);
    const hs512 = jwt.sign(claims(), token.secret, { algorithm: 'HS512' });
    expect((await withToken(hs512)).body).to.equal('API Authentication failed');
  });

  it('refuses a nonce that does not increase with 401 "Nonce is too small", and accepts a numeric string nonce', async () => {
    const nonce = nextNonce();
    expect((await withToken(jwt.sign(claims({ nonce: String(nonce) }), token.secret))).statusCode).to.equal(200);
    const stale = await withToken(jwt.sign(claims({ nonce: String(nonce) }), token.secret));
    expect(stale.statusCode).to.equal(401);
    expect(stale.body).to.equal('Nonce is too small');
    const smaller = await withToken(jwt.sign(claims({ nonce: Number(nonce - 5n) }), token.secret));
    expect(smaller.body).to.equal('Nonce is too small');
  });

  it('compares nanosecond nonces exactly (two values one apart that a double cannot tell apart)', async () => {
    // jsonwebtoken serializes through JSON.stringify, which cannot write a 20-digit integer exactly:
    // build the token by hand so the nonce's digits reach the server as written. A token of its own,
    // since its nonces now sit far above the other tests' microsecond ones.
    const nsToken = sandbox.createToken({});
    const signed = (nonce: bigint): string => {
      const header = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
      const payload = Buffer.from(
        `{"path":"/accounts/balance","nonce":${nonce},"token_id":"${nsToken.tokenId}"}`,
      ).toString('base64url');
      return `${header}.${payload}.${createHmac('sha256', nsToken.secret).update(`${header}.${payload}`).digest('base64url')}`;
    };
    const base = 10n ** 19n + nextNonce();
    expect((await withToken(signed(base))).statusCode).to.equal(200);
    expect((await withToken(signed(base + 1n))).statusCode).to.equal(200);
    expect((await withToken(signed(base + 1n))).body).to.equal('Nonce is too small');
  });

  it('needs a nonce unless a POST /orders carries a client_order_id', async () => {
    expect(
      (await withToken(jwt.sign({ path: '/accounts/balance', token_id: token.tokenId }, token.secret))).statusCode,
    ).to.equal(401);
    const body = {
      order: {
        order_type: 'limit',
        product_id: 5,
        side: 'buy',
        quantity: '0.01',
        price: '600000',
        client_order_id: 'no-nonce-1',
      },
    };
    const noNonce = jwt.sign({ path: '/orders', token_id: token.tokenId }, token.secret);
    const created = await call(client, 'POST', '/orders', { token: noNonce, body });
    expect(created.statusCode).to.equal(200);
    // Replaying the same request is refused: the id is already among the user's last 100.
    const replay = await call(client, 'POST', '/orders', { token: noNonce, body });
    expect(replay.statusCode).to.equal(422);
    expect(json(replay)).to.deep.equal({ errors: { client_order_id: ['has_already_been_taken'] } });
    // Without the client_order_id the same token is refused.
    const { client_order_id: _id, ...withoutId } = body.order;
    expect((await call(client, 'POST', '/orders', { token: noNonce, body: { order: withoutId } })).statusCode).to.equal(
      401,
    );
  });

  it('keeps client_order_id unique among the last 100 only', async () => {
    const user = sandbox.createToken({ JPY: '100000000' });
    const place = (id: string) =>
      call(client, 'POST', '/orders', {
        token: jwt.sign({ path: '/orders', token_id: user.tokenId }, user.secret),
        body: {
          order_type: 'limit',
          product_id: 5,
          side: 'buy',
          quantity: '0.001',
          price: '600000',
          client_order_id: id,
        },
      });
    for (let i = 0; i < 101; i += 1) expect((await place(`window-${i}`)).statusCode).to.equal(200);
    // window-0 has left the window of the last 100; window-1 has not.
    expect((await place('window-0')).statusCode).to.equal(200);
    expect((await place('window-2')).statusCode).to.equal(422);
  });

  it('serves a tolerated form of the path claim (a full URL) and warns about it, without the token', async () => {
    const before = sandbox.warnings.length;
    const response = await withToken(
      jwt.sign(claims({ path: 'https://api.liquid.com/accounts/balance' }), token.secret),
    );
    expect(response.statusCode).to.equal(200);
    const warning = sandbox.warnings.slice(before).find((line) => line.includes('path claim'));
    expect(warning).to.be.a('string');
    expect(warning).to.not.include(token.secret);
  });

  it('serves public endpoints with or without an auth header, and warns once when the version header is missing', async () => {
    expect((await call(client, 'GET', '/products')).statusCode).to.equal(200);
    expect((await call(client, 'GET', '/products', { credentials: token })).statusCode).to.equal(200);
    const before = sandbox.warnings.length;
    const bare = await client('products', { headers: { 'X-Quoine-API-Version': undefined } });
    expect(bare.statusCode).to.equal(200);
    expect(sandbox.warnings.slice(before).some((line) => line.includes('X-Quoine-API-Version'))).to.equal(true);
  });

  it('can answer a stale nonce as JSON with another status (configurable, §9)', async () => {
    const other = await startTestSandbox({ nonceError: { status: 400, shape: 'json' } });
    try {
      const otherClient = httpClient(other);
      const nonce = Number(nextNonce());
      const path = '/accounts/balance';
      const signed = jwt.sign({ path, nonce, token_id: other.demo.tokenId }, other.demo.secret);
      expect((await call(otherClient, 'GET', path, { token: signed })).statusCode).to.equal(200);
      const stale = await call(otherClient, 'GET', path, { token: signed });
      expect(stale.statusCode).to.equal(400);
      expect(json(stale)).to.deep.equal({ message: 'Nonce is too small' });
    } finally {
      await other.close();
    }
  });

  it('signs with the helper used by the other specs', async () => {
    expect(
      (await call(client, 'GET', '/accounts/balance', { token: sign(token, '/accounts/balance') })).statusCode,
    ).to.equal(200);
  });
});
