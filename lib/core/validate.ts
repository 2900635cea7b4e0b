/**
 * Input checks shared by the resources: each failure is a QuoineRequestError naming the field,
 * raised before anything is sent.
 * @module
 */
import { describe } from './decimal.js';
import { QuoineRequestError } from './errors.js';

/** `value` if it is one of `allowed`. */
export function oneOf<T extends string | number>(value: unknown, allowed: readonly T[], field: string): T {
  if (!(allowed as readonly unknown[]).includes(value)) {
    throw new QuoineRequestError(`${field} must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${describe(value)}`, field);
  }
  return value as T;
}

/** A currency code such as `USD` or `BTC`. */
export function currencyCode(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9-]{2,12}$/.test(value)) {
    throw new QuoineRequestError(`${field} must be a currency code such as 'USD', got ${describe(value)}`, field);
  }
  return value;
}

/** A client order id: at most 36 bytes of letters, digits and `-` (the exchange's rule). */
export function clientOrderId(value: unknown, field = 'clientOrderId'): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9-]{1,36}$/.test(value)) {
    throw new QuoineRequestError(`${field} must be 1–36 characters of letters, digits and '-', got ${describe(value)}`, field);
  }
  return value;
}

/** A non-empty string without control characters (addresses, labels, codes). */
export function text(value: unknown, field: string, max = 256): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > max || /[\u0000-\u001f]/.test(value)) {
    throw new QuoineRequestError(`${field} must be a non-empty string of at most ${max} characters, got ${describe(value)}`, field);
  }
  return value;
}

/** A boolean. */
export function bool(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new QuoineRequestError(`${field} must be true or false, got ${describe(value)}`, field);
  return value;
}

/** An object with the undefined entries removed (for JSON bodies and queries). */
export function defined<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Applies `check` to `value` unless it is undefined. */
export function optional<T>(value: unknown, check: (v: unknown) => T): T | undefined {
  return value === undefined ? undefined : check(value);
}
