/**
 * Converters from lossless-parsed wire values (numbers arrive as their source strings) to the
 * types entities expose. Each one refuses a value it cannot convert exactly by throwing
 * {@link WireValueError}, which the resource layer turns into a `QuoineResponseError` naming the
 * field.
 *
 * Numbers outside any plausible range are refused rather than converted, because converting
 * them gives a silently wrong value or costs seconds: `1e9000000000000000000` becomes Infinity
 * in decimal.js, `1e-9000000000000000000` becomes 0, and the 11 bytes `1e20000000` make
 * `toFixed()` build a 20 MB string. The bounds (far beyond any price, quantity, balance or id
 * the exchange has sent):
 * - a decimal: at most {@link MAX_WIRE_NUMBER_LENGTH} characters, and a magnitude (the power of
 *   ten of its leading digit) within ±{@link MAX_DECIMAL_MAGNITUDE}; zero always passes;
 * - an integer: at most {@link MAX_WIRE_NUMBER_LENGTH} characters and a safe integer;
 * - a time: Unix seconds from 0 to the end of year 9999, or an ISO-8601 time in that same range
 *   (so that every time read writes back as Unix seconds), at most {@link MAX_WIRE_NUMBER_LENGTH} characters either way.
 *
 * An ISO-8601 time is read strictly, never through `Date.parse` (which rolls `2020-02-30` over
 * to March 1st, reads hour 24 as the next day, and reads a time without a zone in the machine's
 * time zone): only `YYYY-MM-DDTHH:MM:SS`, an optional fraction of a second, and an explicit zone
 * (`Z` or `±HH:MM`), naming a real calendar date and time (checked by round trip), hour 00–23,
 * no leap second. The exchange has sent only `2020-07-17T01:40:00Z` (`/orders/{id}/trades`,
 * 2019) and `2020-08-01T14:00:00Z` (`/user/fee_tier`); anything else is refused.
 *
 * Each converter has a writer, its inverse: a {@link WireCodec} pairs them, so an entity written
 * back to plain JSON (`instanceToPlain`) reads back to an equal entity. What the writers write,
 * where the two eras differ (the fixtures' README lists the eras' types):
 * - a decimal: an exact string, `toFixed()` (`"976382.0"` and `976382.0` both come back as
 *   `"976382"`; never a JSON number, never exponent notation);
 * - an integer: a JSON number (`"5"`, a Liquid-era id, comes back as `5`);
 * - a time: Unix seconds, as both eras write `created_at`: a JSON number when the time is on a
 *   whole second, else the Liquid era's fractional string with the Date's millisecond precision
 *   (`"1594964560.120"`; sub-millisecond digits were never kept). An ISO-8601 time (the 2019
 *   `/orders/{id}/trades` form) comes back as Unix seconds too.
 * - strings, booleans and raw JSON: as read (raw JSON keeps numbers as their source strings).
 *
 * Readers accept what writers write: integers and times also read from a JS number (a safe
 * integer, or for a time the number's shortest text), so `JSON.parse` output reads too. A decimal
 * never reads from a JS number: it may already have been rounded.
 * @module
 */
import type { Decimal } from 'decimal.js';
import { QDecimal, isPlainDecimal, plainDecimal } from './decimal.js';

/** A wire value that does not convert to the field's type. */
export class WireValueError extends Error {
  override name = 'WireValueError';
}

/** Converts one wire value (never null or undefined: those are handled by the field). */
export type WireConverter<T> = (value: unknown) => T;

/** Writes one entity value (never null: the field handles it) back as the wire writes it. */
export type WireWriter<T> = (value: T) => unknown;

/** A converter and its inverse: `read(write(v))` equals `v`. */
export interface WireCodec<T> {
  /** Wire value → entity value. */
  readonly read: WireConverter<T>;
  /** Entity value → wire value (JSON: strings, numbers, booleans, arrays, objects). */
  readonly write: WireWriter<T>;
}

/** The longest wire number (or numeric string) converted to a Decimal, an integer or a time. */
export const MAX_WIRE_NUMBER_LENGTH = 100;
/** A wire decimal's magnitude (power of ten of its leading digit) lies within ± this. */
export const MAX_DECIMAL_MAGNITUDE = 100;
/** 9999-12-31T23:59:59Z: the latest time a wire timestamp may be. */
const MAX_UNIX_SECONDS = 253_402_300_799;

