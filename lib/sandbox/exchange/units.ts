/**
 * Exact decimals as scaled integers, the money of the engine's hot path: a value is `units / 10^scale`
 * with `units` a bigint. Integer arithmetic is exact at any size (decimal.js rounds beyond its 100
 * significant digits, which validated inputs never reach) and makes no Decimal per operation;
 * Decimals are built from units only where a record or a Decimal-speaking caller reads them.
 * Conversions read decimal.js's documented representation (`d`: base-1e7 words of the significand,
 * most significant first; `e`: the decimal exponent of its first digit; `s`: the sign), as the
 * decimal columns do.
 * @module
 */
import { Decimal, ZERO } from './decimal.js';

/**
 * The integer path's switch: on, except in the specs that run the same sequence down both paths and
 * compare every record (spec/sandbox/exchange/integer-path.spec.ts). Off, every order takes the
 * Decimal path (its units are still kept).
 */
export const integerPath = { enabled: true };

const POWERS: bigint[] = [1n];

/** 10^n as a bigint (n ≥ 0). */
export function pow10(n: number): bigint {
  for (let k = POWERS.length; k <= n; k += 1) POWERS.push((POWERS[k - 1] as bigint) * 10n);
  return POWERS[n] as bigint;
}

/** Decimal digits of a base-1e7 word (1..9,999,999). */
function wordDigits(word: number): number {
  if (word >= 1e6) return 7;
  if (word >= 1e5) return 6;
  if (word >= 1e4) return 5;
  if (word >= 1e3) return 4;
  if (word >= 100) return 3;
  return word >= 10 ? 2 : 1;
}

/**
 * The value's units at `scale` (value × 10^scale), or null when it has more than `scale` decimal
 * places, is not finite, or is negative zero (whose sign units cannot keep).
 */
export function unitsAt(value: Decimal, scale: number): bigint | null {
  const words = value.d as number[] | null;
  if (words === null || words.length === 0) return null;
  const first = words[0] as number;
  if (first === 0) return value.s < 0 ? null : 0n;
  const count = words.length;
  // value = coefficient × 10^shift, coefficient the integer of all the words' digits.
  let shift = value.e - (wordDigits(first) + 7 * (count - 1) - 1) + scale;
  let units: bigint;
  if (count <= 2) {
    // At most 14 digits: a safe integer, trailing zeros stripped in float arithmetic.
    let coefficient = count === 1 ? first : first * 1e7 + (words[1] as number);
    while (shift < 0 && coefficient % 10 === 0) {
      coefficient /= 10;
      shift += 1;
    }
    if (shift < 0) return null;
    units = BigInt(coefficient);
  } else {
    units = BigInt(first);
    for (let index = 1; index < count; index += 1) units = units * 10_000_000n + BigInt(words[index] as number);
    while (shift < 0 && units % 10n === 0n) {
      units /= 10n;
      shift += 1;
    }
    if (shift < 0) return null;
  }
  if (shift > 0) units *= pow10(shift);
  return value.s < 0 ? -units : units;
}

/** 2^53 − 1 as a bigint: units within ± this convert to a JS number exactly. */
export const MAX_SAFE_UNITS = BigInt(Number.MAX_SAFE_INTEGER);
/** Digits a base-1e7 word holds. */
const LOG_BASE = 7;

/**
 * The exact Decimal of `units / 10^scale` (zero is the shared {@link ZERO}: no Decimal made).
 * Units within ±2^53 (every amount of a validated order, a fill or a fee) are written straight into
 * decimal.js's representation, in the form its parser gives (a spec compares the two on every
 * shape): parsing the text `units e-scale` costs ~0.3 µs, and records read several per order.
 */
export function decimalOfUnits(units: bigint, scale: number): Decimal {
  if (units === 0n) return ZERO;
  if (units > MAX_SAFE_UNITS || units < -MAX_SAFE_UNITS) return new Decimal(`${units}e-${scale}`);
  let coefficient = Number(units);
  const negative = coefficient < 0;
  if (negative) coefficient = -coefficient;
  let places = scale;
  while (coefficient % 10 === 0) {
    coefficient /= 10;
    places -= 1;
  }
  const digits = String(coefficient);
  const exponent = digits.length - 1 - places;
  // Split as decimal.js's parser splits: the first word holds the digits up to a multiple of 7
  // places of the exponent, the others 7 each, the last one padded with zeros to 7 digits.
  let first = (exponent + 1) % LOG_BASE;
  if (exponent < 0) first += LOG_BASE;
  const words: number[] = [];
  if (first < digits.length) {
    if (first > 0) words.push(Number(digits.slice(0, first)));
    let at = first;
    for (; at + LOG_BASE < digits.length; at += LOG_BASE) words.push(Number(digits.slice(at, at + LOG_BASE)));
    words.push(Number(digits.slice(at)) * 10 ** (LOG_BASE - (digits.length - at)));
  } else words.push(coefficient * 10 ** (first - digits.length));
  // A Decimal made by decimal.js's fast path for small integers, its fields then set: the same
  // properties in the same order (constructor, s, e, d) as a parsed one, so the same hidden class.
  const value = new Decimal(1);
  (value as { s: number }).s = negative ? -1 : 1;
  (value as { e: number }).e = exponent;
  (value as { d: number[] }).d = words;
  return value;
}

/** Any finite decimal as exact units at its own scale (its decimal places; zero, -0 too, is `[0n, 0]`), else null. */
export function scaledOf(value: Decimal): [bigint, number] | null {
  if (!value.isFinite()) return null;
  if (value.isZero()) return [0n, 0];
  const scale = value.decimalPlaces();
  return [unitsAt(value, scale) as bigint, scale];
}

/** `units` (at `from`) at the larger scale `to`. */
export function rescale(units: bigint, from: number, to: number): bigint {
  return to === from ? units : units * pow10(to - from);
}
