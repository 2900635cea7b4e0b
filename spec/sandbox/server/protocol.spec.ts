import { expect } from 'chai';
import type { Got } from 'got';
import type { Sandbox, SandboxToken } from '../../../lib/sandbox/index.js';
import { call, httpClient, json, lossless, startTestSandbox } from './helpers.js';
import { isLosslessNumber } from 'lossless-json';

describe('sandbox protocol (bodies, paths, pagination, errors)', () => {
  let sandbox: Sandbox;
  let client: Got;
  let token: SandboxToken;

  before(async () => {
    sandbox = await startTestSandbox({ rateLimit: false });
    client = httpClient(sandbox);
    token = sandbox.createToken({ USD: '100000', JPY: '1000000000', BTC: '100' });
  });

  after(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined when before() failed
    await sandbox?.close();
  });

  const order = (body: unknown, path = '/orders') => call(client, 'POST', path, { credentials: token, body });

  describe('request bodies', () => {
    it('accepts the order wrapped or flat, numbers or numeric strings for decimals and ids', async () => {
      const wrapped = await order({
        order: { order_type: 'limit', product_id: '5', side: 'buy', quantity: '0.01', price: '600000' },
      });
      const flat = await order({ order_type: 'limit', product_id: 5, side: 'buy', quantity: 0.01, price: 600001 });
      expect(wrapped.statusCode, wrapped.body).to.equal(200);
      expect(flat.statusCode, flat.body).to.equal(200);
      expect(json(wrapped)).to.include({ product_id: 5, quantity: '0.01', price: '600000.0' });
      expect(json(flat)).to.include({ product_id: 5, quantity: '0.01', price: '600001.0' });
    });

    it("keeps a JSON number's exact text (no float on the way to the exchange)", async () => {
      // Sent as raw text: a JS literal would already be rounded by JSON.stringify (a float reads
      // 1234567891.00000001 as 1234567891). BTC quantities have at most 8 decimals.
      const whale = sandbox.createToken({ JPY: '1000000000000000' });
      const exact = await call(client, 'POST', '/orders', {
        credentials: whale,
        rawBody: '{"order_type":"limit","product_id":5,"side":"buy","quantity":1234567891.00000001,"price":600000}',
      });
      expect(exact.statusCode, exact.body).to.equal(200);
      const placed = json<{ id: number; quantity: string }>(exact);
      expect(placed.quantity).to.equal('1234567891.00000001');
      expect((await call(client, 'PUT', `/orders/${placed.id}/cancel`, { credentials: whale })).statusCode).to.equal(
        200,
      );
    });

    it('accepts the loan_bid, trading_account, crypto_withdrawal and withdrawal wrappers (loan and trade: see the scenario)', async () => {
      const bid = await call(client, 'POST', '/loan_bids', {
        credentials: token,
        body: { loan_bid: { rate: '0.0002', quantity: '100', currency: 'USD' } },
      });
      const flatBid = await call(client, 'POST', '/loan_bids', {
        credentials: token,
        body: { rate: 0.0002, quantity: 100, currency: 'USD' },
      });
      expect([bid.statusCode, flatBid.statusCode]).to.deep.equal([200, 200]);
      const accounts = json<Array<{ id: number }>>(
        await call(client, 'GET', '/trading_accounts', { credentials: token }),
      );
      const leverage = await call(client, 'PUT', `/trading_accounts/${accounts[0]!.id}`, {
        credentials: token,
        body: { trading_account: { leverage_level: '10' } },
      });
      expect(json<{ leverage_level: number }>(leverage).leverage_level).to.equal(10);
      const withdrawal = await call(client, 'POST', '/crypto_withdrawals', {
        credentials: token,
        body: { auth_code: '123456', crypto_withdrawal: { currency: 'BTC', address: 'bc1qsandbox', amount: '0.5' } },
      });
      expect(withdrawal.statusCode, withdrawal.body).to.equal(200);
      const bank = json<Array<{ id: number }>>(await call(client, 'GET', '/bank_accounts', { credentials: token }))[0]!
        .id;
      const fiat = await call(client, 'POST', '/withdrawals', {
        credentials: token,
        body: { withdrawal: { currency: 'USD', amount: '100', bank_account_id: String(bank) } },
      });
      expect(fiat.statusCode, fiat.body).to.equal(200);
    });

    it('answers 400 for a body that is not JSON', async () => {
      const response = await call(client, 'POST', '/orders', { credentials: token, rawBody: '{"order":' });
      expect(response.statusCode).to.equal(400);
      expect(json(response)).to.have.property('message');
    });
    it('reads a "__proto__" member as a parameter like any other: it never becomes the parameters\' prototype', async () => {
      const before = sandbox.exchange.orders(token.userId).length;
      const hidden = '{"order":{"order_type":"limit","product_id":5,"side":"buy","quantity":"0.01","price":"600000"}}';
      for (const rawBody of [`{"__proto__":${hidden}}`, `{"__proto__":${hidden.slice(9, -1)}}`]) {
        const response = await call(client, 'POST', '/orders', { credentials: token, rawBody });
        expect(response.statusCode, response.body).to.be.within(400, 499);
      }
      const query = await call(client, 'POST', '/orders?__proto__=x', {
        credentials: token,
        body: { order: { order_type: 'limit', product_id: 5, side: 'buy', quantity: '0.01', price: '600000' } },
      });
      expect(query.statusCode, query.body).to.equal(200);
      expect(sandbox.exchange.orders(token.userId).length).to.equal(before + 1);
    });
  });

  describe('paths', () => {
    it('accepts an optional trailing slash on every path', async () => {
      expect((await call(client, 'GET', '/products/')).statusCode).to.equal(200);
      expect((await call(client, 'GET', '/products/5/')).statusCode).to.equal(200);
      expect(
        (
          await order(
            { order_type: 'limit', product_id: 5, side: 'buy', quantity: '0.01', price: '600000' },
            '/orders/',
          )
        ).statusCode,
      ).to.equal(200);
      expect((await call(client, 'GET', '/accounts/balance/', { credentials: token })).statusCode).to.equal(200);
    });

    it('serves the client-id order variants and cancel_all', async () => {
      const created = json<{ id: number }>(
        await order({
          order_type: 'limit',
          product_id: 5,
          side: 'buy',
          quantity: '0.01',
          price: '600000',
          client_order_id: 'proto-client-1',
        }),
      );
      const byClient = await call(client, 'GET', '/orders/client:proto-client-1', { credentials: token });
      expect(json<{ id: number }>(byClient).id).to.equal(created.id);
      const edited = await call(client, 'PUT', '/orders/client:proto-client-1', {
        credentials: token,
        body: { order: { price: '600001' } },
      });
      expect(json<{ price: string }>(edited).price).to.equal('600001.0');
      const cancelled = await call(client, 'PUT', '/orders/client:proto-client-1/cancel', { credentials: token });
      expect(json<{ status: string }>(cancelled).status).to.equal('cancelled');
      await order({ order_type: 'limit', product_id: 5, side: 'buy', quantity: '0.01', price: '600000' });
      const all = json<{ models: Array<{ id: number; client_order_id: string | null }> }>(
        await call(client, 'PUT', '/orders/cancel_all', { credentials: token, body: { product_id: 5 } }),
      );
      expect(all.models.length).to.be.greaterThan(0);
      expect(Object.keys(json(await call(client, 'PUT', '/orders/cancel_all', { credentials: token })))).to.deep.equal([
        'models',
      ]);
    });

    it('lists products without perpetuals by default and only perpetuals with perpetual=1', async () => {
      const spot = json<Array<{ id: number; product_type: string }>>(await call(client, 'GET', '/products'));
      const perpetual = json<Array<{ id: number; product_type: string }>>(
        await call(client, 'GET', '/products?perpetual=1'),
      );
      expect(spot.map((p) => p.id)).to.include.members([1, 5]);
      expect(spot.every((p) => p.product_type === 'CurrencyPair')).to.equal(true);
      expect(perpetual.map((p) => p.id).sort()).to.deep.equal([603, 604]);
    });
  });

  describe('pagination (§3)', () => {
    before(async () => {
      for (let i = 0; i < 25; i += 1)
        await order({ order_type: 'limit', product_id: 5, side: 'buy', quantity: '0.001', price: String(600000 + i) });
    });

    it('pages with limit 20 by default, 1-based, newest first', async () => {
      const first = json<{ models: Array<{ id: number }>; current_page: number; total_pages: number }>(
        await call(client, 'GET', '/orders?product_id=5', { credentials: token }),
      );
      expect(first.models).to.have.length(20);
      expect(first.current_page).to.equal(1);
      const ids = first.models.map((o) => o.id);
      expect(ids).to.deep.equal([...ids].sort((a, b) => b - a));
      const second = json<{ models: Array<{ id: number }>; current_page: number }>(
        await call(client, 'GET', `/orders?product_id=5&page=2`, { credentials: token }),
      );
      expect(second.current_page).to.equal(2);
      expect(second.models[0]!.id).to.be.lessThan(ids[19]!);
    });

    it('clamps limit to 1000 and reports total_pages ≥ 1 for an empty list', async () => {
      const big = json<{ models: unknown[]; total_pages: number }>(
        await call(client, 'GET', '/orders?limit=5000', { credentials: token }),
      );
      expect(big.total_pages).to.equal(1);
      const empty = json(await call(client, 'GET', '/orders?status=filled&product_id=27', { credentials: token }));
      expect(empty).to.deep.equal({ models: [], current_page: 1, total_pages: 1 });
      const limited = json<{ models: unknown[]; total_pages: number }>(
        await call(client, 'GET', '/orders?limit=5', { credentials: token }),
      );
      expect(limited.models).to.have.length(5);
      expect(limited.total_pages).to.be.greaterThan(5);
    });

    it('writes page counters as JSON numbers', async () => {
      const body = lossless((await call(client, 'GET', '/orders', { credentials: token })).body) as Record<
        string,
        unknown
      >;
      expect(isLosslessNumber(body['current_page'])).to.equal(true);
      expect(isLosslessNumber(body['total_pages'])).to.equal(true);
    });
  });

  describe('errors (§4)', () => {
    it('404 {"message":"Order not found"} for an unknown order', async () => {
      for (const path of ['/orders/999999999', '/orders/client:nope', '/orders/abc']) {
        const response = await call(client, 'GET', path, { credentials: token });
        expect(response.statusCode, path).to.equal(404);
        expect(json(response)).to.deep.equal({ message: 'Order not found' });
      }
    });

    it('400 {"message":"missing parameters"} when a required parameter is absent', async () => {
      const response = await order({ order: { order_type: 'limit', side: 'buy', quantity: '1' } });
      expect(response.statusCode).to.equal(400);
      expect(json(response)).to.deep.equal({ message: 'missing parameters' });
      expect(json(await call(client, 'GET', '/executions'))).to.deep.equal({ message: 'missing parameters' });
    });

    it('422 {"errors":{field:[code]}} for business validation', async () => {
      const poor = sandbox.createToken({ JPY: '10' });
      const cases: Array<[unknown, unknown, typeof token]> = [
        [
          { order_type: 'limit', product_id: 5, side: 'buy', quantity: '0.00001', price: '600000' },
          { quantity: ['less_than_order_size'] },
          token,
        ],
        [
          { order_type: 'limit', product_id: 5, side: 'buy', quantity: '0.01', price: '-1' },
          { price: ['must_be_positive'] },
          token,
        ],
        [
          { order_type: 'limit', product_id: 5, side: 'buy', quantity: '0.01', price: '99999999' },
          { order: ['price_too_high'] },
          token,
        ],
        [
          { order_type: 'limit', product_id: 5, side: 'buy', quantity: '0.01', price: '600000' },
          { user: ['not_enough_free_balance'] },
          poor,
        ],
        [
          { order_type: 'limit', product_id: 5, side: 'buy', quantity: 'lots', price: '600000' },
          { quantity: ['is_not_a_number'] },
          token,
        ],
      ];
      for (const [body, errors, who] of cases) {
        const response = await call(client, 'POST', '/orders', { credentials: who, body });
        expect(response.statusCode, response.body).to.equal(422);
        expect(json(response)).to.deep.equal({ errors });
      }
    });

    it('404 for an unknown path, with the JSON content type', async () => {
      const response = await call(client, 'GET', '/no_such_thing');
      expect(response.statusCode).to.equal(404);
      expect(response.headers['content-type']).to.equal('application/json; charset=utf-8');
    });
  });
});

