// The rate limit counts verified requests per verified token (issue 11): an attacker's made-up or
// forged tokens spend nobody's budget and leave nothing behind on the server.
import { expect } from 'chai';
import jwt from 'jsonwebtoken';
import { MAX_RATE_KEYS, SlidingWindowLimiter } from '../../../lib/sandbox/server/rate-limiter.js';
import type { Sandbox } from '../../../lib/sandbox/index.js';
import { call, httpClient, json, nextNonce, startTestSandbox } from './helpers.js';

/** An unsigned token (`alg: none`) claiming `token_id`. */
function unsigned(tokenId: string, path = '/accounts/balance'): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ token_id: tokenId, nonce: Number(nextNonce()), path })}.`;
}

describe('sandbox rate limit: verified requests only (issue 11)', () => {
  const running: Sandbox[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((sandbox) => sandbox.close()));
  });
  const start = async (options: Parameters<typeof startTestSandbox>[0]) => {
    const sandbox = await startTestSandbox(options);
    running.push(sandbox);
    return sandbox;
  };

  it('keeps nothing for requests with made-up token ids: no rate-limit key, no nonce, no warning', async () => {
    const sandbox = await start({ rateLimit: 300 });
    const client = httpClient(sandbox);
    const before = sandbox.stats();
    for (let i = 0; i < 200; i += 1) {
      const response = await call(client, 'GET', '/accounts/balance', {
        token: unsigned(`made-up-${i}-${'x'.repeat(500)}`),
      });
      expect(response.statusCode).to.equal(401);
    }
    // Without the version header too: the warning about it is keyed on who was verified, not on claims.
    for (let i = 0; i < 50; i += 1)
      await client('accounts/balance', {
        headers: { 'X-Quoine-API-Version': undefined, 'X-Quoine-Auth': unsigned(`v-${i}`) },
      });
    const after = sandbox.stats();
    expect(after.rateLimitKeys).to.equal(before.rateLimitKeys);
    expect(after.nonceTokens).to.equal(before.nonceTokens);
    expect(after.warningKeys).to.equal(before.warningKeys);
  });

  it("a forged JWT carrying a victim's token_id spends none of the victim's budget", async () => {
    const sandbox = await start({ rateLimit: 3 });
    const client = httpClient(sandbox);
    const victim = sandbox.createToken({ USD: '1' });
    const forged = () =>
      jwt.sign(
        { token_id: victim.tokenId, nonce: Number(nextNonce()), path: '/accounts/balance' },
        'a guessed secret',
        { noTimestamp: true },
      );
    for (let i = 0; i < 10; i += 1)
      expect((await call(client, 'GET', '/accounts/balance', { token: forged() })).statusCode).to.equal(401);
    for (let i = 0; i < 10; i += 1)
      expect((await call(client, 'GET', '/accounts/balance', { token: unsigned(victim.tokenId) })).statusCode).to.equal(
        401,
      );
    for (let i = 0; i < 3; i += 1)
      expect((await call(client, 'GET', '/accounts/balance', { credentials: victim })).statusCode).to.equal(200);
    expect((await call(client, 'GET', '/accounts/balance', { credentials: victim })).statusCode).to.equal(429);
  });

  it("a replayed (stale-nonce) JWT of the victim spends none of the victim's budget either", async () => {
    const sandbox = await start({ rateLimit: 3 });
    const client = httpClient(sandbox);
    const victim = sandbox.createToken({ USD: '1' });
    const captured = jwt.sign(
      { token_id: victim.tokenId, nonce: Number(nextNonce()), path: '/accounts/balance' },
      victim.secret,
      { noTimestamp: true },
    );
    expect((await call(client, 'GET', '/accounts/balance', { token: captured })).statusCode).to.equal(200);
    for (let i = 0; i < 10; i += 1)
      expect((await call(client, 'GET', '/accounts/balance', { token: captured })).body).to.equal('Nonce is too small');
    for (let i = 0; i < 2; i += 1)
      expect((await call(client, 'GET', '/accounts/balance', { credentials: victim })).statusCode).to.equal(200);
    expect((await call(client, 'GET', '/accounts/balance', { credentials: victim })).statusCode).to.equal(429);
  });

  it('names the seconds until the oldest counted request leaves the window, in the message and Retry-After', async () => {
    let now = 1_700_000_000_000;
    const sandbox = await start({ rateLimit: 3, now: () => now });
    const client = httpClient(sandbox);
    const user = sandbox.createToken({ USD: '1' });
    for (const at of [0, 100_000, 200_000]) {
      now = 1_700_000_000_000 + at;
      expect((await call(client, 'GET', '/accounts/balance', { credentials: user })).statusCode).to.equal(200);
    }
    now = 1_700_000_000_000 + 250_000;
    const limited = await call(client, 'GET', '/accounts/balance', { credentials: user });
    expect(limited.statusCode).to.equal(429);
    expect(limited.headers['retry-after']).to.equal('50');
    expect(limited.headers['content-type']).to.equal('application/json; charset=utf-8');
    expect(json(limited)).to.deep.equal({ message: 'API rate limit exceeded. Please retry after 50s' });
    now = 1_700_000_000_000 + 300_001;
    expect((await call(client, 'GET', '/accounts/balance', { credentials: user })).statusCode).to.equal(200);
  });

  describe('SlidingWindowLimiter memory', () => {
    it('forgets keys whose requests all left the window', () => {
      let now = 0;
      const limiter = new SlidingWindowLimiter(5, 1000, () => now);
      for (let i = 0; i < 1000; i += 1) limiter.take(`ip:${i}`);
      expect(limiter.size).to.equal(1000);
      now = 1001;
      limiter.take('ip:late');
      expect(limiter.size).to.equal(1);
    });

    it('holds at most maxKeys keys, forgetting the least recently active first', () => {
      const limiter = new SlidingWindowLimiter(2, 1000, () => 0, 3);
      for (const key of ['a', 'b', 'c']) limiter.take(key);
      limiter.take('a'); // a is now the most recent
      limiter.take('d'); // b, the least recently active, is forgotten
      expect(limiter.size).to.equal(3);
      expect(limiter.take('a').allowed, 'a kept its count').to.equal(false);
      expect(limiter.take('b').allowed, 'b was forgotten').to.equal(true);
      expect(MAX_RATE_KEYS).to.be.a('number').and.to.be.at.most(100_000);
    });
  });
});
