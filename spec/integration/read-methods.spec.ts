/**
 * Every read method of the SDK against the sandbox, in both wire type profiles, with the market
 * maker running: after placing orders, a fill, a margin trade funded by a loan, a lending offer and
 * withdrawals, each read must give entities whose fields have the declared types (Decimal, Date,
 * the known values of enumerations) and whose key values equal what was placed. A wire shape the
 * SDK cannot read cannot hide behind fixtures any more.
 *
 * The table is complete by construction: the last spec lists every method of every resource
 * reflectively and fails when one is neither a row here nor named as a write.
 */
import { expect } from 'chai';
import { Decimal } from 'decimal.js';
import sinon from 'sinon';
import { Quoine } from '../../lib/client.js';
import {
  CryptoWithdrawalState,
  CurrencyType,
  FiatWithdrawalState,
  LoanBidStatus,
  LoanStatus,
  OrderStatus,
  OrderType,
  ProductType,
  Side,
  TradeSide,
  TradeStatus,
  TradingType,
} from '../../lib/constants.js';
import { QDecimal } from '../../lib/core/decimal.js';
import { ApiResource } from '../../lib/core/resource.js';
import type { RequestSpec, TransportResponse } from '../../lib/core/request-spec.js';
import { Transport } from '../../lib/core/transport.js';
import type { CryptoWithdrawal } from '../../lib/entities/crypto-withdrawal.js';
import type { LoanBid } from '../../lib/entities/loan-bid.js';
import type { Order } from '../../lib/entities/order.js';
import type { Trade } from '../../lib/entities/trade.js';
import type { Withdrawal } from '../../lib/entities/withdrawal.js';
import { startSandbox, type Sandbox } from '../../lib/sandbox/index.js';
import { PROFILES } from './helpers.js';
import { KNOWN_VALUES } from '../helpers/known-values.js';
import { droppedWireFields, isEntity, isWireObject } from '../helpers/wire-coverage.js';

const BTCUSD = 1;
const BTCJPY = 5;
const P_BTCUSD = 604;
const D = (v: string | number): Decimal => new QDecimal(v);
const fixed = (d: Decimal | null | undefined): string | undefined => d?.toFixed();
const ADDRESS = '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2';
const CLIENT_ID = 'read-spec-0001';
const FILL_CLIENT_ID = 'read-spec-0002';

/** What the setup placed, for the rows to compare against. */
interface World {
  readonly sandbox: Sandbox;
  readonly trader: Quoine;
  readonly lender: Quoine;
  readonly start: Date;
  readonly resting: Order;
  readonly filled: Order;
  readonly margin: Order;
  readonly trade: Trade;
  readonly bid: LoanBid;
  readonly cryptoWithdrawal: CryptoWithdrawal;
  readonly fiatWithdrawal: Withdrawal;
  readonly tradingAccountId: number;
  /** Fields the Quoine era's bodies did not have yet are null there. */
  readonly liquid: boolean;
}

interface ReadRow {
  /** Runs the call; `bodies` gives the wire bodies the call received so far. */
  readonly run: (w: World, bodies: () => Promise<unknown[]>) => Promise<void>;
}

/** A read: the call, and what its result must show. */
function read<T>(call: (w: World) => PromiseLike<T>, check: (result: T, w: World) => unknown): ReadRow {
  return {
    run: async (w, bodies) => {
      const result = await call(w);
      expectWellFormed(result, 'result');
      expectNothingDropped(await bodies(), result);
      await check(result, w);
    },
  };
}

async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

const ids = (items: ReadonlyArray<{ readonly id: number }>): number[] => items.map((i) => i.id);