describe('sandbox rate limit (§5)', () => {
  let sandbox: Sandbox;
  let client: Got;

  before(async () => {
    sandbox = await startTestSandbox({ rateLimit: 3 });
    client = httpClient(sandbox);
  });

  after(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined when before() failed
    await sandbox?.close();
  });

  it('answers 429 {"message": …retry after Ns} with Retry-After N after N requests per token, and counts tokens apart', async () => {
    const a = sandbox.createToken({ USD: '1' });
    const b = sandbox.createToken({ USD: '1' });
    for (let i = 0; i < 3; i += 1)
      expect((await call(client, 'GET', '/accounts/balance', { credentials: a })).statusCode).to.equal(200);
    const limited = await call(client, 'GET', '/accounts/balance', { credentials: a });
    expect(limited.statusCode).to.equal(429);
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).to.be.within(1, 300);
    expect(json(limited)).to.deep.equal({ message: `API rate limit exceeded. Please retry after ${retryAfter}s` });
    expect((await call(client, 'GET', '/accounts/balance', { credentials: b })).statusCode).to.equal(200);
  });

  it('counts public calls per client IP, and can be reset', async () => {
    sandbox.resetRateLimit();
    for (let i = 0; i < 3; i += 1) expect((await call(client, 'GET', '/products')).statusCode).to.equal(200);
    expect((await call(client, 'GET', '/products/5')).statusCode).to.equal(429);
    sandbox.resetRateLimit();
    expect((await call(client, 'GET', '/products/5')).statusCode).to.equal(200);
  });

  it('uses 300 per 5 minutes by default and 600 with the liquid profile, or none when off', async () => {
    const quoine = await startTestSandbox({});
    const liquid = await startTestSandbox({ profile: 'liquid' });
    const off = await startTestSandbox({ rateLimit: false });
    try {
      expect([quoine.rateLimit, liquid.rateLimit, off.rateLimit]).to.deep.equal([300, 600, false]);
    } finally {
      await Promise.all([quoine.close(), liquid.close(), off.close()]);
    }
  });
});
