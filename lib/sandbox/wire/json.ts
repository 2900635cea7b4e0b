/**
 * The sandbox's JSON: response bodies written with raw number text, request bodies and JWT claims
 * read with every number kept as its source text. lossless-json defines both; the request reader
 * has a fast path in front of it (see {@link parseRequestJson}).
 * @module
 */
import { LosslessNumber, parse, stringify } from 'lossless-json';

/**
 * A value the sandbox can write on the wire. Decimals that a profile prints as JSON numbers are
 * `LosslessNumber`s built from the Decimal's exact text, so they never pass through a JS float.
 */
export type WireValue =
  null | boolean | string | number | LosslessNumber | readonly WireValue[] | { readonly [key: string]: WireValue };

/** A wire object (a JSON object whose values are wire values). */
export type WireObject = Record<string, WireValue>;

/** Raw JSON number text, written verbatim (e.g. `"976382.5"` is written as `976382.5`). */
export function rawNumber(text: string): LosslessNumber {
  return new LosslessNumber(text);
}

/** Serializes a wire value to JSON text; `LosslessNumber`s are written from their source text. */
export function writeJson(value: WireValue): string {
  const text = stringify(value);
  if (text === undefined) throw new TypeError('value is not serializable to JSON');
  return text;
}

/**
 * Parses a request body losslessly: every JSON number arrives as its source text (a string), so
 * `"0.1"` and `0.1` reach Decimal identically and ns-scale integers are not rounded. The answer
 * is lossless-json's (`parse(text, null, source => source)`), errors included; most bodies take
 * {@link quickParse}, which gives the same answer ~5× faster or declines.
 */
export function parseRequestJson(text: string): unknown {
  const quick = quickParse(text);
  return quick === DECLINED ? parse(text, null, (source: string) => source) : quick.value;
}

/** What {@link quickParse} answers for a text it leaves to lossless-json. */
export const DECLINED = Symbol('declined');

/** The deepest nesting {@link quickParse} takes (lossless-json recurses, and overflows its stack far deeper). */
export const QUICK_PARSE_MAX_DEPTH = 64;

/**
 * lossless-json's answer for `text` through the native `JSON.parse`, or {@link DECLINED}. One pass
 * wraps each number token found outside strings in quotes, so `JSON.parse` returns it as its
 * source text, as lossless-json's number parser does; `JSON.parse` then checks everything else.
 * Declined (lossless-json then parses or refuses the text itself):
 * - a token that is not a JSON number, or a number where an object key belongs (quoted, it would parse);
 * - nesting deeper than {@link QUICK_PARSE_MAX_DEPTH};
 * - a text `JSON.parse` refuses;
 * - a repeated key (`JSON.parse` keeps the last value; lossless-json refuses unless the values are
 *   equal): the parsed objects hold fewer keys than the text names.
 * Exported for its specs.
 */
export function quickParse(text: string): { readonly value: unknown } | typeof DECLINED {
  const inObject: boolean[] = [];
  let keyNext = false;
  let keys = 0;
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      if (keyNext) keys++;
      keyNext = false;
      i = closingQuote(text, i);
    } else if (c === 45 /* - */ || isDigit(c)) {
      const end = numberEnd(text, i);
      if (keyNext || end === -1) return DECLINED;
      out += text.slice(copied, i) + '"' + text.slice(i, end) + '"';
      copied = end;
      i = end - 1;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      inObject.push(c === 123);
      keyNext = c === 123;
      if (inObject.length > QUICK_PARSE_MAX_DEPTH) return DECLINED;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      inObject.pop();
      keyNext = false;
    } else if (c === 44 /* , */) {
      keyNext = inObject[inObject.length - 1] === true;
    } else if (c === 58 /* : */) {
      keyNext = false;
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(copied === 0 ? text : out + text.slice(copied));
  } catch {
    return DECLINED;
  }
  return keysIn(value) === keys ? { value } : DECLINED;
}

/** The index of the quote closing the string opened at `open` (past the end when unterminated). */
function closingQuote(text: string, open: number): number {
  let i = open + 1;
  for (;;) {
    const quote = text.indexOf('"', i);
    if (quote === -1) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 92 /* \ */) backslashes++;
    if (backslashes % 2 === 0) return quote;
    i = quote + 1;
  }
}

/** How many own keys the objects of a parsed value hold, at every depth. */
function keysIn(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let n = 0;
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) n += keysIn(item);
    return n;
  }
  // Object.keys, not for-in: an enumerable property on Object.prototype is no key of the text
  // (and one holding an object would send for-in round it forever).
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object)) n += 1 + keysIn(object[key]);
  return n;
}

/**
 * The end of the JSON number starting at `start` (`-? (0 | [1-9]\d*) (.\d+)? ([eE][+-]?\d+)?`),
 * or -1 when the token there is not one: no digit where one is due, or a number character right
 * after the number (`01`, `1.2.3`, `1e5e`).
 */
function numberEnd(text: string, start: number): number {
  let i = start;
  if (text.charCodeAt(i) === 45 /* - */) i++;
  if (text.charCodeAt(i) === 48 /* 0 */) i++;
  else if (isDigit(text.charCodeAt(i))) while (isDigit(text.charCodeAt(i))) i++;
  else return -1;
  if (text.charCodeAt(i) === 46 /* . */) {
    i++;
    if (!isDigit(text.charCodeAt(i))) return -1;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  const e = text.charCodeAt(i);
  if (e === 101 /* e */ || e === 69 /* E */) {
    i++;
    const sign = text.charCodeAt(i);
    if (sign === 43 /* + */ || sign === 45 /* - */) i++;
    if (!isDigit(text.charCodeAt(i))) return -1;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  const next = text.charCodeAt(i);
  return isDigit(next) || next === 46 || next === 101 || next === 69 || next === 43 || next === 45 ? -1 : i;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