// The exponent has at most 4 digits here, so decimal.js never overflows to Infinity or 0 while
// parsing; the magnitude bound is checked on the parsed value.
const WIRE_DECIMAL = /^-?\d+(\.\d+)?([eE][+-]?\d{1,4})?$/;
const UNIX_SECONDS = /^(\d+)(?:\.(\d*))?$/;
const ISO_TIME = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?(?:Z|([+-])(\d\d):(\d\d))$/;

/**
 * The message quotes a refused string whole only when it is short (≤ 40 characters: the
 * transport's scrubber then sees it whole, and removes it if it is the secret or a token);
 * a longer one only by its first 20 characters and length, never enough of any credential.
 */
function refuse(value: unknown, what: string): never {
  const shown =
    typeof value !== 'string'
      ? typeof value
      : value.length <= 40
        ? JSON.stringify(value)
        : `${JSON.stringify(value.slice(0, 20))}… (${value.length} characters)`;
  throw new WireValueError(`expected ${what}, got ${shown}`);
}

/** Numeric text short enough to convert (see the module's bounds). */
function plausibleLength(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_WIRE_NUMBER_LENGTH;
}

/** A JS number as its shortest text (what `JSON.parse` read it from, for integers and times). */
const numberText = (value: unknown): unknown =>
  typeof value === 'number' && Number.isFinite(value) ? String(value) : value;

/** A decimal from its exact wire text (a JSON string or a JSON number's source text). */
export const toDecimal: WireConverter<Decimal> = (value) => {
  // A plain decimal within the length bound is within the magnitude bound too (see wireDecimalText).
  if (typeof value === 'string' && value.length <= MAX_WIRE_NUMBER_LENGTH) {
    const plain = plainDecimal(value);
    if (plain !== undefined) return plain;
  }
  if (!plausibleLength(value) || !WIRE_DECIMAL.test(value))
    return refuse(value, `a decimal of at most ${MAX_WIRE_NUMBER_LENGTH} characters`);
  const d = new QDecimal(value);
  if (!d.isZero() && Math.abs(d.e) > MAX_DECIMAL_MAGNITUDE) {
    return refuse(value, `a decimal between 1e-${MAX_DECIMAL_MAGNITUDE} and 1e+${MAX_DECIMAL_MAGNITUDE} in magnitude`);
  }
  return d;
};

/**
 * The exact text of a wire decimal, checked as {@link toDecimal} checks it (and refused with the
 * same errors) but without building a Decimal when the wire text is already plain: `"0.50"`
 * stays `"0.50"`; `"5e-1"` comes back as `"0.5"`. `new QDecimal(text)` later equals what
 * `toDecimal` would have returned. For hot paths that keep decimals as text until they are read.
 */
export function wireDecimalText(value: unknown): string {
  // A plain decimal within MAX_WIRE_NUMBER_LENGTH characters is within ±MAX_DECIMAL_MAGNITUDE by
  // its length alone, so it needs no parse to be checked.
  if (typeof value === 'string' && value.length <= MAX_WIRE_NUMBER_LENGTH && isPlainDecimal(value)) return value;
  return toDecimal(value).toFixed();
}

/** A safe integer (ids, counters) from a number's source text or a numeric string such as "5". */
export const toInt: WireConverter<number> = (wire) => {
  // Up to 15 digits, optionally signed (any such integer is safe): read here, without a pattern.
  if (typeof wire === 'string' && wire.length <= 16) {
    const negative = wire.charCodeAt(0) === 45; /* - */
    const n = digitsValue(wire, negative ? 1 : 0);
    if (n >= 0 && wire.length - (negative ? 1 : 0) <= 15) return negative && n !== 0 ? -n : n; // "-0" is 0, never -0
  }
  const value = numberText(wire);
  if (plausibleLength(value) && /^-?\d+$/.test(value)) {
    const n = Number(value);
    if (Number.isSafeInteger(n)) return n === 0 ? 0 : n; // "-0" is 0, never -0
  }
  return refuse(wire, 'a safe integer');
};

/**
 * A Date from Unix seconds (`1594964584`, `"1596962820.000797146"`) or a strict ISO-8601 time
 * with a zone (`"2020-07-17T01:40:00Z"`, seen on `/orders/{id}/trades` in 2019; see the module's
 * note). Sub-millisecond digits are dropped; nothing is rounded through a float.
 */
