/**
 * Reading the server's inputs: exact decimals (text or Decimal) into the exchange's Decimal, with
 * the exchange's error codes.
 *
 * Every decimal input is at most {@link MAX_DECIMAL_LENGTH} characters (sign and point included), or
 * 422 `{field: ['too_long']}` (a sandbox choice: the reference records no limit nor code). The bound
 * keeps every product of two inputs, and a fee on it, well inside the exchange's 100 significant
 * digits, so money stays exact, and it keeps a stored price from making every book read huge.
 * @module
 */
import { Decimal, type DecimalInput } from './decimal.js';
import { ErrorText, ExchangeError } from './errors.js';

/** A decimal as text, in exponent form too (`2e-05`: what Python's json and JS write for small numbers). */
const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The longest decimal text any input may have (`"12345678901234567890.12345678"` is 29). */
export const MAX_DECIMAL_LENGTH = 32;

/**
 * Texts read so far and their (immutable) Decimals, whatever the field: orders repeat their
 * quantities and prices, so a text is checked and parsed once. Only valid texts are kept, and at
 * most {@link PARSED_LIMIT} texts of at most {@link MAX_DECIMAL_LENGTH} characters (the table starts
 * over when full).
 */
const PARSED = new Map<string, Decimal>();
const PARSED_LIMIT = 4096;

/** A decimal input, or 422 `{field: ['too_long']}` / `{field: ['is_not_a_number']}`. */
export function decimalOf(value: DecimalInput, field: string): Decimal {
  if (typeof value === 'string') {
    const cacheable = value.length <= MAX_DECIMAL_LENGTH;
    const known = cacheable ? PARSED.get(value) : undefined;
    if (known !== undefined) return known;
    const text = value.trim();
    // Length first: a regular-expression test or a Decimal of a 500,000-digit text is wasted work.
    if (text.length > MAX_DECIMAL_LENGTH) throw ExchangeError.invalid(field, ErrorText.tooLong);
    if (!DECIMAL_TEXT.test(text)) throw ExchangeError.invalid(field, 'is_not_a_number');
    const decimal = new Decimal(text);
    // An exponent can make short text long (`1e400`): the bound holds for the value's fixed-point form too.
    if (fixedLength(decimal) > MAX_DECIMAL_LENGTH) throw ExchangeError.invalid(field, ErrorText.tooLong);
    if (cacheable) {
      if (PARSED.size === PARSED_LIMIT) PARSED.clear();
      PARSED.set(value, decimal);
    }
    return decimal;
  }
  const decimal = new Decimal(value);
  if (!decimal.isFinite()) throw ExchangeError.invalid(field, 'is_not_a_number');
  if (fixedLength(decimal) > MAX_DECIMAL_LENGTH) throw ExchangeError.invalid(field, ErrorText.tooLong);
  return decimal;
}

/** Length of the decimal's fixed-point text, computed without building it (the exponent may be huge). */
function fixedLength(decimal: Decimal): number {
  const integerDigits = Math.max(decimal.e + 1, 1);
  const places = decimal.decimalPlaces();
  return (decimal.isNegative() ? 1 : 0) + integerDigits + (places > 0 ? places + 1 : 0);
}

/** The longest free text the exchange stores (addresses, payment ids, memos): a Rails string column's 255. */
export const MAX_TEXT_LENGTH = 255;

/** Free text to store as given, or 422 `{field: ['too_long']}` beyond {@link MAX_TEXT_LENGTH} characters. */
export function boundedText<T extends string | null | undefined>(value: T, field: string): T {
  if (typeof value === 'string' && value.length > MAX_TEXT_LENGTH)
    throw ExchangeError.invalid(field, ErrorText.tooLong);
  return value;
}

/** An optional decimal input: undefined, null and empty text mean "not given". */
export function optionalDecimal(value: DecimalInput | null | undefined, field: string): Decimal | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return decimalOf(value, field);
}

/** A required decimal input, or 400 `missing parameters`. */
export function requiredDecimal(value: DecimalInput | null | undefined, field: string): Decimal {
  const decimal = optionalDecimal(value, field);
  if (decimal === undefined) throw ExchangeError.badRequest(ErrorText.missingParameters);
  return decimal;
}

/**
 * An amount with at most `places` decimal places (its currency's `assets_precision`), or 422
 * `{field: ['invalid_precision']}`, the code order quantities answer. Trailing zeros are not places.
 */
export function atPrecision(value: Decimal, places: number, field: string): Decimal {
  if (value.decimalPlaces() > places) throw ExchangeError.invalid(field, ErrorText.invalidPrecision);
  return value;
}

/**
 * Places a loan bid's daily `rate` may have: 8, a sandbox choice (the captured rates have at most 5,
 * `0.00007`; the reference records no bound), so a rate cannot spread a balance over 30 places.
 */
export const RATE_PLACES = 8;

/** A strictly positive amount, or 422 `{field: ['must_be_positive']}`. */
export function positive(value: Decimal, field: string): Decimal {
  if (!value.isPositive() || value.isZero()) throw ExchangeError.invalid(field, ErrorText.mustBePositive);
  return value;
}
