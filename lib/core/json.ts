/**
 * Lossless JSON: every JSON number keeps its source text, so money reaches Decimal without ever
 * being a float. Numbers come out as strings (`1.10` → `"1.10"`); strings, booleans and null are
 * unchanged, which is why a field the exchange sends as `"1.1"` in one era and `1.1` in another
 * hydrates to the same value.
 *
 * How: one pass over the text ({@link scanJson}) bounds it and notes where each number token
 * starts and ends; the native `JSON.parse` then parses the text as it is, refusing anything that
 * is not JSON (a malformed number included), and each number it made is replaced by its token's
 * text, in document order (json-numbers.ts). The numbers are never read from the floats. On a
 * 1,000-order page this is ~4.5× faster than lossless-json's parser, which the specs use as the
 * oracle, and ~1.9× the time of a plain `JSON.parse`.
 *
 * An object with a duplicate key is refused, as lossless-json refuses it. `JSON.parse` would keep
 * the last value, while a proxy, a logger or another client may keep the first: a body such as
 * `{"price": "1", "price": "1000000"}` means different money to different readers, and the
 * exchange never sends one, so it is treated as a broken (or hostile) body, not guessed at.
 * Keys are compared after unescaping (`"a"` and `"\u0061"` are the same key). The scan only counts
 * keys; the parsed objects must hold as many (JSON.parse keeps one property per repeated key), and
 * only a text where they do not is read again with each object's keys in a Set, to name the key.
 *
 * The scan also bounds what `JSON.parse` would build, before it builds anything: a body with
 * more than {@link MAX_JSON_VALUES} values, or nested deeper than {@link MAX_JSON_DEPTH}, is
 * refused with a {@link JsonLimitError} naming the bound. A byte limit alone does not bound a
 * parse: 60 MiB of `[[],[],…]` (61 KB gzipped) is 20 million arrays, 1.6 GB of heap and half a
 * minute of CPU; refused here, it costs a scan of the first ~3 MB of text.
 * @module
 */
import { keysIn, quoteNumbers, restoreNumbers } from './json-numbers.js';

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
  const scan = scanJson(text);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new JsonSyntaxError((e as Error).message, { cause: e });
  }
  // From here the text is JSON, so the scan read it exactly: its number tokens are the numbers
  // JSON.parse made, in the same order, and its key count the keys the text names.
  if (typeof parsed !== 'object' || parsed === null) {
    return typeof parsed === 'number' ? text.slice(scan.numbers[0], scan.numbers[1]) : parsed;
  }
  if (scan.keysInDocumentOrder && !enumerableOnObjectPrototype()) {
    if (restoreNumbers(parsed, text, scan.numbers) === scan.keys) return parsed;
    // JSON.parse keeps one property per repeated key, so the parsed objects hold fewer keys than
    // the text names exactly when a key repeats (or a repeat dropped a whole object). The text
    // is then read again, key by key, to refuse it naming the key and its position.
    refuseRepeatedKey(text);
  }
  // A key that may be an array index (for-in lists those first, not in document order) or an
  // enumerable property on Object.prototype (for-in would list it in every object): the text is
  // parsed again with its numbers quoted, and its keys counted as Object.keys lists them.
  const quoted = JSON.parse(quoteNumbers(text, scan.numbers)) as unknown;
  if (keysIn(quoted) !== scan.keys) refuseRepeatedKey(text);
  return quoted;
}

/** Whether some enumerable property was added to Object.prototype (none is there by default). */
function enumerableOnObjectPrototype(): boolean {
  return Object.keys(Object.prototype).length > 0;
}

/** What {@link scanJson} found. */
interface Scan {
  /** The start and end of each number token, in document order (`[start0, end0, start1, …]`). */
  readonly numbers: Int32Array;
  /** How many object keys the text names. */
  readonly keys: number;
  /** False when a key starts with a digit or an escape: it may be an array index. */
  readonly keysInDocumentOrder: boolean;
}

// The scan's number positions go into one typed array reused from parse to parse (a parse is
// synchronous and reads them before it returns), kept up to 256 KiB: pushing to a new plain
// array cost ~8 ns a number, and a new typed array per parse slowed small texts (realtime frames).
const MAX_KEPT_POSITIONS = 1 << 16;
let positions: Int32Array = new Int32Array(1024);

