/**
 * Reading the server's inputs: exact decimals (text or Decimal) into the exchange's Decimal, with
 * the exchange's error codes.
 * @module
 */
import { Decimal, type DecimalInput } from './decimal.js';
import { ErrorText, ExchangeError } from './errors.js';

const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** A decimal input, or 422 `{field: ['is_not_a_number']}`. */
export function decimalOf(value: DecimalInput, field: string): Decimal {
  if (typeof value === 'string') {
    const text = value.trim();
    if (!DECIMAL_TEXT.test(text)) throw ExchangeError.invalid(field, 'is_not_a_number');
    return new Decimal(text);
  }
  const decimal = new Decimal(value);
  if (!decimal.isFinite()) throw ExchangeError.invalid(field, 'is_not_a_number');
  return decimal;
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

/** A strictly positive amount, or 422 `{field: ['must_be_positive']}`. */
export function positive(value: Decimal, field: string): Decimal {
  if (!value.isPositive() || value.isZero()) throw ExchangeError.invalid(field, ErrorText.mustBePositive);
  return value;
}
