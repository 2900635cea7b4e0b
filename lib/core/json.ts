/**
 * Lossless JSON: every JSON number keeps its source text, so money reaches Decimal without ever
 * being a float. Numbers come out as strings (`1.10` → `"1.10"`); strings, booleans and null are
 * unchanged, which is why a field the exchange sends as `"1.1"` in one era and `1.1` in another
 * hydrates to the same value.
 *
 * How: one pass over the text wraps each number token in quotes (checking the token against the
 * JSON number grammar and that it stands where a value may stand), then the native `JSON.parse`
 * does the rest, including rejecting anything else that is not JSON. This is ~4× faster than
 * lossless-json's parser, which the specs use as the oracle.
 *
 * An object with a duplicate key is refused, as lossless-json refuses it. `JSON.parse` would keep
 * the last value, while a proxy, a logger or another client may keep the first: a body such as
 * `{"price": "1", "price": "1000000"}` means different money to different readers, and the
 * exchange never sends one, so it is treated as a broken (or hostile) body, not guessed at.
 * Keys are compared after unescaping (`"a"` and `"\u0061"` are the same key). The scan only counts
 * keys; the parsed objects must hold as many (JSON.parse keeps one property per repeated key), and
 * only a text where they do not is scanned again with each object's keys in a Set, to name the key.
 *
 * The scan also bounds what `JSON.parse` would build, before it builds anything: a body with
 * more than {@link MAX_JSON_VALUES} values, or nested deeper than {@link MAX_JSON_DEPTH}, is
 * refused with a {@link JsonLimitError} naming the bound. A byte limit alone does not bound a
 * parse: 60 MiB of `[[],[],…]` (61 KB gzipped) is 20 million arrays, 1.6 GB of heap and half a
 * minute of CPU; refused here, it costs a scan of the first ~3 MB of text.
 * @module
 */

/**
 * The most values (numbers, strings that are not keys, literals, arrays and objects) in one
 * parsed text. The largest page the exchange serves, 1,000 orders with their executions, holds
 * 54,004 values at depth 6 (measured on the sandbox, Liquid profile, two executions per order;
 * 37,004 in the Quoine profile). 1,000,000 leaves an 18× margin, and bounds what a hostile body
 * within it can cost: ~200 MB of heap and a second or two of CPU for a million empty arrays.
 */
export const MAX_JSON_VALUES = 1_000_000;
/** The deepest nesting of arrays and objects in one parsed text (the exchange's pages reach 6). */
export const MAX_JSON_DEPTH = 64;

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** Thrown by {@link parseLossless} on text that is not JSON. */
export class JsonSyntaxError extends SyntaxError {
  override name = 'JsonSyntaxError';
}

/** Thrown by {@link parseLossless} on a text beyond {@link MAX_JSON_VALUES} or {@link MAX_JSON_DEPTH}. */
export class JsonLimitError extends JsonSyntaxError {
  override name = 'JsonLimitError';
}

/**
 * Parses JSON text, keeping every number as its source string. Throws {@link JsonSyntaxError} on
 * text that is not JSON and {@link JsonLimitError} on JSON beyond the module's bounds.
 */
export function parseLossless(text: string): unknown {
  const scan = { keys: 0 };
  const parsed = JSON.parse(quoteNumbers(text, scan)) as unknown;
  // JSON.parse keeps one property per repeated key, so the parsed objects hold fewer keys than
  // the text names exactly when a key repeats (or a repeat dropped a whole object). Then the text
  // is scanned again, key by key, to refuse it naming the key and its position.
  if (keysIn(parsed) !== scan.keys) quoteNumbers(text, undefined);
  return parsed;
}

/** How many own keys the objects of a parsed value hold, all depths (at most MAX_JSON_DEPTH). */
function keysIn(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let n = 0;
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) if (typeof item === 'object' && item !== null) n += keysIn(item);
    return n;
  }
  const object = value as Record<string, unknown>;
  // for-in: parsed objects inherit only from Object.prototype; an enumerable property someone
  // added there counts too, which can only send the text to the exact check.
  for (const key in object) {
    n++;
    const item = object[key];
    if (typeof item === 'object' && item !== null) n += keysIn(item);
  }
  return n;
}

/**
 * Wraps every number token outside strings in quotes. A token that is not a JSON number, or a
 * number where an object key belongs, is refused here, because once quoted it would parse.
 * Strings are skipped with `indexOf` (native, fast); only the short gaps between strings are
 * scanned character by character.
 *
 * Keys are counted in `counted` when given (the fast path: {@link parseLossless} compares the
 * count with the parsed objects); without it, each object's keys go into a Set and a repeated one
 * is refused here.
 */