export const toDate: WireConverter<Date> = (wire) => {
  const value = numberText(wire);
  // Whole seconds, as both eras send `created_at`: no pattern to run, no fraction to pad.
  if (typeof value === 'string' && value.length <= 12) {
    const whole = digitsValue(value, 0);
    if (whole >= 0 && whole <= MAX_UNIX_SECONDS) return new Date(whole * 1000);
  }
  if (!plausibleLength(value)) return refuse(value, `a timestamp of at most ${MAX_WIRE_NUMBER_LENGTH} characters`);
  const seconds = UNIX_SECONDS.exec(value);
  if (seconds) {
    const whole = Number(seconds[1]);
    if (whole <= MAX_UNIX_SECONDS) return new Date(whole * 1000 + Number(((seconds[2] ?? '') + '000').slice(0, 3)));
  } else {
    const iso = isoTime(value);
    if (iso !== undefined) return iso;
  }
  return refuse(wire, 'Unix seconds (up to the year 9999) or an ISO-8601 time with a zone (2020-07-17T01:40:00Z)');
};

/**
 * The value of `text` from `start` on when that is one or more decimal digits and nothing else,
 * else -1. Exact while there are at most 15 digits (callers bound the length).
 */
function digitsValue(text: string, start: number): number {
  if (start >= text.length) return -1;
  let n = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

/** A strict ISO-8601 time (see the module's note), or undefined. */
function isoTime(text: string): Date | undefined {
  const m = ISO_TIME.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Number(((m[7] ?? '') + '000').slice(0, 3));
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0–99 as 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  // The round trip: a rolled-over field (February 30th, hour 24, second 60) reads back different.
  const same =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  if (!same) return undefined;
  let offsetMs = 0;
  if (m[8] !== undefined) {
    const offsetHours = Number(m[9]);
    const offsetMinutes = Number(m[10]);
    if (offsetHours > 23 || offsetMinutes > 59) return undefined;
    offsetMs = (m[8] === '+' ? 1 : -1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  }
  const time = date.getTime() - offsetMs;
  return time >= 0 && time < (MAX_UNIX_SECONDS + 1) * 1000 ? new Date(time) : undefined;
}

/** A string (a number's source text is accepted as a string too: `source_exchange: 0`). */
export const toText: WireConverter<string> = (value) => (typeof value === 'string' ? value : refuse(value, 'a string'));

/** A boolean. */
export const toBool: WireConverter<boolean> = (value) =>
  typeof value === 'boolean' ? value : refuse(value, 'a boolean');

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

/** A decimal as an exact string without exponent notation. */
export const fromDecimal: WireWriter<Decimal> = (value) => value.toFixed();

/** Unix seconds: a whole number of seconds as a JSON number, else `"seconds.mmm"`. */
export const fromDate: WireWriter<Date> = (value) => {
  const ms = value.getTime();
  const seconds = Math.floor(ms / 1000);
  const fraction = ms - seconds * 1000;
  return fraction === 0 ? seconds : `${seconds}.${String(fraction).padStart(3, '0')}`;
};

/** A value written as it was read. */
const asRead = (value: unknown): unknown => value;

/** Decimals: {@link toDecimal} and {@link fromDecimal}. */
export const decimalCodec: WireCodec<Decimal> = { read: toDecimal, write: fromDecimal };
/** Safe integers, written as JSON numbers. */
export const intCodec: WireCodec<number> = { read: toInt, write: asRead };
/** Times: {@link toDate} and {@link fromDate}. */
export const dateCodec: WireCodec<Date> = { read: toDate, write: fromDate };
/** Strings. */
export const textCodec: WireCodec<string> = { read: toText, write: asRead };
/** Booleans. */
export const boolCodec: WireCodec<boolean> = { read: toBool, write: asRead };
/** Raw JSON, written back as read. */
export const jsonCodec: WireCodec<unknown> = { read: toJson, write: asRead };

/** Arrays whose items each go through `item`. */
export function arrayCodec<T>(item: WireCodec<T>): WireCodec<T[]> {
  return { read: arrayOf(item.read), write: (values) => values.map((v) => item.write(v)) };
}
