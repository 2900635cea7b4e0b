/**
 * Exact decimal money. Every price, quantity, amount, fee, rate and balance the SDK returns is a
 * {@link QDecimal}: a private decimal.js constructor that never rounds what the exchange sends
 * and never prints exponent notation.
 * @module
 */
import { Decimal } from 'decimal.js';
import { QuoineRequestError } from './errors.js';

/**
 * The SDK's decimal type: a decimal.js clone with 100 significant digits, so adding,
 * subtracting and multiplying exchange values (at most ~20 integer and 18 fractional digits)
 * never rounds; division rounds at the 100th digit, half up. `toString()` never uses exponent
 * notation. Instances are `instanceof Decimal`. The global `Decimal` is left untouched.
 */
export const QDecimal = Decimal.clone({
  precision: 100,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
/** An instance of {@link QDecimal} (decimal.js's `Decimal` type). */
export type QDecimal = Decimal;

/** A money input: a Decimal, a decimal string (`'0.01'`), or a number that prints as itself. */
export type DecimalInput = Decimal | string | number;

/** What a money input may be: any sign, not negative, or strictly positive. */
export type DecimalRule = 'any' | 'nonNegative' | 'positive';

const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * Converts a user's money input to a Decimal, refusing anything that is not an exact, finite
 * decimal: NaN, Infinity, exponent strings, padded strings, and numbers that carry float noise
 * (`0.1 + 0.2`), with a message that names the field.
 * @param value the input
 * @param field the option name, used in the error message
 * @param rule sign constraint
 */
export function toDecimalInput(value: unknown, field: string, rule: DecimalRule = 'any'): Decimal {
  let d: Decimal;
  if (value instanceof Decimal) {
    if (!value.isFinite()) throw new QuoineRequestError(`${field} must be a finite decimal, got ${value.toString()}`, field);
    d = new QDecimal(value);
  } else if (typeof value === 'string') {
    if (!DECIMAL_TEXT.test(value)) {
      throw new QuoineRequestError(
        `${field} must be a plain decimal string such as '0.01', got ${JSON.stringify(value)}`,
        field,
      );
    }
    d = new QDecimal(value);
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new QuoineRequestError(`${field} must be a finite number, got ${value}`, field);
    // A double keeps 15 significant digits exactly; more than that is float noise (0.1 + 0.2).
    if (Number(value.toPrecision(15)) !== value) {
      throw new QuoineRequestError(
        `${field} ${value} is not an exact decimal (float rounding); pass it as a string such as '${Number(value.toPrecision(15))}'`,
        field,
      );
    }
    d = new QDecimal(value);
  } else {
    throw new QuoineRequestError(`${field} must be a Decimal, a decimal string or a number, got ${describe(value)}`, field);
  }
  if (d.isZero()) d = new QDecimal(0); // -0 prints as "-0"; the wire wants "0"
  if (rule === 'positive' && !(d.isPositive() && !d.isZero())) {
    throw new QuoineRequestError(`${field} must be greater than zero, got ${d.toFixed()}`, field);
  }
  if (rule === 'nonNegative' && d.isNegative() && !d.isZero()) {
    throw new QuoineRequestError(`${field} must not be negative, got ${d.toFixed()}`, field);
  }
  return d;
}

/** The wire text of a money input: `toFixed()`, never exponent notation. */
export function toWireDecimal(value: unknown, field: string, rule: DecimalRule = 'any'): string {
  return toDecimalInput(value, field, rule).toFixed();
}

/**
 * A positive safe-integer id (product id, order id …) from a number or a numeric string.
 * @param value the input
 * @param field the option name, used in the error message
 */
export function toIdInput(value: unknown, field: string): number {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n <= 0) {
    throw new QuoineRequestError(`${field} must be a positive integer id, got ${describe(value)}`, field);
  }
  return n;
}

/** A short, safe description of an unexpected input for error messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}