/** Every read method of the SDK, by `namespace.method`. */
const READS: Readonly<Record<string, ReadRow>> = {
  'products.list': read(
    async (w) => [...(await w.trader.products.list()), ...(await w.trader.products.list({ perpetual: true }))],
    (products) => {
      const spot = products.filter((p) => p.productType === ProductType.CurrencyPair);
      const perpetual = products.filter((p) => p.productType === ProductType.Perpetual);
      expect(ids(spot)).to.include.members([BTCUSD, BTCJPY]);
      expect(ids(perpetual)).to.include(P_BTCUSD);
      expect(spot.length + perpetual.length).to.equal(products.length);
    },
  ),
  'products.get': read(
    (w) => w.trader.products.get(BTCJPY),
    (p) => {
      expect([p.id, p.currencyPairCode, p.productType]).to.deep.equal([BTCJPY, 'BTCJPY', ProductType.CurrencyPair]);
      expect(p.marketBid?.gte(500000), 'our resting bid is on the book').to.equal(true);
      if (p.marketAsk !== null) expect(p.marketBid?.lt(p.marketAsk)).to.equal(true);
    },
  ),
  'products.orderBook': read(
    (w) => w.trader.products.orderBook(BTCJPY, { full: true }),
    (book) => {
      expect(book.buyPriceLevels.map((l) => [l.price.toFixed(), l.quantity.toFixed()])).to.deep.include([
        '500000',
        '0.01',
      ]);
      const bids = book.buyPriceLevels.map((l) => l.price);
      bids.slice(1).forEach((p, i) => expect(p.lt(bids[i] as Decimal)).to.equal(true));
    },
  ),
  'products.ohlc': read(
    (w) => w.trader.products.ohlc(BTCJPY, { resolution: 60 }),
    (candles) => {
      expect(candles.length).to.be.greaterThan(0);
      for (const c of candles)
        expect(c.low.lte(c.open) && c.low.lte(c.close) && c.high.gte(c.open) && c.high.gte(c.close)).to.equal(true);
    },
  ),
  'products.fundingRateHistory': read(
    (w) => w.trader.products.fundingRateHistory(P_BTCUSD),
    (rows) => expect(rows).to.be.an('array'),
  ),
  'executions.list': read(
    (w) => w.trader.executions.list({ productId: BTCJPY }),
    (page, w) => expect(ids(page.models)).to.include.members(fillIds(w)),
  ),
  'executions.since': read(
    (w) => w.trader.executions.since({ productId: BTCJPY, timestamp: w.start }),
    (batch, w) => {
      expect(ids(batch)).to.include.members(fillIds(w));
      const times = batch.map((e) => e.createdAt.getTime());
      expect(times).to.deep.equal([...times].sort((a, b) => a - b));
    },
  ),
  'executions.all': read(
    (w) => all(w.trader.executions.all({ productId: BTCJPY, since: w.start })),
    (walked, w) => {
      expect(ids(walked)).to.include.members(fillIds(w));
      expect(new Set(ids(walked)).size).to.equal(walked.length);
    },
  ),
  'executions.mine': read(
    (w) => w.trader.executions.mine({ productId: BTCJPY, withDetails: true }),
    (page, w) => {
      const fills = page.models.filter((e) => e.orderId === w.filled.id);
      expect(ids(fills)).to.have.members(fillIds(w));
      expect(fills.reduce((sum, e) => sum.plus(e.quantity), D(0)).toFixed()).to.equal('0.01');
      // client_order_id on own executions is a Liquid-era field (§7.3).
      expect(
        fills.every((e) => e.mySide === Side.Buy && e.clientOrderId === (w.liquid ? FILL_CLIENT_ID : null)),
      ).to.equal(true);
    },
  ),
  'interestRates.ladder': read(
    (w) => w.trader.interestRates.ladder('USD'),
    (ladder) => expect(ladder.bids.map((l) => l.price.toFixed())).to.include('0.0002'),
  ),
  'currencies.list': read(
    (w) => w.trader.currencies.list(),
    (currencies) => {
      const usdt = currencies.find((c) => c.currency === 'USDT');
      expect([usdt?.stableCurrency, usdt?.currencyType]).to.deep.equal(['USD', CurrencyType.Crypto]);
      expect(currencies.find((c) => c.currency === 'BTC')?.stableCurrency).to.equal(null);
      expect(currencies.find((c) => c.currency === 'JPY')?.currencyType).to.equal(CurrencyType.Fiat);
    },
  ),
  'fees.list': read(
    (w) => w.trader.fees.list({ feeType: 'trade_fee' }),
    (fees) => {
      expect(fees.length).to.be.greaterThan(0);
      expect(fees.every((f) => f.feeType === 'trade_fee' && f.chargeValue instanceof Decimal)).to.equal(true);
    },
  ),
  'fees.tier': read(
    (w) => w.trader.fees.tier(),
    (tier) => expect(tier.feeTier).to.be.a('number'),
  ),
  'fees.rules': read(
    (w) => w.trader.fees.rules({ feeType: 'trade_fee' }),
    (rules) => expect(rules.length).to.be.greaterThan(0),
  ),
  'fees.estimate': read(
    (w) =>
      w.trader.fees.estimate({
        forAction: 'create_order',
        productId: BTCUSD,
        side: Side.Buy,
        quantity: '2',
        price: '9200.5',
      }),
    async (estimate, w) => {
      const takerFee = (await w.trader.products.get(BTCUSD)).takerFee ?? D(0);
      expect(fixed(estimate.default?.[0]?.amount)).to.equal(D('18401').times(takerFee).toFixed());
    },
  ),
  'orders.get': read(
    (w) => w.trader.orders.get(w.resting.id),
    (o, w) => {
      // client_order_id is a Liquid-era field (§7.2): the Quoine-era body has none.
      expect([o.id, o.orderType, o.side, o.status, o.clientOrderId]).to.deep.equal([
        w.resting.id,
        OrderType.Limit,
        Side.Buy,
        OrderStatus.Live,
        w.liquid ? CLIENT_ID : null,
      ]);
      expect([o.price.toFixed(), o.quantity.toFixed(), o.filledQuantity.toFixed(), o.productId]).to.deep.equal([
        '500000',
        '0.01',
        '0',
        BTCJPY,
      ]);
      expect(o.executions).to.deep.equal([]);
    },
  ),
  'orders.getByClientId': read(
    (w) => w.trader.orders.getByClientId(CLIENT_ID),
    (o, w) => expect([o.id, o.status]).to.deep.equal([w.resting.id, OrderStatus.Live]),
  ),
  'orders.list': read(
    (w) => w.trader.orders.list({ withDetails: true }),
    (page, w) => {
      const byId = new Map(page.models.map((o) => [o.id, o]));
      expect(byId.get(w.resting.id)?.status).to.equal(OrderStatus.Live);
      expect(byId.get(w.filled.id)?.status).to.equal(OrderStatus.Filled);
      const margin = byId.get(w.margin.id);
      // trading_type is a Liquid-era field (§7.2).
      expect([margin?.tradingType, margin?.leverageLevel, margin?.side]).to.deep.equal([
        w.liquid ? TradingType.Margin : null,
        10,
        Side.Buy,
      ]);
      expect([fixed(margin?.takeProfit), fixed(margin?.stopLoss), margin?.tradeId]).to.deep.equal(
        w.liquid ? ['20000', '5000', w.trade.id] : [undefined, undefined, null],
      );
    },
  ),
  'orders.executions': read(
    (w) => w.trader.orders.executions(w.filled.id),
    (page) => {
      expect(page.models.reduce((sum, e) => sum.plus(e.quantity), D(0)).toFixed()).to.equal('0.01');
      expect(page.models.every((e) => e.mySide === Side.Buy)).to.equal(true);
    },
  ),
  'orders.trades': read(
    (w) => w.trader.orders.trades(w.margin.id),
    (trades, w) => expect(ids(trades)).to.include(w.trade.id),
  ),
  'accounts.list': read(
    (w) => w.trader.accounts.list(),
    (overview) => {
      expect(overview.fiatAccounts.map((a) => a.currency)).to.include.members(['USD', 'JPY']);
      expect(overview.cryptoAccounts.map((a) => a.currency)).to.include('BTC');
    },
  ),
  'accounts.get': read(
    (w) => w.trader.accounts.get('JPY'),
    (account) => {
      expect(account.currency).to.equal('JPY');
      expect(account.reservedBalance?.gte(5000)).to.equal(true);
      expect(fixed(account.freeBalance)).to.equal(account.balance.minus(account.reservedBalance ?? 0).toFixed());
    },
  ),
  'accounts.balances': read(
    (w) => w.trader.accounts.balances(),
    async (balances, w) => {
      const jpy = balances.find((b) => b.currency === 'JPY');
      expect(fixed(jpy?.balance)).to.equal((await w.trader.accounts.get('JPY')).balance.toFixed());
    },
  ),
  'accounts.mainAsset': read(
    (w) => w.trader.accounts.mainAsset(),
    (asset) => expect(asset.totalAmount.gt(0)).to.equal(true),
  ),
  'accounts.reservedBalanceDetails': read(
    (w) => w.trader.accounts.reservedBalanceDetails('JPY'),
    (details, w) => {
      expect(details.orderIds).to.include(w.resting.id);
      expect(details.reservedBalance.gte(5000)).to.equal(true);
    },
  ),
  'accounts.depositInfo': read(
    (w) => w.trader.accounts.depositInfo('BTC'),
    (info) => {
      expect(info.currency).to.equal('BTC');
      expect(info.address).to.not.equal('');
    },
  ),
  'accounts.fiat.list': read(
    (w) => w.trader.accounts.fiat.list(),
    (accounts) => expect(accounts.every((a) => a.currencyType === CurrencyType.Fiat)).to.equal(true),
  ),
  'accounts.crypto.list': read(
    (w) => w.trader.accounts.crypto.list(),
    (accounts) => {
      expect(accounts.map((a) => a.currency)).to.include('BTC');
      expect(accounts.every((a) => a.currencyType === CurrencyType.Crypto)).to.equal(true);
    },
  ),
  'loans.list': read(
    (w) => w.lender.loans.list({ currency: 'USD' }),
    (page) => {
      expect(page.models.length).to.be.greaterThan(0);
      expect(
        page.models.every((l) => l.currency === 'USD' && l.status === LoanStatus.Open && l.rate.toFixed() === '0.0002'),
      ).to.equal(true);
    },
  ),
  'loans.bids.list': read(
    (w) => w.lender.loans.bids.list({ currency: 'USD' }),
    (page, w) => {
      const bid = page.models.find((b) => b.id === w.bid.id);
      expect([bid?.status, fixed(bid?.rate), fixed(bid?.quantity)]).to.deep.equal([
        LoanBidStatus.Live,
        '0.0002',
        '5000',
      ]);
    },
  ),
  'tradingAccounts.list': read(
    (w) => w.trader.tradingAccounts.list(),
    (accounts) => expect(accounts.some((a) => a.productId === BTCUSD && a.fundingCurrency === 'USD')).to.equal(true),
  ),
  'tradingAccounts.get': read(
    (w) => w.trader.tradingAccounts.get(w.tradingAccountId),
    (account, w) =>
      expect([account.id, account.productId, account.fundingCurrency]).to.deep.equal([
        w.tradingAccountId,
        BTCUSD,
        'USD',
      ]),
  ),
  'users.leverageLimitation': read(
    (w) => w.trader.users.leverageLimitation(),
    (levels) => expect(levels).to.include(10),
  ),
  'trades.list': read(
    (w) => w.trader.trades.list({ status: TradeStatus.Open }),
    (page, w) => {
      const t = page.models.find((x) => x.id === w.trade.id);
      // trading_type is a Liquid-era field (§7.7).
      expect([t?.side, t?.status, t?.leverageLevel, fixed(t?.quantity), t?.tradingType]).to.deep.equal([
        TradeSide.Long,
        TradeStatus.Open,
        10,
        '0.01',
        w.liquid ? TradingType.Margin : null,
      ]);
      expect([fixed(t?.takeProfit), fixed(t?.stopLoss)]).to.deep.equal(['20000', '5000']);
    },
  ),
  'trades.loans': read(
    (w) => w.trader.trades.loans(w.trade.id),
    (loans) => {
      expect(loans.length).to.be.greaterThan(0);
      expect(loans.every((l) => l.currency === 'USD' && l.status === LoanStatus.Open)).to.equal(true);
    },
  ),
  'cryptoWithdrawals.list': read(
    (w) => w.trader.cryptoWithdrawals.list({ currency: 'BTC' }),
    (page, w) => {
      const row = page.models.find((x) => x.id === w.cryptoWithdrawal.id);
      expect([row?.state, fixed(row?.amount), row?.address]).to.deep.equal([
        CryptoWithdrawalState.Pending,
        '0.001',
        ADDRESS,
      ]);
    },
  ),
  'cryptoWithdrawals.networks': read(
    (w) => w.trader.cryptoWithdrawals.networks('BTC'),
    (networks) => expect(networks).to.be.an('array'),
  ),
  'cryptoWithdrawals.addresses': read(
    (w) => w.trader.cryptoWithdrawals.addresses({ currency: 'BTC' }),
    (page) => expect(page.models.map((a) => a.address)).to.include(ADDRESS),
  ),
  'withdrawals.bankAccounts': read(
    (w) => w.trader.withdrawals.bankAccounts(),
    (accounts) => expect(accounts.length).to.be.greaterThan(0),
  ),
  'withdrawals.list': read(
    (w) => w.trader.withdrawals.list(),
    (page, w) => {
      const row = page.models.find((x) => x.id === w.fiatWithdrawal.id);
      expect([row?.state, fixed(row?.amount), row?.currency]).to.deep.equal([
        FiatWithdrawalState.Pending,
        '100',
        'USD',
      ]);
    },
  ),
  'transactions.list': read(
    (w) => w.trader.transactions.list({ currency: 'USD' }),
    (page) => expect(page.models).to.be.an('array'),
  ),
  'balanceHistory.list': read(
    (w) => all(w.trader.balanceHistory.list({ currency: 'JPY' })),
    async (rows, w) => {
      expect(rows.length).to.be.greaterThan(0);
      const latest = [...rows].sort((a, b) => b.timestamp.getTime() - a.timestamp.getTime() || b.id - a.id)[0];
      expect(fixed(latest?.balance)).to.equal((await w.trader.accounts.get('JPY')).balance.toFixed());
    },
  ),
};

