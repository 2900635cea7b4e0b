/**
 * Reservation pricing of the matching engine (the rules are stated in engine.ts): what an order
 * holds per unit at a price, and what sweeping the book for a market order would fill.
 * @module
 */
import type { ProductConfig } from './config.js';
import { ONE, ZERO, maxDecimal, minDecimal, type Decimal } from './decimal.js';
import type { OrderBook } from './order-book.js';
import { remaining, type OrderState } from './order-state.js';
import type { Side } from './records.js';

/** The most a fill can cost in fees per unit of notional. */
function maxFeeRate(product: ProductConfig): Decimal {
  let rate = MAX_FEE_RATES.get(product);
  if (rate === undefined) {
    rate = maxDecimal(maxDecimal(product.takerFee, product.makerFee), ZERO);
    MAX_FEE_RATES.set(product, rate);
  }
  return rate;
}

/** {@link maxFeeRate} per product (its fees are fixed once configured). */
const MAX_FEE_RATES = new WeakMap<ProductConfig, Decimal>();

/** Reservation per unit of quantity at `price` (nothing for an order closing a trade). */
export function unitReserve(order: OrderState, price: Decimal): Decimal {
  if (order.closeTradeId !== null) return ZERO;
  const feePerUnit = price.times(maxFeeRate(order.product));
  if (order.tradingType !== 'spot') return price.div(order.leverageLevel).plus(feePerUnit);
  return order.side === 'buy' ? price.plus(feePerUnit) : ONE;
}

/** True when a resting price is within an order's limit (buy: at or below, sell: at or above). */
export function priceCrosses(side: Side, restingPrice: Decimal, limit: Decimal): boolean {
  return side === 'buy' ? restingPrice.lessThanOrEqualTo(limit) : restingPrice.greaterThanOrEqualTo(limit);
}

/** What sweeping the opposite side of `book` for the order's rest would fill, and its notional. */
export function sweep(
  order: OrderState,
  book: OrderBook,
  limit: Decimal | null,
): { quantity: Decimal; notional: Decimal } {
  const opposite: Side = order.side === 'buy' ? 'sell' : 'buy';
  let need = remaining(order);
  let quantity = ZERO;
  let notional = ZERO;
  for (const level of book.levels(opposite)) {
    if (need.isZero() || (limit !== null && !priceCrosses(order.side, level.price, limit))) break;
    for (const resting of level.orders) {
      if (need.isZero()) break;
      const take = minDecimal(need, remaining(resting));
      quantity = quantity.plus(take);
      notional = notional.plus(take.times(level.price));
      need = need.minus(take);
    }
  }
  return { quantity, notional };
}
