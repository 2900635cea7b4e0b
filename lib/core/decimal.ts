/**
 * Exact decimal money. Every price, quantity, amount, fee, rate and balance the SDK returns is a
 * {@link QDecimal}: a private decimal.js constructor that never rounds what the exchange sends
 * and never prints exponent notation.
 * @module
 */
import { Decimal } from 'decimal.js';

/**
 * The SDK's exact decimal, the type of every money field: a decimal.js clone with high precision
 * and no exponent notation.
 *
 * It has 100 significant digits, so adding,
 * subtracting and multiplying exchange values (at most ~20 integer and 18 fractional digits)
 * never rounds; division rounds at the 100th digit, half up. `toString()` never uses exponent
 * notation. Instances are `instanceof Decimal`. The global `Decimal` is left untouched.
 *
 * Why every money field is a Decimal: the exchange sends prices, quantities, fees and balances as
 * decimal text (`"0.00012345"`, `"976382.12"`), and a JavaScript number cannot hold most of them
 * exactly (`0.1 + 0.2 !== 0.3`), so a float would round values you then sign orders or reconcile
 * balances with. Each field typed `Decimal` in this reference is a `QDecimal` instance that holds
 * the wire text digit for digit. Read it with `toString()` or `toFixed(n)`, compare it with
 * `eq`/`lt`/`gt`, and do sums with `plus`/`minus`/`times`: the full method list is decimal.js's
 * {@link https://mikemcl.github.io/decimal.js/ | API}. Parameters take a {@link DecimalInput}
 * (`new QDecimal('0.01')`, `'0.01'` or a number that prints as itself); `QDecimal` is also the
 * type of its instances.
 *
 * @example
 * ```ts
 * const fee = order.orderFee; // a QDecimal, never a float
 * const total = order.price.times(order.quantity).plus(fee ?? 0);
 * console.log(total.toString()); // exact, no exponent notation
 * ```
 * @group Money
 */
export const QDecimal = Decimal.clone({
  precision: 100,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
/**
 * An instance of {@link QDecimal} (decimal.js's `Decimal` type). Hidden from the reference,
 * where the constant's page documents both.
 * @hidden
 */
export type QDecimal = Decimal;

/**
 * A money input: a Decimal, a decimal string (`'0.01'`), or a number that prints as itself (checked by `decimal` in core/coerce.ts).
 * @group Money
 */
export type DecimalInput = Decimal | string | number;
