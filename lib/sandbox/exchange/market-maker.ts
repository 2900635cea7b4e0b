/**
 * A seeded market maker that keeps every book alive. It trades through the same order API as any
 * user, with two funded users of its own: a quoting user (resting limit orders) and a taking user
 * (small market orders that cross the spread so public executions appear).
 *
 * Each {@link MarketMaker.step}: for every product, in id order, the reference price moves by a
 * random fraction in [−maxStep, +maxStep] (bounded to ±maxDrift around its start, rounded to the
 * tick); the quoting user keeps `levels` bids and asks spaced by `levelSpacing` around it, moving
 * its existing orders with edits (a filled or partly filled slot gets a new order). Before that,
 * with probability `takeChance`, the taking user sends a market order of a random side against the
 * previous step's quotes, so every book ends a step fully quoted. Quantities are
 * random multiples (1–20) of the product's minimum order quantity. Deterministic for a given seed,
 * step count and exchange history.
 * @module
 */
import { Decimal, type DecimalInput } from './decimal.js';
import { ExchangeError } from './errors.js';
import type { Exchange } from './exchange.js';
import { Prng } from './prng.js';
import type { ProductRecord, Side } from './records.js';

/**
 * Options of the {@link MarketMaker}; only `seed` is required.
 * @group Exchange
 */
export interface MarketMakerOptions {
  /** PRNG seed: same seed + same step count (+ same exchange history) → same books and executions. */
  readonly seed: number;
  /** Products to quote; default every enabled product with a reference price. */
  readonly productIds?: readonly number[] | undefined;
  /** Levels per side; default 5. */
  readonly levels?: number | undefined;
  /** Distance between levels as a fraction of the reference price; default `0.0005` (5 bp). */
  readonly levelSpacing?: DecimalInput | undefined;
  /** Largest move of the reference price per step, as a fraction; default `0.001`. */
  readonly maxStep?: DecimalInput | undefined;
  /** How far the reference may wander from its start, as a fraction; default `0.1` (±10 %). */
  readonly maxDrift?: DecimalInput | undefined;
  /** Chance per product and step of a crossing market order: `[numerator, denominator]`; default `[1, 3]`. */
  readonly takeChance?: readonly [number, number] | undefined;
  /** Balance of every currency given to each of the maker's two users; default `1000000000000`. */
  readonly funding?: DecimalInput | undefined;
}

interface Quote {
  readonly productId: number;
  readonly start: Decimal;
  readonly tick: Decimal;
  readonly minimum: Decimal;
  reference: Decimal;
  /** Order id per level (index 0 = best), or null. */
  readonly slots: Record<Side, Array<number | null>>;
}

const STEP_RESOLUTION = 1000;

/**
 * A seeded market maker that keeps the exchange's books quoted and trading, one {@link MarketMaker.step} at a time.
 * @group Exchange
 */
export class MarketMaker {
  /** The quoting user (resting orders). */
  readonly makerUserId: number;
  /** The taking user (market orders). */
  readonly takerUserId: number;
  readonly #exchange: Exchange;
  readonly #prng: Prng;
  readonly #quotes: Quote[];
  readonly #levels: number;
  readonly #spacing: Decimal;
  readonly #maxStep: Decimal;
  readonly #maxDrift: Decimal;
  readonly #takeChance: readonly [number, number];
  #steps = 0;

  constructor(exchange: Exchange, options: MarketMakerOptions) {
    this.#exchange = exchange;
    this.#prng = new Prng(options.seed);
    this.#levels = options.levels ?? 5;
    this.#spacing = new Decimal(options.levelSpacing ?? '0.0005');
    this.#maxStep = new Decimal(options.maxStep ?? '0.001');
    this.#maxDrift = new Decimal(options.maxDrift ?? '0.1');
    this.#takeChance = options.takeChance ?? [1, 3];
    const wanted = options.productIds === undefined ? undefined : new Set(options.productIds);
    const products = exchange
      .products()
      .filter((product) => !product.disabled && (wanted === undefined || wanted.has(product.id)))
      .sort((a, b) => a.id - b.id);
    const funding = new Decimal(options.funding ?? '1000000000000');
    const balances: Record<string, Decimal> = {};
    for (const product of products) {
      balances[product.baseCurrency] = funding;
      balances[product.quotedCurrency] = funding;
    }
    this.makerUserId = exchange.createUser(balances);
    this.takerUserId = exchange.createUser(balances);
    this.#quotes = products.flatMap((product) => this.#quoteOf(product));
  }