/**
 * One pass over `text`: where its number tokens are, how many keys it names, and the bounds.
 * Strings are skipped with `indexOf` (native, fast); only the short gaps between strings are
 * read character by character. Its positions and key count are exact on JSON, and used only once
 * `JSON.parse` has accepted the text; its bounds count every token that could start a value,
 * wherever it stands, so they hold on any text.
 */
function scanJson(text: string): Scan {
  const n = text.length;
  // The open containers, true for an object; `depth` of them. `keyNext`: an object key belongs here.
  const inObject: boolean[] = [];
  let depth = 0;
  let keyNext = false;
  let keys = 0;
  let keysInDocumentOrder = true;
  // Values met so far (see MAX_JSON_VALUES).
  let values = 0;
  let numbers = positions;
  let filled = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      if (keyNext) {
        keys++;
        keyNext = false;
        const first = text.charCodeAt(i + 1);
        if ((first >= 48 && first <= 57) || first === 92 /* \ */) keysInDocumentOrder = false;
      } else if (++values > MAX_JSON_VALUES) throw tooManyValues(i);
      i = closingQuote(text, i);
    } else if (c === 58 /* : */) {
      keyNext = false;
    } else if (c === 44 /* , */) {
      keyNext = depth > 0 && inObject[depth - 1] === true;
    } else if (c === 45 /* - */ || (c >= 48 && c <= 57)) {
      if (++values > MAX_JSON_VALUES) throw tooManyValues(i);
      let end = i + 1;
      while (isNumberChar(text.charCodeAt(end))) end++;
      if (filled === numbers.length) {
        numbers = doubled(numbers);
        if (numbers.length <= MAX_KEPT_POSITIONS) positions = numbers;
      }
      numbers[filled++] = i;
      numbers[filled++] = end;
      i = end - 1;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      const isObject = c === 123;
      inObject[depth++] = isObject;
      keyNext = isObject;
      if (depth > MAX_JSON_DEPTH)
        throw new JsonLimitError(`JSON nested deeper than ${MAX_JSON_DEPTH} levels at position ${i}`);
      if (++values > MAX_JSON_VALUES) throw tooManyValues(i);
    } else if (c === 116 /* t */ || c === 102 /* f */ || c === 110 /* n */) {
      // true, false, null: each has one of these letters once (a typo only counts more).
      if (++values > MAX_JSON_VALUES) throw tooManyValues(i);
      // A null's other letters count nothing, so they are skipped (the exchange sends many nulls).
      if (
        c === 110 &&
        text.charCodeAt(i + 1) === 117 &&
        text.charCodeAt(i + 2) === 108 &&
        text.charCodeAt(i + 3) === 108
      )
        i += 3;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      if (depth > 0) depth--;
    }
  }
  return { numbers: numbers.subarray(0, filled), keys, keysInDocumentOrder };
}

function doubled(array: Int32Array): Int32Array {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
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

/**
 * Refuses `text`, which is JSON, with its first repeated key (keys compared after unescaping).
 * In JSON a string is a key exactly when a colon follows it.
 */
function refuseRepeatedKey(text: string): void {
  // The keys of each open container so far (undefined for an array).
  const open: Array<Set<string> | undefined> = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123 /* { */) open.push(new Set());
    else if (c === 91 /* [ */) open.push(undefined);
    else if (c === 125 /* } */ || c === 93 /* ] */) open.pop();
    else if (c === 34 /* " */) {
      const close = closingQuote(text, i);
      let next = close + 1;
      while (isSpace(text.charCodeAt(next))) next++;
      const seen = open[open.length - 1];
      if (seen !== undefined && text.charCodeAt(next) === 58 /* : */) {
        const key = JSON.parse(text.slice(i, close + 1)) as string;
        if (seen.has(key))
          throw new JsonSyntaxError(`Duplicate key ${JSON.stringify(key.slice(0, 40))} in JSON at position ${i}`);
        seen.add(key);
      }
      i = close;
    }
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function isNumberChar(d: number): boolean {
  return (d >= 48 && d <= 57) || d === 46 || d === 101 || d === 69 || d === 43 || d === 45;
}
