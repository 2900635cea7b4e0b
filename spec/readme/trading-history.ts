/**
 * A quoted market and a trading history for the sandbox's demo user, so that the README's
 * examples run against an account that has traded, with every case that makes a naive total
 * wrong: a market order filled at several prices, a `market_with_range` order, an order filled in
 * part and then cancelled, a sale, a fill as maker, and an order on another quote currency.
 * The market maker is stepped by hand (no timer), so nothing trades while an example runs.
 */
import type { Decimal } from 'decimal.js';
import { MarketMaker, type OrderRecord, type Sandbox } from '../../lib/sandbox/index.js';

const BTCJPY = 5;
const BTCUSD = 1;

/** Quotes every book and gives the demo user the history described above; throws if a case did not come out as intended. */
export function tradeHistory(sandbox: Sandbox): void {
  const exchange = sandbox.exchange;
  const me = sandbox.demo.userId;
  const maker = new MarketMaker(exchange, { seed: 20260101 });
  const bestAsk = (): Decimal => level(exchange.orderBook(BTCJPY).sellPriceLevels[0], 'ask');
  const bestBid = (): Decimal => level(exchange.orderBook(BTCJPY).buyPriceLevels[0], 'bid');
  const mine = (order: OrderRecord): OrderRecord => exchange.order(me, order.id);

  maker.step();
  const sweep = exchange.createOrder(me, { orderType: 'market', productId: BTCJPY, side: 'buy', quantity: '0.037' });
  maker.step();
  const ranged = exchange.createOrder(me, {
    orderType: 'market_with_range',
    productId: BTCJPY,
    side: 'buy',
    quantity: '0.011',
    priceRange: '3000',
  });
  maker.step();
  const partial = exchange.createOrder(me, {
    orderType: 'limit',
    productId: BTCJPY,
    side: 'buy',
    quantity: '5',
    price: bestAsk(),
  });
  exchange.cancelOrder(me, partial.id);
  maker.step();
  const sale = exchange.createOrder(me, { orderType: 'market', productId: BTCJPY, side: 'sell', quantity: '0.013' });
  maker.step();
  const resting = exchange.createOrder(me, {
    orderType: 'limit',
    productId: BTCJPY,
    side: 'buy',
    quantity: '0.004',
    price: bestBid().plus(1),
  });
  const other = sandbox.createToken({ BTC: '1' });
  exchange.createOrder(other.userId, { orderType: 'market', productId: BTCJPY, side: 'sell', quantity: '0.004' });
  maker.step();
  const dollars = exchange.createOrder(me, { orderType: 'market', productId: BTCUSD, side: 'buy', quantity: '0.002' });

  ensure(
    new Set(mine(sweep).executions.map((e) => e.price.toFixed())).size > 1,
    'the market buy filled at several prices',
  );
  ensure(mine(ranged).executions.length > 0, 'the market_with_range buy filled');
  ensure(
    mine(partial).status === 'cancelled' && mine(partial).executions.length > 0,
    'the partly filled order was cancelled',
  );
  ensure(mine(sale).executions.length > 0, 'the sale filled');
  ensure(mine(resting).status === 'filled', 'the resting bid filled as maker');
  ensure(mine(dollars).executions.length > 0, 'the BTCUSD buy filled');
  ensure(mine(sweep).orderFee.isPositive() && !mine(sweep).orderFee.isZero(), 'fees were charged');
}

function level(value: readonly [Decimal, Decimal] | undefined, side: string): Decimal {
  if (value === undefined) throw new Error(`the market maker left no ${side} on BTCJPY`);
  return value[0];
}

function ensure(condition: boolean, what: string): void {
  if (!condition) throw new Error(`the demo trading history is not what the README spec needs: expected that ${what}`);
}
