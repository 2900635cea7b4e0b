// Endpoints outside fixtures/index.json, and behaviour beyond shapes: values, filters, variants.
import { expect } from 'chai';
import type { Got } from 'got';
import type { Sandbox, SandboxToken } from '../../../lib/sandbox/index.js';
import { call, httpClient, json, startTestSandbox } from './helpers.js';

describe('sandbox endpoints beyond the fixtures', () => {
  let sandbox: Sandbox;
  let client: Got;
  let trader: SandboxToken;
  let counterparty: SandboxToken;
  let p1: number;
  let p5: number;

  before(async () => {
    sandbox = await startTestSandbox({ rateLimit: false });
    client = httpClient(sandbox);
    trader = sandbox.createToken({ USD: '100000', JPY: '100000000', BTC: '10' });
    counterparty = sandbox.createToken({ USD: '1000000', JPY: '1000000000', BTC: '100' });
    p1 = Number(sandbox.exchange.product(1).lastTradedPrice!.toFixed());
    p5 = Number(sandbox.exchange.product(5).lastTradedPrice!.toFixed());
  });

  after(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined when before() failed
    await sandbox?.close();
  });

  const post = (who: SandboxToken, path: string, body: unknown) =>
    call(client, 'POST', path, { credentials: who, body });
  const put = (who: SandboxToken, path: string, body?: unknown) =>
    call(client, 'PUT', path, { credentials: who, ...(body === undefined ? {} : { body }) });
  const get = (path: string, who?: SandboxToken) =>
    call(client, 'GET', path, who === undefined ? {} : { credentials: who });
  const ok = async <T = unknown>(response: Promise<{ statusCode: number; body: string }>): Promise<T> => {
    const answer = await response;
    expect(answer.statusCode, answer.body).to.equal(200);
    return JSON.parse(answer.body) as T;
  };

  describe('market data', () => {
    before(async () => {
      await ok(
        post(counterparty, '/orders', {
          order_type: 'limit',
          product_id: 5,
          side: 'sell',
          quantity: '1',
          price: String(p5),
        }),
      );
      await ok(
        post(trader, '/orders', {
          order_type: 'limit',
          product_id: 5,
          side: 'buy',
          quantity: '0.3',
          price: String(p5),
          client_order_id: 'ep-fill',
        }),
      );
      await ok(post(trader, '/orders', { order_type: 'market', product_id: 5, side: 'buy', quantity: '0.2' }));
    });

    it('GET /products/{id}/ohlc: candles from the executions ([start, open, high, low, close, volume])', async () => {
      const candles = await ok<Array<[number, string, string, string, string, string]>>(
        get('/products/5/ohlc?resolution=86400'),
      );
      expect(candles).to.have.length(1);
      const price = `${p5}.0`;
      expect(candles[0]!.slice(1)).to.deep.equal([price, price, price, price, '0.5']);
    });

    it('GET /products/{id}/funding_rate_history: perpetuals only', async () => {
      expect(await ok(get('/products/604/funding_rate_history'))).to.deep.equal([]);
      expect((await get('/products/5/funding_rate_history')).statusCode).to.equal(404);
    });

    it('GET /products/{id}: 404 for an unknown product; price_levels with full=1', async () => {
      const missing = await get('/products/99999');
      expect(missing.statusCode).to.equal(404);
      expect(json(missing)).to.have.property('message');
      const book = await ok<{ sell_price_levels: string[][] }>(get('/products/5/price_levels?full=1'));
      expect(book.sell_price_levels[0]).to.deep.equal([`${p5}.0`, '0.5']);
    });

    it('GET /executions: newest first, paged; with timestamp: oldest first, plain array', async () => {
      const page = await ok<{ models: Array<{ id: number }> }>(get('/executions?product_id=5&limit=1'));
      const since = await ok<Array<{ id: number }>>(get('/executions?product_id=5&timestamp=0'));
      expect(since.map((e) => e.id)).to.deep.equal([...since.map((e) => e.id)].sort((a, b) => a - b));
      expect(page.models[0]!.id).to.equal(since[since.length - 1]!.id);
    });
  });

  describe('orders', () => {
    it('GET /orders/{id}/executions and /executions/me with_details add order ids', async () => {
      const order = await ok<{ id: number }>(get('/orders/client:ep-fill', trader));
      const executions = await ok<{ models: Array<{ order_id: number }> }>(
        get(`/orders/${order.id}/executions`, trader),
      );
      expect(executions.models).to.have.length(1);
      expect(executions.models[0]!.order_id).to.equal(order.id);
      const mine = await ok<{ models: Array<{ order_id?: number }> }>(
        get('/executions/me?product_id=5&with_details=1', trader),
      );
      expect(mine.models.every((row) => typeof row.order_id === 'number')).to.equal(true);
      const plain = await ok<{ models: Array<{ order_id?: number }> }>(get('/executions/me?product_id=5', trader));
      expect(plain.models[0]).to.not.have.property('order_id');
    });

    it('GET /orders filters by status and adds executions with with_details=1; an empty status matches nothing', async () => {
      const filled = await ok<{ models: Array<{ status: string; executions?: unknown[] }> }>(
        get('/orders?status=filled&with_details=1', trader),
      );
      expect(filled.models.length).to.be.greaterThan(0);
      expect(filled.models.every((o) => o.status === 'filled' && Array.isArray(o.executions))).to.equal(true);
      expect((await ok<{ models: unknown[] }>(get('/orders?status=', trader))).models).to.deep.equal([]);
    });

    it('edit of a non-live order and cancel of a filled one answer as the reference says', async () => {
      const order = await ok<{ id: number }>(get('/orders/client:ep-fill', trader));
      const edit = await put(trader, `/orders/${order.id}`, { order: { price: String(p5 + 1) } });
      expect(edit.statusCode).to.equal(422);
      expect(json(edit)).to.deep.equal({ message: 'Can not update non-live order' });
      const cancel = await put(trader, `/orders/${order.id}/cancel`);
      expect(cancel.statusCode).to.equal(404);
      expect(json(cancel)).to.deep.equal({ message: 'Order not found' });
      expect((await put(trader, `/orders/${order.id}`, {})).statusCode).to.equal(400);
    });
  });

  describe('accounts', () => {
    it('GET /accounts/{currency}/reserved_balance_details lists the live orders reserving it', async () => {
      const live = await ok<{ id: number }>(
        post(trader, '/orders', {
          order_type: 'limit',
          product_id: 1,
          side: 'buy',
          quantity: '0.01',
          price: String(Math.round(p1 * 0.9)),
        }),
      );
      const details = await ok<{ currency: string; reserved_balance: string; order_ids: number[] }>(
        get('/accounts/USD/reserved_balance_details', trader),
      );
      expect(details.currency).to.equal('USD');
      expect(details.order_ids).to.include(live.id);
      expect(Number(details.reserved_balance)).to.be.greaterThan(0);
      await ok(put(trader, `/orders/${live.id}/cancel`));
    });

    it('GET /accounts/{currency} for an unknown currency is 404', async () => {
      expect((await get('/accounts/NOPE', trader)).statusCode).to.equal(404);
    });

    it('GET/POST /fund_infos give a crypto deposit address', async () => {
      const info = await ok<{ currency: string; address: string }>(get('/fund_infos?currency=BTC', trader));
      expect(info.currency).to.equal('BTC');
      expect(info.address).to.be.a('string').and.not.equal('');
      expect(await ok(post(trader, '/fund_infos', { currency: 'BTC' }))).to.deep.equal(info);
      expect((await get('/fund_infos?currency=USD', trader)).statusCode).to.equal(422);
    });
  });

  describe('trades', () => {
    let tradeId: number;

    before(async () => {
      await ok(
        post(counterparty, '/orders', {
          order_type: 'limit',
          product_id: 1,
          side: 'sell',
          quantity: '1',
          price: String(p1),
        }),
      );
      await ok(
        post(counterparty, '/orders', {
          order_type: 'limit',
          product_id: 1,
          side: 'buy',
          quantity: '1',
          price: String(p1 - 10),
        }),
      );
      await ok(
        post(trader, '/orders', {
          order: {
            order_type: 'limit',
            product_id: 1,
            side: 'buy',
            quantity: '0.2',
            price: String(p1),
            leverage_level: 5,
            funding_currency: 'USD',
          },
        }),
      );
      const trades = await ok<{ models: Array<{ id: number }> }>(get('/trades?status=open', trader));
      tradeId = trades.models[0]!.id;
    });

    it('PUT /trades/{id} sets stop loss / take profit (wrapped), null clears', async () => {
      const set = await ok<{ stop_loss: string; take_profit: string }>(
        put(trader, `/trades/${tradeId}`, { trade: { stop_loss: String(p1 - 500), take_profit: String(p1 + 500) } }),
      );
      expect([set.stop_loss, set.take_profit]).to.deep.equal([String(p1 - 500), String(p1 + 500)]);
      const cleared = await ok<{ stop_loss: string }>(put(trader, `/trades/${tradeId}`, { stop_loss: null }));
      expect(cleared.stop_loss).to.equal('0.0');
    });

    it('PUT /trades/{id}/adjust_margin adds margin (signed amount)', async () => {
      const before = await ok<{ models: Array<{ id: number; margin_used: string }> }>(
        get('/trades?status=open', trader),
      );
      const used = before.models.find((t) => t.id === tradeId)!.margin_used;
      const after = await ok<{ margin_used: string }>(
        put(trader, `/trades/${tradeId}/adjust_margin`, { trade: { amount: '10' } }),
      );
      expect(Number(after.margin_used)).to.equal(Number(used) + 10);
    });

    it('PUT /trades/{id}/close takes closed_quantity from the query too (JP docs)', async () => {
      const closed = await ok<{ close_quantity: string }>(put(trader, `/trades/${tradeId}/close?closed_quantity=0.05`));
      expect(closed.close_quantity).to.equal('0.05');
    });

    it("GET /users/leverage_limitation follows the profile's list", async () => {
      expect(await ok(get('/users/leverage_limitation', trader))).to.deep.equal([25, 10, 5, 4, 2]);
    });
  });

  describe('funding', () => {
    it('cancels a crypto withdrawal by the singular and the plural path, and a fiat withdrawal', async () => {
      const make = () =>
        ok<{ id: number; state: string }>(
          post(trader, '/crypto_withdrawals', { currency: 'BTC', address: 'bc1qendpoints', amount: '0.01' }),
        );
      const first = await make();
      const second = await make();
      expect((await ok<{ state: string }>(put(trader, `/crypto_withdrawal/${first.id}/cancel`))).state).to.equal(
        'cancelled',
      );
      expect((await ok<{ state: string }>(put(trader, `/crypto_withdrawals/${second.id}/cancel`))).state).to.equal(
        'cancelled',
      );
      const networks = await ok<Array<{ network: string }>>(
        get('/crypto_withdrawals/crypto_networks?currency=USDT', trader),
      );
      expect(networks.map((n) => n.network)).to.deep.equal(['ERC20', 'TRC20']);
      const filtered = await ok<{ models: Array<{ state: string }> }>(
        get('/crypto_withdrawals?state=cancelled&currency=BTC', trader),
      );
      expect(filtered.models.length).to.equal(2);
      const bank = (await ok<Array<{ id: number }>>(get('/bank_accounts', trader)))[0]!.id;
      const fiat = await ok<{ id: number }>(
        post(trader, '/withdrawals', { currency: 'USD', amount: '50', bank_account_id: bank }),
      );
      expect((await ok<{ state: string }>(put(trader, `/withdrawals/${fiat.id}/cancel`))).state).to.equal('cancelled');
    });

    it('POST /fees/estimate for a withdrawal', async () => {
      const estimate = await ok<{ fee_options: { default: Array<{ currency: string }> } }>(
        post(trader, '/fees/estimate', { for_action: 'withdraw', for_params: { currency: 'BTC', amount: '0.1' } }),
      );
      expect(estimate.fee_options.default[0]!.currency).to.equal('BTC');
      expect((await post(trader, '/fees/estimate', { for_action: 'withdraw' })).statusCode).to.equal(400);
    });

    it('GET /balance_history and /transactions filter by currency', async () => {
      const history = await ok<{ models: Array<{ currency: string }> }>(get('/balance_history?currency=BTC', trader));
      expect(history.models.length).to.be.greaterThan(0);
      expect(history.models.every((row) => row.currency === 'BTC')).to.equal(true);
      const transactions = await ok<{ models: unknown[] }>(get('/transactions?currency=JPY', trader));
      expect(transactions.models.length).to.be.greaterThan(0);
    });
  });
});
