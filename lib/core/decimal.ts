/**
 * Exact decimal money. Every price, quantity, amount, fee, rate and balance the SDK returns is a
 * {@link QDecimal}: a private decimal.js constructor that never rounds what the exchange sends
 * and never prints exponent notation.
 * @module
 */
import { Decimal } from 'decimal.js';

/**
 * The SDK's exact decimal, the type of every money field: a decimal.js clone with high precision
 * and no exponent notation.
 *
 * It has 100 significant digits, so adding,
 * subtracting and multiplying exchange values (at most ~20 integer and 18 fractional digits)
 * never rounds; division rounds at the 100th digit, half up. `toString()` never uses exponent
 * notation. Instances are `instanceof Decimal`. The global `Decimal` is left untouched.
 *
 * Why every money field is a Decimal: the exchange sends prices, quantities, fees and balances as
 * decimal text (`"0.00012345"`, `"976382.12"`), and a JavaScript number cannot hold most of them
 * exactly (`0.1 + 0.2 !== 0.3`), so a float would round values you then sign orders or reconcile
 * balances with. Each field typed `Decimal` in this reference is a `QDecimal` instance that holds
 * the wire text digit for digit. Read it with `toString()` or `toFixed(n)`, compare it with
 * `eq`/`lt`/`gt`, and do sums with `plus`/`minus`/`times`: the full method list is decimal.js's
 * {@link https://mikemcl.github.io/decimal.js/ | API}. Parameters take a {@link DecimalInput}
 * (`new QDecimal('0.01')`, `'0.01'` or a number that prints as itself); `QDecimal` is also the
 * type of its instances.
 *
 * @example
 * ```ts
 * const fee = order.orderFee; // a QDecimal, never a float
 * const total = order.price.times(order.quantity).plus(fee ?? 0);
 * console.log(total.toString()); // exact, no exponent notation
 * ```
 * @group Money
 */
