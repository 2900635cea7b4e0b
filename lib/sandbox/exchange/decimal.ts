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

/**
 * −1, 0 or 1 as `a` is less than, equal to or greater than `b`: decimal.js's `comparedTo`, without
 * the copy of `b` it makes on every call (a comparison made a Decimal: the band check, the tape's
 * statistics and the match loop compare on every order). Finite values are compared from
 * decimal.js's documented representation, as `comparedTo` compares them (a spec holds the two
 * equal); NaN and infinities go to `comparedTo` itself.
 */
export function compareDecimals(a: Decimal, b: Decimal): number {
  if (a === b) return a.isNaN() ? Number.NaN : 0;
  const ad = a.d as number[] | null;
  const bd = b.d as number[] | null;
  if (ad === null || bd === null) return a.comparedTo(b);
  const as = a.s;
  const bs = b.s;
  if (ad[0] === 0 || bd[0] === 0) return ad[0] !== 0 ? as : bd[0] !== 0 ? -bs : 0;
  if (as !== bs) return as;
  if (a.e !== b.e) return a.e > b.e !== as < 0 ? 1 : -1;
  const length = Math.min(ad.length, bd.length);
  for (let i = 0; i < length; i++) {
    const x = ad[i] as number;
    const y = bd[i] as number;
    if (x !== y) return x > y !== as < 0 ? 1 : -1;
  }
  return ad.length === bd.length ? 0 : ad.length > bd.length !== as < 0 ? 1 : -1;
}

/** The smaller of two decimals. */
export function minDecimal(a: Decimal, b: Decimal): Decimal {
  return compareDecimals(a, b) < 0 ? a : b;
}

/** The larger of two decimals. */
export function maxDecimal(a: Decimal, b: Decimal): Decimal {
  return compareDecimals(a, b) > 0 ? a : b;
}
