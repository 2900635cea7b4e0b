/**
 * One product's book: price levels per side, each a FIFO queue (price-time priority).
 * @module
 */
import { Decimal, compareDecimals } from './decimal.js';
import type { OrderState } from './order-state.js';
import { remaining } from './order-state.js';
import type { LevelRecord, Side } from './records.js';

export interface PriceLevel {
  readonly price: Decimal;
  /** The price in units of the product's price scale (order-state.ts), or null: compared as integers when both sides have one. */
  readonly priceUnits: bigint | null;
  readonly orders: OrderState[];
}

export class OrderBook {
  /** Best first: bids by descending price, asks by ascending price. */
  readonly #sides: Record<Side, PriceLevel[]> = { buy: [], sell: [] };

  /** Levels of a side, best first (live view; do not mutate). */
  levels(side: Side): readonly PriceLevel[] {
    return this.#sides[side];
  }

  best(side: Side): PriceLevel | undefined {
    return this.#sides[side][0];
  }

  bestPrice(side: Side): Decimal | null {
    return this.#sides[side][0]?.price ?? null;
  }

  /** Appends the order at the tail of its price level. */
  add(order: OrderState): void {
    const levels = this.#sides[order.side];
    const index = this.#levelIndex(order);
    const level = levels[index];
    if (level !== undefined && comparePrice(level, order) === 0) level.orders.push(order);
    else levels.splice(index, 0, { price: order.price, priceUnits: order.priceUnits, orders: [order] });
    order.onBook = true;
  }

  remove(order: OrderState): void {
    if (!order.onBook) return;
    const levels = this.#sides[order.side];
    const index = this.#levelIndex(order);
    const level = levels[index];
    if (level !== undefined && comparePrice(level, order) === 0) {
      const position = level.orders.indexOf(order);
      if (position >= 0) level.orders.splice(position, 1);
      if (level.orders.length === 0) levels.splice(index, 1);
    }
    order.onBook = false;
  }

  /** Levels aggregated by price, best first; `depth` undefined for all. */
  snapshot(side: Side, depth?: number): LevelRecord[] {
    const levels = depth === undefined ? this.#sides[side] : this.#sides[side].slice(0, depth);
    return levels.map(
      (level) =>
        [level.price, level.orders.reduce((sum, order) => sum.plus(remaining(order)), new Decimal(0))] as const,
    );
  }

  /** Index of the level with the order's price, or where it would be inserted. */
  #levelIndex(order: OrderState): number {
    const side = order.side;
    const levels = this.#sides[side];
    let low = 0;
    let high = levels.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      const compared = comparePrice(levels[middle] as PriceLevel, order);
      // Bids best (highest) first, asks best (lowest) first.
      if (side === 'buy' ? compared > 0 : compared < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** −1, 0 or 1 as the level's price is below, at or above the order's (as integers when both have units). */
function comparePrice(level: PriceLevel, order: OrderState): number {
  const units = order.priceUnits;
  if (units !== null && level.priceUnits !== null)
    return level.priceUnits < units ? -1 : level.priceUnits > units ? 1 : 0;
  return compareDecimals(level.price, order.price);
}
