// ccxt 1.95's `liquid` driver, written for the real exchange, run unchanged against the sandbox.
import { expect } from 'chai';
import ccxt from 'ccxt';
import type { Sandbox, SandboxToken } from '../../lib/sandbox/index.js';
import { startTestSandbox } from './server/helpers.js';

/** A ccxt liquid client bound to the sandbox. */
function liquidClient(sandbox: Sandbox, token: { tokenId: string; secret: string }): ccxt.Exchange {
  // ccxt builds URLs from `urls.api.rest` (liquid.js sign()); `public`/`private` are set for older drivers.
  const config = {
    apiKey: token.tokenId,
    secret: token.secret,
    urls: { api: { public: sandbox.url, private: sandbox.url, rest: sandbox.url } },
    timeout: 10_000,
    enableRateLimit: false,
    // ccxt 1.95.43 reads options.fetchMarkets.settlementCurrencies for perpetual products but
    // declares it under options.swap.fetchMarkets, so loadMarkets throws on any perpetual (a ccxt
    // bug, independent of the server): provide the option where the code reads it.
    options: { fetchMarkets: { settlementCurrencies: ['USD', 'JPY'] } },
  };
  const exchange = new ccxt.liquid(config as unknown as ConstructorParameters<typeof ccxt.liquid>[0]);
  // ccxt's nonce is Date.now(); two loopback calls can share a millisecond, which the exchange
  // (like the real one) refuses as "Nonce is too small". Keep it strictly increasing.
  let last = 0;
  exchange.nonce = () => (last = Math.max(last + 1, Date.now()));
  return exchange;
}

describe('ccxt 1.95 liquid driver against the sandbox (liquid profile)', () => {
  let sandbox: Sandbox;
  let trader: SandboxToken;
  let counterparty: SandboxToken;
  let exchange: ccxt.Exchange;
  let reference: number;

  before(async () => {
    sandbox = await startTestSandbox({ profile: 'liquid', rateLimit: false });
    trader = sandbox.createToken({ JPY: '10000000', BTC: '1' });
    counterparty = sandbox.createToken({ JPY: '1000000000', BTC: '100' });
    reference = Number(sandbox.exchange.product(5).lastTradedPrice!.toFixed());
    exchange = liquidClient(sandbox, trader);
    // Liquidity on both sides of BTC/JPY, from another user, through ccxt as well.
    const maker = liquidClient(sandbox, counterparty);
    await maker.loadMarkets();
    await maker.createOrder('BTC/JPY', 'limit', 'sell', 0.5, reference + 1000);
    await maker.createOrder('BTC/JPY', 'limit', 'buy', 0.5, reference - 1000);
  });

  after(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined when before() failed
    await sandbox?.close();
  });

  it('loadMarkets: spot and perpetual products', async () => {
    const markets = await exchange.loadMarkets();
    expect(markets['BTC/JPY']?.id).to.equal('5');
    expect(markets['BTC/USD']?.id).to.equal('1');
    expect(Object.values(markets).some((market) => market.swap)).to.equal(true);
  });

  it('fetchOrderBook and fetchTicker', async () => {
    const book = await exchange.fetchOrderBook('BTC/JPY');
    expect(book.asks[0]![0]).to.equal(reference + 1000);
    expect(book.bids[0]![0]).to.equal(reference - 1000);
    const ticker = await exchange.fetchTicker('BTC/JPY');
    expect(ticker.ask).to.equal(reference + 1000);
    expect(ticker.bid).to.equal(reference - 1000);
  });

  it('createOrder / fetchOrder / editOrder / cancelOrder for a limit order', async () => {
    const created = await exchange.createOrder('BTC/JPY', 'limit', 'buy', 0.01, reference - 5000);
    expect(created.status).to.equal('open');
    const fetched = await exchange.fetchOrder(created.id, 'BTC/JPY');
    expect(fetched.price).to.equal(reference - 5000);
    expect(fetched.amount).to.equal(0.01);
    const edited = await exchange.editOrder(created.id, 'BTC/JPY', 'limit', 'buy', 0.02, reference - 4000);
    expect(edited.amount).to.equal(0.02);
    expect(edited.price).to.equal(reference - 4000);
    const cancelled = await exchange.cancelOrder(created.id, 'BTC/JPY');
    expect(cancelled.status).to.equal('canceled');
  });

  it('a market order fills against the book; fetchMyTrades and fetchTrades see it', async () => {
    const order = await exchange.createOrder('BTC/JPY', 'market', 'buy', 0.05);
    expect(order.status).to.equal('closed');
    expect(order.filled).to.equal(0.05);
    const mine = await exchange.fetchMyTrades('BTC/JPY');
    expect(mine.some((trade) => trade.order === order.id && trade.side === 'buy')).to.equal(true);
    const trades = await exchange.fetchTrades('BTC/JPY');
    expect(trades.length).to.be.greaterThan(0);
    const since = await exchange.fetchTrades('BTC/JPY', Date.now() - 60_000);
    expect(since.length).to.be.greaterThan(0);
  });

  it('fetchBalance', async () => {
    const balance = await exchange.fetchBalance();
    expect(balance['BTC']?.total).to.be.greaterThan(1);
    expect(balance['JPY']?.total).to.be.lessThan(10_000_000);
  });

  it('typed errors: InsufficientFunds, OrderNotFound, AuthenticationError', async () => {
    await expectError(exchange.createOrder('BTC/JPY', 'limit', 'buy', 100, reference - 1000), ccxt.InsufficientFunds);
    await expectError(exchange.fetchOrder('999999999', 'BTC/JPY'), ccxt.OrderNotFound);
    const created = await exchange.createOrder('BTC/JPY', 'limit', 'buy', 0.01, reference - 5000);
    await exchange.cancelOrder(created.id, 'BTC/JPY');
    await expectError(exchange.cancelOrder(created.id, 'BTC/JPY'), ccxt.OrderNotFound);
    const stranger = liquidClient(sandbox, { tokenId: trader.tokenId, secret: 'wrong' });
    await expectError(stranger.fetchBalance(), ccxt.AuthenticationError);
  });
});

async function expectError(promise: Promise<unknown>, type: new (...args: never[]) => Error): Promise<void> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(type);
    return;
  }
  expect.fail(`expected ${type.name}`);
}
