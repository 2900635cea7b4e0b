/**
 * The number tokens of a JSON text put back into what `JSON.parse` made of it, as their source
 * text: {@link restoreNumbers} replaces each number of the parsed value in place, and
 * {@link quoteNumbers} quotes each token in the text for a second parse where the first way cannot
 * be used. Both take the tokens' positions from json.ts's scan, and a text `JSON.parse` accepted.
 * @module
 */

/** The walk's state: the text, the tokens' `[start, end, …]` positions, the next token, the keys met. */
interface Walk {
  readonly text: string;
  readonly numbers: Int32Array;
  next: number;
  keys: number;
}

/**
 * Replaces every number in `parsed` (an object or array `JSON.parse` made of `text`) by the text
 * of its token, taking the tokens in document order. Returns how many own keys the objects hold,
 * or -1 when the walk did not meet exactly as many numbers as there are tokens.
 *
 * The walk visits values in document order only when for-in lists every object's keys in the
 * order the text names them: so no key may be an array index (those come first, ascending), no
 * enumerable property may sit on Object.prototype, and no key may repeat (JSON.parse keeps the
 * first one's place with the last one's value; the key count then falls short, so the caller
 * refuses the text). The caller checks the first two before, the last one after.
 */
export function restoreNumbers(parsed: object, text: string, numbers: Int32Array): number {
  const walk: Walk = { text, numbers, next: 0, keys: 0 };
  visit(walk, parsed);
  return walk.next === numbers.length ? walk.keys : -1;
}

function visit(walk: Walk, value: object): void {
  if (Array.isArray(value)) {
    const array = value as unknown[];
    for (let i = 0; i < array.length; i++) {
      const item = array[i];
      if (typeof item === 'number') array[i] = nextToken(walk);
      else if (typeof item === 'object' && item !== null) visit(walk, item);
    }
    return;
  }
  const object = value as Record<string, unknown>;
  for (const key in object) {
    walk.keys++;
    const item = object[key];
    if (typeof item === 'number') object[key] = nextToken(walk);
    else if (typeof item === 'object' && item !== null) visit(walk, item);
  }
}

function nextToken(walk: Walk): string {
  const at = walk.next;
  walk.next = at + 2;
  return walk.text.slice(walk.numbers[at], walk.numbers[at + 1]);
}

/**
 * How many own keys the objects of a parsed value hold, all depths (at most MAX_JSON_DEPTH).
 * Object.keys, not for-in: an enumerable property on Object.prototype is no key of the text (and
 * one holding an object would send for-in round it forever).
 */
export function keysIn(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let n = 0;
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) if (typeof item === 'object' && item !== null) n += keysIn(item);
    return n;
  }
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    n++;
    const item = object[key];
    if (typeof item === 'object' && item !== null) n += keysIn(item);
  }
  return n;
}

/**
 * `text` with each number token wrapped in quotes, so that `JSON.parse` keeps its text. The text
 * is cut where the quotes go in and joined with quotes once (one flat string, not a rope).
 */
export function quoteNumbers(text: string, numbers: Int32Array): string {
  if (numbers.length === 0) return text;
  const pieces: string[] = [];
  let copied = 0;
  for (let k = 0; k < numbers.length; k += 2) {
    const start = numbers[k] as number;
    const end = numbers[k + 1] as number;
    pieces.push(text.slice(copied, start), text.slice(start, end));
    copied = end;
  }
  pieces.push(text.slice(copied));
  return pieces.join('"');
}
