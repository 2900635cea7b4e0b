/**
 * A local order book kept by the realtime feed.
 *
 * Seeded from REST `price_levels` (full book) when given a source, then every
 * `price_ladders_cash_{pair}_{side}` message REPLACES that side: the exchange sends full top-N
 * snapshots without sequence numbers, so no gap can be detected and no delta is ever applied.
 * Hence:
 * - `stale` is true from start and after every reconnection until both sides are current again.
 *   A side is current once a stream message for it has arrived, or once a REST seed fetched after
 *   its subscription was confirmed on this connection has been applied (every later change then
 *   reaches the book through the stream; a quiet market may send none for a long time);
 * - a REST seed never overwrites a side the stream has already sent since the (re)connection;
 * - `crossed` is flagged when best bid ≥ best ask (one side can lag the other).
 * @module
 */
import { EventEmitter } from 'node:events';
import type { Decimal } from 'decimal.js';
import type { DecimalInput } from '../core/decimal.js';
import { QuoineRequestError } from '../core/errors.js';
import { scrub } from '../core/scrub.js';
import type { OrderBook } from '../entities/order-book.js';
import type { PriceLevel } from '../entities/price-level.js';
import type { LevelTexts } from '../entities/levels.js';
import { BookState, replaceWithTexts } from './book-state.js';
import { Channels, type LadderSide } from './channels.js';
import { toLadderTexts } from './decoders.js';
import { QuoineRealtimeError } from './errors.js';
import type { RealtimeState } from './options.js';
import { subscribeWith, type QuoineRealtime } from './realtime.js';
import type { Subscription } from './subscription.js';

/**
 * Where the REST seed comes from: `client.products` fits.
 * @group Realtime
 */
export interface OrderBookSource {
  /** The product's order book (`client.products.orderBook`). */
  orderBook(id: number, query: { full?: boolean }): Promise<OrderBook>;
}

/**
 * Options of {@link LiveOrderBook}.
 * @group Realtime
 */
export interface LiveOrderBookOptions {
  /** Pair code, e.g. `BTCJPY`. */
  readonly pair: string;
  /** The pair's product id: needed for the REST seed. */
  readonly productId?: number | undefined;
  /** REST source of the seed (e.g. `client.products`); without it the book starts empty. */
  readonly rest?: OrderBookSource | undefined;
}

/**
 * What changed a side.
 * @group Realtime
 */
export type BookSource = 'stream' | 'rest';

/**
 * Events of {@link LiveOrderBook}. `'error'` is emitted only while someone listens to it.
 * @group Realtime
 */
export interface LiveOrderBookEvents {
  /** A side was replaced. */
  change: [
    change: {
      /** The side that was replaced. */
      side: LadderSide;
      /** Whether it came from the stream or the REST seed. */
      source: BookSource;
    },
  ];
  /** `stale` changed. */
  stale: [stale: boolean];
  /** `crossed` changed. */
  crossed: [crossed: boolean];
  /** A seed failed (the stream continues), or a side's subscription ended with an error (the book stops). */
  error: [error: Error];
}

/** Set by {@link LiveOrderBook}'s static block: the one door to its private `#apply`. */
let replaceSide: (
  book: LiveOrderBook,
  side: LadderSide,
  levels: readonly PriceLevel[] | LevelTexts,
  source: BookSource,
) => void;

/**
 * Replaces one side of `book`, as a stream message does. Internal (not exported from the
 * package): the specs feed the book without a feed through it.
 * @internal
 */
export function applyLevels(
  book: LiveOrderBook,
  side: LadderSide,
  levels: readonly PriceLevel[],
  source: BookSource = 'stream',
): void {
  replaceSide(book, side, levels, source);
}

/**
 * A live order book for one pair.
 *
 * ```ts
 * const book = await new LiveOrderBook(tap, { pair: 'BTCJPY', productId: 5, rest: client.products }).start();
 * book.on('change', () => { if (!book.stale && !book.crossed) quote(book.bestBid, book.bestAsk); });
 * book.quantityUpTo('sell', '976500');  // what a buyer can take up to that price
 * book.close();
 * ```
 * @group Realtime
 */
export class LiveOrderBook extends EventEmitter<LiveOrderBookEvents> {
  /** The pair code as given. */
  readonly pair: string;
  /** The product id, when given. */
  readonly productId: number | undefined;
  readonly #realtime: QuoineRealtime;
  readonly #rest: OrderBookSource | undefined;
  readonly #book = new BookState();
  readonly #arrived = { buy: false, sell: false };
  readonly #subscriptions: Array<Subscription<LevelTexts>> = [];
  readonly #onState = (state: RealtimeState): void => this.#stateChanged(state);
  /** The initial seed ran: later confirmations (after a reconnect) re-seed. */
  #seededOnce = false;
  #stale = true;
  #crossed = false;
  /** Sides whose subscription the server confirmed on the current connection. */
  readonly #confirmed = { buy: false, sell: false };
  #started = false;
  #closed = false;
  #error: Error | undefined;

  /**
   * @param realtime the realtime client the ladders come from
   * @param options pair, product id and REST seed source
   */
  constructor(realtime: QuoineRealtime, options: LiveOrderBookOptions) {
    super();
    if (options.rest && options.productId === undefined)
      throw new QuoineRequestError('a REST seed needs the productId', 'productId');
    this.#realtime = realtime;
    this.pair = options.pair;
    this.productId = options.productId;
    this.#rest = options.rest;
  }

