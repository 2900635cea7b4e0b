/**
 * (issue 7) Matched orders per second in process: `Exchange.createOrder` taking liquidity from a
 * BTCJPY book a maker keeps full (each fill is requoted at once, so the book never thins), vs a
 * baseline measured in the same run: creating a resting limit order that matches nothing.
 */
import { Decimal, type Exchange } from '../lib/sandbox/exchange/index.js';
import { measure, ratios, type Measurement, type Row } from './measure.js';
import { BTCJPY, BTCJPY_PRICE, catalogueExchange } from './support-exchange.js';

const LOT = '0.001';
const LEVELS = 10;
const PER_LEVEL = 5;
/** A sweep takes this many resting orders: the two best levels. */
const SWEEP = 2 * PER_LEVEL;

/** An exchange with a maker quoting LEVELS ask levels of PER_LEVEL orders from the reference price up, and a funded taker. */
function fullBook(): { exchange: Exchange; maker: number; taker: number; askPrice: (level: number) => string } {
  const exchange = catalogueExchange();
  const maker = exchange.createUser({ BTC: '1000000000' });
  const taker = exchange.createUser({ JPY: '1000000000000000000' });
  // The levels' prices as text, made once: the measured loops time the exchange, not the bench's own Decimals.
  const prices = Array.from({ length: LEVELS }, (_, level) => new Decimal(BTCJPY_PRICE).plus(level).toFixed()); // whole yen: tick 1
  const askPrice = (level: number): string => prices[level] as string;
  for (let level = 0; level < LEVELS; level++) {
    for (let i = 0; i < PER_LEVEL; i++)
      exchange.createOrder(maker, {
        orderType: 'limit',
        productId: BTCJPY,
        side: 'sell',
        quantity: LOT,
        price: askPrice(level),
      });
  }
  return { exchange, maker, taker, askPrice };
}

/**
 * Runs the cases, each on an exchange of its own that nothing references once it is measured: a
 * case must not pay for the heap another one left (the baseline's ~450,000 resting orders, kept
 * alive through the closures' shared scope, once cut the 1-fill rate by a third through GC).
 */
export async function run(): Promise<Row[]> {
  const baseline = await restingBaseline();
  const one = await oneFill();
  const sweep = await sweepTwoLevels();
  const perSecond = (m: Measurement, what: string, per = 1): string =>
    `${Math.round((1000 * per) / m.ms).toLocaleString('en')} ${what}/s`;
  return ratios('matching in process (BTCJPY)', [baseline, one, sweep], {
    [baseline.name]: perSecond(baseline, 'orders'),
    [one.name]: `${perSecond(one, 'matched orders')} (requote included); issue 14 goal ≥ 100,000`,
    [sweep.name]: `${perSecond(sweep, 'executions', SWEEP)}, ${perSecond(sweep, 'sweeps')}`,
  });
}

/** The baseline: a resting limit order that matches nothing. */
async function restingBaseline(): Promise<Measurement> {
  const resting = catalogueExchange();
  const bidder = resting.createUser({ JPY: '1000000000000000000' });
  return measure('resting limit order, no match (baseline)', () =>
    resting.createOrder(bidder, { orderType: 'limit', productId: BTCJPY, side: 'buy', quantity: LOT, price: '900000' }),
  );
}

/** A taker limit order filled by one maker order, which the maker requotes at once. */
async function oneFill(): Promise<Measurement> {
  const single = fullBook();
  let fills = 0;
  let takes = 0;
  const one = await measure('taker limit order, 1 fill + maker requote', () => {
    const order = single.exchange.createOrder(single.taker, {
      orderType: 'limit',
      productId: BTCJPY,
      side: 'buy',
      quantity: LOT,
      price: single.askPrice(0),
    });
    fills += order.executions.length;
    takes++;
    single.exchange.createOrder(single.maker, {
      orderType: 'limit',
      productId: BTCJPY,
      side: 'sell',
      quantity: LOT,
      price: single.askPrice(0),
    });
  });
  checkFills(one, fills, takes);
  return one;
}

/** A taker limit order sweeping the two best levels, which the maker requotes at once. */
async function sweepTwoLevels(): Promise<Measurement> {
  const swept = fullBook();
  let sweepFills = 0;
  let sweeps = 0;
  const sweep = await measure(`taker limit order sweeping ${SWEEP} orders + ${SWEEP} requotes`, () => {
    const order = swept.exchange.createOrder(swept.taker, {
      orderType: 'limit',
      productId: BTCJPY,
      side: 'buy',
      quantity: '0.01',
      price: swept.askPrice(1),
    });
    sweepFills += order.executions.length;
    sweeps++;
    for (let level = 0; level < 2; level++) {
      for (let i = 0; i < PER_LEVEL; i++)
        swept.exchange.createOrder(swept.maker, {
          orderType: 'limit',
          productId: BTCJPY,
          side: 'sell',
          quantity: LOT,
          price: swept.askPrice(level),
        });
    }
  });
  checkFills(sweep, sweepFills, sweeps * SWEEP);
  return sweep;
}

/** The measured loop must have matched what it claims: every taker order filled in full. */
function checkFills(m: Measurement, fills: number, expected: number): void {
  if (fills === 0 || fills !== expected)
    throw new Error(`${m.name}: ${fills} fills where ${expected} were expected: the book was not kept full`);
}