/** Methods that change something: they are exercised by the setup or by other integration specs. */
const WRITES: ReadonlySet<string> = new Set([
  'orders.create',
  'orders.createMargin',
  'orders.limitBuy',
  'orders.limitSell',
  'orders.marketBuy',
  'orders.marketSell',
  'orders.update',
  'orders.updateByClientId',
  'orders.cancel',
  'orders.cancelByClientId',
  'orders.cancelAll',
  'accounts.createDepositInfo',
  'accounts.fiat.create',
  'loans.update',
  'loans.bids.create',
  'loans.bids.close',
  'tradingAccounts.updateLeverage',
  'trades.close',
  'trades.closeAll',
  'trades.update',
  'trades.adjustMargin',
  'cryptoWithdrawals.create',
  'cryptoWithdrawals.cancel',
  'withdrawals.create',
  'withdrawals.cancel',
]);

/** Every public method of every REST resource of a client (`namespace.method`, nested namespaces too). */
function resourceMethods(client: Quoine): string[] {
  const names: string[] = [];
  const walk = (resource: ApiResource, prefix: string): void => {
    for (
      let proto: object | null = Object.getPrototypeOf(resource) as object;
      proto && proto !== ApiResource.prototype;
      proto = Object.getPrototypeOf(proto) as object | null
    ) {
      for (const key of Object.getOwnPropertyNames(proto)) {
        if (key !== 'constructor' && typeof Object.getOwnPropertyDescriptor(proto, key)?.value === 'function')
          names.push(`${prefix}.${key}`);
      }
    }
    for (const [key, value] of Object.entries(resource))
      if (value instanceof ApiResource) walk(value, `${prefix}.${key}`);
  };
  for (const [key, value] of Object.entries(client)) if (value instanceof ApiResource) walk(value, key);
  return names.sort();
}

