/**
 * Every private method against a loopback server serving the fixtures of both eras: the request
 * it sends (method, path, query, body, signature) and the entity it returns.
 */
import { expect } from 'chai';
import { Decimal } from 'decimal.js';
import jwt from 'jsonwebtoken';
import { Quoine } from '../../lib/client.js';
import {
  BalanceHistoryEntry,
  CryptoAccount,
  CryptoNetwork,
  CryptoWithdrawal,
  CryptoWithdrawalAddress,
  Fee,
  FeeTier,
  FiatAccount,
  Loan,
  LoanBid,
  Order,
  Trade,
  TradingAccount,
  Transaction,
  Withdrawal,
} from '../../lib/index.js';
import { ERAS, fixture } from '../helpers/fixtures.js';
import { json, startLoopbackServer, type LoopbackServer, type SeenRequest } from '../helpers/loopback-server.js';

const SECRET = 'private-spec-secret';

interface Case {
  /** What the call is. */
  readonly name: string;
  /** The call. */
  readonly call: (c: Quoine) => Promise<unknown>;
  /** Expected `METHOD /path?query`. */
  readonly request: string;
  /** Expected JSON body, if any. */
  readonly body?: unknown;
  /** The fixture served. */
  readonly fixture: string;
  /** A check of the result. */
  readonly check: (result: unknown) => void;
}

const isDecimal = (v: unknown): void => {
  expect(v).to.be.instanceOf(Decimal);
};

/** A field as compared: a decimal by its exact text, a date by its epoch milliseconds. */
const plain = (v: unknown): unknown => (v instanceof Decimal ? v.toFixed() : v instanceof Date ? v.getTime() : v);

/** The result is an instance of `cls` whose listed fields equal `expected`. */
const entity =
  (cls: abstract new () => object, expected: Record<string, unknown>) =>
  (result: unknown): void => {
    expect(result).to.be.instanceOf(cls);
    const fields = result as Record<string, unknown>;
    expect(Object.fromEntries(Object.keys(expected).map((k) => [k, plain(fields[k])]))).to.deep.equal(expected);
  };

/** The result is a non-empty array whose first item passes {@link entity}. */
const first =
  (cls: abstract new () => object, expected: Record<string, unknown>) =>
  (result: unknown): void => {
    expect(result).to.be.an('array').and.not.have.lengthOf(0);
    entity(cls, expected)((result as unknown[])[0]);
  };

