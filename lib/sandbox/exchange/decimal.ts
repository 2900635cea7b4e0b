/**
 * The sandbox exchange's own exact decimal (shares nothing with the SDK's client code): a
 * decimal.js clone with 100 significant digits and no exponent notation. Money never touches a
 * JS float inside the exchange.
 * @module
 */
import { Decimal as DecimalJs } from 'decimal.js';

/**
 * The exchange's decimal constructor: a decimal.js clone with 100 significant digits and no exponent notation.
 * @group Exchange
 */
export const Decimal = DecimalJs.clone({ precision: 100, toExpNeg: -9e15, toExpPos: 9e15 });
/**
 * An instance of the exchange's {@link Decimal} (documented on the constant's page).
 * @hidden
 */
export type Decimal = DecimalJs;

/**
 * A money input from the server: exact decimal text (already parsed losslessly) or a Decimal.
 * @group Exchange
 */
export type DecimalInput = DecimalJs | string;

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);

/** The smaller of two decimals. */
export function minDecimal(a: Decimal, b: Decimal): Decimal {
  return a.lessThan(b) ? a : b;
}

/** The larger of two decimals. */
export function maxDecimal(a: Decimal, b: Decimal): Decimal {
  return a.greaterThan(b) ? a : b;
}
