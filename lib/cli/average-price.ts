/**
 * An order's average fill price for tables. The exchange's `average_price` when it sends one (the
 * Quoine-era order has none); else Σ price × quantity / Σ quantity over the order's executions, when
 * they account for its whole filled quantity: exact when the division terminates, otherwise rounded
 * to 8 decimal places and marked `≈`. Undefined when nothing exact can be said.
 */
import type { Decimal } from 'decimal.js';
import type { Order } from '../entities/order.js';

/** The order's average price, exact, or a marked rounding (`≈…`), or undefined if unknown. */
export function averagePriceOf(order: Order): Decimal | string | undefined {
  if (order.averagePrice !== null) return order.averagePrice;
  const [first, ...rest] = order.executions ?? [];
  if (first === undefined) return undefined;
  // Sums start from the first fill's own QDecimals (no QDecimal import: tables load without decimal.js).
  const quantity = rest.reduce((sum, e) => sum.plus(e.quantity), first.quantity);
  if (!quantity.eq(order.filledQuantity) || quantity.isZero()) return undefined;
  const notional = rest.reduce((sum, e) => sum.plus(e.price.times(e.quantity)), first.price.times(first.quantity));
  const average = notional.div(quantity);
  return average.times(quantity).eq(notional) ? average : `≈${average.toDecimalPlaces(8).toFixed()}`;
}

/** Whether a table can show the order's average price only after fetching its executions. */
export function needsExecutions(order: Order): boolean {
  return order.averagePrice === null && order.executions === null && order.filledQuantity.gt(0);
}
