/**
 * Converters from lossless-parsed wire values (numbers arrive as their source strings) to the
 * types entities expose. Each one refuses a value it cannot convert exactly by throwing
 * {@link WireValueError}, which the resource layer turns into a `QuoineResponseError`.
 * @module
 */
import type { Decimal } from 'decimal.js';
import { QDecimal } from './decimal.js';

/** A wire value that does not convert to the field's type. */
export class WireValueError extends Error {
  override name = 'WireValueError';
}

/** Converts one wire value (never null or undefined: those are handled by the field). */
export type WireConverter<T> = (value: unknown) => T;

const WIRE_DECIMAL = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;
const UNIX_SECONDS = /^(\d+)(?:\.(\d*))?$/;

function refuse(value: unknown, what: string): never {
  const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value;
  throw new WireValueError(`expected ${what}, got ${shown}`);
}

/** A decimal from its exact wire text (a JSON string or a JSON number's source text). */
export const toDecimal: WireConverter<Decimal> = (value) => {
  if (typeof value === 'string' && WIRE_DECIMAL.test(value)) return new QDecimal(value);
  return refuse(value, 'a decimal');
};

/** A safe integer (ids, counters) from a number's source text or a numeric string such as "5". */
export const toInt: WireConverter<number> = (value) => {
  if (typeof value === 'string' && /^-?\d+$/.test(value)) {
    const n = Number(value);
    if (Number.isSafeInteger(n)) return n;
  }
  return refuse(value, 'a safe integer');
};

/**
 * A Date from Unix seconds (`1594964584`, `"1596962820.000797146"`) or an ISO-8601 string (seen
 * on `/orders/{id}/trades` in 2019). Sub-millisecond digits are dropped; nothing is rounded
 * through a float.
 */
export const toDate: WireConverter<Date> = (value) => {
  if (typeof value !== 'string') return refuse(value, 'a timestamp');
  const seconds = UNIX_SECONDS.exec(value);
  if (seconds) {
    const ms = Number(seconds[1]) * 1000 + Number(((seconds[2] ?? '') + '000').slice(0, 3));
    if (Number.isSafeInteger(ms)) return new Date(ms);
  } else if (/^\d{4}-\d\d-\d\dT/.test(value)) {
    const t = Date.parse(value);
    if (!Number.isNaN(t)) return new Date(t);
  }
  return refuse(value, 'Unix seconds or an ISO-8601 time');
};

/** A string (a number's source text is accepted as a string too: `source_exchange: 0`). */
export const toText: WireConverter<string> = (value) => (typeof value === 'string' ? value : refuse(value, 'a string'));

/** A boolean. */
export const toBool: WireConverter<boolean> = (value) => (typeof value === 'boolean' ? value : refuse(value, 'a boolean'));

/** Any JSON value, unchanged (numbers stay strings). For open-ended objects such as fee `conditions`. */
export const toJson: WireConverter<unknown> = (value) => value;

/** An array whose items each go through `item`. */
export function arrayOf<T>(item: WireConverter<T>): WireConverter<T[]> {
  return (value) => {
    if (!Array.isArray(value)) return refuse(value, 'an array');
    return value.map((v, i) => {
      try {
        return item(v);
      } catch (e) {
        throw e instanceof WireValueError ? new WireValueError(`[${i}]: ${e.message}`) : e;
      }
    });
  };
}