const EARLIEST = Date.UTC(2014, 0, 1);

/**
 * Every value inside an entity is of a declared kind: a finite Decimal, a Date between 2014 and
 * tomorrow (a seconds/milliseconds mix-up lands outside), a safe integer, a known enumeration value
 * (where the SDK lists them), a string, a boolean, null, or nested entities; raw JSON fields
 * (plain objects: `settings`, `conditions` …) keep the wire's text and are not descended into.
 */
function expectWellFormed(value: unknown, at: string): void {
  if (value instanceof Decimal) {
    expect(value.isFinite(), at).to.equal(true);
  } else if (value instanceof Date) {
    expect(value.getTime(), at).to.be.within(EARLIEST, Date.now() + 86_400_000);
  } else if (typeof value === 'number') {
    expect(Number.isSafeInteger(value), `${at} = ${value}`).to.equal(true);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => expectWellFormed(item, `${at}[${i}]`));
  } else if (typeof value === 'object' && value !== null && value.constructor !== Object) {
    const cls = value.constructor.name;
    for (const [key, field] of Object.entries(value)) {
      const known = KNOWN_VALUES[cls]?.[key];
      if (known !== undefined && field !== null) expect(known, `${at}.${key} (${cls})`).to.include(field);
      expectWellFormed(field, `${at}.${key}`);
    }
  }
}

