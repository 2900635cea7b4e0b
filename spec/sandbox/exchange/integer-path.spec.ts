// Issue 14: spot fills settle in exact scaled integers (order-state.ts `integerPath`, settlement.ts
// executeUnits). The same random sequence, run down the integer path and down the Decimal path,
// must leave every record equal: orders with their executions, accounts, balance history, trades,
// public executions, product statistics, fee account. The fallback is taken by every order the
// integer path does not handle (margin, close orders, a state with more places than its scales).
import { expect } from 'chai';
import { resolveConfig } from '../../../lib/sandbox/exchange/config.js';
import { Context } from '../../../lib/sandbox/exchange/context.js';
import { Decimal } from '../../../lib/sandbox/exchange/decimal.js';
import { Engine } from '../../../lib/sandbox/exchange/engine.js';
import {
  Exchange,
  ExchangeError,
  type CreateOrderParams,
  type ExchangeOptions,
  type OrderType,
} from '../../../lib/sandbox/exchange/index.js';
import { Ledger } from '../../../lib/sandbox/exchange/ledger.js';
import { Lending } from '../../../lib/sandbox/exchange/lending.js';
import { Margin } from '../../../lib/sandbox/exchange/margin.js';
import { MarketData } from '../../../lib/sandbox/exchange/market-data.js';
import type { OrderState } from '../../../lib/sandbox/exchange/order-state.js';
import { settlesInUnits } from '../../../lib/sandbox/exchange/order-units.js';
import { integerPath } from '../../../lib/sandbox/exchange/units.js';
import { Prng } from '../../../lib/sandbox/exchange/prng.js';
import { BTCUSD, CURRENCIES, Clock, ETHBTC, PRODUCTS } from './helpers.js';

/** A product with a tick that is not a power of ten, a fee of 11 places and a maker rebate. */
const ODD = 3;
const ODD_PRODUCT: ExchangeOptions['products'][number] = {
  id: ODD,
  baseCurrency: 'ETH',
  quotedCurrency: 'JPY',
  currencyPairCode: 'ETHJPY',
  takerFee: '0.00123456789',
  makerFee: '-0.0001',
  tickSize: '0.25',
  minimumOrderQuantity: '0.00000001',
  lastTradedPrice: '2000',
};
const SPOT_PRODUCTS = [BTCUSD, ETHBTC, ODD] as const;
const TYPES: OrderType[] = [
  'limit',
  'limit',
  'limit',
  'limit',
  'market',
  'market_with_range',
  'limit_post_only',
  'stop',
];

/** Runs `body` with the integer path on or off, and restores it. */
function withIntegerPath<T>(enabled: boolean, body: () => T): T {
  const before = integerPath.enabled;
  integerPath.enabled = enabled;
  try {
    return body();
  } finally {
    integerPath.enabled = before;
  }
}

/** A price near the product's last price, on its tick, as text. */
function priceText(prng: Prng, exchange: Exchange, productId: number): string {
  const last = exchange.product(productId).lastTradedPrice ?? new Decimal(1);
  const tick = productId === BTCUSD ? '0.01' : productId === ETHBTC ? '0.00001' : '0.25';
  const steps = last.div(tick).round().plus(prng.int(-40, 40));
  return Decimal.max(steps, 1).times(tick).toFixed();
}

/** A quantity with up to 8 places (the base currencies' precision), at least the product's minimum. */
function quantityText(prng: Prng, productId: number): string {
  const whole = productId === BTCUSD ? prng.int(0, 1) : prng.int(0, 20);
  const places = prng.int(0, 8);
  const fraction = places === 0 ? '' : `.${String(prng.int(1, 10 ** places - 1)).padStart(places, '0')}`;
  const text = `${whole}${fraction}`;
  const minimum = productId === BTCUSD ? '0.001' : productId === ETHBTC ? '0.01' : '0.00000001';
  return new Decimal(text).lessThan(minimum) ? minimum : text;
}

function randomOrder(prng: Prng, exchange: Exchange): CreateOrderParams {
  const productId = SPOT_PRODUCTS[prng.int(0, SPOT_PRODUCTS.length - 1)] as number;
  const side = prng.chance(1, 2) ? 'buy' : 'sell';
  const orderType = TYPES[prng.int(0, TYPES.length - 1)] as OrderType;
  const params: CreateOrderParams = { orderType, productId, side, quantity: quantityText(prng, productId) };
  const priced = orderType === 'market' ? params : { ...params, price: priceText(prng, exchange, productId) };
  if (productId === BTCUSD && orderType === 'limit' && prng.chance(1, 5))
    return { ...priced, leverageLevel: [2, 4, 5, 10, 25][prng.int(0, 4)], orderDirection: 'netout' };
  return priced;
}

/** Everything the exchange answers about the users and products, as text. */
function everything(exchange: Exchange, users: number[]): string {
  return JSON.stringify({
    users: users.map((user) => ({
      orders: exchange.orders(user),
      accounts: exchange.accounts(user),
      history: exchange.balanceHistory(user),
      trades: exchange.trades(user),
      mine: SPOT_PRODUCTS.map((productId) => exchange.myExecutions(user, productId)),
    })),
    products: SPOT_PRODUCTS.map((productId) => [exchange.product(productId), exchange.executions(productId)]),
    fees: exchange.feeAccountBalances(),
    totals: exchange.totals(),
  });
}