  /** Number of steps taken so far. */
  get steps(): number {
    return this.#steps;
  }

  /** Moves every reference price one step, requotes every book and, sometimes, crosses the spread. */
  step(): void {
    this.#steps += 1;
    for (const quote of this.#quotes) {
      // Take first (against the last step's quotes), so every book ends the step fully quoted.
      if (this.#prng.chance(this.#takeChance[0], this.#takeChance[1])) this.#take(quote);
      const before = quote.reference;
      this.#walk(quote);
      // Move the side the price moves towards last, so the maker never crosses its own quotes.
      const sides: Side[] = quote.reference.greaterThanOrEqualTo(before) ? ['sell', 'buy'] : ['buy', 'sell'];
      for (const side of sides) this.#requote(quote, side);
    }
  }

  #quoteOf(product: ProductRecord): Quote[] {
    const start = product.lastTradedPrice ?? product.marketBid ?? product.marketAsk;
    if (start === null || !start.isPositive() || start.isZero()) return [];
    const empty = (): Array<number | null> => Array.from({ length: this.#levels }, () => null);
    return [
      {
        productId: product.id,
        start,
        reference: start,
        tick: product.tickSize,
        minimum: product.minimumOrderQuantity,
        slots: { buy: empty(), sell: empty() },
      },
    ];
  }

  #walk(quote: Quote): void {
    const move = this.#prng.int(-STEP_RESOLUTION, STEP_RESOLUTION);
    let next = quote.reference.times(this.#maxStep.times(move).div(STEP_RESOLUTION).plus(1));
    const high = quote.start.times(this.#maxDrift.plus(1));
    const low = quote.start.times(this.#maxDrift.negated().plus(1));
    if (next.greaterThan(high)) next = high;
    if (next.lessThan(low)) next = low;
    const rounded = next.toNearest(quote.tick, Decimal.ROUND_HALF_UP);
    quote.reference = rounded.isZero() ? quote.tick : rounded;
  }

  #requote(quote: Quote, side: Side): void {
    const slots = quote.slots[side];
    for (let level = 0; level < slots.length; level += 1) {
      const distance = this.#spacing.times(level + 1);
      const raw = quote.reference.times(side === 'buy' ? distance.negated().plus(1) : distance.plus(1));
      const price = raw.toNearest(quote.tick, side === 'buy' ? Decimal.ROUND_DOWN : Decimal.ROUND_UP);
      if (!price.isPositive() || price.isZero()) continue;
      slots[level] = this.#place(quote, side, slots[level] ?? null, price);
    }
  }

  /** Keeps (or moves) the slot's order at `price`, or places a new one; returns the slot's order id. */
  #place(quote: Quote, side: Side, orderId: number | null, price: Decimal): number | null {
    const maker = this.makerUserId;
    if (orderId !== null) {
      const order = this.#exchange.order(maker, orderId);
      const untouched = order.status === 'live' && order.filledQuantity.isZero();
      if (untouched && order.price.equals(price)) return orderId;
      if (untouched) {
        try {
          const edited = this.#exchange.editOrder(maker, orderId, { price });
          if (edited.status === 'live' && edited.filledQuantity.isZero()) return orderId;
        } catch (error) {
          if (!(error instanceof ExchangeError)) throw error;
        }
      }
      const status = this.#exchange.order(maker, orderId).status;
      if (status === 'live' || status === 'partially_filled') this.#exchange.cancelOrder(maker, orderId);
    }
    const quantity = quote.minimum.times(this.#prng.int(1, 20));
    try {
      const order = this.#exchange.createOrder(maker, {
        orderType: 'limit',
        productId: quote.productId,
        side,
        quantity,
        price,
      });
      return order.status === 'live' || order.status === 'partially_filled' ? order.id : null;
    } catch (error) {
      if (!(error instanceof ExchangeError)) throw error;
      return null;
    }
  }

  #take(quote: Quote): void {
    const side: Side = this.#prng.chance(1, 2) ? 'buy' : 'sell';
    const quantity = quote.minimum.times(this.#prng.int(1, 10));
    try {
      this.#exchange.createOrder(this.takerUserId, { orderType: 'market', productId: quote.productId, side, quantity });
    } catch (error) {
      if (!(error instanceof ExchangeError)) throw error;
    }
  }
}
