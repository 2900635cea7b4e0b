/**
 * Concurrency against the sandbox (issue 7): 1,000 concurrent signed calls through one client
 * earn no nonce rejection at all; two clients sharing a token behave as the reference says.
 */
import { expect } from 'chai';
import sinon from 'sinon';
import { Quoine } from '../../lib/client.js';
import { AuthenticationError, NonceTooSmallError } from '../../lib/core/errors.js';
import { startSandbox, type Sandbox } from '../../lib/sandbox/index.js';
import { startCountingProxy, type CountingProxy } from '../helpers/counting-proxy.js';
import { rejection } from '../helpers/rejection.js';

describe('concurrency against the sandbox', function () {
  this.timeout(60_000);
  let sandbox: Sandbox;
  let proxy: CountingProxy;
  before(async () => {
    sandbox = await startSandbox({ port: 0, market: false, rateLimit: false });
    proxy = await startCountingProxy(sandbox.url);
  });
  after(async () => {
    await proxy.close();
    await sandbox.close();
  });

  it('1,000 concurrent signed calls through one client: every one succeeds, the exchange rejects no nonce', async () => {
    const token = sandbox.createToken({ JPY: '100000000' });
    const client = new Quoine({
      baseUrl: proxy.url,
      tokenId: token.tokenId,
      secret: token.secret,
      rateLimit: false,
      maxRetries: 0,
    });
    const calls = Array.from({ length: 1000 }, (_, i) =>
      i % 2 === 0 ? client.accounts.balances() : client.orders.limitBuy(5, '0.001', String(950000 + i)),
    );
    const results = await Promise.allSettled(calls);
    expect(results.filter((r) => r.status === 'rejected')).to.deep.equal([]);
    expect(proxy.statuses.get(401) ?? 0, proxy.unauthorizedBodies.join('; ')).to.equal(0);
    expect(proxy.statuses.get(200)).to.equal(1000);
    expect(sandbox.exchange.orders(token.userId)).to.have.length(500);
    await client.close();
  });

  it('two clients on one token: the one behind gets NonceTooSmallError, typed and explained, after one re-signed retry', async () => {
    const token = sandbox.createToken({ JPY: '1000' });
    const ahead = new Quoine({ baseUrl: sandbox.url, tokenId: token.tokenId, secret: token.secret, rateLimit: false });
    const behind = new Quoine({ baseUrl: sandbox.url, tokenId: token.tokenId, secret: token.secret, rateLimit: false });
    // `ahead` signs one call an hour in the future: the token's nonce high-water mark moves there.
    const clock = sinon.useFakeTimers({ toFake: ['Date'], now: Date.now() + 3_600_000 });
    try {
      await ahead.accounts.balances();
    } finally {
      clock.restore();
    }
    const error = await rejection(behind.accounts.balances());
    expect(error).to.be.instanceOf(NonceTooSmallError).and.instanceOf(AuthenticationError);
    expect((error as NonceTooSmallError).attempts).to.equal(2);
    expect(error.message).to.match(
      /Nonce is too small.*another program or client instance is signing with this API token/,
    );
    expect(error.message).not.to.include(token.secret);
    // The client ahead keeps working.
    expect(await ahead.accounts.balances()).to.be.an('array');
    await ahead.close();
    await behind.close();
  });
});