/** The random sequence of `seed` on a fresh exchange; answers everything it then holds, and the refusals. */
function run(seed: number): { state: string; refusals: string[]; steps: number } {
  const clock = new Clock();
  const exchange = new Exchange({
    products: [...PRODUCTS, ODD_PRODUCT],
    currencies: CURRENCIES,
    now: clock.now,
    seed: 7,
  });
  const users = Array.from({ length: 5 }, () =>
    exchange.createUser({ USD: '300000', BTC: '30', ETH: '500', JPY: '5000000.5' }),
  );
  const prng = new Prng(seed);
  const refusals: string[] = [];
  for (let step = 0; step < 600; step += 1) {
    clock.advance(prng.int(0, 60_000));
    const user = users[prng.int(0, users.length - 1)] as number;
    const action = prng.int(0, 99);
    try {
      if (action < 70) exchange.createOrder(user, randomOrder(prng, exchange));
      else if (action < 82) {
        const live = exchange.orders(user).filter((order) => order.status === 'live');
        const order = live[prng.int(0, Math.max(0, live.length - 1))];
        if (order !== undefined)
          exchange.editOrder(
            user,
            order.id,
            prng.chance(1, 2)
              ? { quantity: quantityText(prng, order.productId) }
              : { price: priceText(prng, exchange, order.productId) },
          );
      } else if (action < 95) {
        const live = exchange
          .orders(user)
          .filter((order) => order.status === 'live' || order.status === 'partially_filled');
        const order = live[prng.int(0, Math.max(0, live.length - 1))];
        if (order !== undefined) exchange.cancelOrder(user, order.id);
      } else {
        const trade = exchange.trades(user, { status: 'open' })[0];
        if (trade !== undefined) exchange.closeTrade(user, trade.id);
      }
    } catch (error) {
      if (!(error instanceof ExchangeError)) throw error;
      refusals.push(`${step}: ${error.message}`);
    }
  }
  return { state: everything(exchange, users), refusals, steps: exchange.executions(BTCUSD).length };
}

describe('sandbox exchange: the integer path settles as the Decimal path does (issue 14)', () => {
  for (const seed of [1, 2, 3, 4]) {
    it(`a random sequence of spot and margin orders, edits, cancels and closes leaves every record equal (seed ${seed})`, () => {
      const integer = withIntegerPath(true, () => run(seed));
      const decimal = withIntegerPath(false, () => run(seed));
      expect(integer.refusals).to.deep.equal(decimal.refusals);
      expect(integer.state).to.equal(decimal.state);
      expect(integer.steps).to.be.greaterThan(20);
    });
  }

  describe('the fallback', () => {
    function engine(): { engine: Engine; clock: Clock } {
      const clock = new Clock();
      const context = new Context(resolveConfig({ products: PRODUCTS, currencies: CURRENCIES }), clock.now);
      const ledger = new Ledger(context);
      for (const [userId, currency, amount] of [
        [1, 'BTC', '1000'],
        [2, 'USD', '100000000'],
      ] as const)
        ledger.change(userId, currency, new Decimal(amount), { action: 'deposit', objectType: 'Deposit', objectId: 1 });
      const market = new MarketData(context);
      const lending = new Lending(context, ledger);
      return {
        engine: new Engine(context, ledger, market, new Margin(context, ledger, lending, market), lending),
        clock,
      };
    }

    const sell = { orderType: 'limit', productId: BTCUSD, side: 'sell', quantity: '1', price: '10000' } as const;
    const buy = { orderType: 'limit', productId: BTCUSD, side: 'buy', quantity: '2', price: '10000' } as const;

    it('a spot limit order at its scales takes the integer path; margin and close orders do not', () => {
      const { engine: spot } = engine();
      const resting = spot.create(1, sell);
      expect(settlesInUnits(resting)).to.equal(true);
      const margin = spot.create(2, { ...buy, quantity: '0.5', leverageLevel: 2 });
      expect(settlesInUnits(margin)).to.equal(false);
    });

    // Put by hand where validation would refuse it: more places than the scale (falls back), or a
    // corrupt rest the integer round must decide as the Decimal one does (none left, negative).
    const stored: Array<[string, string, boolean]> = [
      ['1.000…0001 (150 places)', `1.${'0'.repeat(149)}1`, true],
      ['1.000000001 (9 places)', '1.000000001', true],
      ['-0.5', '-0.5', false],
      ['0', '0', false],
    ];
    for (const [name, quantity, fallsBack] of stored) {
      it(`a resting order whose quantity is put at ${name} ${fallsBack ? 'falls back and ' : ''}matches as with the integer path off`, () => {
        const outcome = (enabled: boolean): string =>
          withIntegerPath(enabled, () => {
            const { engine: sandbox } = engine();
            const resting: OrderState = sandbox.create(1, sell);
            resting.quantity = new Decimal(quantity);
            expect(resting.quantityUnits === null).to.equal(fallsBack);
            expect(settlesInUnits(resting)).to.equal(enabled && !fallsBack);
            const taker = sandbox.create(2, buy);
            return JSON.stringify([sandbox.record(resting), sandbox.record(taker)]);
          });
        expect(outcome(true)).to.equal(outcome(false));
      });
    }
  });
});