function quoteNumbers(text: string, counted: { keys: number } | undefined): string {
  const n = text.length;
  // Stack of open containers: true for an object. `keyNext` is true where an object key belongs.
  const inObject: boolean[] = [];
  // The keys seen so far in each open object, when checked here (undefined for arrays).
  const keys: Array<Set<string> | undefined> = [];
  let keyCount = 0;
  let keyNext = false;
  // Values met so far (see MAX_JSON_VALUES).
  let values = 0;
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < n) {
    const quote = text.indexOf('"', i);
    const gapEnd = quote === -1 ? n : quote;
    for (let k = i; k < gapEnd; k++) {
      const c = text.charCodeAt(k);
      if (c === 45 /* - */ || (c >= 48 && c <= 57)) {
        let j = k + 1;
        while (j < gapEnd && isNumberChar(text.charCodeAt(j))) j++;
        const token = text.slice(k, j);
        if (keyNext || !NUMBER.test(token)) {
          throw new JsonSyntaxError(`Unexpected token ${token.slice(0, 20)} in JSON at position ${k}`);
        }
        if (++values > MAX_JSON_VALUES) throw tooManyValues(k);
        out += text.slice(copied, k) + '"' + token + '"';
        copied = j;
        k = j - 1;
      } else if (c === 123 /* { */ || c === 91 /* [ */) {
        const isObject = c === 123;
        inObject.push(isObject);
        if (counted === undefined) keys.push(undefined);
        keyNext = isObject;
        if (inObject.length > MAX_JSON_DEPTH)
          throw new JsonLimitError(`JSON nested deeper than ${MAX_JSON_DEPTH} levels at position ${k}`);
        if (++values > MAX_JSON_VALUES) throw tooManyValues(k);
      } else if (c === 116 /* t */ || c === 102 /* f */ || c === 110 /* n */) {
        // true, false, null: each has one of these letters once (a typo only counts more).
        if (++values > MAX_JSON_VALUES) throw tooManyValues(k);
      } else if (c === 125 /* } */ || c === 93 /* ] */) {
        inObject.pop();
        if (counted === undefined) keys.pop();
      } else if (c === 44 /* , */) {
        keyNext = inObject[inObject.length - 1] === true;
      } else if (c === 58 /* : */) {
        keyNext = false;
      }
    }
    if (quote === -1) break;
    const close = closingQuote(text, quote);
    if (keyNext) {
      if (counted === undefined) noteKey(keys, text, quote, close);
      else keyCount++;
    } else if (++values > MAX_JSON_VALUES) throw tooManyValues(quote);
    i = close + 1;
    keyNext = false;
  }
  if (counted !== undefined) counted.keys = keyCount;
  return copied === 0 ? text : out + text.slice(copied);
}

function tooManyValues(position: number): JsonLimitError {
  return new JsonLimitError(
    `JSON with more than ${MAX_JSON_VALUES} values (the most one response may hold) at position ${position}`,
  );
}

// The rest of a string that holds escapes, up to and including its closing quote.
const STRING_REST = /[^"\\]*(?:\\[^][^"\\]*)*"/y;

/** The index of the quote closing the string opened at `open` (`text.length` if unterminated). */
function closingQuote(text: string, open: number): number {
  const at = text.indexOf('"', open + 1);
  if (at === -1) return text.length;
  if (text.charCodeAt(at - 1) !== 92 /* \ */) return at;
  // An escaped quote: a string holding JSON (a realtime frame's `data`) has hundreds, and one
  // native pass over it beats finding each quote and counting the backslashes before it.
  STRING_REST.lastIndex = open + 1;
  return STRING_REST.test(text) ? STRING_REST.lastIndex - 1 : text.length;
}

/** Records the key `text[open..close]` in the innermost object, refusing one it already has. */
function noteKey(keys: Array<Set<string> | undefined>, text: string, open: number, close: number): void {
  const depth = keys.length - 1;
  if (depth < 0) return; // a string where a key belongs outside any object: JSON.parse refuses it
  let key = text.slice(open + 1, close);
  if (key.includes('\\')) {
    try {
      key = JSON.parse(text.slice(open, close + 1)) as string;
    } catch {
      return; // a broken escape: JSON.parse refuses the whole text
    }
  }
  let seen = keys[depth];
  if (seen === undefined) keys[depth] = seen = new Set();
  if (seen.has(key))
    throw new JsonSyntaxError(`Duplicate key ${JSON.stringify(key.slice(0, 40))} in JSON at position ${open}`);
  seen.add(key);
}

function isNumberChar(d: number): boolean {
  return (d >= 48 && d <= 57) || d === 46 || d === 101 || d === 69 || d === 43 || d === 45;
}
