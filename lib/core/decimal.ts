/**
 * Exact decimal money. Every price, quantity, amount, fee, rate and balance the SDK returns is a
 * {@link QDecimal}: a private decimal.js constructor that never rounds what the exchange sends
 * and never prints exponent notation.
 * @module
 */
import { Decimal } from 'decimal.js';

/**
 * The SDK's decimal type: a decimal.js clone with 100 significant digits, so adding,
 * subtracting and multiplying exchange values (at most ~20 integer and 18 fractional digits)
 * never rounds; division rounds at the 100th digit, half up. `toString()` never uses exponent
 * notation. Instances are `instanceof Decimal`. The global `Decimal` is left untouched.
 * @group Money
 */
export const QDecimal = Decimal.clone({
  precision: 100,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
/**
 * An instance of {@link QDecimal} (decimal.js's `Decimal` type).
 * @group Money
 */
export type QDecimal = Decimal;

/**
 * A money input: a Decimal, a decimal string (`'0.01'`), or a number that prints as itself (checked by `decimal` in core/coerce.ts).
 * @group Money
 */
export type DecimalInput = Decimal | string | number;
