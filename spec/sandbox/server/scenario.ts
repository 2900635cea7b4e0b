// A scripted session over HTTP that touches every endpoint of fixtures/index.json once, in an order
// where each call has something to show (a filled order, an open trade, a loan, a withdrawal…).
import type { Got, Response } from 'got';
import type { Sandbox } from '../../../lib/sandbox/index.js';
import { call, json, type Credentials } from './helpers.js';

/** The responses of the scenario, by fixture name. */
export type ScenarioResponses = Map<string, Response<string>>;

/** A price `factor` times the product's reference (last traded) price, rounded to whole units. */
function priceNear(sandbox: Sandbox, productId: number, factor: number): string {
  const last = sandbox.exchange.product(productId).lastTradedPrice;
  if (last === null) throw new Error(`product ${productId} has no reference price`);
  return last.times(factor).toDecimalPlaces(0).toFixed();
}

export async function runScenario(sandbox: Sandbox, client: Got): Promise<ScenarioResponses> {
  const responses: ScenarioResponses = new Map();
  const trader: Credentials = sandbox.createToken({ USD: '100000', JPY: '100000000', BTC: '10' });
  const counterparty: Credentials = sandbox.createToken({ USD: '1000000', JPY: '1000000000', BTC: '100' });
  const record = async (name: string, response: Promise<Response<string>>): Promise<Response<string>> => {
    const answer = await response;
    if (answer.statusCode !== 200) throw new Error(`${name}: HTTP ${answer.statusCode} ${answer.body}`);
    responses.set(name, answer);
    return answer;
  };
  const post = (credentials: Credentials, path: string, body: unknown): Promise<Response<string>> =>
    call(client, 'POST', path, { credentials, body });
  const put = (credentials: Credentials, path: string, body?: unknown): Promise<Response<string>> =>
    call(client, 'PUT', path, { credentials, ...(body === undefined ? {} : { body }) });
  const get = (path: string, credentials?: Credentials): Promise<Response<string>> =>
    call(client, 'GET', path, credentials === undefined ? {} : { credentials });
  const ok = async (response: Promise<Response<string>>): Promise<Response<string>> => {
    const answer = await response;
    if (answer.statusCode !== 200) throw new Error(`setup: HTTP ${answer.statusCode} ${answer.body}`);
    return answer;
  };

  // Spot: a fill on BTCJPY (product 5).
  const p5 = priceNear(sandbox, 5, 1);
  await ok(
    post(counterparty, '/orders', {
      order: { order_type: 'limit', product_id: 5, side: 'sell', quantity: '0.5', price: p5 },
    }),
  );
  const filled = json<{ id: number }>(
    await ok(post(trader, '/orders', { order_type: 'limit', product_id: 5, side: 'buy', quantity: '0.2', price: p5 })),
  );
  const live = json<{ id: number }>(
    await record(
      'order',
      post(trader, '/orders', {
        order: {
          order_type: 'limit',
          product_id: 5,
          side: 'buy',
          quantity: '0.01',
          price: priceNear(sandbox, 5, 0.9),
          client_order_id: 'scenario-live-1',
        },
      }),
    ),
  );
  await record('orders_page', get('/orders', trader));
  await record('order_with_executions', get(`/orders/${filled.id}`, trader));
  await record('order_edit', put(trader, `/orders/${live.id}`, { order: { price: priceNear(sandbox, 5, 0.91) } }));
  await record('order_cancel', put(trader, `/orders/${live.id}/cancel`));
  await ok(
    post(trader, '/orders', {
      order_type: 'limit',
      product_id: 5,
      side: 'buy',
      quantity: '0.01',
      price: priceNear(sandbox, 5, 0.9),
    }),
  );
  await record('cancel_all', put(trader, '/orders/cancel_all'));
  await record('my_executions_page', get('/executions/me?product_id=5', trader));

  // Lending: the counterparty lends USD, so the trader's margin trade borrows from it.
  await ok(post(counterparty, '/loan_bids', { loan_bid: { rate: '0.0002', quantity: '50000', currency: 'USD' } }));

  // Margin on BTCUSD (product 1): a long trade opened against the counterparty's ask.
  const p1 = priceNear(sandbox, 1, 1);
  await ok(
    post(counterparty, '/orders', { order_type: 'limit', product_id: 1, side: 'sell', quantity: '2', price: p1 }),
  );
  const marginOrder = json<{ id: number }>(
    await ok(
      post(trader, '/orders', {
        order: {
          order_type: 'limit',
          product_id: 1,
          side: 'buy',
          quantity: '0.5',
          price: p1,
          leverage_level: 2,
          funding_currency: 'USD',
          order_direction: 'two_direction',
        },
      }),
    ),
  );
  await ok(
    post(trader, '/orders', {
      order: {
        order_type: 'limit',
        product_id: 1,
        side: 'buy',
        quantity: '0.2',
        price: p1,
        leverage_level: 2,
        funding_currency: 'USD',
        order_direction: 'two_direction',
      },
    }),
  );
  await record('order_trades', get(`/orders/${marginOrder.id}/trades`, trader));
  const tradeId = json<Array<{ id: number }>>(responses.get('order_trades')!)[0]!.id;
  await record('trade_loans', get(`/trades/${tradeId}/loans`, trader));
  await record('loans_page', get('/loans?currency=USD', trader));
  const lenderLoans = json<{ models: Array<{ id: number }> }>(await ok(get('/loans?currency=USD', counterparty)));
  await record('loan', put(counterparty, `/loans/${lenderLoans.models[0]!.id}`, { loan: { fund_reloaned: false } }));
  await record('trading_accounts', get('/trading_accounts', trader));
  const accountId = json<Array<{ id: number }>>(responses.get('trading_accounts')!)[0]!.id;
  await record(
    'trading_account',
    put(trader, `/trading_accounts/${accountId}`, { trading_account: { leverage_level: 4 } }),
  );
  await record('leverage_limitation', get('/users/leverage_limitation', trader));
  await record('trades_page', get('/trades?status=open', trader));
  // Bids to close the longs against.
  await ok(
    post(counterparty, '/orders', {
      order_type: 'limit',
      product_id: 1,
      side: 'buy',
      quantity: '2',
      price: priceNear(sandbox, 1, 0.99),
    }),
  );
  await record('trade', put(trader, `/trades/${tradeId}/close`, { trade: { closed_quantity: '0.1' } }));
  await record('trades_close_all', put(trader, '/trades/close_all', { side: 'long' }));

  // The trader's own loan bid.
  const bid = json<{ id: number }>(
    await record(
      'loan_bid',
      post(trader, '/loan_bids', { loan_bid: { rate: '0.0003', quantity: '100', currency: 'USD' } }),
    ),
  );
  await record('loan_bids_page', get('/loan_bids?currency=USD', trader));
  await record('loan_bid_closed', put(trader, `/loan_bids/${bid.id}/close`));

  // Accounts.
  await record('fiat_accounts', get('/fiat_accounts', trader));
  await record('fiat_account', post(trader, '/fiat_accounts', { currency: 'SGD' }));
  await record('crypto_accounts', get('/crypto_accounts', trader));
  await record('balances', get('/accounts/balance', trader));
  await record('main_asset', get('/accounts/main_asset', trader));
  await record('accounts', get('/accounts', trader));
  await record('account', get('/accounts/USD', trader));

  // Funding.
  await record(
    'crypto_withdrawal',
    post(trader, '/crypto_withdrawals', {
      crypto_withdrawal: { currency: 'BTC', address: '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', amount: '0.01' },
    }),
  );
  await record('crypto_withdrawals_page', get('/crypto_withdrawals', trader));
  await record('crypto_networks', get('/crypto_withdrawals/crypto_networks?currency=USDT', trader));
  await record('crypto_withdrawal_addresses_page', get('/crypto_withdrawal_addresses?currency=BTC', trader));
  const bankAccountId = json<Array<{ id: number }>>(await ok(get('/bank_accounts', trader)))[0]!.id;
  await record(
    'withdrawal',
    post(trader, '/withdrawals', { withdrawal: { currency: 'USD', amount: '100', bank_account_id: bankAccountId } }),
  );
  await record('withdrawals_page', get('/withdrawals', trader));
  await record('transactions_page', get('/transactions', trader));
  await record('balance_history_page', get('/balance_history', trader));

  // Fees.
  await record('fee_tier', get('/user/fee_tier', trader));
  await record('user_fees', get('/user/fees?fee_type=trade_fee', trader));
  await record(
    'fee_estimate',
    post(trader, '/fees/estimate', {
      for_action: 'create_order',
      for_params: { product_id: 5, side: 'buy', quantity: '0.1', price: p5, order_type: 'limit', trading_type: 'spot' },
    }),
  );

  // Public market data (after the trades, so every statistic has a value).
  await record('products', get('/products'));
  await record('products_perpetual', get('/products?perpetual=1'));
  await record('product', get('/products/5'));
  await record('price_levels', get('/products/5/price_levels'));
  await record('executions_page', get('/executions?product_id=5'));
  await record('executions_since', get('/executions?product_id=5&timestamp=0'));
  await record('ir_ladder', get('/ir_ladders/USD'));
  await record('currencies', get('/currencies'));
  await record('fees', get('/fees?fee_type=trade_fee'));
  return responses;
}