/**
 * Every field of every wire object reaches the entity built from it: a field the sandbox sends and
 * the SDK does not read is data the user never sees. Bodies of several requests (pages, walks) are
 * joined; page bodies are compared by their models.
 */
function expectNothingDropped(bodies: readonly unknown[], result: unknown): void {
  const items = (body: unknown): unknown =>
    isWireObject(body) && 'models' in body
      ? body['models']
      : isWireObject(body) && 'fee_options' in body
        ? body['fee_options']
        : body;
  const joined = bodies.length === 1 ? items(bodies[0]) : bodies.flatMap((b) => items(b) as unknown[]);
  const value =
    isEntity(result) && 'models' in result && 'currentPage' in result ? (result as { models: unknown }).models : result;
  expect(droppedWireFields(joined, value), 'wire fields no entity field reads').to.deep.equal([]);
}

/** The executions of the trader's market buy (one per price level it took). */
function fillIds(w: World): number[] {
  const fills = ids(w.filled.executions ?? []);
  if (fills.length === 0) throw new Error('the market buy has no execution');
  return fills;
}

function clientFor(sandbox: Sandbox, balances: Readonly<Record<string, string>>): Quoine {
  const token = sandbox.createToken(balances);
  return new Quoine({ baseUrl: sandbox.url, tokenId: token.tokenId, secret: token.secret, rateLimit: false });
}