  /**
   * Subscribes both sides and fetches the seed. Resolves when both subscriptions are confirmed
   * and the seed is applied; rejects (and closes the book) if either fails.
   */
  async start(): Promise<this> {
    if (this.#started) throw new QuoineRealtimeError('the book was already started');
    this.#started = true;
    this.#realtime.on('state', this.#onState);
    try {
      for (const side of ['buy', 'sell'] as const) {
        // The ladder's texts, as the book keeps them: a PriceLevel is built only when read.
        const sub = subscribeWith(this.#realtime, Channels.priceLadder(this.pair, side), toLadderTexts);
        this.#subscriptions.push(sub);
        sub.on('data', (levels) => this.#apply(side, levels, 'stream'));
        sub.on('subscribed', () => this.#subscribed(side));
        sub.on('error', (error) => {
          this.#error = error;
          this.#setStale(true);
          this.#emitError(error);
        });
      }
      await Promise.all(this.#subscriptions.map((s) => s.ready));
      await this.#seed();
    } catch (e) {
      this.close();
      throw e;
    }
    return this;
  }

  /** Stops both subscriptions (the channels are unsubscribed when no one else uses them). */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#realtime.off('state', this.#onState);
    for (const sub of this.#subscriptions) sub.close();
  }

  /** True from start and after each reconnection until both sides are current (see the module notes). */
  get stale(): boolean {
    return this.#stale;
  }

  /**
   * The error a side's subscription ended with (auth, protocol, overflow, reconnection given up):
   * the book no longer updates and stays stale. `undefined` while the feed runs.
   */
  get error(): Error | undefined {
    return this.#error;
  }

  /** Whether the best bid is at or above the best ask. */
  get crossed(): boolean {
    return this.#crossed;
  }

  /** Bids, highest first. */
  get bids(): readonly PriceLevel[] {
    return this.#book.bids;
  }

  /** Asks, lowest first. */
  get asks(): readonly PriceLevel[] {
    return this.#book.asks;
  }

  /** Highest bid, or `null`. */
  get bestBid(): PriceLevel | null {
    return this.#book.bestBid;
  }

  /** Lowest ask, or `null`. */
  get bestAsk(): PriceLevel | null {
    return this.#book.bestAsk;
  }

  /** Best ask − best bid, or `null` when a side is empty. */
  get spread(): Decimal | null {
    return this.#book.spread;
  }

  /** (best bid + best ask) / 2, or `null` when a side is empty. */
  get midPrice(): Decimal | null {
    return this.#book.midPrice;
  }

  /** The best `n` levels of a side (`buy` = bids, `sell` = asks). */
  depth(side: LadderSide, n: number): PriceLevel[] {
    return this.#book.depth(side, n);
  }

  /** Quantity at `price` or better on a side: asks ≤ price, or bids ≥ price. */
  quantityUpTo(side: LadderSide, price: DecimalInput): Decimal {
    return this.#book.quantityUpTo(side, price);
  }

  /** Total quantity of the best `n` levels of a side (all when omitted). */
  totalQuantity(side: LadderSide, n?: number): Decimal {
    return this.#book.totalQuantity(side, n);
  }

  static {
    replaceSide = (book, side, levels, source) => book.#apply(side, levels, source);
  }

  #apply(side: LadderSide, levels: readonly PriceLevel[] | LevelTexts, source: BookSource): void {
    if (this.#closed) return;
    if ('prices' in levels) replaceWithTexts(this.#book, side, levels);
    else this.#book.replace(side, levels);
    if (source === 'stream') this.#arrived[side] = true;
    this.emit('change', { side, source });
    const crossed = this.#book.crossed;
    if (crossed !== this.#crossed) {
      this.#crossed = crossed;
      this.emit('crossed', crossed);
    }
    if (this.#arrived.buy && this.#arrived.sell) this.#setStale(false);
  }

  #stateChanged(state: RealtimeState): void {
    if (state === 'connected') return;
    // Whatever arrives next comes from a new connection: the book is stale until both sides are current.
    this.#arrived.buy = this.#arrived.sell = false;
    this.#confirmed.buy = this.#confirmed.sell = false;
    this.#setStale(true);
  }

  /** A side's subscription was confirmed; after a reconnect, once both are again, a REST seed makes them current. */
  #subscribed(side: LadderSide): void {
    this.#confirmed[side] = true;
    if (this.#seededOnce && this.#confirmed.buy && this.#confirmed.sell && this.#stale) {
      this.#seed().catch((e: unknown) => this.#emitError(e instanceof Error ? e : new Error(String(e))));
    }
  }

  async #seed(): Promise<void> {
    if (!this.#rest || this.productId === undefined) return;
    this.#seededOnce = true;
    const book = await this.#rest.orderBook(this.productId, { full: true });
    // The stream wins: a side it already sent is newer than any snapshot fetched around it. A side
    // whose subscription is confirmed (it was, before this fetch) is current from here on.
    for (const [side, levels] of [
      ['buy', book.buyPriceLevels],
      ['sell', book.sellPriceLevels],
    ] as const) {
      if (this.#arrived[side]) continue;
      this.#apply(side, levels, 'rest');
      if (this.#confirmed[side]) this.#arrived[side] = true;
    }
    if (this.#arrived.buy && this.#arrived.sell) this.#setStale(false);
  }

  #setStale(stale: boolean): void {
    if (stale === this.#stale) return;
    this.#stale = stale;
    this.emit('stale', stale);
  }

  #emitError(error: Error): void {
    if (this.listenerCount('error') > 0)
      this.emit(
        'error',
        error instanceof QuoineRealtimeError
          ? error
          : new QuoineRealtimeError(`order book seed failed: ${scrub(error.message)}`),
      );
  }
}
