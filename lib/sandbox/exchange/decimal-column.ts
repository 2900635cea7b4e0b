/**
 * A growable column of exact decimals kept as scaled integers: a coefficient in a `Float64Array`
 * (exact while below 2^53) and a decimal scale in an `Int8Array`, so a stored amount costs 9 bytes
 * and no heap object; the coefficient carries the sign. A value that does not fit (more than 15
 * digits, a scale outside 0..100, or a negative zero) is kept as its {@link Decimal} in a side list,
 * its index in place of the coefficient. Reading builds a fresh Decimal of exactly the stored value.
 * @module
 */
import { Decimal } from './decimal.js';

/** The scale that marks a row whose value lives in the side list. */
const OVERFLOW = -1;
const MAX_SCALE = 100;

export class DecimalColumn {
  #coefficients: Float64Array;
  #scales: Int8Array;
  readonly #overflow: Decimal[] = [];
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
    // An equal value reuses the last encoding, unless that is a side-list entry (-0 equals 0).
    const same =
      value === this.#lastValue ||
      (this.#lastScale !== OVERFLOW && this.#lastValue !== undefined && value.equals(this.#lastValue));
    if (!same) {
      this.#encode(value);
      this.#lastValue = value;
    }
    this.#coefficients[row] = this.#lastCoefficient;
    this.#scales[row] = this.#lastScale;
  }

  get(row: number): Decimal {
    const scale = this.#scales[row] as number;
    const coefficient = this.#coefficients[row] as number;
    if (scale === OVERFLOW) return this.#overflow[coefficient] as Decimal;
    return new Decimal(scale === 0 ? String(coefficient) : `${coefficient}e-${scale}`);
  }

  #encode(value: Decimal): void {
    const scale = value.decimalPlaces();
    if (value.precision(true) <= 15 && scale <= MAX_SCALE && !(value.isZero() && value.isNegative())) {
      const coefficient = Number(value.toFixed().replace('.', ''));
      if (Number.isSafeInteger(coefficient)) {
        this.#lastCoefficient = coefficient;
        this.#lastScale = scale;
        return;
      }
    }
    this.#overflow.push(value);
    this.#lastCoefficient = this.#overflow.length - 1;
    this.#lastScale = OVERFLOW;
  }
}
