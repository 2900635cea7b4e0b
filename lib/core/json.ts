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
 * Keys are compared after unescaping (`"a"` and `"\u0061"` are the same key).
 * @module
 */

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** Thrown by {@link parseLossless} on text that is not JSON. */
export class JsonSyntaxError extends SyntaxError {
  override name = 'JsonSyntaxError';
}

/** Parses JSON text, keeping every number as its source string. */
export function parseLossless(text: string): unknown {
  return JSON.parse(quoteNumbers(text)) as unknown;
}

/**
 * Wraps every number token outside strings in quotes. A token that is not a JSON number, or a
 * number where an object key belongs, is refused here, because once quoted it would parse.
 * Strings are skipped with `indexOf` (native, fast); only the short gaps between strings are
 * scanned character by character.
 */
function quoteNumbers(text: string): string {
  const n = text.length;
  // Stack of open containers: true for an object. `keyNext` is true where an object key belongs.
  const inObject: boolean[] = [];
  // The keys seen so far in each open object (undefined for arrays and key-less objects).
  const keys: Array<Set<string> | undefined> = [];
  let keyNext = false;
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
        out += text.slice(copied, k) + '"' + token + '"';
        copied = j;
        k = j - 1;
      } else if (c === 123 /* { */) {
        inObject.push(true);
        keys.push(undefined);
        keyNext = true;
      } else if (c === 91 /* [ */) {
        inObject.push(false);
        keys.push(undefined);
        keyNext = false;
      } else if (c === 125 /* } */ || c === 93 /* ] */) {
        inObject.pop();
        keys.pop();
      } else if (c === 44 /* , */) {
        keyNext = inObject[inObject.length - 1] === true;
      } else if (c === 58 /* : */) {
        keyNext = false;
      }
    }
    if (quote === -1) break;
    const close = closingQuote(text, quote);
    if (keyNext) noteKey(keys, text, quote, close);
    i = close + 1;
    keyNext = false;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** The index of the quote closing the string opened at `open` (`text.length` if unterminated). */
function closingQuote(text: string, open: number): number {
  let at = open;
  for (;;) {
    at = text.indexOf('"', at + 1);
    if (at === -1) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === 92 /* \ */) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
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
  if (seen.has(key)) throw new JsonSyntaxError(`Duplicate key ${JSON.stringify(key.slice(0, 40))} in JSON at position ${open}`);
  seen.add(key);
}

function isNumberChar(d: number): boolean {
  return (d >= 48 && d <= 57) || d === 46 || d === 101 || d === 69 || d === 43 || d === 45;
}
