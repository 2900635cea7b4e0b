/**
 * Input coercers: every check a resource makes of a caller's input, in one place. Each takes
 * the raw value and the option's name, and returns the value the wire wants or throws a
 * {@link QuoineRequestError} naming the option, before anything is sent. Resources import it as
 * `import * as input from '../core/coerce.js'` and write `input.id(id, 'id')`.
 * @module
 */
import { Decimal } from 'decimal.js';
import { QDecimal } from './decimal.js';
import { QuoineRequestError } from './errors.js';

/** The largest page the exchange serves. */
export const MAX_PAGE_SIZE = 1000;

/** What a money input may be: any sign, not negative, strictly positive, or anything but zero. */
export type DecimalRule = 'any' | 'nonNegative' | 'positive' | 'nonZero';

const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * A user's money input as a Decimal, refusing anything that is not an exact, finite decimal:
 * NaN, Infinity, exponent strings, padded strings, and numbers that carry float noise
 * (`0.1 + 0.2`), with a message that names the field.
 * @param value the input
 * @param field the option name, used in the error message
 * @param rule sign constraint
 */
export function decimal(value: unknown, field: string, rule: DecimalRule = 'any'): Decimal {
  let d: Decimal;
  if (value instanceof Decimal) {
    if (!value.isFinite())
      throw new QuoineRequestError(`${field} must be a finite decimal, got ${value.toString()}`, field);
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
    throw new QuoineRequestError(
      `${field} must be a Decimal, a decimal string or a number, got ${describe(value)}`,
      field,
    );
  }
  if (d.isZero()) d = new QDecimal(0); // -0 prints as "-0"; the wire wants "0"
  if (rule === 'positive' && !(d.isPositive() && !d.isZero())) {
    throw new QuoineRequestError(`${field} must be greater than zero, got ${d.toFixed()}`, field);
  }
  if (rule === 'nonNegative' && d.isNegative() && !d.isZero()) {
    throw new QuoineRequestError(`${field} must not be negative, got ${d.toFixed()}`, field);
  }
  if (rule === 'nonZero' && d.isZero()) throw new QuoineRequestError(`${field} must not be zero`, field);
  return d;
}

/** The wire text of a money input: {@link decimal}, then `toFixed()` (never exponent notation). */
export function decimalText(value: unknown, field: string, rule: DecimalRule = 'any'): string {
  return decimal(value, field, rule).toFixed();
}

/** A positive safe-integer id (product id, order id …) from a number or a numeric string. */
export function id(value: unknown, field: string): number {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n <= 0) {
    throw new QuoineRequestError(`${field} must be a positive integer id, got ${describe(value)}`, field);
  }
  return n;
}

/**
 * A whole number (a number, not a string) of at least `min`: leverage levels, resolutions.
 * @param what what the message calls it, e.g. `'whole seconds'`
 */
export function wholeNumber(value: unknown, field: string, min: number, what = 'a whole number'): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new QuoineRequestError(`${field} must be ${what} ≥ ${min}, got ${String(value)}`, field);
  }
  return value;
}

/** `value` if it is one of `allowed` (an enum such as `Side`: pass `Object.values(Side)`). */
export function oneOf<T extends string | number>(value: unknown, allowed: readonly T[], field: string): T {
  if (!(allowed as readonly unknown[]).includes(value)) {
    throw new QuoineRequestError(
      `${field} must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${describe(value)}`,
      field,
    );
  }
  return value as T;
}

/** A currency code such as `USD` or `BTC`. */
export function currency(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9-]{2,12}$/.test(value)) {
    throw new QuoineRequestError(`${field} must be a currency code such as 'USD', got ${describe(value)}`, field);
  }
  return value;
}

/** A client order id: at most 36 bytes of letters, digits and `-` (the exchange's rule). */
export function clientOrderId(value: unknown, field = 'clientOrderId'): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9-]{1,36}$/.test(value)) {
    throw new QuoineRequestError(
      `${field} must be 1–36 characters of letters, digits and '-', got ${describe(value)}`,
      field,
    );
  }
  return value;
}

/** A non-empty string without control characters (addresses, labels, codes). */
export function text(value: unknown, field: string, max = 256): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > max || /[\u0000-\u001f]/.test(value)) {
    throw new QuoineRequestError(
      `${field} must be a non-empty string of at most ${max} characters, got ${describe(value)}`,
      field,
    );
  }
  return value;
}

/** A boolean. */
export function bool(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean')
    throw new QuoineRequestError(`${field} must be true or false, got ${describe(value)}`, field);
  return value;
}

/** `1` for `true` (the exchange's flag), left out otherwise: `perpetual`, `full`, `with_details`. */
export function flag(value: boolean | undefined): 1 | undefined {
  return value ? 1 : undefined;
}

/** Unix seconds from a Date or a whole, non-negative number of seconds. */
export function unixSeconds(value: unknown, field: string): number {
  const seconds = value instanceof Date ? Math.floor(value.getTime() / 1000) : value;
  if (typeof seconds !== 'number' || !Number.isSafeInteger(seconds) || seconds < 0) {
    throw new QuoineRequestError(`${field} must be a Date or whole Unix seconds, got ${String(value)}`, field);
  }
  return seconds;
}

/** A page size: 1–1000, or the largest when not given. */
export function pageLimit(limit: unknown): number {
  if (limit === undefined) return MAX_PAGE_SIZE;
  if (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new QuoineRequestError(
      `limit must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${describe(limit)}`,
      'limit',
    );
  }
  return limit;
}

/** A 1-based page number, 1 when not given. */
export function pageNumber(page: unknown): number {
  if (page === undefined) return 1;
  if (typeof page !== 'number' || !Number.isSafeInteger(page) || page < 1) {
    throw new QuoineRequestError(`page must be a positive integer, got ${describe(page)}`, 'page');
  }
  return page;
}

/**
 * The object of named options a call takes (its filters, parameters or changes). Anything else
 * (`null`, a string, a number, an array) is refused, rather than read as "no options" or failing
 * later with a plain `TypeError`.
 * @param value the input
 * @param field the parameter's name, used as the error's `field`
 * @param what how the message names it; default `field`
 */
export function object<T extends object>(value: T, field: string, what = field): T {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- plain-JS callers pass anything
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new QuoineRequestError(`${what} must be an object, got ${describe(value)}`, field);
  return value;
}

/** Applies `coerce` to `value` unless it is undefined (an optional option). */
export function optional<T>(value: unknown, coerce: (v: unknown) => T): T | undefined {
  return value === undefined ? undefined : coerce(value);
}

/** A short, safe description of an unexpected input for error messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}
