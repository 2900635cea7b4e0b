/**
 * The maths of a two-sided order book that is updated by replacing whole sides (Liquid Tap
 * sends each side as a full top-N snapshot with no sequence number). Every comparison and sum
 * is exact: on decimals, or digit by digit on a level's exact decimal text, never on a string
 * order or a float.
 *
 * A side that arrives from the stream is kept as the exact texts it was sent as (see
 * `toLevelTexts`, or `readLadderFrame` on the fast path): checked, filtered and order-checked
 * without building a Decimal, since a busy pair replaces a side many times between two reads. Its
 * {@link PriceLevel}s are built when they are read (the best level alone for `bestBid`/`bestAsk`),
 * once per replacement.
 * @module
 */
import type { Decimal } from 'decimal.js';
import { decimal as toDecimalInput } from '../core/coerce.js';
import { QDecimal, compareDecimalTexts, plainDecimal, type DecimalInput } from '../core/decimal.js';
import type { LevelTexts } from '../entities/levels.js';
import { PriceLevel } from '../entities/price-level.js';
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

/** Whether a checked decimal text (no exponent) is above zero: no sign and a non-zero digit. */
function positiveText(text: string): boolean {
  if (text.charCodeAt(0) === 45 /* - */) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 49 /* 1 */ && c <= 57 /* 9 */) return true;
  }
  return false;
}

/**
 * Texts with a positive quantity, in the order sent, or `undefined` when that order is not best
 * first (the caller then sorts built levels, as {@link normalise} does).
 */
function normaliseTexts(side: LadderSide, texts: LevelTexts): LevelTexts | undefined {
  let { prices, quantities } = texts;
  if (!quantities.every(positiveText)) {
    const keep = quantities.map(positiveText);
    prices = prices.filter((_, i) => keep[i]);
    quantities = quantities.filter((_, i) => keep[i]);
  }
  const sign = side === 'buy' ? -1 : 1;
  for (let i = 1; i < prices.length; i++) {
    if (compareDecimalTexts(prices[i - 1] as string, prices[i] as string) * sign > 0) return undefined;
  }
  return { prices, quantities };
}

/** One side, best first: the texts it came as (if it did), and its levels as far as built. */
interface SideLevels {
  readonly texts: LevelTexts | undefined;
  /** Every level, once built (from the start for a side given as levels). */
  all: PriceLevel[] | undefined;
  /** The best level, once built, or null on an empty side. */
  best: PriceLevel | null | undefined;
}

const EMPTY: LevelTexts = { prices: [], quantities: [] };

/** A checked text (`wireDecimalText`: plain, bounded) as a QDecimal. */
function decimalOf(text: string): Decimal {
  return plainDecimal(text) ?? new QDecimal(text);
}

function levelAt(texts: LevelTexts, i: number): PriceLevel {
  return new PriceLevel(decimalOf(texts.prices[i] as string), decimalOf(texts.quantities[i] as string));
}

function fromLevels(levels: PriceLevel[]): SideLevels {
  return { texts: undefined, all: levels, best: levels[0] ?? null };
}

function allOf(s: SideLevels): PriceLevel[] {
  if (s.all === undefined) {
    const texts = s.texts ?? EMPTY;
    const best = bestOf(s);
    s.all = texts.prices.map((_, i) => (i === 0 && best !== null ? best : levelAt(texts, i)));
  }
  return s.all;
}

function bestOf(s: SideLevels): PriceLevel | null {
  if (s.best === undefined) {
    const texts = s.texts ?? EMPTY;
    s.best = texts.prices.length === 0 ? null : levelAt(texts, 0);
  }
  return s.best;
}

/** The best price of a side: a built level's, else its text; `undefined` on an empty side. */
function bestPrice(s: SideLevels): Decimal | string | undefined {
  if (s.best) return s.best.price;
  return s.texts ? s.texts.prices[0] : s.all?.[0]?.price;
}

/** Set by {@link BookState}'s static block: replaces a side through its private `#set`. */
let replaceTexts: (book: BookState, side: LadderSide, texts: LevelTexts) => void;

/**
 * Replaces one side of `book` with a ladder kept as texts (zero quantities dropped, sorted best
 * first), as a stream message does. Internal (not exported from the package): LiveOrderBook's path.
 * @internal
 */
export function replaceWithTexts(book: BookState, side: LadderSide, texts: LevelTexts): void {
  replaceTexts(book, side, texts);
}

/**
 * Both sides of a book. `buy` is the bids, `sell` the asks.
 * @group Realtime
 * @hideconstructor
 */
export class BookState {
  #bids: SideLevels = fromLevels([]);
  #asks: SideLevels = fromLevels([]);

  /** Replaces one side with `levels` (zero quantities dropped, sorted best first). */
  replace(side: LadderSide, levels: readonly PriceLevel[]): void {
    this.#set(side, fromLevels(normalise(side, levels)));
  }

  static {
    replaceTexts = (book, side, texts) => {
      const kept = normaliseTexts(side, texts);
      book.#set(
        side,
        kept
          ? { texts: kept, all: undefined, best: undefined }
          : fromLevels(normalise(side, allOf({ texts, all: undefined, best: undefined }))),
      );
    };
  }

  #set(side: LadderSide, levels: SideLevels): void {
    if (side === 'buy') this.#bids = levels;
    else this.#asks = levels;
  }

  /** Bids, highest price first. */
  get bids(): readonly PriceLevel[] {
    return allOf(this.#bids);
  }

  /** Asks, lowest price first. */
  get asks(): readonly PriceLevel[] {
    return allOf(this.#asks);
  }

  /** One side's levels, best first. */
  levels(side: LadderSide): readonly PriceLevel[] {
    return side === 'buy' ? this.bids : this.asks;
  }

  /** The highest bid, or `null`. */
  get bestBid(): PriceLevel | null {
    return bestOf(this.#bids);
  }

  /** The lowest ask, or `null`. */
  get bestAsk(): PriceLevel | null {
    return bestOf(this.#asks);
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
    // Checked after every message: compared as texts where both are, building no level.
    const bid = bestPrice(this.#bids);
    const ask = bestPrice(this.#asks);
    if (bid === undefined || ask === undefined) return false;
    if (typeof bid === 'string' && typeof ask === 'string') return compareDecimalTexts(bid, ask) >= 0;
    return new QDecimal(bid).gte(ask);
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