export const QDecimal = Decimal.clone({
  precision: 100,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
/**
 * An instance of {@link QDecimal} (decimal.js's `Decimal` type). Hidden from the reference,
 * where the constant's page documents both.
 * @hidden
 */
export type QDecimal = Decimal;

/**
 * A money input: a Decimal, a decimal string (`'0.01'`), or a number that prints as itself (checked by `decimal` in core/coerce.ts).
 * @group Money
 */
export type DecimalInput = Decimal | string | number;

/** A QDecimal's representation (decimal.js's own fields, read-only in its types). */
interface DecimalFields {
  s: number;
  e: number;
  d: number[];
}

const NOT_PLAIN = -2;

/**
 * The index of the point of a plain decimal text (`-?digits(.digits)?`), -1 when it has none,
 * or {@link NOT_PLAIN} for any other text.
 */
function plainDecimalPoint(text: string): number {
  const n = text.length;
  const k = text.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  let dot = -1;
  for (let j = k; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c === 46 /* . */) {
      if (dot !== -1) return NOT_PLAIN;
      dot = j;
    } else if (c < 48 || c > 57) return NOT_PLAIN;
  }
  // A digit before the point, and one after it when there is a point.
  return (dot === -1 ? n : dot) === k || dot === n - 1 ? NOT_PLAIN : dot;
}

/** Whether `text` is a plain decimal: `-?digits(.digits)?`, no exponent, no other sign. */
export function isPlainDecimal(text: string): boolean {
  return plainDecimalPoint(text) !== NOT_PLAIN;
}

/** Decimal digits per word of a decimal.js digit array (its `LOG_BASE`). */
const WORD_DIGITS = 7;

/** A QDecimal's own properties as decimal.js's constructor writes them, in its order. */
interface QDecimalOwn extends DecimalFields {
  constructor: typeof QDecimal;
}

/**
 * Makes a QDecimal from its fields, as `new QDecimal(…)` leaves one: the prototype QDecimal's
 * (decimal.js clones share one), own `constructor`, `s`, `e`, `d` in that order. decimal.js's own
 * constructor, even given 0, first asks whether its argument is a Decimal (an `instanceof` and
 * a property read), which cost a third of each value's reading.
 */
const MakeQDecimal = function (this: QDecimalOwn, s: number, e: number, d: number[]): void {
  this.constructor = QDecimal;
  this.s = s;
  this.e = e;
  this.d = d;
} as unknown as new (s: number, e: number, d: number[]) => Decimal;
MakeQDecimal.prototype = QDecimal.prototype;

/**
 * The QDecimal of a plain decimal text (`-?digits(.digits)?`, no exponent), or `undefined` for
 * any other text (the caller then takes decimal.js's own path). The same value and the same object
 * as `new QDecimal(text)` (sign `s`, exponent `e`, base-1e7 words `d`, and own properties in the
 * same order), built in one pass over the characters: decimal.js's parser slices, replaces and
 * runs regular expressions on the text, and is most of what reading a page of orders costs.
 * The caller bounds the length (no bound here on how many digits).
 */
export function plainDecimal(text: string): Decimal | undefined {
  const dot = plainDecimalPoint(text);
  if (dot === NOT_PLAIN) return undefined;
  const n = text.length;
  const negative = text.charCodeAt(0) === 45; /* - */
  const k = negative ? 1 : 0;
  const intEnd = dot === -1 ? n : dot;
  const s = negative ? -1 : 1;
  let first = k;
  while (first < n && (first === dot || text.charCodeAt(first) === 48)) first++;
  if (first === n) return new MakeQDecimal(s, 0, [0]); // zero: e 0, d [0], and the sign kept ("-0"), as decimal.js does
  let last = n - 1;
  while (last === dot || text.charCodeAt(last) === 48) last--;
  // The power of ten of the first significant digit; the first word holds the digits down to 10^0
  // (or a whole word below it), as decimal.js aligns words on the decimal point.
  const e = first < intEnd ? intEnd - first - 1 : dot - first;
  let need = (e + 1) % WORD_DIGITS;
  if (e < 0) need += WORD_DIGITS;
  if (need === 0) need = WORD_DIGITS;
  const words: number[] = [];
  let word = 0;
  let count = 0;
  for (let j = first; j <= last; j++) {
    if (j === dot) continue;
    word = word * 10 + (text.charCodeAt(j) - 48);
    if (++count === need) {
      words.push(word);
      word = 0;
      count = 0;
      need = WORD_DIGITS;
    }
  }
  if (count > 0) {
    for (; count < need; count++) word *= 10;
    words.push(word);
  }
  return new MakeQDecimal(s, e, words);
}

/**
 * The order of two plain decimal texts (`-?digits(.digits)?`, see {@link isPlainDecimal}) by
 * value: -1, 0 or 1, as `comparedTo` orders their QDecimals, without building them (digit by
 * digit: the integer parts by length, then each digit, a missing fraction digit being 0). A
 * negative text goes to QDecimal (prices and quantities on the wire are not).
 */
export function compareDecimalTexts(a: string, b: string): number {
  if (a.charCodeAt(0) === 45 /* - */ || b.charCodeAt(0) === 45) return new QDecimal(a).comparedTo(b);
  const pointA = a.indexOf('.');
  const pointB = b.indexOf('.');
  // One shape (the same length, the point at the same place or none): integer parts of one length
  // and fractions of one length, so the order of the characters is the order of the values,
  // leading zeros included. A ladder's prices usually are.
  if (a.length === b.length && pointA === pointB) return a < b ? -1 : a > b ? 1 : 0;
  const endA = pointA === -1 ? a.length : pointA;
  const endB = pointB === -1 ? b.length : pointB;
  let startA = 0;
  while (startA < endA && a.charCodeAt(startA) === 48 /* 0 */) startA++;
  let startB = 0;
  while (startB < endB && b.charCodeAt(startB) === 48) startB++;
  const intA = endA - startA;
  const intB = endB - startB;
  if (intA !== intB) return intA < intB ? -1 : 1;
  for (let k = 0; k < intA; k++) {
    const d = a.charCodeAt(startA + k) - b.charCodeAt(startB + k);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  const fractionA = pointA === -1 ? 0 : a.length - pointA - 1;
  const fractionB = pointB === -1 ? 0 : b.length - pointB - 1;
  for (let k = 0, n = Math.max(fractionA, fractionB); k < n; k++) {
    const x = k < fractionA ? a.charCodeAt(pointA + 1 + k) : 48;
    const y = k < fractionB ? b.charCodeAt(pointB + 1 + k) : 48;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
