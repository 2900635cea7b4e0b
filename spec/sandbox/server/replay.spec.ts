// Replay and path binding (issue 11): a JWT acts once, on the endpoint it was signed for. The only
// forms of the path claim accepted besides the exact one are those real clients signed (§2.1).
import { expect } from 'chai';
import type { Got } from 'got';
import jwt from 'jsonwebtoken';
import { bindPathClaim } from '../../../lib/sandbox/auth/path-claim.js';
import type { Sandbox, SandboxToken } from '../../../lib/sandbox/index.js';
import { call, httpClient, json, nextNonce, startTestSandbox } from './helpers.js';

describe('sandbox replay protection and path binding (issue 11)', () => {
  let sandbox: Sandbox & { warnings: string[] };
  let client: Got;

  before(async () => {
    sandbox = await startTestSandbox({ rateLimit: false });
    client = httpClient(sandbox);
  });
  after(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined when before() failed
    await sandbox?.close();
  });

  const user = (): SandboxToken => sandbox.createToken({ JPY: '100000000', USD: '1000000' });
  const signed = (token: SandboxToken, claims: Record<string, unknown>): string =>
    jwt.sign({ token_id: token.tokenId, ...claims }, token.secret, { noTimestamp: true });
  const withNonce = (token: SandboxToken, path: string): string => signed(token, { path, nonce: Number(nextNonce()) });
  const order = (clientOrderId?: string) => ({
    order: {
      order_type: 'limit',
      product_id: 5,
      side: 'buy',
      quantity: '0.001',
      price: '600000',
      ...(clientOrderId === undefined ? {} : { client_order_id: clientOrderId }),
    },
  });
  const place = (token: string, clientOrderId?: string, path = '/orders') =>
    call(client, 'POST', path, { token, body: order(clientOrderId) });
  const orderCount = (token: SandboxToken): number => sandbox.exchange.orders(token.userId).length;

  describe('replay', () => {
    it('a JWT used for GET /accounts/balance places no order on POST /orders, whatever client_order_id it comes with', async () => {
      const victim = user();
      const captured = withNonce(victim, '/accounts/balance');
      expect((await call(client, 'GET', '/accounts/balance', { token: captured })).statusCode).to.equal(200);
      for (let i = 0; i < 5; i += 1) {
        const replay = await place(captured, `replay-${i}`);
        expect(replay.statusCode).to.equal(401);
        expect(replay.body).to.equal('API Authentication failed');
      }
      expect(orderCount(victim)).to.equal(0);
    });

    it('a JWT signed for POST /orders with a nonce places one order: a replay with a fresh client_order_id is "Nonce is too small"', async () => {
      const victim = user();
      const captured = withNonce(victim, '/orders');
      expect((await place(captured, 'first')).statusCode).to.equal(200);
      const replay = await place(captured, 'second');
      expect(replay.statusCode).to.equal(401);
      expect(replay.body).to.equal('Nonce is too small');
      expect(orderCount(victim)).to.equal(1);
    });

    it('records the nonce of an exempt POST /orders, so the same JWT is stale everywhere after', async () => {
      const trader = user();
      const nonce = Number(nextNonce());
      expect((await place(signed(trader, { path: '/orders', nonce }), 'recorded')).statusCode).to.equal(200);
      const sameNonce = signed(trader, { path: '/accounts/balance', nonce });
      expect((await call(client, 'GET', '/accounts/balance', { token: sameNonce })).body).to.equal(
        'Nonce is too small',
      );
    });

    it('exempts only POST /orders with a client_order_id and a path claim of /orders from the nonce', async () => {
      const trader = user();
      const noNonce = signed(trader, { path: '/orders' });
      // The documented exemption (§2.1): each new client_order_id places an order; a used one is refused.
      expect((await place(noNonce, 'exempt-1')).statusCode).to.equal(200);
      expect((await place(noNonce, 'exempt-2')).statusCode).to.equal(200);
      expect(json(await place(noNonce, 'exempt-1'))).to.deep.equal({
        errors: { client_order_id: ['has_already_been_taken'] },
      });
      // Without a client_order_id, on another method or endpoint, or signed for another path: refused.
      expect((await place(noNonce)).statusCode).to.equal(401);
      expect((await call(client, 'GET', '/orders', { token: noNonce })).statusCode).to.equal(401);
      expect((await place(signed(trader, { path: '/accounts/balance' }), 'exempt-3')).statusCode).to.equal(401);
      expect((await place(signed(trader, {}), 'exempt-4')).statusCode).to.equal(401);
      expect(orderCount(trader)).to.equal(2);
    });

    it('refuses a realtime JWT (path /realtime) on REST', async () => {
      const trader = user();
      expect(
        (await call(client, 'GET', '/accounts/balance', { token: withNonce(trader, '/realtime') })).statusCode,
      ).to.equal(401);
      expect((await place(withNonce(trader, '/realtime'), 'rt-1')).statusCode).to.equal(401);
      expect((await place(signed(trader, { path: '/realtime' }), 'rt-2')).statusCode).to.equal(401);
      expect(orderCount(trader)).to.equal(0);
    });

    it('refuses a path claim naming another endpoint, or another query than the one requested', async () => {
      const trader = user();
      const own = JSON.parse((await place(withNonce(trader, '/orders'))).body) as { id: number };
      const forOther = await call(client, 'PUT', `/orders/${own.id}/cancel`, {
        token: withNonce(trader, `/orders/${own.id + 1}/cancel`),
      });
      expect(forOther.statusCode).to.equal(401);
      expect(
        (await call(client, 'GET', '/fiat_accounts', { token: withNonce(trader, '/accounts/balance') })).statusCode,
      ).to.equal(401);
      expect(
        (await call(client, 'GET', '/orders?status=filled', { token: withNonce(trader, '/orders?status=live') }))
          .statusCode,
      ).to.equal(401);
      expect(
        (await call(client, 'GET', '/orders', { token: withNonce(trader, '/orders?status=live') })).statusCode,
      ).to.equal(401);
      expect(
        (await call(client, 'GET', '/accounts/balance', { token: signed(trader, { nonce: Number(nextNonce()) }) }))
          .statusCode,
      ).to.equal(401);
      expect(sandbox.exchange.order(trader.userId, own.id).status).to.equal('live');
    });
  });

  describe('the tolerated forms of the path claim, each one a real client signed (§2.1)', () => {
    const tolerated = async (
      kind: string,
      requestPath: string,
      claim: string,
      method: 'GET' | 'POST' = 'GET',
    ): Promise<void> => {
      const trader = user();
      const before = sandbox.warnings.length;
      const body = method === 'POST' ? order(`tolerated-${nextNonce()}`) : undefined;
      const response = await call(client, method, requestPath, {
        token: withNonce(trader, claim),
        ...(body ? { body } : {}),
      });
      expect(response.statusCode, `${claim} for ${requestPath}`).to.equal(200);
      const warnings = sandbox.warnings.slice(before);
      expect(
        warnings.filter((line) => line.includes(kind)),
        warnings.join('\n'),
      ).to.have.length(1);
      // Warned once per token and form, never with the token itself.
      await call(client, method, requestPath, {
        token: withNonce(trader, claim),
        ...(body ? { body: order(`tolerated-${nextNonce()}`) } : {}),
      });
      expect(sandbox.warnings.slice(before).filter((line) => line.includes(kind))).to.have.length(1);
      expect(warnings.join('\n')).to.not.include(trader.secret).and.not.include('eyJ');
    };

    it('the path without its query (quoinex-go-client): the query is then not covered by the signature', async () => {
      await tolerated('no-query', '/orders?product_id=5&status=live', '/orders');
    });

    it('a trailing slash the request lacks (quoinex-go-client signs /orders/ and posts to /orders)', async () => {
      await tolerated('trailing-slash', '/orders', '/orders/', 'POST');
    });

    it('the path without its leading slash', async () => {
      await tolerated('no-leading-slash', '/accounts/balance', 'accounts/balance');
    });

    it('the full URL (the threefold client signs https://api.liquid.com/...)', async () => {
      await tolerated('full-url', '/accounts/balance', 'https://api.liquid.com/accounts/balance');
    });

    it('serves the exact path and query without a warning', async () => {
      const trader = user();
      const before = sandbox.warnings.length;
      expect((await call(client, 'GET', '/orders?status=live', { credentials: trader })).statusCode).to.equal(200);
      expect(sandbox.warnings.slice(before).filter((line) => line.includes('path claim'))).to.deep.equal([]);
    });
  });

  describe('bindPathClaim', () => {
    const url = (target: string): URL => new URL(`http://sandbox${target}`);

    it('accepts the exact path, and lists which tolerances another accepted form used', () => {
      expect(bindPathClaim('/orders?status=live', url('/orders?status=live'))).to.deep.equal({
        ok: true,
        tolerances: [],
      });
      expect(bindPathClaim('/orders', url('/orders?limit=5'))).to.deep.equal({ ok: true, tolerances: ['no-query'] });
      expect(bindPathClaim('orders?limit=5', url('/orders?limit=5'))).to.deep.equal({
        ok: true,
        tolerances: ['no-leading-slash'],
      });
      expect(bindPathClaim('https://api.liquid.com/orders/', url('/orders?limit=5'))).to.deep.equal({
        ok: true,
        tolerances: ['full-url', 'trailing-slash', 'no-query'],
      });
      expect(bindPathClaim('/orders/', url('/orders'))).to.deep.equal({ ok: true, tolerances: ['trailing-slash'] });
      expect(bindPathClaim('/orders', url('/orders/'))).to.deep.equal({ ok: true, tolerances: ['trailing-slash'] });
    });

    it('refuses another endpoint, another query, no claim, and a claim that is not a path', () => {
      for (const claim of [
        undefined,
        '/realtime',
        '/orders/1',
        '/orders?limit=6',
        '/orders?',
        '//orders',
        'https://x:99999/orders',
        'http:/orders',
      ]) {
        expect(bindPathClaim(claim, url('/orders?limit=5')), String(claim)).to.deep.equal({ ok: false });
      }
    });
  });
});