const CASES: readonly Case[] = [
  {
    name: 'orders.create (limit)',
    call: (c) =>
      c.orders.create({
        orderType: 'limit',
        productId: 5,
        side: 'buy',
        quantity: '0.001',
        price: new Decimal('976382.0'),
      }),
    request: 'POST /orders',
    body: { order: { order_type: 'limit', product_id: 5, side: 'buy', quantity: '0.001', price: '976382' } },
    fixture: 'order',
    check: (o) => expect(o).to.have.property('id', 2914273073),
  },
  {
    name: 'orders.limitSell with clientOrderId',
    call: (c) => c.orders.limitSell('5', 0.5, '990000.5', { clientOrderId: 'bot-1' }),
    request: 'POST /orders',
    body: {
      order: {
        order_type: 'limit',
        product_id: 5,
        side: 'sell',
        quantity: '0.5',
        price: '990000.5',
        client_order_id: 'bot-1',
      },
    },
    fixture: 'order',
    check: entity(Order, { id: 2914273073, side: 'buy', quantity: '0.001', price: '976382' }),
  },
  {
    name: 'orders.marketBuy',
    call: (c) => c.orders.marketBuy(5, '0.01'),
    request: 'POST /orders',
    body: { order: { order_type: 'market', product_id: 5, side: 'buy', quantity: '0.01' } },
    fixture: 'order',
    check: entity(Order, { id: 2914273073, orderType: 'limit', filledQuantity: '0' }),
  },
  {
    name: 'orders.marketSell with priceRange',
    call: (c) => c.orders.marketSell(5, '0.01', { priceRange: '1000' }),
    request: 'POST /orders',
    body: {
      order: { order_type: 'market_with_range', product_id: 5, side: 'sell', quantity: '0.01', price_range: '1000' },
    },
    fixture: 'order',
    check: entity(Order, { id: 2914273073, status: 'live' }),
  },
  {
    name: 'orders.createMargin',
    call: (c) =>
      c.orders.createMargin({
        orderType: 'limit',
        productId: 1,
        side: 'buy',
        quantity: '0.01',
        price: '9000',
        leverageLevel: 10,
        fundingCurrency: 'USD',
        orderDirection: 'netout',
        takeProfit: '9500',
        stopLoss: '8800',
      }),
    request: 'POST /orders',
    body: {
      order: {
        order_type: 'limit',
        product_id: 1,
        side: 'buy',
        quantity: '0.01',
        price: '9000',
        leverage_level: 10,
        funding_currency: 'USD',
        order_direction: 'netout',
        trading_type: 'margin',
        take_profit: '9500',
        stop_loss: '8800',
      },
    },
    fixture: 'order',
    check: entity(Order, { id: 2914273073, leverageLevel: 1, price: '976382' }),
  },
  {
    name: 'orders.get',
    call: (c) => c.orders.get(2914273074),
    request: 'GET /orders/2914273074',
    fixture: 'order_with_executions',
    check: (o) => expect((o as { executions: unknown[] }).executions).to.have.length(2),
  },
  {
    name: 'orders.getByClientId',
    call: (c) => c.orders.getByClientId('bot-7f3a9c1e-0001'),
    request: 'GET /orders/client:bot-7f3a9c1e-0001',
    fixture: 'order_with_executions',
    check: entity(Order, { id: 2914273074, status: 'filled', filledQuantity: '0.01', price: '976500' }),
  },
  {
    name: 'orders.list',
    call: async (c) =>
      (
        await c.orders.list({
          status: 'live',
          productId: 5,
          fundingCurrency: 'JPY',
          tradingType: 'spot',
          withDetails: true,
          limit: 50,
        })
      ).models,
    request:
      'GET /orders?funding_currency=JPY&product_id=5&status=live&trading_type=spot&with_details=1&limit=50&page=1',
    fixture: 'orders_page',
    check: (m) => expect(m).to.be.an('array').with.length.greaterThan(2),
  },
  {
    name: 'orders.update',
    call: (c) => c.orders.update(2914273073, { price: '976000' }),
    request: 'PUT /orders/2914273073',
    body: { order: { price: '976000' } },
    fixture: 'order_edit',
    check: entity(Order, { id: 2914273073, quantity: '0.002', price: '976000', status: 'live' }),
  },
  {
    name: 'orders.updateByClientId',
    call: (c) => c.orders.updateByClientId('bot-1', { quantity: '0.002', price: '976001' }),
    request: 'PUT /orders/client:bot-1',
    body: { order: { quantity: '0.002', price: '976001' } },
    fixture: 'order_edit',
    check: entity(Order, { id: 2914273073, quantity: '0.002', price: '976000' }),
  },
  {
    name: 'orders.cancel',
    call: (c) => c.orders.cancel(2914273073),
    request: 'PUT /orders/2914273073/cancel',
    fixture: 'order_cancel',
    check: (o) => expect(o).to.have.property('status', 'cancelled'),
  },
  {
    name: 'orders.cancelByClientId',
    call: (c) => c.orders.cancelByClientId('bot-1'),
    request: 'PUT /orders/client:bot-1/cancel',
    fixture: 'order_cancel',
    check: entity(Order, { id: 2914273073, status: 'cancelled' }),
  },
  {
    name: 'orders.cancelAll',
    call: (c) => c.orders.cancelAll({ productId: 5, side: 'buy' }),
    request: 'PUT /orders/cancel_all',
    body: { product_id: 5, side: 'buy' },
    fixture: 'cancel_all',
    check: (r) => expect((r as Array<{ id: number }>)[0]).to.have.property('id', 2914273073),
  },
  {
    name: 'orders.trades',
    call: (c) => c.orders.trades(2914273080),
    request: 'GET /orders/2914273080/trades',
    fixture: 'order_trades',
    check: (t) => expect(t).to.be.an('array'),
  },
  {
    name: 'executions.mine',
    call: async (c) => (await c.executions.mine({ productId: 5, withDetails: true })).models,
    request: 'GET /executions/me?product_id=5&with_details=1&limit=1000&page=1',
    fixture: 'my_executions_page',
    check: (m) => expect((m as Array<{ mySide: string }>)[0]?.mySide).to.be.a('string'),
  },
  {
    name: 'accounts.list',
    call: (c) => c.accounts.list(),
    request: 'GET /accounts',
    fixture: 'accounts',
    check: (a) => expect((a as { fiatAccounts: unknown[] }).fiatAccounts).to.have.length.greaterThan(0),
  },
  {
    name: 'accounts.get',
    call: (c) => c.accounts.get('USD'),
    request: 'GET /accounts/USD',
    fixture: 'account',
    check: (a) => expect((a as { balance: Decimal }).balance.toFixed()).to.equal('12345678901234567.5'),
  },
  {
    name: 'accounts.balances',
    call: (c) => c.accounts.balances(),
    request: 'GET /accounts/balance',
    fixture: 'balances',
    check: (b) => isDecimal((b as Array<{ balance: unknown }>)[0]?.balance),
  },
  {
    name: 'accounts.mainAsset',
    call: (c) => c.accounts.mainAsset(),
    request: 'GET /accounts/main_asset',
    fixture: 'main_asset',
    check: (m) => isDecimal((m as { totalAmount: unknown }).totalAmount),
  },
  {
    name: 'accounts.fiat.list',
    call: (c) => c.accounts.fiat.list(),
    request: 'GET /fiat_accounts',
    fixture: 'fiat_accounts',
    check: first(FiatAccount, { id: 4695, currency: 'USD', balance: '12345678901234567.5' }),
  },
  {
    name: 'accounts.fiat.create',
    call: (c) => c.accounts.fiat.create('USD'),
    request: 'POST /fiat_accounts',
    body: { currency: 'USD' },
    fixture: 'fiat_account',
    check: entity(FiatAccount, { id: 4712, currency: 'SGD', balance: '0' }),
  },
  {
    name: 'accounts.crypto.list',
    call: (c) => c.accounts.crypto.list(),
    request: 'GET /crypto_accounts',
    fixture: 'crypto_accounts',
    check: first(CryptoAccount, {
      id: 4668,
      currency: 'BTC',
      balance: '4.99018762',
      address: '1F25zWAQ1BAAmppNxLHzzMMU4U3ZHsXQQA',
    }),
  },
  {
    name: 'loans.bids.create',
    call: (c) => c.loans.bids.create({ rate: '0.0002', quantity: '50', currency: 'USD' }),
    request: 'POST /loan_bids',
    body: { loan_bid: { rate: '0.0002', quantity: '50', currency: 'USD' } },
    fixture: 'loan_bid',
    check: (b) => expect((b as { rate: Decimal }).rate.toFixed()).to.equal('0.0002'),
  },
  {
    name: 'loans.bids.list',
    call: async (c) => (await c.loans.bids.list({ currency: 'USD', limit: 10 })).models,
    request: 'GET /loan_bids?currency=USD&limit=10&page=1',
    fixture: 'loan_bids_page',
    check: first(LoanBid, { id: 3580, rate: '0.0002', quantity: '50', status: 'live' }),
  },
  {
    name: 'loans.bids.close',
    call: (c) => c.loans.bids.close(3580),
    request: 'PUT /loan_bids/3580/close',
    fixture: 'loan_bid_closed',
    check: (b) => expect(b).to.have.property('status', 'closed'),
  },
  {
    name: 'loans.list',
    call: async (c) => (await c.loans.list({ currency: 'USD' })).models,
    request: 'GET /loans?currency=USD&limit=1000&page=1',
    fixture: 'loans_page',
    check: first(Loan, { id: 144825, quantity: '495.1048', fundReloaned: true }),
  },
  {
    name: 'loans.update',
    call: (c) => c.loans.update(144825, { fundReloaned: false }),
    request: 'PUT /loans/144825',
    body: { loan: { fund_reloaned: false } },
    fixture: 'loan',
    check: entity(Loan, { id: 144825, fundReloaned: false }),
  },
  {
    name: 'tradingAccounts.list',
    call: (c) => c.tradingAccounts.list(),
    request: 'GET /trading_accounts',
    fixture: 'trading_accounts',
    check: (t) => expect((t as Array<{ productId: number }>)[0]?.productId).to.equal(1),
  },
  {
    name: 'tradingAccounts.get',
    call: (c) => c.tradingAccounts.get(1759),
    request: 'GET /trading_accounts/1759',
    fixture: 'trading_account',
    check: entity(TradingAccount, { id: 1759, leverageLevel: 25, pnl: '-0.02', equity: '10000.1573' }),
  },
  {
    name: 'tradingAccounts.updateLeverage',
    call: (c) => c.tradingAccounts.updateLeverage(1759, 25),
    request: 'PUT /trading_accounts/1759',
    body: { trading_account: { leverage_level: 25 } },
    fixture: 'trading_account',
    check: entity(TradingAccount, { id: 1759, leverageLevel: 25 }),
  },
  {
    name: 'users.leverageLimitation',
    call: (c) => c.users.leverageLimitation(),
    request: 'GET /users/leverage_limitation',
    fixture: 'leverage_limitation',
    check: (l) => expect(l).to.include(25),
  },
  {
    name: 'trades.list',
    call: async (c) =>
      (await c.trades.list({ status: 'open', fundingCurrency: 'USD', side: 'short', productId: 1 })).models,
    request: 'GET /trades?funding_currency=USD&status=open&product_id=1&side=short&limit=1000&page=1',
    fixture: 'trades_page',
    check: first(Trade, { id: 57896, status: 'open', side: 'short', marginUsed: '18.301' }),
  },
  {
    name: 'trades.close (partial)',
    call: (c) => c.trades.close(57896, { closedQuantity: '0.005' }),
    request: 'PUT /trades/57896/close',
    body: { closed_quantity: '0.005' },
    fixture: 'trade',
    check: entity(Trade, { id: 57896, status: 'closed', closeQuantity: '0.01' }),
  },
  {
    name: 'trades.closeAll',
    call: (c) => c.trades.closeAll({ side: 'short' }),
    request: 'PUT /trades/close_all',
    body: { side: 'short' },
    fixture: 'trades_close_all',
    check: first(Trade, { id: 57896, status: 'closed' }),
  },
  {
    name: 'trades.update',
    call: (c) => c.trades.update(57896, { stopLoss: '300', takeProfit: '600' }),
    request: 'PUT /trades/57896',
    body: { trade: { stop_loss: '300', take_profit: '600' } },
    fixture: 'trade',
    check: entity(Trade, { id: 57896, productId: 1, openPrice: '9150.5' }),
  },
  {
    name: 'trades.adjustMargin',
    call: (c) => c.trades.adjustMargin(57896, { delta: '-2.5' }),
    request: 'PUT /trades/57896/adjust_margin',
    body: { trade: { amount: '-2.5' } },
    fixture: 'trade',
    check: entity(Trade, { id: 57896, marginUsed: '18.301' }),
  },
  {
    name: 'trades.loans',
    call: (c) => c.trades.loans(57896),
    request: 'GET /trades/57896/loans',
    fixture: 'trade_loans',
    check: first(Loan, { id: 144790, quantity: '18.301', status: 'closed', borrowerId: 3020 }),
  },
  {
    name: 'cryptoWithdrawals.list',
    call: async (c) => (await c.cryptoWithdrawals.list({ currency: 'BTC' })).models,
    request: 'GET /crypto_withdrawals?currency=BTC&limit=1000&page=1',
    fixture: 'crypto_withdrawals_page',
    check: first(CryptoWithdrawal, { id: 3, currency: 'ETH', amount: '1.23456789', state: 'pending' }),
  },
  {
    name: 'cryptoWithdrawals.create',
    call: (c) =>
      c.cryptoWithdrawals.create({
        currency: 'BTC',
        address: '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
        amount: '1.5',
        authCode: '123456',
      }),
    request: 'POST /crypto_withdrawals',
    body: {
      auth_code: '123456',
      crypto_withdrawal: { currency: 'BTC', address: '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', amount: '1.5' },
    },
    fixture: 'crypto_withdrawal',
    check: entity(CryptoWithdrawal, {
      id: 4,
      currency: 'BTC',
      amount: '1.5',
      address: '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
    }),
  },
  {
    name: 'cryptoWithdrawals.cancel',
    call: (c) => c.cryptoWithdrawals.cancel(4),
    request: 'PUT /crypto_withdrawal/4/cancel',
    fixture: 'crypto_withdrawal',
    check: entity(CryptoWithdrawal, { id: 4, state: 'pending' }),
  },
  {
    name: 'cryptoWithdrawals.networks',
    call: (c) => c.cryptoWithdrawals.networks('USDT'),
    request: 'GET /crypto_withdrawals/crypto_networks?currency=USDT',
    fixture: 'crypto_networks',
    check: (n) =>
      expect((n as CryptoNetwork[]).map((x) => [x instanceof CryptoNetwork, x.network, x.currency])).to.deep.equal([
        [true, 'ERC20', 'USDT'],
        [true, 'TRC20', 'USDT'],
      ]),
  },
  {
    name: 'cryptoWithdrawals.addresses',
    call: async (c) => (await c.cryptoWithdrawals.addresses({ currency: 'BTC' })).models,
    request: 'GET /crypto_withdrawal_addresses?currency=BTC&limit=1000&page=1',
    fixture: 'crypto_withdrawal_addresses_page',
    check: first(CryptoWithdrawalAddress, { id: 396, currency: 'BTC', label: 'mobilewallet', network: null }),
  },
  {
    name: 'withdrawals.list',
    call: async (c) => (await c.withdrawals.list()).models,
    request: 'GET /withdrawals?limit=1000&page=1',
    fixture: 'withdrawals_page',
    check: first(Withdrawal, { id: 12388, currency: 'JPY', amount: '250000', state: 'pending' }),
  },
  {
    name: 'withdrawals.create',
    call: (c) => c.withdrawals.create({ currency: 'JPY', amount: '250000', bankAccountId: 100 }),
    request: 'POST /withdrawals',
    body: { withdrawal: { currency: 'JPY', amount: '250000', bank_account_id: 100 } },
    fixture: 'withdrawal',
    check: entity(Withdrawal, { id: 12388, amount: '250000' }),
  },
  {
    name: 'withdrawals.cancel',
    call: (c) => c.withdrawals.cancel(12388),
    request: 'PUT /withdrawals/12388/cancel',
    fixture: 'withdrawal',
    check: entity(Withdrawal, { id: 12388, currency: 'JPY' }),
  },
  {
    name: 'transactions.list',
    call: async (c) => (await c.transactions.list({ currency: 'USD', transactionType: 'funding' })).models,
    request: 'GET /transactions?currency=USD&transaction_type=funding&limit=1000&page=1',
    fixture: 'transactions_page',
    check: first(Transaction, { id: 9125501, currency: 'JPY', grossAmount: '500000', transactionType: 'funding' }),
  },
  {
    name: 'balanceHistory.list',
    call: async (c) =>
      (await c.balanceHistory.list({ currency: 'USD', since: new Date(1632493000_000), until: 1632494000 })).models,
    request: 'GET /balance_history?currency=USD&timestamp_gte=1632493000&timestamp_lte=1632494000&limit=1000&page=1',
    fixture: 'balance_history_page',
    check: first(BalanceHistoryEntry, {
      id: 2642989162,
      amount: '-14.32229',
      sourceAction: 'trade',
      sourceObjectId: 450284991,
    }),
  },
  {
    name: 'fees.tier',
    call: (c) => c.fees.tier(),
    request: 'GET /user/fee_tier',
    fixture: 'fee_tier',
    check: entity(FeeTier, { feeTier: 0, inCurrency: 'USD', perpetualVolume: '20000' }),
  },
  {
    name: 'fees.rules',
    call: (c) => c.fees.rules({ feeType: 'trade_fee' }),
    request: 'GET /user/fees?fee_type=trade_fee',
    fixture: 'user_fees',
    check: first(Fee, { id: 1191, feeType: 'trade_fee', chargeValue: '0' }),
  },
  {
    name: 'fees.estimate',
    call: (c) =>
      c.fees.estimate({ forAction: 'create_order', productId: 1, side: 'buy', quantity: '5', price: '9061.0' }),
    request: 'POST /fees/estimate',
    body: {
      for_action: 'create_order',
      for_params: {
        product_id: 1,
        side: 'buy',
        quantity: '5',
        price: '9061',
        order_type: 'limit',
        trading_type: 'spot',
      },
    },
    fixture: 'fee_estimate',
    check: (e) =>
      expect((e as { tradeFeeDiscount: Array<{ amount: Decimal }> }).tradeFeeDiscount[0]?.amount.toFixed()).to.equal(
        '1873.58808933002489532192',
      ),
  },
];

for (const era of ERAS) {
  describe(`private resources against ${era}-era bodies`, () => {
    let server: LoopbackServer;
    let client: Quoine;
    let serve = '';
    before(async () => {
      server = await startLoopbackServer(() => json(fixture(era, serve)));
      client = new Quoine({ baseUrl: server.url, tokenId: 3020, secret: SECRET, rateLimit: false, maxRetries: 0 });
    });
    after(async () => {
      await client.close();
      await server.close();
    });

    for (const c of CASES) {
      it(c.name, async () => {
        serve = c.fixture;
        const result = await c.call(client);
        const seen = server.requests.at(-1) as SeenRequest;
        expect(`${seen.method} ${seen.url}`).to.equal(c.request);
        const claims = jwt.verify(String(seen.headers['x-quoine-auth']), SECRET, { algorithms: ['HS256'] }) as {
          path: string;
        };
        expect(claims.path).to.equal(seen.url);
        if (c.body === undefined) expect(seen.body === '' || seen.body === '{}', seen.body).to.equal(true);
        else expect(JSON.parse(seen.body)).to.deep.equal(c.body);
        c.check(result);
      });
    }
  });
}