async function setUp(sandbox: Sandbox): Promise<World> {
  const start = new Date(Math.floor(Date.now() / 1000) * 1000);
  sandbox.market?.step(); // books quoted before anyone trades (the timer keeps stepping too)
  const lender = clientFor(sandbox, { USD: '100000' });
  const trader = clientFor(sandbox, { USD: '100000', JPY: '10000000', BTC: '1' });
  const bid = await lender.loans.bids.create({ rate: '0.0002', quantity: '5000', currency: 'USD' });
  const resting = await trader.orders.limitBuy(BTCJPY, '0.01', '500000', { clientOrderId: CLIENT_ID });
  const bought = await trader.orders.marketBuy(BTCJPY, '0.01', { clientOrderId: FILL_CLIENT_ID });
  const filled = await trader.orders.get(bought.id);
  const margin = await trader.orders.createMargin({
    orderType: OrderType.Market,
    productId: BTCUSD,
    side: Side.Buy,
    quantity: '0.01',
    leverageLevel: 10,
    fundingCurrency: 'USD',
    takeProfit: '20000',
    stopLoss: '5000',
  });
  const [trade] = await trader.orders.trades(margin.id);
  if (trade === undefined) throw new Error('the margin order opened no trade');
  const cryptoWithdrawal = await trader.cryptoWithdrawals.create({
    currency: 'BTC',
    address: ADDRESS,
    amount: '0.001',
  });
  const [bank] = await trader.withdrawals.bankAccounts();
  if (bank === undefined) throw new Error('the sandbox user has no bank account');
  const fiatWithdrawal = await trader.withdrawals.create({ currency: 'USD', amount: '100', bankAccountId: bank.id });
  const account = (await trader.tradingAccounts.list()).find((a) => a.productId === BTCUSD);
  if (account === undefined) throw new Error('the margin trade opened no trading account');
  sandbox.market?.step();
  const liquid = sandbox.profile === 'liquid';
  return {
    sandbox,
    trader,
    lender,
    start,
    resting,
    filled,
    margin,
    trade,
    bid,
    cryptoWithdrawal,
    fiatWithdrawal,
    tradingAccountId: account.id,
    liquid,
  };
}

