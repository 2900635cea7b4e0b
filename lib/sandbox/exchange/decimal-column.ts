/**
 * A growable column of exact decimals kept as scaled integers: a coefficient in a `Float64Array`
 * (exact while below 2^53) and a decimal scale in an `Int8Array`, so a stored amount costs 9 bytes
 * and no heap object; the coefficient carries the sign. A value that does not fit (a coefficient
 * beyond 2^53, a scale outside 0..100, or a negative zero) is kept as its {@link Decimal} in a side
 * list, its index in place of the coefficient (a scaled integer that does not fit, in a list of
 * those). Reading builds a fresh Decimal of exactly the stored
 * value.
 * @module
 */
import { Decimal } from './decimal.js';
import { MAX_SAFE_UNITS, decimalOfUnits, pow10 } from './units.js';

/** The scale that marks a row whose value lives in the side list. */
const OVERFLOW = -1;
/** The scale that marks a row whose value lives in the side list of scaled integers ({@link DecimalColumn.setUnits}). */
const OVERFLOW_UNITS = -2;
const MAX_SCALE = 100;

export class DecimalColumn {
  #coefficients: Float64Array;
  #scales: Int8Array;
  readonly #overflow: Decimal[] = [];
  readonly #overflowUnits: bigint[] = [];
  readonly #overflowScales: number[] = [];
  /** The last value written and its row encoding: repeated prices are the common case. */
  #lastValue: Decimal | undefined;
  #lastCoefficient = 0;
  #lastScale = 0;

  constructor(capacity: number) {
    this.#coefficients = new Float64Array(capacity);
    this.#scales = new Int8Array(capacity);
  }

  /** Makes room for `capacity` rows, keeping the first `length`. */
  grow(capacity: number): void {
    const coefficients = new Float64Array(capacity);
    coefficients.set(this.#coefficients);
    this.#coefficients = coefficients;
    const scales = new Int8Array(capacity);
    scales.set(this.#scales);
    this.#scales = scales;
  }

  /** Bytes the column's arrays hold (capacity included, side list excluded). */
  get byteLength(): number {
    return this.#coefficients.byteLength + this.#scales.byteLength;
  }

  set(row: number, value: Decimal): void {
    if (value !== this.#lastValue) {
      this.#encode(value);
      this.#lastValue = value;
    }
    this.#coefficients[row] = this.#lastCoefficient;
    this.#scales[row] = this.#lastScale;
  }

  /** Stores `units / 10^scale` (a scaled integer of units.ts) without a Decimal made. */
  setUnits(row: number, units: bigint, scale: number): void {
    this.#lastValue = undefined;
    let value = units;
    let places = scale;
    if (value > MAX_SAFE_UNITS || value < -MAX_SAFE_UNITS) {
      // Too large as it stands: without k trailing zeros it may fit (a balance at a fine scale, say).
      // The fewest k that would do, by comparison; then one division, if those k digits are zeros.
      const magnitude = value < 0n ? -value : value;
      let zeros = places + 1; // none will do, unless all its places could
      if (places > 0 && magnitude <= safeTimesPow10(places)) {
        zeros = 1;
        while (magnitude > safeTimesPow10(zeros)) zeros += 1;
      }
      if (zeros <= places && magnitude % pow10(zeros) === 0n) {
        value /= pow10(zeros);
        places -= zeros;
      }
    }
    if (value <= MAX_SAFE_UNITS && value >= -MAX_SAFE_UNITS) {
      let coefficient = Number(value);
      // The same value whatever its trailing zeros: they are taken off only when the scale is too large.
      while (places > MAX_SCALE && coefficient % 10 === 0) {
        coefficient /= 10;
        places -= 1;
      }
      if (places <= MAX_SCALE) {
        this.#coefficients[row] = coefficient;
        this.#scales[row] = places;
        return;
      }
    }
    this.#overflowUnits.push(value);
    this.#overflowScales.push(places);
    this.#coefficients[row] = this.#overflowUnits.length - 1;
    this.#scales[row] = OVERFLOW_UNITS;
  }

  get(row: number): Decimal {
    const scale = this.#scales[row] as number;
    const coefficient = this.#coefficients[row] as number;
    if (scale === OVERFLOW) return this.#overflow[coefficient] as Decimal;
    if (scale === OVERFLOW_UNITS)
      return decimalOfUnits(this.#overflowUnits[coefficient] as bigint, this.#overflowScales[coefficient] as number);
    return new Decimal(scale === 0 ? String(coefficient) : `${coefficient}e-${scale}`);
  }

  #encode(value: Decimal): void {
    if (scaled(value)) {
      this.#lastCoefficient = encodedCoefficient;
      this.#lastScale = encodedScale;
      return;
    }
    this.#overflow.push(value);
    this.#lastCoefficient = this.#overflow.length - 1;
    this.#lastScale = OVERFLOW;
  }
}

const SAFE_TIMES_POW10: bigint[] = [MAX_SAFE_UNITS];

/** 2^53 − 1 times 10^k: the largest value that k trailing zeros less makes a safe integer. */
function safeTimesPow10(k: number): bigint {
  for (let n = SAFE_TIMES_POW10.length; n <= k; n += 1) SAFE_TIMES_POW10.push(MAX_SAFE_UNITS * pow10(n));
  return SAFE_TIMES_POW10[k] as bigint;
}

/** The largest word prefix that can take one more base-1e7 word and stay a safe integer. */
const MAX_PREFIX = Math.floor((Number.MAX_SAFE_INTEGER - 9_999_999) / 1e7);
let encodedCoefficient = 0;
let encodedScale = 0;

/**
 * Sets {@link encodedCoefficient} and {@link encodedScale} to the value's exact scaled-integer
 * form (value = coefficient / 10^scale, the scale its decimal places) and answers true, or answers
 * false when it has none here (a coefficient beyond 2^53, a scale beyond 100, -0, not finite).
 * Read from decimal.js's documented representation (`d`: base-1e7 words of the significand, most
 * significant first, none trailing zero; `e`: the decimal exponent of its first digit; `s`: the
 * sign), arithmetic on safe integers only: no text and no Decimal made, unlike `toFixed`.
 */
function scaled(value: Decimal): boolean {
  const words = value.d as number[] | null;
  if (words === null || words.length === 0) return false;
  const first = words[0] as number;
  if (first === 0) {
    if (value.s < 0) return false; // -0 keeps its sign only in the side list
    encodedCoefficient = 0;
    encodedScale = 0;
    return true;
  }
  let coefficient = 0;
  for (const word of words) {
    if (coefficient > MAX_PREFIX) return false;
    coefficient = coefficient * 1e7 + word;
  }
  // `coefficient` holds the significand's digits: value = coefficient × 10^exponent.
  let exponent = value.e - (String(first).length + 7 * (words.length - 1) - 1);
  while (exponent < 0 && coefficient % 10 === 0) {
    coefficient /= 10;
    exponent += 1;
  }
  for (; exponent > 0; exponent -= 1) {
    coefficient *= 10;
    if (coefficient > Number.MAX_SAFE_INTEGER) return false;
  }
  if (-exponent > MAX_SCALE) return false;
  encodedCoefficient = value.s < 0 ? -coefficient : coefficient;
  encodedScale = -exponent;
  return true;
}
