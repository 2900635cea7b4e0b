/**
 * The maths of a two-sided order book that is updated by replacing whole sides (Liquid Tap
 * sends each side as a full top-N snapshot with no sequence number). Every comparison and sum
 * is done on decimals, never on strings or floats.
 * @module
 */
import type { Decimal } from 'decimal.js';
import { decimal as toDecimalInput } from '../core/coerce.js';
import { QDecimal, type DecimalInput } from '../core/decimal.js';
import type { PriceLevel } from '../entities/price-level.js';
import type { LadderSide } from './channels.js';

/** Bids best-first means descending prices; asks ascending. */
function inOrder(side: LadderSide, a: PriceLevel, b: PriceLevel): number {
  const c = a.price.comparedTo(b.price);
  return side === 'buy' ? -c : c;
}

/** Levels with a positive quantity, best first (sorted only when the sender did not). */
function normalise(side: LadderSide, levels: readonly PriceLevel[]): PriceLevel[] {
  const kept = levels.filter((l) => l.quantity.isPositive() && !l.quantity.isZero());
  for (let i = 1; i < kept.length; i++) {
    if (inOrder(side, kept[i - 1] as PriceLevel, kept[i] as PriceLevel) > 0)
      return kept.sort((a, b) => inOrder(side, a, b));
  }
  return kept;
}

/**
 * Both sides of a book. `buy` is the bids, `sell` the asks.
 * @group Realtime
 * @hideconstructor
 */
export class BookState {
  #bids: readonly PriceLevel[] = [];
  #asks: readonly PriceLevel[] = [];

  /** Replaces one side with `levels` (zero quantities dropped, sorted best first). */
  replace(side: LadderSide, levels: readonly PriceLevel[]): void {
    const next = normalise(side, levels);
    if (side === 'buy') this.#bids = next;
    else this.#asks = next;
  }

  /** Bids, highest price first. */
  get bids(): readonly PriceLevel[] {
    return this.#bids;
  }

  /** Asks, lowest price first. */
  get asks(): readonly PriceLevel[] {
    return this.#asks;
  }

  /** One side's levels, best first. */
  levels(side: LadderSide): readonly PriceLevel[] {
    return side === 'buy' ? this.#bids : this.#asks;
  }

  /** The highest bid, or `null`. */
  get bestBid(): PriceLevel | null {
    return this.#bids[0] ?? null;
  }

  /** The lowest ask, or `null`. */
  get bestAsk(): PriceLevel | null {
    return this.#asks[0] ?? null;
  }

  /** Best ask minus best bid (negative or zero when crossed), or `null` when a side is empty. */
  get spread(): Decimal | null {
    const bid = this.bestBid;
    const ask = this.bestAsk;
    return bid && ask ? ask.price.minus(bid.price) : null;
  }

  /** Midpoint of best bid and best ask, or `null` when a side is empty. */
  get midPrice(): Decimal | null {
    const bid = this.bestBid;
    const ask = this.bestAsk;
    return bid && ask ? bid.price.plus(ask.price).dividedBy(2) : null;
  }

  /** Whether the best bid is at or above the best ask (one side lags the other, or the book is wrong). */
  get crossed(): boolean {
    const bid = this.bestBid;
    const ask = this.bestAsk;
    return bid !== null && ask !== null && bid.price.gte(ask.price);
  }

  /** The best `n` levels of a side. */
  depth(side: LadderSide, n: number): PriceLevel[] {
    return this.levels(side).slice(0, Math.max(0, Math.floor(n)));
  }

  /**
   * The quantity available at `price` or better: on `sell`, the asks priced at most `price` (what a
   * buyer could take up to that price); on `buy`, the bids priced at least `price`.
   */
  quantityUpTo(side: LadderSide, price: DecimalInput): Decimal {
    const limit = toDecimalInput(price, 'price');
    let total: Decimal = new QDecimal(0);
    for (const level of this.levels(side)) {
      const within = side === 'sell' ? level.price.lte(limit) : level.price.gte(limit);
      if (!within) break;
      total = total.plus(level.quantity);
    }
    return total;
  }

  /** The total quantity of the best `n` levels of a side (all levels when `n` is omitted). */
  totalQuantity(side: LadderSide, n = Number.POSITIVE_INFINITY): Decimal {
    let total: Decimal = new QDecimal(0);
    const levels = this.levels(side);
    for (let i = 0; i < levels.length && i < n; i++) total = total.plus((levels[i] as PriceLevel).quantity);
    return total;
  }
}
