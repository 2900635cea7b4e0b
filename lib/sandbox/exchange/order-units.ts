/**
 * The integer path's view of an order (order-state.ts keeps its money as units at its product's
 * scales): whether the path may settle it, its rest, and the fill states read in units when the
 * order has them, in Decimals otherwise. The rules are the Decimal ones, exactly.
 * @module
 */
import { remaining, type OrderState } from './order-state.js';
import { integerPath } from './units.js';

/** The order's unfilled rest in units of its quantity scale (only on an order with its units). */
export function remainingUnits(order: OrderState): bigint {
  return (order.quantityUnits as bigint) - (order.filledUnits as bigint);
}

/** True when nothing of the order is filled. */
export function isUnfilled(order: OrderState): boolean {
  return order.filledUnits === null || !integerPath.enabled ? order.filled.isZero() : order.filledUnits === 0n;
}

/** True when the order's rest is zero. */
export function isFilledUp(order: OrderState): boolean {
  return order.filledUnits === null || order.quantityUnits === null || !integerPath.enabled
    ? remaining(order).isZero()
    : order.filledUnits === order.quantityUnits;
}

/** True when some but not all of the order is filled (filled above zero, below its quantity). */
export function isPartlyFilled(order: OrderState): boolean {
  if (order.filledUnits === null || order.quantityUnits === null || !integerPath.enabled)
    return !order.filled.isZero() && !order.filled.greaterThanOrEqualTo(order.quantity);
  return order.filledUnits !== 0n && order.filledUnits < order.quantityUnits;
}

/** True when the integer path may settle the order's fills: a spot order with all its money in units. */
export function settlesInUnits(order: OrderState): boolean {
  return integerPath.enabled && order.tradingType === 'spot' && order.closeTradeId === null && order.hasUnits();
}