for (const profile of PROFILES) {
  describe(`every read method against the sandbox with the market maker on (${profile} profile)`, () => {
    let sandbox: Sandbox | undefined;
    let world: World | undefined;
    let requests: sinon.SinonSpy<[RequestSpec], unknown>;
    before(async () => {
      sandbox = await startSandbox({ port: 0, profile, rateLimit: false, seed: 20261207 });
      world = await setUp(sandbox);
      expect(world.filled.status).to.equal(OrderStatus.Filled);
    });
    beforeEach(() => {
      requests = sinon.spy(Transport.prototype, 'request');
    });
    afterEach(() => requests.restore());
    after(async () => {
      await world?.trader.close();
      await world?.lender.close();
      await sandbox?.close();
    });

    for (const [method, row] of Object.entries(READS)) {
      it(`${method}: typed entities holding what was placed`, async () => {
        if (world === undefined) throw new Error('no world: the setup failed');
        await row.run(world, () =>
          Promise.all(requests.getCalls().map(async (c) => ((await c.returnValue) as TransportResponse).body)),
        );
        const sent = requests.getCalls().map((c) => c.args[0]);
        expect(sent.length, 'requests sent').to.be.greaterThan(0);
        // Reads only: every request of the call may be retried as a read.
        expect(sent.filter((s) => s.safety !== 'read').map((s) => `${s.method} ${s.path}`)).to.deep.equal([]);
      });
    }

    it('has a row for every read method of the SDK and names every other method as a write', async () => {
      const client = new Quoine();
      const methods = resourceMethods(client);
      await client.close();
      expect(methods).to.include.members(['products.list', 'accounts.fiat.list', 'loans.bids.list']); // nested namespaces are walked
      const unlisted = methods.filter((m) => !(m in READS) && !WRITES.has(m));
      expect(unlisted, 'methods with no row: add one to READS (or to WRITES if they change something)').to.deep.equal(
        [],
      );
      const stale = [...Object.keys(READS), ...WRITES].filter((m) => !methods.includes(m));
      expect(stale, 'rows for methods that no longer exist').to.deep.equal([]);
    });
  });
}
