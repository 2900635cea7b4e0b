/**
 * Reservation pricing of the matching engine (the rules are stated in engine.ts): what an order
 * holds per unit at a price, and what sweeping the book for a market order would fill.
 * @module
 */
import type { ProductConfig } from './config.js';
import { ONE, ZERO, compareDecimals, maxDecimal, minDecimal, type Decimal } from './decimal.js';
import type { OrderBook } from './order-book.js';
import { remaining, type OrderState } from './order-state.js';
import type { Side } from './records.js';
import { integerPath, pow10 } from './units.js';

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

/**
 * {@link unitReserve} on the integer path, in units of the product's unit-reserve scale: price ×
 * (1 + the larger fee rate) for a buy, 1 for a sell; null unless the order is a spot order with its
 * quantity and price in units (order-state.ts), and the path is on.
 */
export function unitReserveUnits(order: OrderState): bigint | null {
  const price = order.priceUnits;
  if (!integerPath.enabled || order.tradingType !== 'spot' || order.closeTradeId !== null) return null;
  if (price === null || order.quantityUnits === null) return null;
  const scales = order.product.scales;
  return order.side === 'buy' ? price * (pow10(scales.fee) + scales.maxFee) : pow10(scales.unitReserve);
}

/** True when a resting price is within an order's limit (buy: at or below, sell: at or above). */
export function priceCrosses(side: Side, restingPrice: Decimal, limit: Decimal): boolean {
  const order = compareDecimals(restingPrice, limit);
  return side === 'buy' ? order <= 0 : order >= 0;
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
